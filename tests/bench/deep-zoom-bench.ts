/// Deep-zoom benchmark (issue 18 item 7): a 30,000 × 40,000 px scan (1.2 gigapixels, a JPEG made with sharp from a
/// drawn page of text-like marks, kept in `.bench/deep-zoom/` for the next run).
///
/// 1. In the services (Node, a fresh tile cache): the pyramid's description; the first view's tiles (every tile of
///    the level that fills a 700 px viewer at fit width, and the levels below); a base-level tile (median of 50);
///    the whole pyramid written to disk; a tile from it (median of 200 reads) and a line crop from its tiles.
/// 2. In the app (the browser harness, a fresh state folder per run, so a cold tile cache): press in the page list
///    → the first view drawn (the viewer's canvas shows the page's marks); then dragging the view 20 px per frame
///    for 240 frames, frame interval p50 / p95; on the first run the renderer's memory after zooming in and sweeping
///    the whole page twice (tests/bench/deep-zoom-bench-app.ts).
/// Prints a table (medians of RUNS) with the load average and exits 0.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { DeepZoomTiles } from '../../electron/services/scans/deep-zoom-tiles';
import { baseLevelOf, levelSize, maxLevelOf, tileGrid, VIEW_MAX_WIDTH } from '../../shared/scan/deep-zoom';
import { app, type AppRun } from './deep-zoom-bench-app';
import { firstViewTiles, formats, type FormatFigure } from './deep-zoom-bench-formats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = path.join(repoRoot, '.bench', 'deep-zoom');
const BIG = { width: 30_000, height: 40_000, lines: 200 };
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// Text-like dark marks in rows on a paper-coloured page, drawn at a tenth of the size and enlarged (so the JPEG
// is of a realistic size for a page of print: about 30 MB), with the hOCR of its rows.
async function makeCorpus(): Promise<{ corpus: string; bytes: number }> {
  const corpus = path.join(benchDir, 'corpus');
  const image = path.join(corpus, 'huge.jpg');
  const w = BIG.width / 10;
  const h = BIG.height / 10;
  const rowHeight = Math.floor((h - 80) / BIG.lines);
  if (!existsSync(image)) {
    await fs.mkdir(corpus, { recursive: true });
    let marks = '';
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let row = 0; row < BIG.lines; row++) {
      for (let x = 30; x < w - 40; ) {
        const width = 6 + Math.floor(random() * 4);
        marks += `<rect x="${x}" y="${40 + row * rowHeight}" width="${width}" height="${Math.floor(rowHeight * 0.6)}" fill="#222"/>`;
        x += width + 3;
      }
    }
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#f4efe4"/>${marks}</svg>`;
    const small = await sharp(Buffer.from(svg)).png().toBuffer();
    await sharp(small, { limitInputPixels: false }).resize(BIG.width, BIG.height, { kernel: 'nearest' }).jpeg({ quality: 80 }).toFile(`${image}.part`);
    await fs.rename(`${image}.part`, image);
  }
  const lines = Array.from({ length: BIG.lines }, (_, i) => {
    const y = (40 + i * rowHeight) * 10;
    const bbox = `300 ${y} ${BIG.width - 400} ${y + Math.floor(rowHeight * 0.6) * 10}`;
    return `<span class='ocr_line' title='bbox ${bbox}'><span class='ocrx_word' title='bbox ${bbox}; x_wconf 90'>第${i + 1}行文字</span></span>`;
  });
  await fs.writeFile(
    path.join(corpus, 'huge.hocr'),
    `<html><body><div class='ocr_page' title='image "huge.jpg"; bbox 0 0 ${BIG.width} ${BIG.height}'>${lines.join('\n')}</div></body></html>`,
  );
  return { corpus, bytes: (await fs.stat(image)).size };
}

