// `npm run screenshot`: renders the README screenshots (docs/screenshot*.png) from the bundled sample corpus in
// the browser harness: a page with a corrected character, its OCR original shown on hover.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { buildAll } from './build-steps';
import { repoRoot } from './repo-root';

async function shoot(lang: 'en' | 'zh-CN', out: string): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'jiaodui-shot-'));
  const corpus = path.join(work, 'sample-corpus');
  await cp(path.join(repoRoot, 'resources', 'sample-corpus'), corpus, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-browser.ts', '--corpus', corpus, '--port', '0', '--state', path.join(work, 'state.json'), '--lang', lang, '--no-build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(text);
      if (match) resolve(match[1]!);
    });
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
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
    child.kill('SIGTERM');
    await rm(work, { recursive: true, force: true });
  }
}

await buildAll();
await mkdir(path.join(repoRoot, 'docs'), { recursive: true });
await shoot('en', path.join(repoRoot, 'docs', 'screenshot.png'));
await shoot('zh-CN', path.join(repoRoot, 'docs', 'screenshot-zh.png'));
console.log('wrote docs/screenshot.png and docs/screenshot-zh.png');
