import { useT } from '../i18n/LanguageContext';
import type { PageFigures } from './page-figures';

/// The open page's statistics: corrections by hand and by rule, entities by type (their tag set labels), and what
/// is still waiting (low-confidence characters unreviewed, OCR and entity suggestions).
export function PageStatsPanel({ figures, typeLabel }: { figures: PageFigures; typeLabel(type: string): string }) {
  const t = useT();
  const pending = figures.pending;
  const unknown = '—';
  return (
    <section className="page-stats" aria-labelledby="page-stats-title">
      <h3 id="page-stats-title">{t('stats.title')}</h3>
      <dl>
        <dt>{t('stats.hand')}</dt>
        <dd data-testid="stats-hand">{figures.hand}</dd>
        <dt>{t('stats.rule')}</dt>
        <dd data-testid="stats-rule">{figures.rule}</dd>
        <dt>{t('stats.lowConfidence')}</dt>
        <dd data-testid="stats-low-confidence">
          {!figures.hasConfidences ? t('stats.lowConfidenceNone') : pending === null ? unknown : pending.lowConfidence}
        </dd>
        <dt>{t('stats.ocrSuggestions')}</dt>
        <dd data-testid="stats-ocr-suggestions">{pending === null ? unknown : pending.ocrSuggestions}</dd>
        <dt>{t('stats.entitySuggestions')}</dt>
        <dd data-testid="stats-entity-suggestions">{pending === null ? unknown : pending.entitySuggestions}</dd>
      </dl>
      <h4 id="page-stats-entities">{t('stats.entities')}</h4>
      {figures.entities.length === 0 ? (
        <p className="hint">{t('stats.entitiesNone')}</p>
      ) : (
        <ul aria-labelledby="page-stats-entities" data-testid="stats-entities">
          {figures.entities.map((row) => (
            <li key={row.type}>
              {typeLabel(row.type)}: {row.count}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
