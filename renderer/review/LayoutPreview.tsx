import { useT } from '../i18n/LanguageContext';

/// The before/after view of a layout repair: the lines as the OCR set them, numbered, and the text after the repair.
///
/// Blank lines (where a column ended) are shown as an empty numbered line so the editor sees what disappears.
export function LayoutPreview({ before, after }: { before: string; after: string }) {
  const t = useT();
  return (
    <div className="layout-preview">
      <figure role="group" aria-label={t('review.before')}>
        <figcaption>{t('review.before')}</figcaption>
        <ol className="layout-lines">
          {before.split('\n').map((line, index) => (
            <li key={index} className={line.trim() === '' ? 'blank' : undefined}>{line === '' ? '\u00a0' : clipped(line)}</li>
          ))}
        </ol>
      </figure>
      <figure role="group" aria-label={t('review.after')}>
        <figcaption>{t('review.after')}</figcaption>
        <ol className="layout-lines after">
          {after.split('\n').map((line, index) => (
            <li key={index}>{line === '' ? '\u00a0' : line}</li>
          ))}
        </ol>
      </figure>
    </div>
  );
}

// A long line is shown by its two ends, where it meets the lines around it; the "after" view has the whole text.
function clipped(line: string): string {
  const chars = [...line];
  return chars.length <= 36 ? line : `${chars.slice(0, 10).join('')} … ${chars.slice(-16).join('')}`;
}
