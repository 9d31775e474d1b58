// Typing in the whole app (browser harness, built renderer) on a generated 200,000-character page whose sidecar
// holds ~5,800 entities: keydown → the frame after it painted, with a typist's rhythm (60–250 ms between keys,
// a 400 ms pause every 10 keys, so the idle refreshes of highlights, suggestions and the entity panel run in
// between as they do for a person). Unlike bench:entities-editor (the editor alone), this includes the OCR
// review, the panels and the app's layout. Run after a build: `npx tsx tests/bench/entities-app-typing-bench.ts
// [--keys 80] [--build]`. The generated text is random Han characters, on which the OCR review flags far more
// than on a real page. Prints the machine's load with the figures.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, startHarnessProcess } from '../../scripts/harness-process';
import { sha256Hex } from '../../electron/services/disk/hash';
import { generatePage } from '../../renderer/editor/bench/generate-page';
import { withEntities } from '../../renderer/entities/bench/bench-page';
import { repoRoot } from '../../scripts/repo-root';
import { computeLineOrigins } from '../../shared/layout/line-links';
import { serializeSidecar } from '../../shared/model/sidecar-io';

const keysArg = process.argv.indexOf('--keys');
const keyCount = keysArg > 0 ? Number(process.argv[keysArg + 1]) : 80;
const corpus = path.join(repoRoot, '.bench', 'entities-app', 'corpus');

async function makeCorpus(): Promise<void> {
  await rm(corpus, { recursive: true, force: true });
  await mkdir(corpus, { recursive: true });
  const { text, spans } = withEntities(generatePage().corrected, 5000);
  await writeFile(path.join(corpus, 'big.txt'), text);
  const now = new Date(0).toISOString();
  const sidecar = serializeSidecar({
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: 'bench' },
    source: { file: 'big.txt', format: 'text', bytes: Buffer.byteLength(text), sha256: sha256Hex(text), encoding: 'UTF-8', bom: false, lineEnding: 'LF' },
    status: 'in-progress',
    created: now,
    modified: now,
    text,
    moves: [],
    corrections: [],
    entities: spans,
    lineOrigins: computeLineOrigins(text, text, []),
    rejectedEntities: [],
    rejectedCorrections: [],
  });
  await writeFile(path.join(corpus, 'big.txt.jiaodui.json'), sidecar);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

await makeCorpus();
const stateDir = await mkdtemp(path.join(os.tmpdir(), 'jiaodui-app-typing-'));
const harness = await startHarnessProcess({ corpus, stateFile: path.join(stateDir, 'state.json'), lang: 'en', build: process.argv.includes('--build') });
const url = harness.url;
const loadBefore = os.loadavg();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.getByRole('option', { name: 'big.txt' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.ent-suggestion').length > 100, undefined, { timeout: 120_000 });
  await page.waitForTimeout(2000);
  // Caret just after an entity in the middle of the page; per-key timing taken inside the page.
  await page.evaluate(() => {
    const marks = document.querySelectorAll('.ent-mark');
    const mark = marks[Math.floor(marks.length / 2)]!;
    mark.scrollIntoView({ block: 'center' });
    const after = mark.nextSibling ?? mark;
    const range = document.createRange();
    range.setStart(after.firstChild ?? after, 1);
    range.collapse(true);
    (document.querySelector('[role="textbox"]') as HTMLElement).focus();
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    const w = window as unknown as { __frames: number[] };
    w.__frames = [];
    document.addEventListener(
      'keydown',
      (event) => {
        const t0 = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__frames.push(performance.now() - t0);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
  await page.waitForTimeout(800);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  for (let i = 0; i < keyCount; i++) {
    await page.keyboard.type('a');
    await page.waitForTimeout(i % 10 === 9 ? 400 : 60 + random() * 190);
  }
  await page.waitForTimeout(500);
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  console.log(`Typing in the app: 200,000-character page, ${keyCount} keys with a typist's rhythm`);
  console.log(`keydown → painted frame: p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms (n=${frames.length})`);
  console.log(`first keys: ${frames.slice(0, 5).map((n) => n.toFixed(0)).join(', ')} ms`);
  console.log(`load average (1/5/15 min) before: ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}; ${os.cpus().length} cores`);
} finally {
  await browser.close();
  await harness.stop();
  await rm(stateDir, { recursive: true, force: true });
}
