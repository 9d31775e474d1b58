import { useId } from 'react';
import type { ExportOptions } from '../../shared/export/types';
import { useT } from '../i18n/LanguageContext';
import type { MessageKey } from '../i18n/messages';

// Each option with its choices, in the order shown; the message keys are `export.option.<name>` and
// `export.option.<value>`.
const OPTIONS: { [K in keyof ExportOptions]: { option: K; legend: MessageKey; values: readonly ExportOptions[K][] } }[keyof ExportOptions][] = [
  { option: 'teiGrouping', legend: 'export.option.teiGrouping', values: ['per-page', 'one-document'] },
  { option: 'lineBreaks', legend: 'export.option.lineBreaks', values: ['original', 'paragraphs'] },
  { option: 'nestedSpans', legend: 'export.option.nestedSpans', values: ['outermost', 'innermost'] },
];

/// The export options (`ExportOptions`), one radio group each; the legend names the formats an option concerns.
export function OptionsPicker({ options, onChange }: { options: ExportOptions; onChange(options: ExportOptions): void }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="export-options">
      <legend>{t('export.options')}</legend>
      {OPTIONS.map(({ option, legend, values }) => (
        <div key={option} role="radiogroup" aria-label={t(legend)} className="export-option">
          <span className="export-option-name">{t(legend)}</span>
          {values.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-${option}`}
                checked={options[option] === value}
                onChange={() => onChange({ ...options, [option]: value })}
              />
              {t(`export.option.${value}`)}
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
