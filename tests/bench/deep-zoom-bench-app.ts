/// The app part of the deep-zoom benchmark (tests/bench/deep-zoom-bench.ts): the built renderer in Chromium over the
/// browser harness, a fresh state folder per run (so a cold tile cache).
///
/// Each run: press the scan's page in the page list → the first view drawn (the viewer's canvas shows the page's
/// marks); then dragging the view for PAN_FRAMES frames, the requestAnimationFrame intervals. The first run then
/// measures the renderer's memory: its JS heap (CDP `Runtime.getHeapUsage` after a garbage collection) and the
/// renderer process's resident memory (decoded tiles live outside the JS heap), after the first view, then after
/// zooming in to a readable size and sweeping the whole page twice with the arrow keys once the pyramid is made.
/// Bounded means the later sweeps end where the first did, while they show more tiles than OpenSeadragon keeps.
import { readFileSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium, startHarnessProcess } from '../../scripts/harness-process';

const PAN_FRAMES = 240;

/// One run's figures (the memory ones on the first run only).
export interface AppRun {
  firstView: number;
  panP50: number;
  panP95: number;
  memory?: MemoryFigures;
}

/// The renderer's memory at the stages of the first run (MB), and the tiles fetched in each sweep.
export interface MemoryFigures {
  stages: { stage: string; heapMb: number; rssMb: number; tiles: number; loaded: number }[];
}

// Press → the viewer's canvas shows the page's marks (timed in the page from the press).
async function openAndPan(page: Page): Promise<AppRun> {
  const option = page.getByRole('option', { name: 'huge.hocr' });
  await option.waitFor();
  await page.evaluate(() => {
    const timing = window as unknown as { pressedAt: number };
    document.addEventListener('pointerdown', () => (timing.pressedAt = performance.now()), { capture: true, once: true });
  });
  await option.click();
  const shown = await page.waitForFunction(
    () => {
      const canvas = document.querySelector<HTMLCanvasElement>('.deep-zoom-host canvas');
      if (canvas === null || canvas.width === 0) return false;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, Math.min(canvas.height, 200)).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4 * 7) if (data[i]! < 100) dark++;
      return dark > 50 ? performance.now() - (window as unknown as { pressedAt: number }).pressedAt : false;
    },
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  const firstView = (await shown.jsonValue()) as number;
  // Drag the view (pointer events, as a mouse would) 20 px per frame.
  const intervals = await page.evaluate(async (frames) => {
    const target = document.querySelector<HTMLElement>('.openseadragon-canvas')!;
    const box = target.getBoundingClientRect();
    let x = box.left + box.width / 2;
    let y = box.top + box.height - 20;
    // Inline, not a named helper: the bundler would wrap a named one in __name, which the page does not have.
    const init = { bubbles: true, cancelable: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0 };
    target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: x, clientY: y, buttons: 1 }));
    const times: number[] = [];
    while (times.length <= frames) {
      times.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
      y -= 3;
      x -= 20 * (times.length % 2 === 0 ? 1 : -1);
      target.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: x, clientY: y, buttons: 1 }));
    }
    target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: x, clientY: y, buttons: 0 }));
    return times.slice(1).map((t, i) => t - times[i]!);
  }, PAN_FRAMES);
  const sorted = [...intervals].sort((a, b) => a - b);
  return { firstView, panP50: sorted[Math.floor(sorted.length / 2)]!, panP95: sorted[Math.floor(sorted.length * 0.95)]! };
}

