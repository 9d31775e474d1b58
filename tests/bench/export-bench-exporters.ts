/// The exporters' own share of the export benchmark (`npm run bench:export -- --exporters`): the first pages of the
/// generated corpus read once into memory, then every registered exporter run over them with nothing written, so
/// the figure is the exporter's CPU time per page, apart from reading and disk. CPU time (user + system of this
/// process) is the figure to read on a busy machine; wall time is shown beside it. Replaces the earlier
/// exporter-only benches (export-nlp-bench, tei-export-bench).
import { realpathSync } from 'node:fs';
import { pagesInScope } from '../../electron/services/export/export-scope';
import { exportPageFromFiles, readExportFiles } from '../../electron/services/export/read-export-page';
import { exporterFor } from '../../shared/export/registry';
import type { ExportFormatId } from '../../shared/export/format-ids';
import { DEFAULT_EXPORT_OPTIONS, type ExportContext, type ExportPage } from '../../shared/export/types';

/// One exporter's figures over the sample.
export interface ExporterFigure {
  format: string;
  cpuMsPerPage: number;
  wallMsPerPage: number;
  /// Output characters (UTF-16 units) per page.
  charsPerPage: number;
}

/// Runs each of `formats` (TEI twice: per page and one document) over the first `sample` pages of the corpus.
export async function measureExporters(corpusRoot: string, formats: readonly ExportFormatId[], sample: number): Promise<ExporterFigure[]> {
  const realRoot = realpathSync(corpusRoot);
  const scoped = await pagesInScope(realRoot, { kind: 'all' }, {});
  if (!scoped.ok) throw new Error(scoped.error.message);
  const pages: ExportPage[] = [];
  for (const entry of scoped.value.slice(0, sample)) {
    const read = exportPageFromFiles(entry, await readExportFiles(realRoot, entry));
    if (read.ok) pages.push(read.page);
  }
  const figures: ExporterFigure[] = [];
  const runs: { label: string; format: ExportFormatId; grouping: 'per-page' | 'one-document' }[] = formats.map((format) => ({ label: format, format, grouping: 'per-page' }));
  if (formats.includes('tei')) runs.push({ label: 'tei (one document)', format: 'tei', grouping: 'one-document' });
  for (const { label, format, grouping } of runs) {
    const context: ExportContext = { appVersion: 'bench', startedAt: new Date(0).toISOString(), options: { ...DEFAULT_EXPORT_OPTIONS, teiGrouping: grouping } };
    const exporter = exporterFor(format, context.options)!;
    let chars = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    pages.forEach((page, index) => {
      if (exporter.kind === 'per-page') {
        const result = exporter.exportPage(page, context);
        if (result.ok) for (const file of result.files) chars += file.content.length;
      } else {
        const result = exporter.page(page, index, context);
        if (result.ok) chars += result.chunk.length;
      }
    });
    const used = process.cpuUsage(cpu);
    figures.push({
      format: label,
      cpuMsPerPage: (used.user + used.system) / 1000 / pages.length,
      wallMsPerPage: (performance.now() - start) / pages.length,
      charsPerPage: chars / pages.length,
    });
  }
  return figures;
}
