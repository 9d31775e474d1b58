// Editor performance bench: bundles renderer/editor/bench/bench-entry.tsx with esbuild, opens it in Debian's
// Chromium and measures load → interactive, keydown → input processed / next frame over typed keys, the idle
// correction recompute and the JS heap. Run: `npx tsx tests/bench/editor-bench.ts [--keys 200] [--headed]
// [--variants 'variant=editor,variant=bare,variant=editor&cv=0,variant=diff']`; `--check` instead drives the
// editor through Enter, Backspace, typing, undo and redo and reports failures.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from '@playwright/test';
import { repoRoot } from '../../scripts/repo-root';
import type { KeySample, PageResults } from '../../renderer/editor/bench/bench-results';


const outDir = path.join(repoRoot, '.bench', 'editor');

async function bundle(): Promise<string> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(repoRoot, 'renderer/editor/bench/bench-entry.tsx')],
    bundle: true,
    // A classic script: Chromium refuses module scripts from file:// pages.
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    sourcemap: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: outDir,
    logLevel: 'warning',
  });
  const html = path.join(outDir, 'index.html');
  await copyFile(path.join(repoRoot, 'tests/bench/editor-bench.html'), html);
  return pathToFileURL(html).href;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function stats(name: string, values: number[]): string {
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${name.padEnd(36)}${f(percentile(values, 50))}${f(percentile(values, 95))}${f(Math.max(...values))}   n=${values.length}`;
}

async function results(page: Page): Promise<PageResults> {
  return page.evaluate(() => {
    const r = (window as unknown as { __editorBench: PageResults }).__editorBench;
    return { ...r, keys: r.keys.map((k) => ({ ...k })), handle: undefined } as PageResults;
  });
}

/// Places the cursor in the middle of the page (a line near the middle, in the middle of it) and scrolls there.
async function putCursorInMiddle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const lines = document.querySelectorAll('.pm-line');
    let line = lines[Math.floor(lines.length / 2)]!;
    for (let i = Math.floor(lines.length / 2); (line.textContent ?? '').length < 20 && i < lines.length; i++) line = lines[i]!;
    line.scrollIntoView({ block: 'center' });
    const text = line.firstChild!;
    const range = document.createRange();
    range.setStart(text, Math.floor((text.textContent ?? '').length / 2) & ~1);
    range.collapse(true);
    (document.querySelector('.ProseMirror') as HTMLElement).focus();
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.waitForTimeout(300);
}

async function typeKeys(page: Page, count: number, delay: number): Promise<KeySample[]> {
  const before = (await results(page)).keys.length;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < count; i++) await page.keyboard.type(letters[i % letters.length]!, { delay: 0 }).then(() => page.waitForTimeout(delay));
  await page.waitForTimeout(400);
  return (await results(page)).keys.slice(before);
}

function keyRows(label: string, keys: KeySample[]): string[] {
  const done = keys.filter((k) => k.processed !== null && k.frameDone !== null && k.frameStart !== null);
  return [
    stats(`${label}: keydown → input processed`, done.map((k) => k.processed! - k.eventTime)),
    stats(`${label}: keydown handler → processed`, done.map((k) => k.processed! - k.handlerTime)),
    stats(`${label}: processed → frame done`, done.map((k) => k.frameDone! - k.processed!)),
    stats(`${label}: keydown → frame start (rAF)`, done.map((k) => k.frameStart! - k.eventTime)),
    stats(`${label}: keydown → frame done`, done.map((k) => k.frameDone! - k.eventTime)),
  ];
}

/// Loads the bench page in one variant, types, and returns the report lines.
async function runVariant(browser: Browser, url: string, variant: string, keyCount: number): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const started = Date.now();
    await page.goto(`${url}?${variant}`);
    await page.waitForFunction(() => (window as unknown as { __editorBench?: PageResults }).__editorBench?.interactive != null, null, {
      timeout: 60_000,
    });
    const load = await results(page);
    const wallLoad = Date.now() - started;
    await putCursorInMiddle(page);

    const steady = await typeKeys(page, keyCount, 30);
    // Pauses longer than the 120 ms idle delay: every key is followed by a correction recompute.
    const paused = await typeKeys(page, 20, 250);
    const recomputes = await page.evaluate(() => performance.getEntriesByName('jiaodui:corrections-recompute').map((e) => e.duration));

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const highlights = await page.evaluate(() => document.querySelectorAll('.corr-changed, .corr-inserted, .corr-deleted').length);

    const f = (n: number) => n.toFixed(1);
    return [
      `== ${variant} — ${load.chars} code points, ${load.lines} lines, ${load.corrections} edits vs. original`,
      `test data generation (not counted)       ${f(load.generateMs)} ms`,
      `script start → mount start               ${f(load.mountStart - load.generateMs)} ms   (bundle parse + eval, minus generation)`,
      `mount start → editor view created        ${f((load.mounted ?? NaN) - load.mountStart)} ms`,
      `load → interactive (first frame done)    ${f((load.interactive ?? NaN) - load.generateMs)} ms   (navigation → first frame ${f(load.interactive ?? NaN)} ms minus generation; wall ${wallLoad} ms)`,
      `${'measure (ms)'.padEnd(36)}${'p50'.padStart(7)}${'p95'.padStart(7)}${'max'.padStart(7)}`,
      ...keyRows('typing', steady),
      ...keyRows('typing, 250 ms pauses', paused),
      ...(recomputes.length > 0 ? [stats('idle corrections recompute', recomputes)] : []),
      `JS heap used after GC                    ${f(heap.usedSize / 1048576)} MB (total ${f(heap.totalSize / 1048576)} MB)`,
      `DOM elements ${domNodes}, highlight elements ${highlights}`,
      '',
    ];
  } finally {
    await page.close();
  }
}

interface PageProbe {
  text: string;
  lines: number;
  highlights: number;
  highlightedText: string;
  dirty: boolean;
  dirtyChanges: boolean[];
  attrs: Record<string, string | null>;
}

async function probe(page: Page): Promise<PageProbe> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __editorBench: { handle: { getText(): string; isDirty(): boolean }; dirtyChanges: boolean[] } }).__editorBench;
    const editor = document.querySelector('.ProseMirror')!;
    const marked = [...document.querySelectorAll('.corr-changed, .corr-inserted')];
    return {
      text: bench.handle.getText(),
      lines: document.querySelectorAll('.pm-line').length,
      highlights: document.querySelectorAll('.corr-changed, .corr-inserted, .corr-deleted, .corr-inserted-break').length,
      highlightedText: marked.map((m) => m.textContent).join(''),
      dirty: bench.handle.isDirty(),
      dirtyChanges: [...bench.dirtyChanges],
      attrs: Object.fromEntries(['role', 'aria-multiline', 'aria-label', 'contenteditable'].map((a) => [a, editor.getAttribute(a)])),
    };
  });
}

/// Drives the mounted PageEditor in the real browser: accessibility attributes, Enter/Backspace, typing with a
/// highlight, undo/redo keys and the dirty flag. Returns the failures (empty when all passed).
async function runChecks(browser: Browser, url: string): Promise<string[]> {
  const failures: string[] = [];
  const expectThat = (ok: boolean, what: string) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${url}?variant=editor`);
    await page.waitForFunction(() => (window as unknown as { __editorBench?: PageResults }).__editorBench?.interactive != null);
    const start = await probe(page);
    expectThat(start.attrs['role'] === 'textbox' && start.attrs['aria-multiline'] === 'true' && start.attrs['aria-label'] === 'Bench page', 'editor is a labelled multi-line textbox');
    expectThat(start.attrs['contenteditable'] === 'true', 'editor is editable');
    expectThat(start.lines === start.text.split('\n').length, 'one .pm-line per text line');
    expectThat(start.highlights > 0 && !start.dirty, `page opens clean with highlights (${start.highlights})`);
    await putCursorInMiddle(page);

    await page.keyboard.press('Enter');
    const split = await probe(page);
    expectThat(split.lines === start.lines + 1 && split.text.split('\n').length === start.lines + 1, 'Enter splits a line');
    expectThat(split.dirty && split.dirtyChanges.at(-1) === true, 'a change makes the page dirty');
    await page.keyboard.press('Backspace');
    const joined = await probe(page);
    expectThat(joined.lines === start.lines && joined.text === start.text, 'Backspace at a line start joins the lines again');
    expectThat(!joined.dirty && joined.dirtyChanges.at(-1) === false, 'back to the saved text, the page is clean again');

    // Longer than the history's 500 ms grouping delay, so the typing below is an undo step of its own.
    await page.waitForTimeout(700);
    await page.keyboard.type('QQ');
    expectThat(
      await page.evaluate(() => (window as unknown as { __editorBench: { correctionsRebuildText(): boolean } }).__editorBench.correctionsRebuildText()),
      'getCorrections right after typing gives corrections that rebuild the text',
    );
    await page.waitForTimeout(400);
    const typed = await probe(page);
    expectThat(typed.text.length === start.text.length + 2 && typed.highlightedText.includes('QQ'), 'typed text is highlighted after the idle recompute');
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(400);
    const undone = await probe(page);
    expectThat(undone.text === start.text && undone.highlights === start.highlights, `Ctrl+Z undoes the typing and its highlight (highlights ${undone.highlights}, at open ${start.highlights})`);
    await page.keyboard.press('Control+Shift+z');
    expectThat((await probe(page)).text === typed.text, 'Ctrl+Shift+Z redoes');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expectThat((await probe(page)).text === typed.text, 'Ctrl+Y redoes');
    const saveKey = await page.evaluate(() => {
      let prevented = true;
      window.addEventListener('keydown', (e) => (prevented = e.defaultPrevented), { once: true });
      document.querySelector('.ProseMirror')!.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));
      return prevented;
    });
    expectThat(!saveKey, 'Ctrl+S is left to the app');

    await page.goto(`${url}?variant=editor&readonly=1`);
    await page.waitForFunction(() => (window as unknown as { __editorBench?: PageResults }).__editorBench?.interactive != null);
    const readOnly = await probe(page);
    expectThat(readOnly.attrs['contenteditable'] === 'false', 'a read-only page is not editable');
    await putCursorInMiddle(page);
    await page.keyboard.type('QQ');
    await page.keyboard.press('Enter');
    const afterTyping = await probe(page);
    expectThat(afterTyping.text === readOnly.text && !afterTyping.dirty, 'typing on a read-only page changes nothing');
  } finally {
    await page.close();
  }
  return failures;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const keyCount = Number(option('--keys') ?? 200) || 200;
  const variants = (option('--variants') ?? 'variant=editor,variant=bare').split(',');
  const url = await bundle();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: !args.includes('--headed'),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    if (args.includes('--check')) {
      const failures = await runChecks(browser, url);
      process.exitCode = failures.length === 0 ? 0 : 1;
      return;
    }
    console.log(`Editor bench, Chromium headless, ${keyCount} keys typed 30 ms apart in the middle of the page; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}\n`);
    for (const variant of variants) console.log((await runVariant(browser, url, variant, keyCount)).join('\n'));
  } finally {
    await browser.close();
  }
}

await main();
