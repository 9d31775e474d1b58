// Accept-all bench in the editor (issue 5): bundles renderer/review/bench/bench-entry.ts with esbuild, opens it in
// Debian's Chromium on a generated 5,000-line page with 10,000 spacing suggestions, and times accepting all of them
// (one transaction, applied and drawn), the correction highlights built again after it, and undoing it. Run: `npx tsx tests/bench/review-bench.ts [--runs 3]`.
import { copyFile, mkdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { repoRoot } from '../../scripts/repo-root';
import type { ReviewBenchResults } from '../../renderer/review/bench/bench-entry';

const outDir = path.join(repoRoot, '.bench', 'review');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const TARGET_MS = 1000;

async function bundle(): Promise<string> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(repoRoot, 'renderer/review/bench/bench-entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: outDir,
    logLevel: 'warning',
  });
  const html = path.join(outDir, 'index.html');
  await copyFile(path.join(repoRoot, 'tests/bench/review-bench.html'), html);
  return pathToFileURL(html).href;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();
const url = await bundle();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const all: Omit<ReviewBenchResults, 'run'>[] = [];
try {
  for (let i = 0; i < runs; i++) {
    // A fresh page each run, so each accept-all starts from the same state.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __reviewBench?: ReviewBenchResults }).__reviewBench?.ready === true, null, { timeout: 120_000 });
    await page.evaluate(() => (window as unknown as { __reviewBench: ReviewBenchResults }).__reviewBench.run());
    await page.waitForFunction(() => (window as unknown as { __reviewBench: ReviewBenchResults }).__reviewBench.done, null, { timeout: 120_000 });
    all.push(await page.evaluate(() => {
      const { run: _run, ...rest } = (window as unknown as { __reviewBench: ReviewBenchResults }).__reviewBench;
      return rest;
    }));
    await page.close();
  }
} finally {
  await browser.close();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const first = all[0]!;
const f = (values: number[]) => `${median(values).toFixed(0)} ms (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`;
console.log(`\nAccept-all bench: ${first.lines.toLocaleString('en')} lines, ${first.suggestions.toLocaleString('en')} spacing suggestions, headless Chromium, ${cpus().length} CPUs`);
console.log(`Load average before: ${loadBefore}; after: ${load()}\n`);
console.log(`open the page with its suggestions shown       ${f(all.map((r) => r.mountMs))}`);
console.log(`accept all (transaction + view update)         ${f(all.map((r) => r.acceptMs))}`);
console.log(`accept all → painted frame                     ${f(all.map((r) => r.acceptFrameMs))}`);
console.log(`then the correction highlights rebuilt → frame  ${f(all.map((r) => r.highlightsFrameMs))} (${first.highlights.toLocaleString('en')} highlights)`);
console.log(`undo it (one Ctrl+Z) → painted frame           ${f(all.map((r) => r.undoFrameMs))}`);
console.log(`suggestions left after accept-all: ${all.map((r) => r.leftAfterAccept).join(', ')}; text restored by undo: ${all.every((r) => r.undoRestored) ? 'yes' : 'NO'}`);
const worst = median(all.map((r) => r.acceptFrameMs));
console.log(`\nAccept-all to painted frame: ${worst.toFixed(0)} ms — ${worst <= TARGET_MS ? 'meets' : 'MISSES'} the ${TARGET_MS} ms target.`);
