// `npm run screenshot`: renders the README screenshots (docs/screenshot*.png) from the bundled sample corpus in
// the browser harness: a page with a corrected character, its OCR original shown on hover; light and dark (the
// app follows the system's colour scheme, emulated here), English and Chinese, 1280 × 800.
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, startHarnessProcess } from './harness-process';
import { buildAll } from './build-steps';
import { repoRoot } from './repo-root';

async function shoot(lang: 'en' | 'zh-CN', colorScheme: 'light' | 'dark', out: string): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'jiaodui-shot-'));
  const corpus = path.join(work, 'sample-corpus');
  await cp(path.join(repoRoot, 'resources', 'sample-corpus'), corpus, { recursive: true });
  const harness = await startHarnessProcess({ corpus, stateFile: path.join(work, 'state.json'), lang });
  const url = harness.url;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme });
    await page.goto(url);
    await page.locator('[role="option"]').first().click();
    const editor = page.locator('[role="textbox"]');
    await editor.waitFor();
    // Correct 己经 → 已经 the way a user would: select the character and type.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('[role="textbox"]')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('己经');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    });
    await page.waitForTimeout(50);
    await page.keyboard.type('已');
    await page.waitForTimeout(400);
    await page.locator('.corr-changed').first().hover();
    await page.waitForTimeout(200);
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
    await harness.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await buildAll();
await mkdir(path.join(repoRoot, 'docs'), { recursive: true });
await shoot('en', 'light', path.join(repoRoot, 'docs', 'screenshot.png'));
await shoot('zh-CN', 'light', path.join(repoRoot, 'docs', 'screenshot-zh.png'));
await shoot('en', 'dark', path.join(repoRoot, 'docs', 'screenshot-dark.png'));
await shoot('zh-CN', 'dark', path.join(repoRoot, 'docs', 'screenshot-dark-zh.png'));
console.log('wrote docs/screenshot.png, screenshot-zh.png, screenshot-dark.png and screenshot-dark-zh.png');
