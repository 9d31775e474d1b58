/// Services benchmark: generates a 10,000-page corpus in .bench/services/ and times scan, open, save and export.
///
/// Run with `npx tsx tests/bench/services-bench.ts` (add `--keep` to reuse the generated corpus next time).
/// The text is generated, not taken from the shared corpus. Prints a table and exits 0.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanCorpus } from '../../electron/services/corpus/corpus-scan';
import { computeCorrections } from '../../shared/model/corrections';
import type { Correction } from '../../shared/model/sidecar-schema';
import { runExport } from '../../electron/services/export/export';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import { openPage } from '../../electron/services/page/open-page';
import { savePage } from '../../electron/services/page/save-page';
import type { PageData } from '../../shared/ipc/contract';

const PAGES = 10_000;
const CHARS_PER_PAGE = 3_000;
const BIG_PAGE_CHARS = 200_000;
const SIDECAR_EVERY = 10; // every 10th page gets a saved sidecar, as in a corpus partly proofread
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Our own sub-folder: other benchmarks keep their files elsewhere in .bench/.
const benchDir = path.join(repoRoot, '.bench', 'services');
const corpusRoot = path.join(benchDir, 'corpus');
const exportDir = path.join(benchDir, 'export');
const keep = process.argv.includes('--keep');

// A small deterministic generator so every run measures the same corpus.
let seed = 20261122;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
}

const PUNCTUATION = '，。、；：“”（）';
function generatedText(chars: number): string {
  const parts: string[] = [];
  let lineLength = 0;
  for (let i = 0; i < chars; i++) {
    const r = random();
    if (lineLength > 30 && r < 0.05) {
      parts.push('\n');
      lineLength = 0;
      continue;
    }
    lineLength++;
    if (r < 0.08) parts.push(PUNCTUATION[Math.floor(random() * PUNCTUATION.length)]!);
    else if (r < 0.081) parts.push(String.fromCodePoint(0x20000 + Math.floor(random() * 0x1000))); // Extension B
    else if (r < 0.1) parts.push(String(Math.floor(random() * 10)));
    else parts.push(String.fromCodePoint(0x4e00 + Math.floor(random() * 0x5000)));
  }
  return parts.join('') + '\n';
}

function pagePath(i: number): string {
  const year = 1950 + Math.floor(i / 1000);
  const month = String(1 + Math.floor((i % 1000) / 100)).padStart(2, '0');
  return `${year}/${month}/page-${String(i).padStart(5, '0')}.txt`;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function mustOpen(rel: string): Promise<PageData> {
  const r = await openPage(corpusRoot, rel);
  if (!r.ok) throw new Error(`open ${rel}: ${r.error.message}`);
  return r.value;
}

async function save(page: PageData, text: string, corrections?: Correction[]): Promise<string> {
  const r = await savePage(
    corpusRoot,
    { path: page.path, text, status: 'in-progress', entities: [], sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash, ...(corrections && { corrections }) },
    'bench',
  );
  if (!r.ok) throw new Error(`save ${page.path}: ${r.error.message}`);
  return r.value.sidecarHash;
}

// Replaces every n-th character so a save has realistic corrections to compute.
function corrected(text: string, every: number): string {
  return Array.from(text, (ch, i) => (i % every === every - 1 && ch !== '\n' ? '校' : ch)).join('');
}

async function generate(): Promise<number> {
  if (keep && existsSync(path.join(corpusRoot, pagePath(PAGES - 1)))) return 0;
  await rm(benchDir, { recursive: true, force: true });
  const start = performance.now();
  const batch = 200;
  for (let i = 0; i < PAGES; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, PAGES - i) }, async (_, k) => {
        const abs = path.join(corpusRoot, ...pagePath(i + k).split('/'));
        await mkdir(path.dirname(abs), { recursive: true });
        await writeFile(abs, generatedText(CHARS_PER_PAGE));
      }),
    );
  }
  for (let i = 0; i < PAGES; i += SIDECAR_EVERY) {
    const page = await mustOpen(pagePath(i));
    await save(page, corrected(page.text, 97));
  }
  await writeFile(path.join(corpusRoot, 'big.txt'), generatedText(BIG_PAGE_CHARS));
  return performance.now() - start;
}