async function services(corpus: string): Promise<Record<string, number>> {
  const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-deep-zoom-bench-'));
  // The app data folder's layout, so the tile cache's limit applies as in the app.
  const tilesDir = path.join(stateDir, 'corpora', 'bench', 'tiles');
  const realPath = path.join(corpus, 'huge.jpg');
  const tiles = new DeepZoomTiles();
  const handle = await fs.open(realPath, 'r');
  const scan = { handle, realPath };
  try {
    let t = performance.now();
    const info = await tiles.info(scan, tilesDir);
    if (!info.ok) throw new Error(info.error.message);
    const infoMs = performance.now() - t;
    // Fit width in a 700 px viewer: the lowest level at least 700 px wide, and OpenSeadragon's levels below it.
    const top = maxLevelOf(BIG.width, BIG.height);
    let fitLevel = 0;
    while (levelSize(BIG.width, BIG.height, fitLevel).width < 700) fitLevel++;
    t = performance.now();
    // The first tile waits for the view level: one decode of the scan, shrunk while decoding.
    const first = await tiles.tile(scan, tilesDir, 0, 0, 0);
    if (!first.ok) throw new Error(first.error.message);
    const viewMs = performance.now() - t;
    await firstViewTiles(tiles, scan, tilesDir, BIG);
    const firstView = performance.now() - t + infoMs;
    // A tile above the view level waits for the base level (a second decode, only when zoomed in that far).
    t = performance.now();
    const above = await tiles.tile(scan, tilesDir, info.value.baseLevel, 0, 0);
    if (!above.ok) throw new Error(above.error.message);
    const baseMs = performance.now() - t;
    const baseTiles: number[] = [];
    const base = info.value.baseLevel;
    const baseGrid = tileGrid(BIG.width, BIG.height, base);
    for (let i = 0; i < 50; i++) {
      t = performance.now();
      await tiles.tile(scan, tilesDir, base, (i * 7) % baseGrid.columns, (i * 11) % baseGrid.rows);
      baseTiles.push(performance.now() - t);
    }
    t = performance.now();
    const pyramid = await tiles.pyramid(scan, tilesDir);
    if (!pyramid.ok) throw new Error(pyramid.error.message);
    const pyramidMs = performance.now() - t;
    const grid = tileGrid(BIG.width, BIG.height, top);
    const topTiles: number[] = [];
    for (let i = 0; i < 200; i++) {
      t = performance.now();
      await tiles.tile(scan, tilesDir, top, (i * 13) % grid.columns, (i * 17) % grid.rows);
      topTiles.push(performance.now() - t);
    }
    // A line of a newspaper column (a quarter of the page wide) in a strip 40 px high on a 2× display.
    t = performance.now();
    await tiles.crop(scan, tilesDir, { x: 300, y: 30_000, width: 7000, height: 120 }, 80);
    const crop = performance.now() - t;
    // The app started again: the pyramid kept on disk serves the first view without decoding the scan.
    const again = new DeepZoomTiles();
    t = performance.now();
    await again.info(scan, tilesDir);
    await firstViewTiles(again, scan, tilesDir, BIG);
    const warmView = performance.now() - t;
    const du = await dirBytes(tilesDir);
    return { infoMs, viewMs, baseMs, firstView, warmView, baseTile: median(baseTiles), pyramidMs, topTile: median(topTiles), crop, cacheMb: du / 1e6, fitLevel, base, top, view: Math.min(base, baseLevelOf(BIG.width, BIG.height, VIEW_MAX_WIDTH).level) };
  } finally {
    await handle.close();
    await fs.rm(stateDir, { recursive: true, force: true });
  }
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const { corpus, bytes } = await makeCorpus();
const ms = (value: number) => `${value.toFixed(value < 20 ? 1 : 0)} ms`;
// `--formats[=<w>x<h>]`: the other input formats too; `--formats-only`: nothing else.
const formatsArg = process.argv.find((arg) => /^--formats(=|-only$|$)/.test(arg));
const formatsOnly = process.argv.includes('--formats-only');
const formatSize = /=(\d+)x(\d+)$/.exec(formatsArg ?? '');
const inFormats: FormatFigure[] = formatsArg
  ? await formats(path.join(corpus, 'huge.jpg'), path.join(benchDir, 'formats'), formatSize ? { width: Number(formatSize[1]), height: Number(formatSize[2]) } : BIG)
  : [];
// `--app-only`: without the services part.
const inServices = formatsOnly || process.argv.includes('--app-only') ? null : await services(corpus);
// `--services-only`: without the browser (the app part needs the built renderer and a free machine).
const inApp: AppRun[] = formatsOnly || process.argv.includes('--services-only') ? [] : await app(corpus, Number(/^--runs=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--runs=')) ?? '')?.[1] ?? RUNS));
console.log(`\nDeep-zoom benchmark: ${BIG.width} × ${BIG.height} px JPEG (${(bytes / 1e6).toFixed(1)} MB), load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}\n`);
const rows: [string, string, string][] = inServices === null ? [] : [
  ['services: pyramid description (reads the file, sharp metadata)', ms(inServices['infoMs']!), ''],
  [`services: the view level (level ${inServices['view']}) decoded, in the first tile`, ms(inServices['viewMs']!), ''],
  [`services: first view, cold cache (description, levels 0–${inServices['fitLevel']})`, ms(inServices['firstView']!), '< 1 s'],
  [`services: the base level (level ${inServices['base']}) decoded, in its first tile`, ms(inServices['baseMs']!), ''],
  ['services: first view again after a restart (pyramid kept on disk)', ms(inServices['warmView']!), ''],
  ['services: a base-level tile (median of 50)', ms(inServices['baseTile']!), ''],
  [`services: the whole pyramid (levels 0–${inServices['top']}) written to disk`, ms(inServices['pyramidMs']!), ''],
  ['services: a full-resolution tile from it (median of 200)', ms(inServices['topTile']!), ''],
  ['services: a line crop (7,000 × 120 px → 80 px high) from its tiles', ms(inServices['crop']!), ''],
  ['services: tile cache on disk', `${inServices['cacheMb']!.toFixed(0)} MB`, ''],
];
if (inApp.length > 0) {
  rows.push([`app: press → first view drawn, cold cache (median of ${inApp.length})`, ms(median(inApp.map((r) => r.firstView))), '< 1 s']);
  rows.push(['app: dragging the view, frame interval p50 / p95', `${ms(median(inApp.map((r) => r.panP50)))} / ${ms(median(inApp.map((r) => r.panP95)))}`, 'display rate']);
}
for (const [what, value, target] of rows) console.log(`${what.padEnd(78)} ${value.padStart(18)}   ${target}`);
if (inApp.length > 0) console.log(`app runs: ${inApp.map((r) => ms(r.firstView)).join(', ')}`);
for (const figure of inFormats) {
  console.log(`first view, cold cache, ${figure.format} ${figure.width} × ${figure.height} px (${figure.megabytes.toFixed(0)} MB): ${ms(figure.firstViewMs)}`);
}
for (const stage of inApp[0]?.memory?.stages ?? []) {
  console.log(`renderer memory, ${stage.stage}: JS heap ${stage.heapMb.toFixed(1)} MB, process resident ${stage.rssMb.toFixed(0)} MB, ${stage.tiles} tile requests, ${stage.loaded} tiles loaded (resource timing)`);
}
