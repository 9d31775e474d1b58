// Entity-tagging bench in the editor (issue 4, item 8): bundles renderer/entities/bench/bench-entry.ts with
// esbuild, opens it in Debian's Chromium on a generated 200,000-character page with 5,000+ entities and
// measures: keydown → next painted frame while typing outside and inside entities (entity highlights mapped or
// rebuilt), one tagging transaction, the propagation preview (finding untagged occurrences), and the idle
// suggestion refresh after typing; and, on open, the longest main-thread task while the first whole-page
// suggestion run is computed (in a Web Worker as in the app; `--in-thread` runs it on the main thread, as before
// session 3). Prints the machine's load with the figures.
// Run: `npx tsx tests/bench/entities-editor-bench.ts [--keys 60] [--in-thread]`.
import { copyFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from '@playwright/test';
import { repoRoot } from '../../scripts/repo-root';
import type { EntityBenchResults } from '../../renderer/entities/bench/bench-entry';

const outDir = path.join(repoRoot, '.bench', 'entities-editor');
const keysArg = process.argv.indexOf('--keys');
const keyCount = keysArg > 0 ? Number(process.argv[keysArg + 1]) : 60;
const inThread = process.argv.includes('--in-thread');

async function bundle(): Promise<string> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(repoRoot, 'renderer/entities/bench/bench-entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: outDir,
    logLevel: 'warning',
  });
  // The suggestion worker, as Vite bundles it for the app (renderer/entities/app-suggest-runner.ts).
  await build({
    entryPoints: [path.join(repoRoot, 'renderer/entities/suggest.worker.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    outfile: path.join(outDir, 'suggest-worker.js'),
    logLevel: 'warning',
  });
  const html = path.join(outDir, 'index.html');
  await copyFile(path.join(repoRoot, 'tests/bench/entities-editor-bench.html'), html);
  return pathToFileURL(html).href + (inThread ? '?inthread' : '');
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function row(name: string, values: number[]): string {
  const f = (n: number) => n.toFixed(1).padStart(8);
  return `${name.padEnd(44)}${f(percentile(values, 50))}${f(percentile(values, 95))}${f(Math.max(...values))}   n=${values.length}`;
}

const read = (page: Page) =>
  page.evaluate(() => {
    const r = (window as unknown as { __entityBench: EntityBenchResults }).__entityBench;
    return { chars: r.chars, entities: r.entities, mountMs: r.mountMs, worker: r.worker, longTasks: [...r.longTasks], firstFrameAt: r.firstFrameAt, firstSuggestionsMs: r.firstSuggestionsMs, firstApplyMs: r.firstApplyMs, allShownMs: r.allShownMs, showMs: [...r.showMs], jumpMs: [...r.jumpMs], keyFrames: [...r.keyFrames], tagMs: [...r.tagMs], previewMs: [...r.previewMs], panelMs: [...r.panelMs] };
  });

const refreshes = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('jiaodui:suggestions-refresh').map((e) => e.duration));

async function typeKeys(page: Page, count: number): Promise<void> {
  // Let the scroll to the caret render first, so the first key does not pay for painting the new view.
  await page.waitForTimeout(800);
  // A pause after each key, like a typist; long enough that each key's frame is measured on its own.
  for (let i = 0; i < count; i++) {
    await page.keyboard.type('a', { delay: 0 });
    await page.waitForTimeout(60);
  }
  // Let the idle suggestion refresh run.
  await page.waitForTimeout(600);
}

const url = await bundle();
const loadBefore = os.loadavg();
// --allow-file-access-from-files: the bench page is a file:// URL and starts its worker from a file beside it.
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __entityBench?: EntityBenchResults }).__entityBench?.ready === true, null, { timeout: 120_000 });
  // The first suggestion run (the whole page) starts right after mount.
  await page.waitForFunction(() => (window as unknown as { __entityBench: EntityBenchResults }).__entityBench.allShownMs >= 0, null, { timeout: 120_000 });
  // Long-task entries arrive a little after the task.
  await page.waitForTimeout(200);
  const opened = await read(page);
  const first = await refreshes(page);

  await page.evaluate(() => (window as unknown as { __entityBench: EntityBenchResults }).__entityBench.putCaret('outside'));
  await typeKeys(page, keyCount);
  const outside = (await read(page)).keyFrames;
  const refreshOutside = (await refreshes(page)).slice(first.length);

  await page.evaluate(() => (window as unknown as { __entityBench: EntityBenchResults }).__entityBench.putCaret('inside'));
  await typeKeys(page, keyCount);
  const afterInside = await read(page);
  const inside = afterInside.keyFrames.slice(outside.length);
  const refreshInside = (await refreshes(page)).slice(first.length + refreshOutside.length);

  await page.evaluate(() => {
    const bench = (window as unknown as { __entityBench: EntityBenchResults }).__entityBench;
    bench.tagSome(40);
    bench.previewSome(40);
    bench.panelSome(40);
  });
  const final = await read(page);

  console.log(`Entity tagging in the editor: ${final.chars.toLocaleString('en')} characters, ${final.entities.toLocaleString('en')} entities`);
  // Long tasks from mount until every underline is shown, except the first render of the page (the task that
  // holds the first frame), which belongs to opening the page whether or not suggestions are computed.
  const duringRun = opened.longTasks
    .filter((t) => t.start < opened.allShownMs && !(t.start <= opened.firstFrameAt && opened.firstFrameAt <= t.start + t.duration))
    .map((t) => t.duration);
  console.log(`open (state + view with all entity highlights): ${final.mountMs.toFixed(0)} ms`);
  console.log(
    `first whole-page suggestion run (${opened.worker ? 'in a worker' : 'on the main thread'}): shown ${opened.firstSuggestionsMs.toFixed(0)} ms after mount; ` +
      `all shown ${opened.allShownMs.toFixed(0)} ms after mount; main-thread part ${opened.firstApplyMs.toFixed(0)} ms + ${opened.showMs.length} steps of ` +
      `≤ ${opened.showMs.length ? Math.max(...opened.showMs).toFixed(0) : 0} ms; longest main-thread task meanwhile ` +
      `${duringRun.length ? Math.max(...duringRun).toFixed(0) : '< 50'} ms (${duringRun.length} tasks ≥ 50 ms)`,
  );
  console.log(`${''.padEnd(44)}     p50     p95     max   (ms)`);
  console.log(row('jump to the middle → its lines painted', final.jumpMs));
  console.log(`first keys outside entities: ${outside.slice(0, 4).map((n) => n.toFixed(0)).join(', ')} ms; inside: ${inside.slice(0, 4).map((n) => n.toFixed(0)).join(', ')} ms`);
  console.log(row('keydown → painted frame, outside entities', outside));
  console.log(row('keydown → painted frame, inside an entity', inside));
  console.log(row('tag the selection (transaction + view)', final.tagMs));
  console.log(row('propagation preview (find occurrences)', final.previewMs));
  console.log(row('entity panel data after an edit', final.panelMs));
  console.log(row('suggestion refresh after typing (idle)', [...refreshOutside, ...refreshInside]));
  console.log(`load average (1/5/15 min) before: ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}; ${os.cpus().length} cores`);
} finally {
  await browser.close();
}
