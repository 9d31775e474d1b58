/// Batch-correction benchmark: generates 10,000 pages in .bench/batch/ and times, through the same handler table
/// the app uses, the corpus scan, the background fill of the corpus text cache that follows it, the first search
/// (sent while the fill runs, and after it), warm searches (each mode), a replacement over 200 pages and its undo.
///
/// Run with `npx tsx tests/bench/batch-bench.ts` (add `--keep` to reuse the generated corpus next time). The text
/// is generated, not taken from the shared corpus. Prints a table (and whether the slowest warm search met the
/// 1 s target of issue 5) and exits 0.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../../electron/services/handlers/table';
import { openPage } from '../../electron/services/page/open-page';
import { savePage } from '../../electron/services/page/save-page';
import type { BatchQuery, BatchReplaceOutcome, BatchSearchOutcome } from '../../shared/ipc/contract';

const PAGES = 10_000;
const CHARS_PER_PAGE = 6_000; // about the size of the shared corpus's newspaper pages
const SIDECAR_EVERY = 10;
const PLANT_EVERY = 50; // every 50th page holds the planted OCR error twice
const WARM_RUNS = 5;
const TARGET_MS = 1000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = path.join(repoRoot, '.bench', 'batch');
const corpusRoot = path.join(benchDir, 'corpus');
const keep = process.argv.includes('--keep');

let seed = 20261123;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
}

const COMMON = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府';
const PUNCTUATION = '，。、；：“”（）';
function generatedText(chars: number, plant: boolean): string {
  const parts: string[] = [];
  let lineLength = 0;
  for (let i = 0; i < chars; i++) {
    if (plant && (i === 1000 || i === 4000)) parts.push('锅护房');
    const r = random();
    if (lineLength > 14 && r < 0.08) {
      parts.push('\n');
      lineLength = 0;
      continue;
    }
    lineLength++;
    if (r < 0.1) parts.push(PUNCTUATION[Math.floor(random() * PUNCTUATION.length)]!);
    else if (r < 0.101) parts.push('𠮷');
    else if (r < 0.12) parts.push(String(Math.floor(random() * 10)));
    else parts.push(COMMON[Math.floor(random() * COMMON.length)]!);
  }
  return parts.join('') + '\n';
}

