/// Export benchmark (issue 14, item 5): a generated corpus of 10,000 pages of about 3,000 characters, each with a
/// sidecar of 20 corrections and 30 entity spans (some nested, 𠮷 among the characters), exported in every
/// registered format, each run in a fresh process so its peak memory is its own, then all formats at once.
///
/// `npm run bench:export` prints one row per format: best and median seconds of the runs (the whole run as the
/// command line does it: corpus scan, pages read and judged, exporters, files written and renamed), the median
/// CPU seconds (user + system, all threads of the process: the figure to read on a shared machine), files,
/// problems, peak RSS, the load average before the format's runs, and "✓ < 10 s" or "✗" for the median wall
/// time against the aim.
///
/// Outputs are deleted only after the last run: on this machine's ext4 (mounted with `discard`) creating files is
/// up to 20 times slower for about 20 s after tens of thousands of files were deleted, so deleting one run's
/// output before the next made that run pay for the previous one's deletion. They need disk room meanwhile
/// (about 4 GB per run of every format, XMI 2.3 GB of it).
/// Options (after `--`):
/// - `--runs=N` runs per format (default 3); `--formats=a,b` only those formats;
/// - `--pages=N` another corpus size; `--keep` reuses the corpus in .bench/export/ (and keeps it);
/// - `--layout-every=N` makes every N-th page an ALTO 3.0 file of the same text (about 750 `String`s), so the
///   layout formats have pages to rewrite (`--layout` is `--layout-every=4`; `--layout-every=1`: all pages);
/// - `--exporters[=N]` also times each exporter alone over the first N pages (default 1,000), nothing written.
/// Exits 1 when an export fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExport } from '../../electron/services/export/export';
import { EXPORTERS } from '../../shared/export/registry';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import type { ExportFormatId } from '../../shared/export/format-ids';
import { generateExportCorpus } from './export-bench-corpus';
import { measureExporters } from './export-bench-exporters';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = path.join(repoRoot, '.bench', 'export');
const corpusRoot = path.join(benchDir, 'corpus');
const shapeFile = path.join(benchDir, 'corpus-shape.json');
// Every run's output, deleted after the last run (see above).
const trashDir = path.join(benchDir, 'outputs');
const argValue = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const PAGES = Number(argValue('pages') ?? 10_000);
const RUNS = Math.max(1, Number(argValue('runs') ?? 3));
const LAYOUT_EVERY = Number(argValue('layout-every') ?? (process.argv.includes('--layout') ? 4 : 0));
const AIM_SECONDS = 10;

interface Measured {
  formats: string;
  seconds: number;
  /// CPU seconds of the run, user and system, over every thread of the process.
  cpuSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  written: number;
  pages: number;
  problems: number;
  maxRssMb: number;
}

// One export in this process (the child's part): prints its figures as one JSON line.
async function measureOne(formats: ExportFormatId[], oneDocument: boolean): Promise<void> {
  // A fresh folder each run, left for the parent to delete after the last run.
  const out = path.join(trashDir, `${formats.length === 1 ? formats[0] : 'all'}${oneDocument ? '-one' : ''}-${process.pid}`);
  const options = { ...DEFAULT_EXPORT_OPTIONS, teiGrouping: oneDocument ? 'one-document' : 'per-page' } as const;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await runExport(corpusRoot, { formats, scope: { kind: 'all' }, options }, out, { appVersion: 'bench' });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(`${formats.join(',')}: ${result.error.message}`);
  const measured: Measured = {
    formats: formats.join(',') + (oneDocument ? ' (one document)' : ''),
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    userSeconds: used.user / 1e6,
    systemSeconds: used.system / 1e6,
    written: result.value.written,
    pages: result.value.pages,
    problems: result.value.problems.length,
    // resourceUsage().maxRSS is in kilobytes: the peak of this process, which ran only this export.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(measured));
}

function inChild(formats: readonly string[], oneDocument = false): Measured {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), `--only=${formats.join(',')}`, ...(oneDocument ? ['--one-document'] : [])];
  const child = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    throw new Error(`the export of ${formats.join(',')} failed (exit ${child.status})`);
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
}

interface Row {
  label: string;
  best: number;
  median: number;
  /// Median CPU seconds (user + system) and the user and system parts of that run.
  cpu: Measured;
  load: number;
  last: Measured;
  rss: number;
  aim: boolean;
}

