import { useMemo, useState } from 'react';
import { Modal } from '../components/Modal';
import { useErrorWords, useFormat, useT } from '../i18n/LanguageContext';
import { diffLines, mergedText } from './line-diff';
import type { PageContent } from './content';
import type { Conflict } from './session-types';

/// Both versions of the open page side by side, differing lines marked: keep mine (saved over the disk's), take
/// the disk's, or take single lines of the disk's into mine first. Nothing is written until the user chooses.
export function CompareView({ conflict, page, onKeepMine, onTakeTheirs, onLater }: {
  conflict: Conflict;
  page: string;
  onKeepMine(content: PageContent): void;
  onTakeTheirs(): void;
  onLater(): void;
}) {
  const t = useT();
  const errorWords = useErrorWords();
  const format = useFormat();
  const theirs = conflict.theirs;
  const rows = useMemo(() => diffLines(conflict.mine.text, theirs?.text ?? ''), [conflict, theirs]);
  const [taken, setTaken] = useState<ReadonlySet<number>>(new Set());
  const differing = rows.filter((row) => !row.same).length;
  const toggle = (i: number) =>
    setTaken((current) => {
      const next = new Set(current);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  const keep = () => {
    const text = mergedText(rows, taken);
    // Entities whose text moved with a taken line cannot be placed and are reported when the page reopens.
    onKeepMine({ ...conflict.mine, text });
  };
  const time = theirs?.sidecarModified ? format.dateTime(theirs.sidecarModified) : '';
  return (
    <Modal title={t('compare.title', { page })} onCancel={onLater} className="compare-view">
      <p>{t(`compare.reason.${conflict.reason}`, { time })}</p>
      {conflict.problem && <p className="error">{t('compare.unreadable', { message: errorWords(conflict.problem) })} {t('compare.removed')}</p>}
      <p role="status">{differing === 1 ? t('compare.differsOne') : t('compare.differs', { count: differing })}</p>
      {theirs && theirs.status !== conflict.mine.status && (
        // Not a line of text, but part of what "keep mine" would overwrite.
        <p className="compare-status">{t('compare.statusDiffers', { mine: t(`status.${conflict.mine.status}`), theirs: t(`status.${theirs.status}`) })}</p>
      )}
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('compare.mine')}</th>
            <th scope="col" aria-label="—" />
            <th scope="col">{t('compare.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) =>
            row.same ? null : (
              <tr key={i} className={taken.has(i) ? 'compare-row taken' : 'compare-row'}>
                <td>{i + 1}</td>
                <td className="compare-mine" data-testid="compare-mine">{taken.has(i) ? row.theirs : row.mine}</td>
                <td>
                  <button type="button" onClick={() => toggle(i)} aria-label={taken.has(i) ? t('compare.giveLine', { line: i + 1 }) : t('compare.takeLine', { line: i + 1 })}>
                    {taken.has(i) ? '↩' : '←'}
                  </button>
                </td>
                <td className="compare-theirs" data-testid="compare-theirs">{row.theirs}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={keep} disabled={theirs === null}>{t('compare.keepMine')}</button>
        <button type="button" onClick={onTakeTheirs}>{t('compare.takeTheirs')}</button>
        <button type="button" onClick={onLater}>{t('compare.later')}</button>
      </div>
    </Modal>
  );
}
