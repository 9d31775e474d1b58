import type { TopEntity } from '../../shared/model/page-stats';
import type { MessageKey } from '../i18n/messages';
import type { ChartSpec } from './ChartCard';
import { STATUS_KEYS, type CorpusSummary } from './summary';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/// Status colours of the charts, as the page list's status dots.
export const STATUS_COLORS: Record<(typeof STATUS_KEYS)[number], string> = {
  none: '#b8b8b8',
  unreviewed: '#8c9bab',
  'in-progress': '#e0a030',
  reviewed: '#3a9a5b',
  'needs-attention': '#d04a3c',
};
const HAND_COLOR = '#3f6fb5';
const RULE_COLOR = '#9b6cc4';
const TYPE_COLORS = ['#3f6fb5', '#d08a2c', '#3a9a5b', '#c0504d', '#7d5fb2', '#2d9cae', '#a0783c', '#6b6b6b'];

const PENDING_COLORS = ['#d08a2c', '#3f6fb5', '#3a9a5b'];

/// The dashboard's charts from a summary and the corpus's most frequent entities, with their labels in the UI
/// language; entity types are shown by their tagset label (`typeLabel`), not their id.
export function chartSpecs(
  summary: CorpusSummary,
  t: Translate,
  top: readonly TopEntity[],
  typeLabel: (type: string) => string,
): { status: ChartSpec; corrections: ChartSpec; types: ChartSpec; entities: ChartSpec; pending: ChartSpec } {
  const statusLabels = STATUS_KEYS.map((key) => t(`status.${key}`));
  const statusCounts = STATUS_KEYS.map((key) => summary.byStatus[key]);
  const pages = summary.mostCorrected;
  return {
    status: {
      id: 'status',
      title: t('dashboard.status'),
      kind: 'doughnut',
      labels: statusLabels,
      datasets: [{ label: t('dashboard.colCount'), data: statusCounts, colors: STATUS_KEYS.map((key) => STATUS_COLORS[key]) }],
      table: { header: [t('dashboard.colStatus'), t('dashboard.colCount')], rows: STATUS_KEYS.map((key, i) => [statusLabels[i]!, statusCounts[i]!]) },
    },
    corrections: {
      id: 'corrections',
      title: t('dashboard.mostCorrected'),
      kind: 'stacked-bar',
      labels: pages.map((page) => page.path),
      datasets: [
        { label: t('dashboard.hand'), data: pages.map((page) => page.hand), colors: HAND_COLOR },
        { label: t('dashboard.rule'), data: pages.map((page) => page.rule), colors: RULE_COLOR },
      ],
      table: {
        header: [t('dashboard.colPage'), t('dashboard.hand'), t('dashboard.rule'), t('dashboard.colTotal')],
        rows: pages.map((page) => [page.path, page.hand, page.rule, page.hand + page.rule]),
      },
    },
    types: {
      id: 'entity-types',
      title: t('dashboard.entitiesByType'),
      kind: 'bar',
      labels: summary.entitiesByType.map((row) => typeLabel(row.type)),
      datasets: [{ label: t('dashboard.colCount'), data: summary.entitiesByType.map((row) => row.count), colors: summary.entitiesByType.map((_, i) => TYPE_COLORS[i % TYPE_COLORS.length]!) }],
      table: { header: [t('dashboard.colType'), t('dashboard.colCount')], rows: summary.entitiesByType.map((row) => [typeLabel(row.type), row.count]) },
    },
    entities: {
      id: 'top-entities',
      title: t('dashboard.topEntities'),
      kind: 'horizontal-bar',
      labels: top.map((entity) => `${entity.text} (${typeLabel(entity.type)})`),
      datasets: [{ label: t('dashboard.colCount'), data: top.map((entity) => entity.count), colors: HAND_COLOR }],
      table: {
        header: [t('dashboard.colText'), t('dashboard.colType'), t('dashboard.colCount')],
        rows: top.map((entity) => [entity.text, typeLabel(entity.type), entity.count]),
      },
    },
    pending: pendingSpec(summary, t),
  };
}

// What was still waiting when the pages were last saved: low-confidence characters, OCR and entity suggestions.
function pendingSpec(summary: CorpusSummary, t: Translate): ChartSpec {
  const labels = [t('dashboard.lowConfidenceChars'), t('dashboard.ocrSuggestions'), t('dashboard.entitySuggestions')];
  const counts = [summary.pending.lowConfidence, summary.pending.ocrSuggestions, summary.pending.entitySuggestions];
  return {
    id: 'pending',
    title: t('dashboard.pending'),
    kind: 'horizontal-bar',
    labels,
    datasets: [{ label: t('dashboard.colCount'), data: counts, colors: PENDING_COLORS }],
    table: { header: [t('dashboard.colWhat'), t('dashboard.colCount')], rows: labels.map((label, i) => [label, counts[i]!]) },
  };
}
