import { useEffect, useMemo, useRef, useState } from 'react';
import { RULE_IDS, type RuleId } from '../../shared/ocr-assist/types';
import { useT } from '../i18n/LanguageContext';
import { ruleKind } from './review-items';
import { ruleLabel } from './rule-label';
import type { PanelItem, ReviewSnapshot } from './review-snapshot';
import { LayoutPreview } from './LayoutPreview';
import './review.css';

/// How many items of one rule the panel lists; F8 still reaches every one in the text.
const LISTED_PER_RULE = 100;

/// What the panel can ask the editor to do.
export interface ReviewActions {
  accept(id: number): void;
  reject(id: number): void;
  acceptRule(rule: RuleId): void;
  /// Always ignores this rule and string in the corpus (docs/rejections.md).
  ignore(id: number): void;
  /// Makes the item current and shows it in the text.
  focus(id: number): void;
}

/// The side panel of OCR-correction suggestions, grouped by rule with counts.
///
/// Each item shows its text in context, before → after, the rule's explanation, and Accept / Reject; a layout
/// repair also has a before/after preview. A group has "Accept all". The current item (F8) is marked and kept
/// in view.
export function ReviewPanel({
  snapshot,
  error,
  readOnly,
  actions,
  onHide,
}: {
  snapshot: ReviewSnapshot | null;
  error: string | null;
  readOnly: boolean;
  actions: ReviewActions;
  onHide(): void;
}) {
  const t = useT();
  const items = useMemo(() => snapshot?.items ?? [], [snapshot]);
  const groups = useMemo(() => {
    const byRule = new Map<RuleId, PanelItem[]>();
    for (const item of items) {
      const list = byRule.get(item.rule) ?? [];
      list.push(item);
      byRule.set(item.rule, list);
    }
    // In the engine's rule order: layout first, and the reading order before the reflow, which joins lines across
    // the blocks it moves (accepting the reflow first would leave the blocks out of order for good).
    return [...byRule.entries()].sort(([a], [b]) => RULE_IDS.indexOf(a) - RULE_IDS.indexOf(b));
  }, [items]);
  const currentId = snapshot?.currentId ?? null;
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (currentId === null) return;
    listRef.current?.querySelector(`[data-item="${currentId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  let status: string;
  if (readOnly) status = t('review.readOnly');
  else if (error) status = t('review.error', { message: error });
  else if (!snapshot?.loaded) status = t('review.loading');
  else if (items.length === 0) status = t('review.none');
  else status = items.length === 1 ? t('review.countOne') : t('review.count', { count: items.length });

  return (
    <aside className="review-panel" role="region" aria-label={t('review.panel')}>
      <div className="review-head">
        <h2>{t('review.panel')}</h2>
        <button type="button" className="review-hide" onClick={onHide} aria-label={t('review.hide')} title={t('review.hide')}>
          ⟩
        </button>
      </div>
      <p className="review-status" role="status">{status}</p>
      {snapshot && snapshot.rejectionCount > 0 && <p className="hint">{t('review.rejectedCount', { count: snapshot.rejectionCount })}</p>}
      <div className="review-groups" ref={listRef}>
        {groups.map(([rule, list]) => {
          const ruleName = ruleLabel(t, rule);
          return (
            <section key={rule} className={`review-group review-kind-${ruleKind(rule)}`} role="group" aria-label={`${ruleName} (${list.length})`}>
              <div className="review-group-head">
                <h3>
                  <span className={`review-swatch sugg-rule-${rule}`} aria-hidden="true" />
                  {ruleName} <span className="review-count">{list.length}</span>
                </h3>
                <button type="button" onClick={() => actions.acceptRule(rule)} aria-label={t('review.acceptAllNamed', { rule: ruleName })}>
                  {t('review.acceptAll')}
                </button>
              </div>
              <ul className="review-items">
                {list.slice(0, LISTED_PER_RULE).map((item) => (
                  <ReviewRow key={item.id} item={item} current={item.id === currentId} actions={actions} />
                ))}
              </ul>
              {list.length > LISTED_PER_RULE && <p className="hint">{t('review.more', { count: list.length - LISTED_PER_RULE })}</p>}
            </section>
          );
        })}
      </div>
      <p className="hint review-keys">{t('review.keys')}</p>
    </aside>
  );
}

function ReviewRow({ item, current, actions }: { item: PanelItem; current: boolean; actions: ReviewActions }) {
  const t = useT();
  const [previewOpen, setPreviewOpen] = useState(false);
  const layout = ruleKind(item.rule) === 'layout';
  const change = `${shown(item.text)} → ${shown(item.replacement) || t('review.deleteMark')}`;
  return (
    <li className={`review-item${current ? ' current' : ''}`} data-item={item.id} aria-current={current ? 'true' : undefined}>
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
    </li>
  );
}

// Spaces and line breaks are invisible in the list: show them as symbols.
function shown(text: string): string {
  return text.replace(/ /g, '␣').replace(/\u3000/g, '□').replace(/\n/g, '↵');
}
