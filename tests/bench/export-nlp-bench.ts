/// The NLP exporters' share of the issue 14 export benchmark: 10,000 generated pages of 3,000 characters (CJK with
/// Extension B characters, punctuation, line breaks) with 30 entities (some nested) each, through CoNLL BIO, CoNLL
/// BIOES, UIMA CAS XMI and WebAnno TSV, one page at a time as the export service streams them (the output is counted,
/// not kept, so only the exporters' CPU time and memory are measured, not the disk).
///
/// Run: `node --import tsx tests/bench/export-nlp-bench.ts [pages]`.
import { EXPORTERS } from '../../shared/export/registry';
import { DEFAULT_EXPORT_OPTIONS, type ExportContext, type ExportPage } from '../../shared/export/types';
import { makePage } from './export-nlp-pages';

const PAGES = Number(process.argv[2] ?? 10_000);
const context: ExportContext = { appVersion: 'bench', startedAt: new Date(0).toISOString(), options: DEFAULT_EXPORT_OPTIONS };
const formats = ['conll', 'conll-bioes', 'xmi', 'webanno-tsv'] as const;
// Pages are generated ahead in batches of 100 and the generation time left out of each format's figures. CPU time
// (user + system of this process) is the figure to read on a busy machine; wall time is shown beside it.
const BATCH = 100;
let total = 0;
for (const format of formats) {
  const exporter = EXPORTERS[format]!;
  let bytes = 0;
  let peak = 0;
  let ms = 0;
  let cpu = 0;
  let cpuBegan = process.cpuUsage();
  if (exporter.kind === 'collection') bytes += exporter.start(context).length;
  let batch: ExportPage[] = [];
  let began = 0;
  for (let n = 0; n < PAGES; n++) {
    if (n % BATCH === 0) {
      if (began !== 0) {
        ms += performance.now() - began;
        const used = process.cpuUsage(cpuBegan);
        cpu += (used.user + used.system) / 1000;
      }
      batch = Array.from({ length: Math.min(BATCH, PAGES - n) }, (_, k) => makePage(n + k));
      began = performance.now();
      cpuBegan = process.cpuUsage();
    }
    const page = batch[n % BATCH]!;
    if (exporter.kind === 'collection') {
      const result = exporter.page(page, n, context);
      if (result.ok) bytes += result.chunk.length;
    } else {
      const result = exporter.exportPage(page, context);
      if (result.ok) for (const file of result.files) bytes += file.content.length;
    }
    if (n % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  ms += performance.now() - began;
  const used = process.cpuUsage(cpuBegan);
  cpu += (used.user + used.system) / 1000;
  total += cpu;
  console.log(`${format.padEnd(12)} ${PAGES} pages  CPU ${(cpu / 1000).toFixed(2)} s  wall ${(ms / 1000).toFixed(2)} s  ${(bytes / 1e6).toFixed(0)} M chars out  heap peak ${(peak / 1e6).toFixed(0)} MB`);
}
console.log(`all four      ${(total / 1000).toFixed(2)} s (CPU time of the exporters; page generation left out)`);
