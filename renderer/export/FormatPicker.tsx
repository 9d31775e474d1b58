import { useId } from 'react';
import type { ExportFormatId } from '../../shared/export/format-ids';
import { useT } from '../i18n/LanguageContext';
import { toggled } from './choices';
import { FORMAT_GROUPS, formatHintKey, formatNameKey } from './format-groups';

/// How many pages of the corpus were read from each layout format (the corrected layout formats apply to them only).
export interface LayoutPageCounts {
  alto: number;
  hocr: number;
  page: number;
}

/// The format checkboxes, in groups, each with its one-line description; several may be ticked at once.
export function FormatPicker({
  formats,
  layoutCounts,
  onChange,
}: {
  formats: readonly ExportFormatId[];
  layoutCounts: LayoutPageCounts;
  onChange(formats: ExportFormatId[]): void;
}) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="export-formats">
      <legend>{t('export.formats')}</legend>
      {FORMAT_GROUPS.map((group) => (
        <div key={group.heading} role="group" aria-label={t(group.heading)} className="export-format-group">
          <h3>{t(group.heading)}</h3>
          {group.heading === 'export.group.layout' && <p className="hint">{t('export.layoutNote', { ...layoutCounts })}</p>}
          {group.formats.map((format) => (
            <div key={format} className="export-format">
              <label>
                <input
                  type="checkbox"
                  checked={formats.includes(format)}
                  aria-describedby={`${id}-${format}`}
                  onChange={(event) => onChange(toggled(formats, format, event.currentTarget.checked))}
                />
                {t(formatNameKey(format))}
              </label>
              <span id={`${id}-${format}`} className="hint">
                {t(formatHintKey(format))}
              </span>
            </div>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
