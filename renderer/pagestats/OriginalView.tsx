import { useEffect, useMemo, useState } from 'react';
import type { PageData } from '../../shared/ipc/contract';
import { Modal } from '../components/Modal';
import type { PageEditorHandle } from '../editor/PageEditor';
import { useT } from '../i18n/LanguageContext';
import { comparePage, type Segment } from './compare-rows';
import { pageFigures } from './page-figures';
import { PageStatsPanel } from './PageStatsPanel';
import './original-view.css';

/// The layouts of the view.
export type CompareLayout = 'side' | 'unified';

// How often the figures are read again while the page's OCR suggestions have not arrived.
const FIGURES_POLL_MS = 500;

// The layout chosen last, remembered in this renderer's storage (a view preference, not corpus data).
const LAYOUT_KEY = 'jiaodui.originalView.layout';

function storedLayout(): CompareLayout {
  try {
    return window.localStorage.getItem(LAYOUT_KEY) === 'unified' ? 'unified' : 'side';
  } catch {
    return 'side';
  }
}

/// The open page's original (the page file as read: decoded, NFC, LF) against its corrected text as the editor holds
/// it now, read-only: side by side (one scroll box, so both columns scroll together) or unified, every removed and
/// added code point marked; with the page's statistics. Taken when opened: it does not follow later typing.
export function OriginalView({ page, editor, typeLabel, onClose }: {
  page: PageData;
  editor: PageEditorHandle | null;
  typeLabel(type: string): string;
  onClose(): void;
}) {
  const t = useT();
  const [layout, setLayout] = useState<CompareLayout>(storedLayout);
  // A snapshot of the page when the view opens (the editor cannot change behind the modal view).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const comparison = useMemo(() => comparePage(page.originalText, editor?.getText() ?? page.text), []);
  const readFigures = () => pageFigures(editor?.getCorrections() ?? page.corrections, editor?.getEntities() ?? page.entities, editor?.getView()?.state ?? null);
  const [figures, setFigures] = useState(readFigures);
  // The OCR suggestions may still be on their way (the first request of a page waits for the models): the figures
  // are read again until they have come.
  useEffect(() => {
    if (figures.pending !== null || editor === null) return;
    const timer = window.setInterval(() => {
      const next = readFigures();
      if (next.pending !== null) setFigures(next);
    }, FIGURES_POLL_MS);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [figures.pending, editor]);
  const choose = (next: CompareLayout) => {
    setLayout(next);
    try {
      window.localStorage.setItem(LAYOUT_KEY, next);
    } catch {
      // Storage refused (private mode): the choice lasts this session only.
    }
  };

  return (
    <Modal title={t('origView.title', { page: page.path })} onCancel={onClose} className="original-view">
      <div className="original-view-top">
        <fieldset className="original-view-layout">
          <legend>{t('origView.layout')}</legend>
          {(['side', 'unified'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="original-view-layout" value={value} checked={layout === value} onChange={() => choose(value)} />
              {value === 'side' ? t('origView.sideBySide') : t('origView.unified')}
            </label>
          ))}
        </fieldset>
        <p role="status" data-testid="original-view-summary">
          {comparison.changedLines === 0
            ? t('origView.same')
            : t('origView.summary', { removed: comparison.removed, added: comparison.added, lines: comparison.changedLines })}
        </p>
        <p className="hint">{t('origView.legend')}</p>
      </div>
      <div className="original-view-body">
        <div className="original-view-scroll" role="region" aria-label={t('origView.text')} tabIndex={0} data-testid="original-view-text">
          {layout === 'side' ? (
            <table className="original-view-table">
              <thead>
                <tr>
                  <th scope="col" className="line-no">#</th>
                  <th scope="col">{t('origView.original')}</th>
                  <th scope="col" className="line-no">#</th>
                  <th scope="col">{t('origView.corrected')}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((row, i) => (
                  <tr key={i} className={row.changed ? 'changed' : undefined}>
                    <td className="line-no">{row.originalNo ?? ''}</td>
                    <td className="original-side" data-testid="original-line">{row.original && <Line segments={row.original} />}</td>
                    <td className="line-no">{row.correctedNo ?? ''}</td>
                    <td className="corrected-side" data-testid="corrected-line">{row.corrected && <Line segments={row.corrected} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <ol className="original-view-unified">
              {comparison.unified.map((line, i) => (
                <li key={i} data-testid="unified-line">
                  <Line segments={line} />
                </li>
              ))}
            </ol>
          )}
        </div>
        <PageStatsPanel figures={figures} typeLabel={typeLabel} />
      </div>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{t('origView.close')}</button>
      </div>
    </Modal>
  );
}

// A line's pieces: removed text as <del>, added as <ins>, so the marks are also in the document's semantics.
function Line({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.kind === 'del' ? <del key={i}>{segment.text}</del> : segment.kind === 'ins' ? <ins key={i}>{segment.text}</ins> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
