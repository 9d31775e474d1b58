/// App benchmark: the real app in the browser harness on the 10,000-page corpus that services-bench generates.
///
/// Run `npx tsx tests/bench/services-bench.ts --keep` first (npm run bench does). Measures, each in a fresh harness
/// and browser, median of RUNS: navigation → first page visible in the list; navigation → scan finished;
/// Enter on the 200,000-character page → editor filled and a frame painted; keydown → input handled and keydown →
/// next frame while typing in it (p50/p95); Ctrl+S → "Saved" shown. Prints a table and exits 0.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { launchChromium, startHarnessProcess } from '../../scripts/harness-process';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.join(repoRoot, '.bench', 'services', 'corpus');
const RUNS = 3;
const KEYS = 120;

interface RunFigures {
  listVisible: number;
  scanDone: number;
  pageCount: number;
  bigInteractive: number;
  inputP50: number;
  inputP95: number;
  frameP50: number;
  frameP95: number;
  save: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function oneRun(browser: Browser): Promise<RunFigures> {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'jiaodui-bench-'));
  const harness = await startHarnessProcess({ corpus, stateFile: path.join(stateDir, 'state.json'), lang: 'en' });
  const url = harness.url;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    const start = performance.now();
    await page.goto(url);
    await page.locator('[role="option"]').first().waitFor();
    const listVisible = performance.now() - start;
    await page.waitForFunction(() => !document.querySelector('.scan-progress'), undefined, { timeout: 120_000 });
    const scanDone = performance.now() - start;
    const pageCount = Number(await page.locator('.page-list').getAttribute('data-page-count'));

    // The big page sorts last ("big.txt" after the year folders): go there with the keyboard, then open it.
    await page.getByRole('listbox', { name: 'Pages' }).focus();
    await page.keyboard.press('End');
    await page.getByRole('option', { name: 'big.txt' }).waitFor();
    const clickAt = performance.now();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.pm-line').length > 1000, undefined, { timeout: 60_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const bigInteractive = performance.now() - clickAt;

    // Caret into the middle of the page, then type with per-key timing taken inside the page.
    await page.evaluate(() => {
      const lines = document.querySelectorAll('.pm-line');
      const line = lines[Math.floor(lines.length / 2)]!;
      line.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(line.firstChild ?? line, 0);
      range.collapse(true);
      (document.querySelector('[role="textbox"]') as HTMLElement).focus();
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      const w = window as unknown as { __input: number[]; __frame: number[] };
      w.__input = [];
      w.__frame = [];
      let keyAt = 0;
      document.addEventListener('keydown', (event) => {
        keyAt = event.timeStamp;
        const t0 = event.timeStamp;
        requestAnimationFrame(() => w.__frame.push(performance.now() - t0));
      }, true);
      // ProseMirror reads typed text from DOM mutations; its observer runs in a microtask after the input event,
      // so a later microtask marks the moment the editor state holds the character.
      document.addEventListener('input', () => {
        const t0 = keyAt;
        queueMicrotask(() => queueMicrotask(() => w.__input.push(performance.now() - t0)));
      });
    });
    await page.waitForTimeout(200);
    // ASCII keys: Playwright sends characters off the US layout as insertText, without keydown events.
    await page.keyboard.type('x'.repeat(KEYS), { delay: 30 });
    await page.waitForTimeout(300);
    const { input, frame } = await page.evaluate(() => {
      const w = window as unknown as { __input: number[]; __frame: number[] };
      return { input: w.__input, frame: w.__frame };
    });

    // Timed in the page, from just before the key to the first frame showing "Saved at" (checked once per frame):
    // Playwright's own polling queries the 70,000-element DOM of this page and would add its cost to the figure.
    const unsaved = await page.getByTestId('save-state').innerText();
    if (unsaved.includes('Saved at')) throw new Error(`The page was saved before Ctrl+S: "${unsaved}".`);
    const saved = page.evaluate(async () => {
      const start = performance.now();
      // A loop of awaited frames rather than a named callback (the bundler would wrap a named one in __name).
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (document.querySelector('[data-testid="save-state"]')?.textContent?.includes('Saved at')) return performance.now() - start;
      }
    });
    await page.keyboard.press('Control+s');
    const save = await saved;
    return {
      listVisible,
      scanDone,
      pageCount,
      bigInteractive,
      inputP50: percentile(input, 50),
      inputP95: percentile(input, 95),
      frameP50: percentile(frame, 50),
      frameP95: percentile(frame, 95),
      save,
    };
  } finally {
    await context.close();
    await harness.stop();
    await rm(stateDir, { recursive: true, force: true });
    // The save wrote a sidecar beside big.txt; remove it so every run starts the same.
    await rm(path.join(corpus, 'big.txt.jiaodui.json'), { force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.error('No benchmark corpus: run `npx tsx tests/bench/services-bench.ts --keep` first (npm run bench does).');
    process.exit(1);
  }
  const browser = await launchChromium();
  const runs: RunFigures[] = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser));
  } finally {
    await browser.close();
  }
  const med = (key: keyof RunFigures) => percentile(runs.map((r) => r[key]), 50);
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  console.log(`\nApp benchmark in the browser harness (Chromium headless, ${runs[0]!.pageCount} pages, medians of ${RUNS} runs, load average ${os.loadavg()[0]!.toFixed(1)})\n`);
  const rows: [string, string, string][] = [
    ['page list visible (navigation → first page shown)', fmt(med('listVisible')), '< 1 s'],
    ['full scan (navigation → scan finished)', fmt(med('scanDone')), '< 5 s'],
    ['200k-character page interactive (Enter → filled + frame)', fmt(med('bigInteractive')), '< 500 ms'],
    ['typing in it: keydown → input processed, p50 / p95', `${med('inputP50').toFixed(1)} / ${med('inputP95').toFixed(1)} ms`, ''],
    ['typing in it: keydown → next frame, p50 / p95', `${med('frameP50').toFixed(1)} / ${med('frameP95').toFixed(1)} ms`, 'p95 < 16 ms'],
    ['save of the 200k page (Ctrl+S → "Saved" shown, via the bridge)', fmt(med('save')), '< 50 ms'],
  ];
  for (const [what, value, target] of rows) console.log(`${what.padEnd(66)} ${value.padStart(16)}   ${target}`);
}

await main();
