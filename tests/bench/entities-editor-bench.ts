// Entity-tagging bench in the editor (issue 4, item 8): bundles renderer/entities/bench/bench-entry.ts with
// esbuild, opens it in Debian's Chromium on a generated 200,000-character page with 5,000+ entities and
// measures: keydown → next painted frame while typing outside and inside entities (entity highlights mapped or
// rebuilt), one tagging transaction, the propagation preview (finding untagged occurrences), and the idle
// suggestion refresh after typing. Run: `npx tsx tests/bench/entities-editor-bench.ts [--keys 60]`.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from '@playwright/test';
import { repoRoot } from '../../scripts/repo-root';
import type { EntityBenchResults } from '../../renderer/entities/bench/bench-entry';

const outDir = path.join(repoRoot, '.bench', 'entities-editor');
const keysArg = process.argv.indexOf('--keys');
const keyCount = keysArg > 0 ? Number(process.argv[keysArg + 1]) : 60;

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
  const html = path.join(outDir, 'index.html');
  await copyFile(path.join(repoRoot, 'tests/bench/entities-editor-bench.html'), html);
  return pathToFileURL(html).href;
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
    return { chars: r.chars, entities: r.entities, mountMs: r.mountMs, jumpMs: [...r.jumpMs], keyFrames: [...r.keyFrames], tagMs: [...r.tagMs], previewMs: [...r.previewMs], panelMs: [...r.panelMs] };
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
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __entityBench?: EntityBenchResults }).__entityBench?.ready === true, null, { timeout: 120_000 });
  // The first suggestion run (the whole page) happens right after mount.
  await page.waitForFunction(() => performance.getEntriesByName('jiaodui:suggestions-refresh').length > 0, null, { timeout: 120_000 });
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
  console.log(`open (state + view with all entity highlights): ${final.mountMs.toFixed(0)} ms; first whole-page suggestion run ${first[0]!.toFixed(0)} ms`);
  console.log(`${''.padEnd(44)}     p50     p95     max   (ms)`);
  console.log(row('jump to the middle → its lines painted', final.jumpMs));
  console.log(`first keys outside entities: ${outside.slice(0, 4).map((n) => n.toFixed(0)).join(', ')} ms; inside: ${inside.slice(0, 4).map((n) => n.toFixed(0)).join(', ')} ms`);
  console.log(row('keydown → painted frame, outside entities', outside));
  console.log(row('keydown → painted frame, inside an entity', inside));
  console.log(row('tag the selection (transaction + view)', final.tagMs));
  console.log(row('propagation preview (find occurrences)', final.previewMs));
  console.log(row('entity panel data after an edit', final.panelMs));
  console.log(row('suggestion refresh after typing (idle)', [...refreshOutside, ...refreshInside]));
} finally {
  await browser.close();
}