// `RUNS` runs of one export, each in a fresh process.
function measured(label: string, formats: readonly string[], oneDocument: boolean, aim: boolean): Row {
  const load = loadavg()[0]!;
  const runs = Array.from({ length: RUNS }, () => inChild(formats, oneDocument));
  const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b);
  const byCpu = [...runs].sort((a, b) => a.cpuSeconds - b.cpuSeconds);
  const cpu = byCpu[Math.floor((byCpu.length - 1) / 2)]!;
  const row = { label, best: seconds[0]!, median: seconds[Math.floor((seconds.length - 1) / 2)]!, cpu, load, last: runs.at(-1)!, rss: Math.max(...runs.map((r) => r.maxRssMb)), aim };
  console.error(
    `${label}: ${seconds.map((s) => s.toFixed(2)).join(', ')} s; CPU ${runs.map((r) => `${r.cpuSeconds.toFixed(2)} (user ${r.userSeconds.toFixed(2)}, sys ${r.systemSeconds.toFixed(2)})`).join(', ')} s (load ${load.toFixed(1)})`,
  );
  return row;
}

function printTable(rows: readonly Row[]): void {
  const width = Math.max(14, ...rows.map((r) => r.label.length));
  console.log(`${'format'.padEnd(width)}  best s  median s   cpu s (user+sys)   files   pages  problems  peak RSS  load  aim`);
  for (const r of rows) {
    const mark = !r.aim ? '(all formats at once: no aim)' : r.median < AIM_SECONDS ? `✓ < ${AIM_SECONDS} s` : '✗';
    console.log(
      `${r.label.padEnd(width)}  ${r.best.toFixed(2).padStart(6)}  ${r.median.toFixed(2).padStart(8)}  ${`${r.cpu.cpuSeconds.toFixed(2)} (${r.cpu.userSeconds.toFixed(1)}+${r.cpu.systemSeconds.toFixed(1)})`.padStart(17)}  ${String(r.last.written).padStart(6)}  ${String(r.last.pages).padStart(6)}  ` +
        `${String(r.last.problems).padStart(8)}  ${r.rss.toFixed(0).padStart(5)} MB  ${r.load.toFixed(1).padStart(4)}  ${mark}`,
    );
  }
}

const only = argValue('only');
if (only !== undefined) {
  await measureOne(only.split(',') as ExportFormatId[], process.argv.includes('--one-document'));
} else {
  const shape = JSON.stringify({ pages: PAGES, layoutEvery: LAYOUT_EVERY });
  const reuse = process.argv.includes('--keep') && existsSync(corpusRoot) && existsSync(shapeFile) && readFileSync(shapeFile, 'utf8') === shape;
  if (!reuse) {
    const start = performance.now();
    await rm(benchDir, { recursive: true, force: true });
    await generateExportCorpus(corpusRoot, { pages: PAGES, layoutEvery: LAYOUT_EVERY });
    writeFileSync(shapeFile, shape);
    console.error(`generated ${PAGES} pages with sidecars in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  if (existsSync(trashDir)) {
    // Outputs an interrupted bench left: deleted, then 30 s for the file system to settle (see the top).
    await rm(trashDir, { recursive: true, force: true });
    console.error('deleted the outputs of an earlier run; waiting 30 s for the file system to settle');
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  }
  const chosen = argValue('formats')?.split(',') ?? Object.keys(EXPORTERS);
  const startLoad = loadavg()[0]!;
  const rows: Row[] = [];
  for (const format of chosen) {
    rows.push(measured(format, [format], false, true));
    // TEI as one document for the whole selection is a collection exporter of its own.
    if (format === 'tei') rows.push(measured('tei (one document)', ['tei'], true, true));
  }
  if (chosen.length > 1) rows.push(measured(`all ${chosen.length} at once`, chosen, false, false));
  const layout = LAYOUT_EVERY > 0 ? `, every ${LAYOUT_EVERY === 1 ? '' : `${LAYOUT_EVERY}th `}page an ALTO 3.0 file` : ', text pages only';
  console.log(
    `\nExport benchmark: ${PAGES} pages × ~3,000 chars, 20 corrections and 30 entities each${layout}; ${RUNS} run(s) a format, each in a fresh process\n` +
      `Node ${process.version}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${startLoad.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n` +
      `Aim: every format under ${AIM_SECONDS} s (judged on the median run)\n`,
  );
  printTable(rows);
  const sample = process.argv.includes('--exporters') ? 1_000 : Number(argValue('exporters') ?? 0);
  if (sample > 0) {
    console.log(`\nExporters alone over the first ${sample} pages (in memory, nothing written): ms per page`);
    for (const f of await measureExporters(corpusRoot, chosen as ExportFormatId[], sample)) {
      console.log(`${f.format.padEnd(20)}  cpu ${f.cpuMsPerPage.toFixed(3).padStart(7)}  wall ${f.wallMsPerPage.toFixed(3).padStart(7)}  output ${(f.charsPerPage / 1000).toFixed(1).padStart(6)} k chars`);
    }
  }
  await rm(trashDir, { recursive: true, force: true });
  if (!process.argv.includes('--keep')) await rm(benchDir, { recursive: true, force: true });
}
