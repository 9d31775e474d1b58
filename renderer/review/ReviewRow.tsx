import { useState } from 'react';
import { useT } from '../i18n/LanguageContext';
import { LayoutPreview } from './LayoutPreview';
import type { ReviewActions } from './ReviewPanel';
import { ruleKind } from './review-items';
import type { PanelItem } from './review-snapshot';

/// Props of one suggestion's row in the OCR panel.
export interface ReviewRowProps {
  item: PanelItem;
  current: boolean;
  actions: ReviewActions;
  /// Its place in the virtualised list: `data-index`, the measuring ref and the space left for unrendered rows.
  index: number;
  measure(element: Element | null): void;
  marginTop: number;
  /// Its place among its rule's items, for screen readers (the list holds only the rows in view).
  position: number;
  setSize: number;
}

/// One suggestion in the OCR panel: its text in context, before → after, the rule's explanation, Accept / Reject /
/// Always ignore, and for a layout repair a before/after preview.
export function ReviewRow({ item, current, actions, index, measure, marginTop, position, setSize }: ReviewRowProps) {
  const t = useT();
  const [previewOpen, setPreviewOpen] = useState(false);
  const layout = ruleKind(item.rule) === 'layout';
  const change = `${shown(item.text)} → ${shown(item.replacement) || t('review.deleteMark')}`;
  return (
    <li
      className={`review-item${current ? ' current' : ''}`}
      data-item={item.id}
      data-index={index}
      ref={measure}
      style={{ marginTop }}
      aria-current={current ? 'true' : undefined}
      aria-setsize={setSize}
      aria-posinset={position}
    >
      <div className="review-card">
        <button type="button" className="review-where" onClick={() => actions.focus(item.id)} title={t('review.line', { line: item.line })}>
          {layout ? (
            <>
              <span className="review-line">{t('review.lines', { first: item.line, last: item.lastLine })}</span>
              <span className="review-context"> {[...item.text.replace(/\n/g, '')].slice(0, 14).join('')}…</span>
            </>
          ) : (
            <>
              <span className="review-context">{item.left}</span>
              <del>{shown(item.text)}</del>
              <span className="review-arrow" aria-hidden="true">→</span>
              <ins>{shown(item.replacement) || '∅'}</ins>
              <span className="review-context">{item.right}</span>
              <span className="visually-hidden">{change}</span>
            </>
          )}
        </button>
        <p className="review-explanation">{item.explanation}</p>
        <div className="review-actions">
          <button type="button" onClick={() => actions.accept(item.id)}>{t('review.accept')}</button>
          <button type="button" onClick={() => actions.reject(item.id)}>{t('review.reject')}</button>
          <button type="button" onClick={() => actions.ignore(item.id)} aria-label={t('review.ignoreNamed', { change })} title={t('review.ignoreHint')}>
            {t('review.ignore')}
          </button>
          {layout && (
            <button type="button" aria-expanded={previewOpen} onClick={() => setPreviewOpen((open) => !open)} aria-label={t('review.previewNamed', { line: item.line })}>
              {t('review.preview')}
            </button>
          )}
        </div>
        {layout && previewOpen && <LayoutPreview before={item.text} after={item.replacement} />}
      </div>
    </li>
  );
}

// Spaces and line breaks are invisible in the list: show them as symbols.
function shown(text: string): string {
  return text.replace(/ /g, '␣').replace(/\u3000/g, '□').replace(/\n/g, '↵');
}