async function main(): Promise<void> {
  const rows: [string, string][] = [];
  const row = (label: string, ms: number, note = '') => rows.push([label, `${ms.toFixed(1)} ms${note ? `  (${note})` : ''}`]);

  const generatedMs = await generate();
  if (generatedMs > 0) row(`generate ${PAGES} pages + ${PAGES / SIDECAR_EVERY} sidecars`, generatedMs);

  let firstBatchMs = -1;
  const scanStart = performance.now();
  const cold = await scanCorpus(corpusRoot, {
    onBatch: () => {
      if (firstBatchMs < 0) firstBatchMs = performance.now() - scanStart;
    },
  });
  const coldMs = performance.now() - scanStart;
  if (!cold.ok) throw new Error(cold.error.message);
  row('scan: first batch', firstBatchMs);
  row('scan: full, no index cache', coldMs, `${cold.value.pages.length} pages`);
  const warm = await timed(() => scanCorpus(corpusRoot, { index: cold.value.index }));
  if (!warm.value.ok) throw new Error(warm.value.error.message);
  row('scan: full, with index cache', warm.ms, `${Object.keys(cold.value.index).length} cached sidecars`);

  const openTimes: number[] = [];
  for (let i = 0; i < 20; i++) openTimes.push((await timed(() => mustOpen(pagePath(1 + i * 37)))).ms);
  row('openPage (3,000 chars), median of 20', median(openTimes));

  const saveTimes: number[] = [];
  let page = await mustOpen(pagePath(5));
  for (let i = 0; i < 20; i++) {
    const text = corrected(page.originalText, 50 + i);
    const t = await timed(() => save(page, text));
    saveTimes.push(t.ms);
    page = { ...page, sidecarHash: t.value };
  }
  row('savePage (3,000 chars, ~60 corrections), median of 20', median(saveTimes));

  const big = await timed(() => mustOpen('big.txt'));
  row(`openPage (${BIG_PAGE_CHARS.toLocaleString('en')} chars)`, big.ms);
  const bigSave = await timed(() => save(big.value, corrected(big.value.originalText, 200)));
  row(`savePage (${BIG_PAGE_CHARS.toLocaleString('en')} chars, ~1,000 corrections, re-diffed)`, bigSave.ms);
  // As the app saves: the editor sends its corrections, which the service only checks (median of 5).
  let bigPage: PageData = { ...big.value, sidecarHash: bigSave.value };
  const withCorrections: number[] = [];
  for (let i = 0; i < 5; i++) {
    const text = corrected(big.value.originalText, 190 + i);
    const corrections = computeCorrections(big.value.originalText, text);
    const t = await timed(() => save(bigPage, text, corrections));
    withCorrections.push(t.ms);
    bigPage = { ...bigPage, sidecarHash: t.value };
  }
  row(`savePage (${BIG_PAGE_CHARS.toLocaleString('en')} chars, editor's corrections checked), median of 5`, median(withCorrections));

  await rm(exportDir, { recursive: true, force: true });
  const exported = await timed(() => runExport(corpusRoot, { formats: ['text'], scope: { kind: 'all' }, options: DEFAULT_EXPORT_OPTIONS }, exportDir, { appVersion: 'bench' }));
  if (!exported.value.ok) throw new Error(exported.value.error.message);
  row(`export all pages`, exported.ms, `${exported.value.value.written} written, ${exported.value.value.problems.length} problems`);

  const width = Math.max(...rows.map(([l]) => l.length));
  console.log(`\nServices benchmark (${PAGES} pages × ${CHARS_PER_PAGE} CJK chars, Node ${process.version})\n`);
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  if (!keep) await rm(benchDir, { recursive: true, force: true });
}

await main();
