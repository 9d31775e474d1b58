/// Dashboard benchmark (issue 16): what opening the corpus dashboard costs on a 10,000-page corpus, from the
/// corpus index and never from the sidecars. Times, on generated pages (every page with a sidecar, 12 corrections,
/// 40 entity spans of which the 20 most frequent strings are kept, every 10th page with a note):
///   - reading the corpus index file with the statistics (app start; openAppStore),
///   - copying the page list with its statistics as IPC does (structuredClone): the list form (no top entities,
///     what is sent since the top entities moved to the main process) and, for comparison, with them,
///   - summing the most frequent entities in the main process (corpusTopEntities, the corpus.topEntities answer),
///   - summarising the list for the dashboard (summarizeCorpus) and building the chart data (chartSpecs),
///   - filtering and sorting the page list (applyListView).
/// The charts themselves draw at most 20 bars each and the tables at most 20 rows (notes: 200), whatever the corpus
/// size, so the DOM part does not grow with the corpus.
///
/// Run with `npx tsx tests/bench/dashboard-bench.ts`. Prints a table (median of 7 runs, ms) and exits 0.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexFileOf, openAppStore, type CorpusIndex } from '../../electron/services/app/app-state';
import { applyListView, DEFAULT_LIST_VIEW } from '../../renderer/components/page-list-view';
import { chartSpecs } from '../../renderer/dashboard/specs';
import { summarizeCorpus } from '../../renderer/dashboard/summary';
import { translate } from '../../renderer/i18n/messages';
import { corpusTopEntities, listEntries, type ScannedPage } from '../../electron/services/corpus/scanned-page';
import { pageStatsOf, TOP_CORPUS_ENTITIES } from '../../shared/model/page-stats';
import { REVIEW_STATUSES } from '../../shared/model/sidecar-schema';

const PAGES = 10_000;
const RUNS = 7;
const NAMES = ['武跃林', '朔城区', '𠮷田村', '市场监督管理局', '韩小冬', '平城区人民医院', '11月30日', '张三丰', '上海', '北京'];
const TYPES = ['PER', 'LOC', 'LOC', 'ORG', 'PER', 'ORG', 'DATE', 'PER', 'LOC', 'LOC'];

let seed = 20261207;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
}

function makePages(): ScannedPage[] {
  return Array.from({ length: PAGES }, (_, i) => {
    const entities = Array.from({ length: 40 }, (_, k) => {
      const n = Math.floor(random() * NAMES.length);
      // Page-specific names too, so the corpus has many distinct strings.
      const text = random() < 0.5 ? NAMES[n]! : `${NAMES[n]!}${i % 997}`;
      return { id: `e${k}`, start: k, end: k + 1, type: TYPES[n]!, text };
    });
    const corrections = Array.from({ length: 12 }, (_, k) => ({ start: k, end: k + 1, original: '甲', corrected: '乙', ...(k % 3 === 0 && { rule: 'look-alike' }) }));
    const pending = i % 3 === 0 ? null : { lowConfidence: i % 17, ocrSuggestions: i % 5, entitySuggestions: i % 7 };
    const stats = { ...pageStatsOf({ corrections, entities, ...(i % 10 === 0 && { note: `第 ${i} 页缺第二栏` }) }), pending };
    return { path: `issue${Math.floor(i / 100)}/page${i}.txt`, base: `issue${Math.floor(i / 100)}/page${i}`, companions: [], bytes: 4000, mtimeMs: 0, status: REVIEW_STATUSES[i % 4]!, stats };
  });
}

async function median(run: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

async function main(): Promise<void> {
  const pages = makePages();
  const dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-dashboard-bench-'));
  try {
    const stateFile = path.join(dir, 'state.json');
    const index: CorpusIndex = Object.fromEntries(pages.map((p) => [p.path, { sidecarMtime: 1, sidecarSize: 2, status: p.status, stats: p.stats! }]));
    await writeFile(indexFileOf(stateFile), JSON.stringify({ corpusIndex: { '/corpus': index } }));
    const indexBytes = JSON.stringify({ corpusIndex: { '/corpus': index } }).length;
    // The page list as sent to the renderer (no top entities), and as it was before (with them).
    const list = listEntries(pages);
    const top = corpusTopEntities(pages, TOP_CORPUS_ENTITIES);
    const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('zh-CN', key, values);
    const label = (type: string) => type;

    const rows: [string, number][] = [
      ['read the index file (openAppStore)', await median(async () => (await openAppStore(stateFile)).corpusIndex('/corpus'))],
      ['copy the page list as sent (structuredClone, as IPC; no top entities)', await median(() => structuredClone(list))],
      ['  the same with each page\'s top entities (before; for comparison)', await median(() => structuredClone(pages))],
      ['sum the top entities in main (corpus.topEntities)', await median(() => corpusTopEntities(pages, TOP_CORPUS_ENTITIES))],
      ['summarizeCorpus', await median(() => summarizeCorpus(list))],
      ['summarizeCorpus + chartSpecs (dashboard data)', await median(() => chartSpecs(summarizeCorpus(list), t, top, label))],
      ['page list: filter "not yet reviewed" + name', await median(() => applyListView(list, { ...DEFAULT_LIST_VIEW, status: 'to-review', name: 'issue4' }))],
      ['page list: sort by entities', await median(() => applyListView(list, { ...DEFAULT_LIST_VIEW, sort: 'entities' }))],
    ];
    console.log(`Dashboard bench: ${PAGES} pages, index file ${(indexBytes / 1e6).toFixed(1)} MB, page list JSON ${(JSON.stringify(list).length / 1e6).toFixed(1)} MB (with top entities: ${(JSON.stringify(pages).length / 1e6).toFixed(1)} MB)`);
    console.log('| step | median ms |\n|---|---|');
    for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} |`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
