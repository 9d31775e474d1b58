/// Scan benchmark (issue 6): the real app in the browser harness, in a fresh harness and browser per run.
///
/// 1. The sample page `heating-supply` with its scan (`tests/fixtures/samples/scans`): click in the page list → scan
///    image decoded; then 100 caret moves by clicking line regions on the scan (script time, and to the next frame).
/// 2. A large scan: a 6,000 × 9,000 px JPEG drawn from the sample scan in a Chromium canvas (written only to a
///    temp folder) and an hOCR page of 120 lines: press → first paint (a preview sized to the viewer), and → full
///    resolution decoded and shown; then panning the scan at 100 % by 40 px per frame for 120 frames, frame
///    interval p50 / p95.
/// Prints a table (medians of RUNS) and exits 0.
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, startHarnessProcess } from '../../scripts/harness-process';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const samples = path.resolve(repoRoot, 'tests/fixtures/samples/scans');
const RUNS = 3;
const CARET_MOVES = 100;
const PAN_FRAMES = 120;
const BIG = { width: 6000, height: 9000, lines: 120 };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/// The sample scan stretched to 6,000 × 9,000 px and encoded as a JPEG (quality 0.85) by Chromium's canvas.
async function bigJpeg(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const sample = (await readFile(path.join(samples, 'heating-supply.jpg'))).toString('base64');
    const base64 = await page.evaluate(
      async ({ sample, width, height }) => {
        const image = new Image();
        image.src = `data:image/jpeg;base64,${sample}`;
        await image.decode();
        const canvas = new OffscreenCanvas(width, height);
        canvas.getContext('2d')!.drawImage(image, 0, 0, width, height);
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(binary);
      },
      { sample, width: BIG.width, height: BIG.height },
    );
    return Buffer.from(base64, 'base64');
  } finally {
    await page.close();
  }
}

/// Makes the benchmark corpus: the samples, plus `big.jpg` (6,000 × 9,000) and `big.hocr`.
async function makeCorpus(browser: Browser): Promise<{ corpus: string; bigBytes: number }> {
  const corpus = await mkdtemp(path.join(os.tmpdir(), 'jiaodui-scan-bench-'));
  await cp(samples, corpus, { recursive: true });
  for (const name of await readdir(corpus)) await chmod(path.join(corpus, name), 0o644);
  await chmod(corpus, 0o755);
  const jpeg = await bigJpeg(browser);
  await writeFile(path.join(corpus, 'big.jpg'), jpeg);
  const lineHeight = Math.floor((BIG.height - 400) / BIG.lines);
  const lines = Array.from({ length: BIG.lines }, (_, i) => {
    const y = 200 + i * lineHeight;
    return `<span class='ocr_line' title='bbox 300 ${y} ${BIG.width - 300} ${y + lineHeight - 10}'><span class='ocrx_word' title='bbox 300 ${y} ${BIG.width - 300} ${y + lineHeight - 10}; x_wconf 90'>第${i + 1}行文字</span></span>`;
  });
  await writeFile(
    path.join(corpus, 'big.hocr'),
    `<html><head><meta name='ocr-system' content='bench'/></head><body><div class='ocr_page' title='image "big.jpg"; bbox 0 0 ${BIG.width} ${BIG.height}'>${lines.join('\n')}</div></body></html>`,
  );
  return { corpus, bigBytes: jpeg.length };
}

/// Clicks a page in the list; milliseconds from the press (timed in the page, so Playwright's own work before the
/// click is not counted) until the scan is first painted (its downscaled preview for a large scan, else the image
/// itself) and until the full-resolution image is decoded and painted.
async function openWithScan(page: Page, name: string, image: string, width: number): Promise<{ first: number; full: number }> {
  const option = page.getByRole('option', { name });
  await option.waitFor();
  await page.evaluate(() => {
    const timing = window as unknown as { pressedAt: number };
    timing.pressedAt = Number.NaN;
    document.addEventListener('pointerdown', () => (timing.pressedAt = performance.now()), { capture: true, once: true });
  });
  await option.click();
  // The previous page's image stays until the new one is ready, so the image is recognised by its address. The
  // time is taken in the first animation frame after the image is ready, and one more frame is waited for.
  const src = `path=${encodeURIComponent(image)}`;
  const shownAfter = async (full: boolean) => {
    const handle = await page.waitForFunction(
      ({ src, full, w }) => {
        const img = document.querySelector<HTMLImageElement>('img.scan-image');
        const ready = img !== null && img.src.includes(src) && img.complete && img.naturalWidth > 0 && (!full || (img.dataset['resolution'] === 'full' && img.naturalWidth === w));
        return ready ? performance.now() - (window as unknown as { pressedAt: number }).pressedAt : false;
      },
      { src, full, w: width },
      { timeout: 60_000, polling: 'raf' },
    );
    const elapsed = (await handle.jsonValue()) as number;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    return elapsed;
  };
  const first = await shownAfter(false);
  const full = await shownAfter(true);
  return { first, full };
}

