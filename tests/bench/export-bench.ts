/// Export benchmark: a generated corpus of 10,000 pages of about 3,000 characters, each with a sidecar of 20
/// corrections and 30 entity spans (some nested, 𠮷 among the characters), exported in every registered format,
/// each format in a fresh process so its peak memory is its own, then all formats at once.
///
/// Run with `npm run bench:export` (`-- --keep` reuses the corpus in .bench/export/, `-- --pages=N` for another
/// size, `-- --layout` to make every fourth page an ALTO 3.0 file so the layout formats have pages to rewrite). Prints
/// per format the seconds of the whole run (corpus scan included), files written, problems and the peak RSS, against
/// the aim (< 10 s a format). Exits 1 when an export fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExport } from '../../electron/services/export/export';
import { EXPORTERS } from '../../shared/export/registry';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import type { ExportFormatId } from '../../shared/export/format-ids';
import { generateExportCorpus } from './export-bench-corpus';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = path.join(repoRoot, '.bench', 'export');
const corpusRoot = path.join(benchDir, 'corpus');
const argValue = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const PAGES = Number(argValue('pages') ?? 10_000);
const AIM_SECONDS = 10;

interface Measured {
  formats: string;
  seconds: number;
  written: number;
  pages: number;
  problems: number;
  maxRssMb: number;
}

// One export in this process (the child's part): prints its figures as one JSON line.
async function measureOne(formats: ExportFormatId[], oneDocument: boolean): Promise<void> {
  const out = path.join(benchDir, `out-${formats.length === 1 ? formats[0] : 'all'}`);
  await rm(out, { recursive: true, force: true });
  const options = { ...DEFAULT_EXPORT_OPTIONS, teiGrouping: oneDocument ? 'one-document' : 'per-page' } as const;
  const start = performance.now();
  const result = await runExport(corpusRoot, { formats, scope: { kind: 'all' }, options }, out, { appVersion: 'bench' });
  const seconds = (performance.now() - start) / 1000;
  if (!result.ok) throw new Error(`${formats.join(',')}: ${result.error.message}`);
  const measured: Measured = {
    formats: formats.join(',') + (oneDocument ? ' (one document)' : ''),
    seconds,
    written: result.value.written,
    pages: result.value.pages,
    problems: result.value.problems.length,
    // resourceUsage().maxRSS is in kilobytes: the peak of this process, which ran only this export.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  await rm(out, { recursive: true, force: true });
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

const only = argValue('only');
if (only !== undefined) {
  await measureOne(only.split(',') as ExportFormatId[], process.argv.includes('--one-document'));
} else {
  if (!process.argv.includes('--keep') || !existsSync(corpusRoot)) {
    const start = performance.now();
    await rm(benchDir, { recursive: true, force: true });
    await generateExportCorpus(corpusRoot, { pages: PAGES, layoutEvery: process.argv.includes('--layout') ? 4 : 0 });
    console.log(`generated ${PAGES} pages with sidecars in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const formats = Object.keys(EXPORTERS);
  const rows = formats.map((format) => inChild([format]));
  // TEI as one document for the whole selection is a collection exporter of its own.
  if (formats.includes('tei')) rows.push(inChild(['tei'], true));
  if (formats.length > 1) rows.push(inChild(formats));
  console.log(`\nExport benchmark: ${PAGES} pages × ~3,000 chars, 20 corrections and 30 entities each; Node ${process.version}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()[0]!.toFixed(1)}\n`);
  const width = Math.max(10, ...rows.map((r) => r.formats.length));
  console.log(`${'format'.padEnd(width)}  seconds  files    pages   problems  peak RSS`);
  for (const r of rows) {
    const flag = r.seconds < AIM_SECONDS ? '' : `  (aim < ${AIM_SECONDS} s)`;
    console.log(`${r.formats.padEnd(width)}  ${r.seconds.toFixed(2).padStart(7)}  ${String(r.written).padStart(6)}  ${String(r.pages).padStart(6)}  ${String(r.problems).padStart(8)}  ${r.maxRssMb.toFixed(0).padStart(5)} MB${flag}`);
  }
  if (!process.argv.includes('--keep')) await rm(benchDir, { recursive: true, force: true });
}
