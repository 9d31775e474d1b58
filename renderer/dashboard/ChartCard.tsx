import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/LanguageContext';
import { toCsv, type CsvTable } from './csv';
import { downloadFile, exportName } from './download';

// Only the parts the dashboard draws (chart.js is tree-shaken to them).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

/// What one dashboard chart draws: its kind, labels and data sets.
export interface ChartSpec {
  /// Stable id, used in exported file names (`<corpus>-<id>.png`).
  id: string;
  title: string;
  kind: 'bar' | 'horizontal-bar' | 'stacked-bar' | 'doughnut';
  labels: string[];
  datasets: { label: string; data: number[]; colors: string | string[] }[];
  /// The chart's data for the CSV export.
  table: CsvTable;
}

/// One chart of the dashboard with its title, "save as PNG" and "save data as CSV" buttons, and `children` (the
/// same figures as text, for screen readers and for reading exact numbers).
///
/// The chart is made once and updated in place when the data change (no animation: the dashboard opens and
/// follows saves without redrawing from zero).
export function ChartCard({ spec, corpusName, children }: { spec: ChartSpec; corpusName: string; children?: ReactNode }) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(canvas, configOf(spec));
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
    // The chart is made per kind; data changes are applied below without remaking it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [spec.kind]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const config = configOf(spec);
    chart.data.labels = config.data.labels;
    chart.data.datasets = config.data.datasets;
    chart.update('none');
  }, [spec]);

  const savePng = () => {
    const chart = chartRef.current;
    if (chart) downloadFile(exportName(corpusName, spec.id, 'png'), chart.toBase64Image('image/png', 1));
  };
  const saveCsv = () => downloadFile(exportName(corpusName, spec.id, 'csv'), toCsv(spec.table));
  const headingId = `chart-${spec.id}-title`;

  return (
    <section className="chart-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{spec.title}</h3>
      <div className="chart-canvas">
        <canvas ref={canvasRef} role="img" aria-label={spec.title} />
      </div>
      <div className="chart-actions">
        <button type="button" onClick={savePng} aria-label={t('dashboard.exportPng', { chart: spec.title })}>PNG</button>
        <button type="button" onClick={saveCsv} aria-label={t('dashboard.exportCsv', { chart: spec.title })}>CSV</button>
      </div>
      {children}
    </section>
  );
}

function configOf(spec: ChartSpec): ChartConfiguration<'bar' | 'doughnut'> {
  const datasets = spec.datasets.map((set) => ({ label: set.label, data: set.data, backgroundColor: set.colors, borderWidth: 0 }));
  const common = { animation: false as const, responsive: true, maintainAspectRatio: false };
  if (spec.kind === 'doughnut') {
    return { type: 'doughnut', data: { labels: spec.labels, datasets }, options: { ...common, plugins: { legend: { position: 'right' } } } };
  }
  const stacked = spec.kind === 'stacked-bar';
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      ...common,
      indexAxis: spec.kind === 'horizontal-bar' ? 'y' : 'x',
      plugins: { legend: { display: spec.datasets.length > 1 } },
      scales: { x: { stacked, ticks: { autoSkip: true } }, y: { stacked, beginAtZero: true } },
    },
  };
}