interface Figures {
  sampleOpen: number;
  caretScript: number;
  caretTotal: number;
  bigOpen: number | null;
  bigFull: number | null;
  panP50: number | null;
  panP95: number | null;
}

async function oneRun(browser: Browser, corpus: string): Promise<Figures> {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'jiaodui-scan-bench-state-'));
  const harness = await startHarnessProcess({ corpus, stateFile: path.join(stateDir, 'state.json'), lang: 'en' });
  const url = harness.url;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => !document.querySelector('.scan-progress'), undefined, { timeout: 60_000 });
    const sampleOpen = (await openWithScan(page, 'heating-supply.xml', 'heating-supply.jpg', 1874)).full;

    // 100 caret moves: click regions in turn, inside the page, so only the app's work is timed.
    const { script, total } = await page.evaluate(async (moves) => {
      const regions = Array.from(document.querySelectorAll<SVGElement>('.scan-region'));
      const t0 = performance.now();
      for (let i = 0; i < moves; i++) regions[i % regions.length]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      const scriptDone = performance.now() - t0;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { script: scriptDone, total: performance.now() - t0 };
    }, CARET_MOVES);

    let bigOpen: number | null = null;
    let bigFull: number | null = null;
    let panP50: number | null = null;
    let panP95: number | null = null;
    {
      ({ first: bigOpen, full: bigFull } = await openWithScan(page, 'big.hocr', 'big.jpg', BIG.width));
      // Zoom to 100 % (the zoom steps are ×1.25), then pan down and right one step per frame.
      const viewport = page.getByRole('img', { name: 'Scan' });
      await viewport.focus();
      for (let i = 0; i < 40; i++) {
        const level = Number((await page.locator('.scan-zoom-level').innerText()).replace('%', ''));
        if (level >= 100) break;
        await page.keyboard.press('+');
      }
      const intervals = await page.evaluate(async (frames) => {
        const element = document.querySelector<HTMLElement>('.scan-viewport')!;
        const times: number[] = [];
        // A loop of awaited frames rather than a named callback (the bundler would wrap a named one in __name).
        while (times.length <= frames) {
          times.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
          element.scrollTop += 40;
          element.scrollLeft += 20;
        }
        return times.slice(1).map((t, i) => t - times[i]!);
      }, PAN_FRAMES);
      panP50 = percentile(intervals, 50);
      panP95 = percentile(intervals, 95);
    }
    return { sampleOpen, caretScript: script, caretTotal: total, bigOpen, bigFull, panP50, panP95 };
  } finally {
    await context.close();
    await harness.stop();
    await rm(stateDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(samples)) {
    console.log(`Scan benchmark skipped: the sample scans are not at ${samples}.`);
    return;
  }
  const browser = await launchChromium();
  const { corpus, bigBytes } = await makeCorpus(browser);
  const runs: Figures[] = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, corpus));
  } finally {
    await browser.close();
    await rm(corpus, { recursive: true, force: true });
  }
  const med = (key: keyof Figures) => percentile(runs.map((r) => r[key] ?? Number.NaN), 50);
  const ms = (value: number) => `${value.toFixed(value < 20 ? 1 : 0)} ms`;
  console.log(`\nScan benchmark in the browser harness (Chromium headless, medians of ${RUNS} runs, load average ${os.loadavg()[0]!.toFixed(1)})\n`);
  const rows: [string, string, string][] = [
    ['sample page with its scan (press → 1874 × 2552 JPEG decoded)', ms(med('sampleOpen')), ''],
    [`${CARET_MOVES} caret moves by clicking regions: script / to next frame`, `${ms(med('caretScript'))} / ${ms(med('caretTotal'))}`, ''],
  ];
  {
    rows.push([`large scan (press → ${BIG.width} × ${BIG.height} JPEG, ${(bigBytes / 1e6).toFixed(1)} MB): shown (its preview)`, ms(med('bigOpen')), '< 1 s']);
    rows.push([`  … full resolution decoded and shown in its place`, ms(med('bigFull')), '']);
    rows.push([`panning it at 100 %: frame interval p50 / p95`, `${ms(med('panP50'))} / ${ms(med('panP95'))}`, 'display rate']);
  }
  for (const [what, value, target] of rows) console.log(`${what.padEnd(72)} ${value.padStart(18)}   ${target}`);
}

await main();