/// Runs the app part `runs` times; the first run also measures memory.
export async function app(corpus: string, runs: number): Promise<AppRun[]> {
  const browser = await launchChromium();
  const results: AppRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-deep-zoom-bench-state-'));
      const harness = await startHarnessProcess({ corpus, stateFile: path.join(stateDir, 'state.json'), lang: 'en' });
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        const page = await context.newPage();
        const tileUrls: string[] = [];
        page.on('request', (request) => {
          if (/[?&]tile=\d/.test(request.url())) tileUrls.push(request.url());
        });
        await page.goto(harness.url);
        await page.waitForFunction(() => !document.querySelector('.scan-progress'), undefined, { timeout: 60_000 });
        const run = await openAndPan(page);
        if (i === 0) run.memory = await memory(page, tileUrls);
        results.push(run);
      } finally {
        await context.close();
        await harness.stop();
        await fs.rm(stateDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

// Zoom in to a readable size, wait for the pyramid, sweep the page twice; the renderer's memory at each stage.
async function memory(page: Page, tileUrls: string[]): Promise<MemoryFigures> {
  const cdp = await page.context().newCDPSession(page);
  const stages: MemoryFigures['stages'] = [];
  let counted = 0;
  let loadedBefore = 0;
  await page.evaluate(() => performance.setResourceTimingBufferSize(1_000_000));
  const measure = async (stage: string) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const zoom = (await page.locator('.scan-zoom-level').textContent()) ?? '';
    // Tiles the page loaded, by its resource timing (Playwright's request events miss none it sends, but the
    // browser may reuse an image it has).
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /[?&]tile=\d/.test(entry.name)).length);
    stages.push({ stage: `${stage}, at ${zoom}`, heapMb: heap.usedSize / 1e6, rssMb: rendererRss() / 1e6, tiles: tileUrls.length - counted, loaded: loaded - loadedBefore });
    counted = tileUrls.length;
    loadedBefore = loaded;
  };
  await measure('first view and dragging');
  // The pyramid (about 30–50 s on two cores): until it is made, tiles above the base level wait.
  const some = tileUrls[0]!.replace(/([?&]tile=)[^&]*/, '$1');
  await page.waitForFunction(
    async (base) => (await fetch(`${base}16/0/0`)).ok,
    some,
    { timeout: 300_000, polling: 2000 },
  );
  const viewer = page.locator('[data-deep-zoom]');
  await viewer.focus();
  // Ten steps of 1.25: about 9 times the fit-width zoom, where a column's print is readable (level 14 tiles).
  for (let i = 0; i < 10; i++) await page.keyboard.press('+');
  await page.waitForTimeout(500);
  for (let sweep = 1; sweep <= 2; sweep++) {
    await sweepPage(page);
    await page.waitForTimeout(1000);
    await measure(`zoomed in, whole page swept (${sweep})`);
  }
  // Twice as far in (level 15 tiles): the same sweep crosses a quarter of the page, all of it new tiles.
  await viewer.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await sweepPage(page);
  await page.waitForTimeout(1000);
  await measure('zoomed in twice as far, swept again');
  await cdp.detach();
  return { stages };
}

// Serpentine over the page with Shift+arrows (240 px a press): across, down a screenful, back, down… until the
// view stops moving down. OpenSeadragon's visibility ratio keeps the view on the page at the edges.
async function sweepPage(page: Page): Promise<void> {
  const viewer = page.locator('[data-deep-zoom]');
  // The keys go to the viewer (a measurement between sweeps may have left the focus elsewhere).
  await viewer.focus();
  const box = (await viewer.boundingBox())!;
  const across = 30;
  const rows = 12;
  for (let i = 0; i < across; i++) await page.keyboard.press('Shift+ArrowLeft');
  for (let i = 0; i < rows * 4; i++) await page.keyboard.press('Shift+ArrowUp');
  for (let row = 0; row < rows; row++) {
    const key = row % 2 === 0 ? 'Shift+ArrowRight' : 'Shift+ArrowLeft';
    for (let i = 0; i < across; i++) {
      await page.keyboard.press(key);
      await page.waitForTimeout(40);
    }
    for (let i = 0; i < Math.ceil(box.height / 240); i++) await page.keyboard.press('Shift+ArrowDown');
    await page.waitForTimeout(80);
  }
}

// Resident memory of this process's Chromium renderer processes (descendants of this Node process with
// `--type=renderer`), from /proc: Linux only (0 elsewhere).
function rendererRss(): number {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(Number(pid), readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      // The process ended meanwhile.
    }
  }
  const mine = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, command] of commands) {
    if (!command.includes('--type=renderer') || !mine(pid)) continue;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}