const pagePath = (i: number) => `${1950 + Math.floor(i / 1000)}/${String(1 + Math.floor((i % 1000) / 100)).padStart(2, '0')}/page-${String(i).padStart(5, '0')}.txt`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function generate(): Promise<number> {
  if (keep && existsSync(path.join(corpusRoot, pagePath(PAGES - 1)))) return 0;
  await rm(benchDir, { recursive: true, force: true });
  const start = performance.now();
  for (let i = 0; i < PAGES; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, PAGES - i) }, async (_, k) => {
        const abs = path.join(corpusRoot, ...pagePath(i + k).split('/'));
        await mkdir(path.dirname(abs), { recursive: true });
        await writeFile(abs, generatedText(CHARS_PER_PAGE, (i + k) % PLANT_EVERY === 0));
      }),
    );
  }
  for (let i = 0; i < PAGES; i += SIDECAR_EVERY) {
    const page = await openPage(corpusRoot, pagePath(i));
    if (!page.ok) throw new Error(page.error.message);
    const text = page.value.text.replace('的', '得');
    const saved = await savePage(corpusRoot, { path: page.value.path, text, status: 'in-progress', entities: [], sourceSha256: page.value.sha256, expectedSidecarHash: null }, 'bench');
    if (!saved.ok) throw new Error(saved.error.message);
  }
  return performance.now() - start;
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
  const rows: [string, string][] = [];
  const row = (label: string, ms: number, note = '') => rows.push([label, `${ms.toFixed(1)} ms${note ? `  (${note})` : ''}`]);
  const generatedMs = await generate();
  if (generatedMs > 0) row(`generate ${PAGES} pages + ${PAGES / SIDECAR_EVERY} sidecars`, generatedMs);

  const stateDir = path.join(benchDir, 'state');
  await rm(stateDir, { recursive: true, force: true });
  const handlers = createHandlers({ dialogs: { chooseFolder: async () => null }, emit: () => undefined, stateFile: path.join(stateDir, 'state.json'), appVersion: 'bench', shell: 'browser' });
  const search = async (query: BatchQuery): Promise<{ ms: number; outcome: BatchSearchOutcome; jsonBytes: number }> => {
    const start = performance.now();
    const r = await handlers.handle('batch.search', [query]);
    if (!r.ok) throw new Error(r.error.message);
    // The reply crosses IPC as JSON (structured clone in Electron, JSON over the harness bridge): count it in.
    const json = JSON.stringify(r.value);
    return { ms: performance.now() - start, outcome: r.value as BatchSearchOutcome, jsonBytes: json.length };
  };
  const plain: BatchQuery = { pattern: '锅护', mode: 'plain', scope: 'corrected', replacement: '锅炉' };
  const openAndScan = async (): Promise<number> => {
    const start = performance.now();
    const opened = await handlers.openCorpus(corpusRoot);
    if (!opened.ok) throw new Error(opened.error.message);
    await handlers.scanFinished();
    return performance.now() - start;
  };

  // 1. A search sent the moment the scan ends: the background fill of the text cache has just started, and the
  // search waits for it. (Opening the corpus again drops the previous cache, so each open starts cold.)
  row(`open the corpus: scan of ${PAGES} pages (first scan, no index yet)`, await openAndScan());
  const during = await search(plain);
  row('first search right after the scan, fill still running (waits for it)', during.ms, `${during.outcome.total} hits`);

  // 2. The background fill alone, with the event loop's worst delay meanwhile (what an IPC request would wait).
  row(`open the corpus again: scan of ${PAGES} pages (with the index)`, await openAndScan());
  let worstLag = 0;
  let tick = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    worstLag = Math.max(worstLag, now - tick - 1);
    tick = now;
  }, 1);
  let start = performance.now();
  await handlers.corpusTextsLoaded();
  clearInterval(probe);
  row(`background fill of the text cache after the scan (${PAGES} pages + ${PAGES / SIDECAR_EVERY} sidecars)`, performance.now() - start, `event loop delayed ${worstLag.toFixed(0)} ms at worst`);
  const first = await search(plain);
  row('first search after the fill is done', first.ms, `${first.outcome.total} hits`);

  const queries: [string, BatchQuery][] = [
    ['plain "锅护", corrected text', plain],
    ['plain "锅护", original text', { ...plain, scope: 'original' }],
    ['character "的" (capped at 10,000 hits)', { pattern: '的', mode: 'character', scope: 'corrected', replacement: '得' }],
    ['regex "(锅)护(房)?" with $1炉$2', { pattern: '(锅)护(房)?', mode: 'regex', scope: 'corrected', replacement: '$1炉$2' }],
    ['regex "[己已]经\\p{Script=Han}{2}"', { pattern: '[己已]经\\p{Script=Han}{2}', mode: 'regex', scope: 'corrected', replacement: '' }],
  ];
  let worstWarm = 0;
  for (const [label, query] of queries) {
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof search>> | null = null;
    for (let i = 0; i < WARM_RUNS; i++) {
      last = await search(query);
      times.push(last.ms);
    }
    worstWarm = Math.max(worstWarm, median(times));
    row(`search, warm: ${label}, median of ${WARM_RUNS}`, median(times), `${last!.outcome.total} hits, ${last!.outcome.hits.length} returned, ${(last!.jsonBytes / 1024).toFixed(0)} KiB reply`);
  }

  // A replacement over the planted pages (200 pages × 2 hits) and its undo; then a warm search re-reads them.
  const found = (await search(plain)).outcome;
  const pages = [...new Set(found.hits.map((h) => h.page))].map((p) => ({
    path: p,
    version: found.pages[p]!.version,
    hits: found.hits.filter((h) => h.page === p).map((h) => ({ start: h.start, end: h.end })),
  }));
  start = performance.now();
  const replaced = await handlers.handle('batch.replace', [{ query: plain, pages }]);
  if (!replaced.ok) throw new Error(replaced.error.message);
  const outcome = replaced.value as BatchReplaceOutcome;
  row(`replace ${outcome.replaced} hits on ${outcome.changedPages.length} pages`, performance.now() - start, `${outcome.problems.length} problems`);
  const after = await search(plain);
  row('search after the replacement (re-reads the changed pages)', after.ms, `${after.outcome.total} hits left`);
  start = performance.now();
  const undone = await handlers.handle('batch.undo', []);
  if (!undone.ok) throw new Error(undone.error.message);
  row(`undo the batch`, performance.now() - start);

  const width = Math.max(...rows.map(([l]) => l.length));
  console.log(`\nBatch benchmark (${PAGES} pages × ${CHARS_PER_PAGE} chars, every ${SIDECAR_EVERY}th with a sidecar, Node ${process.version}, ${cpus().length} CPUs)`);
  console.log(`Load average before: ${loadBefore}; after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}. The OS file cache is warm (the pages were just written or read).\n`);
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  if (!keep) await rm(benchDir, { recursive: true, force: true });
  const verdict = (ms: number) => `${ms.toFixed(0)} ms — ${ms <= TARGET_MS ? 'meets' : 'MISSES'} the ${TARGET_MS} ms target`;
  console.log(`\nSlowest warm search: ${verdict(worstWarm)}.`);
  console.log(`First search after the background fill: ${verdict(first.ms)}.`);
  console.log(`First search sent while the fill runs (includes waiting for it): ${verdict(during.ms)}.`);
}

await main();
