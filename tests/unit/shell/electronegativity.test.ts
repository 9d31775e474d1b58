import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCLUDED_CHECKS, EXPLAINED_FINDINGS } from '../../../scripts/electronegativity-rules';
import { judgeFindings, scanWithElectronegativity, type Finding } from '../../../scripts/electronegativity-run';

const MEDIUM = { value: 2, name: 'MEDIUM' };
const LOW = { value: 1, name: 'LOW' };
const finding = (id: string, file: string, severity = MEDIUM): Finding => ({
  id,
  file,
  location: { line: 1, column: 0 },
  description: id,
  severity,
  confidence: { value: 1, name: 'FIRM' },
  manualReview: false,
});

describe('judging electronegativity findings', () => {
  const explanations = [{ id: 'PRELOAD_JS_CHECK', file: 'electron/window.ts', why: 'reviewed' }];

  it('fails a finding above LOW that no explanation covers, and accepts an explained one', () => {
    const judged = judgeFindings([finding('PRELOAD_JS_CHECK', 'electron/window.ts'), finding('PRELOAD_JS_CHECK', 'electron/other-window.ts')], explanations);
    expect(judged.explained.map((e) => e.finding.file)).toEqual(['electron/window.ts']);
    expect(judged.unexplained.map((f) => f.file)).toEqual(['electron/other-window.ts']);
    expect(judged.stale).toEqual([]);
  });

  it('shows LOW findings without failing on them', () => {
    const judged = judgeFindings([finding('CSP_GLOBAL_CHECK', 'renderer/index.html', LOW), finding('PRELOAD_JS_CHECK', 'electron/window.ts')], explanations);
    expect(judged.minor.map((f) => f.id)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(judged.unexplained).toEqual([]);
  });

  it('reports an explanation that matches nothing as stale', () => {
    expect(judgeFindings([], explanations).stale).toEqual(explanations);
  });

  it('matches files reported with Windows separators', () => {
    const judged = judgeFindings([finding('PRELOAD_JS_CHECK', ['electron', 'window.ts'].join(path.sep))], explanations);
    expect(judged.unexplained).toEqual([]);
  });

  it('keeps a reason with every exclusion and explanation', () => {
    for (const entry of [...EXCLUDED_CHECKS, ...EXPLAINED_FINDINGS]) expect(entry.why.length).toBeGreaterThan(20);
  });
});

describe('electronegativity itself, offline', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-eng-'));
    // An app with the classic mistakes: Node in the page, no isolation, no sandbox, remote content.
    await fs.writeFile(
      path.join(dir, 'main.js'),
      [
        "const { app, BrowserWindow } = require('electron');",
        'app.whenReady().then(() => {',
        '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        "  win.loadURL('http://example.com/');",
        '});',
      ].join('\n'),
    );
    await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'bad', main: 'main.js', devDependencies: { electron: '41.7.1' } }));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('finds the classic mistakes above LOW, so the lint would fail on them', async () => {
    const result = await scanWithElectronegativity(dir, { electronVersion: '41.7.1', excluded: EXCLUDED_CHECKS });
    const judged = judgeFindings(result.findings, []);
    const ids = judged.unexplained.map((f) => f.id);
    // (Its nodeIntegration check stays silent for Electron 41 even on `nodeIntegration: true`; electron-main.test.ts
    // checks that option of ours directly.)
    expect(ids).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']),
    );
    expect(result.unparsed).toEqual([]);
  }, 60_000);
});
