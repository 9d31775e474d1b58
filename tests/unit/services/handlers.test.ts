import { beforeEach, describe, expect, it } from 'vitest';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { requestSchemas, type EventPayloads, type PageData, type SaveOutcome } from '../../../shared/ipc/contract';
import { useHandlerTable } from './handler-table-fixture';

let nextFolder: string | null;
let dirty: boolean[];
const t = useHandlerTable({ deps: { dialogs: { chooseFolder: async () => nextFolder }, onDirtyChange: (d) => dirty.push(d) } });
const { value, code } = t;

beforeEach(() => {
  dirty = [];
  nextFolder = null;
});

// Exports every page as corrected text with the default options.
const ALL_TEXT = { formats: ['text'], scope: { kind: 'all' }, options: { teiGrouping: 'per-page', lineBreaks: 'original', nestedSpans: 'outermost' } };

describe('createHandlers', () => {
  it('serves every channel of the contract', () => {
    expect(t.handlers.channels).toContain('page.save');
    expect([...t.handlers.channels].sort()).toEqual(Object.keys(requestSchemas).sort());
  });

  it('rejects unknown channels, including inherited object keys', async () => {
    expect(await code('fs.readFile', ['/etc/passwd'])).toBe('invalid-argument');
    expect(await code('constructor', [])).toBe('invalid-argument');
    expect(await code('__proto__', [])).toBe('invalid-argument');
  });

  it('validates arguments before running a handler', async () => {
    expect(await code('app.setDirty', ['yes'])).toBe('invalid-argument');
    expect(await code('app.setDirty', [])).toBe('invalid-argument');
    expect(await code('app.setDirty', null)).toBe('invalid-argument');
    expect(await code('app.setPreferences', [{ language: 'fr' }])).toBe('invalid-argument');
    expect(await code('app.setPreferences', [{ autosaveSeconds: 5, extra: 1 }])).toBe('invalid-argument');
    expect(await code('page.open', ['a\0b'])).toBe('invalid-argument');
    expect(dirty).toEqual([]);
    const r = await t.handlers.handle('app.setDirty', [1]);
    expect(r.ok ? '' : r.error.message).toMatch(/app\.setDirty/);
  });

  it('reports app state and saves preferences', async () => {
    const state = await value<{ shell: string; appVersion: string; corpus: unknown }>('app.getState', []);
    expect(state).toMatchObject({ shell: 'browser', appVersion: '9.9.9', corpus: null });
    expect(await value('app.setPreferences', [{ language: 'en' }])).toMatchObject({ language: 'en' });
    expect(JSON.parse(await readFile(path.join(t.work, 'state.json'), 'utf8')).preferences.language).toBe('en');
  });

  it('passes the dirty flag to the shell', async () => {
    await value('app.setDirty', [true]);
    expect(dirty).toEqual([true]);
  });

  it('needs an open corpus for page and export channels', async () => {
    expect(await code('page.open', ['a.txt'])).toBe('no-corpus');
    expect(await code('export.run', [ALL_TEXT])).toBe('no-corpus');
    expect(await code('corpus.rescan', [])).toBe('no-corpus');
  });

  it('returns null when the folder dialog is cancelled', async () => {
    expect(await value('corpus.chooseAndOpen', [])).toBeNull();
  });

  it('opens a chosen corpus, streams the scan with a generation, and remembers it as recent', async () => {
    await t.corpus.put('a.txt', '甲');
    await t.corpus.put('sub/b.txt', '乙');
    nextFolder = t.corpus.root;
    const info = await value<{ root: string }>('corpus.chooseAndOpen', []);
    expect(info.root).toBe(await realpath(t.corpus.root));
    await t.handlers.scanFinished();
    const progress = t.events.filter((e) => e.event === 'corpus.scanProgress').map((e) => e.payload as EventPayloads['corpus.scanProgress']);
    expect(progress.at(-1)?.done).toBe(true);
    expect(progress.flatMap((p) => p.pages.map((x) => x.path)).sort()).toEqual(['a.txt', 'sub/b.txt']);
    expect(new Set(progress.map((p) => p.generation))).toEqual(new Set([1]));

    await value('corpus.rescan', []);
    await t.handlers.scanFinished();
    const last = t.events.at(-1)!.payload as EventPayloads['corpus.scanProgress'];
    expect(last).toMatchObject({ generation: 2, done: true });
    expect((await value<{ recentCorpora: string[] }>('app.getState', [])).recentCorpora).toEqual([info.root]);
  });

  it('reads and changes the corpus text source, rewriting the settings file and rescanning', async () => {
    await t.corpus.put('p.txt', '甲');
    await t.corpus.put('p.hocr', "<html><body><div class='ocr_page' title='bbox 0 0 10 10'><span class='ocr_line' title='bbox 0 0 5 5'>乙</span></div></body></html>");
    expect(await code('corpus.settings', [])).toBe('no-corpus');
    await t.handlers.openCorpus(t.corpus.root);
    await t.handlers.scanFinished();
    expect(await value('corpus.settings', [])).toEqual({ textSource: 'layout', file: 'jiaodui.corpus.json', problem: null });
    const pagesOf = (generation: number) =>
      t.events.flatMap((e) => (e.event === 'corpus.scanProgress' && (e.payload as EventPayloads['corpus.scanProgress']).generation === generation ? (e.payload as EventPayloads['corpus.scanProgress']).pages.map((p) => p.path) : []));
    expect(pagesOf(1)).toEqual(['p.hocr']);
    expect((await value<PageData>('page.open', ['p.hocr'])).text).toBe('乙');

    expect(await code('corpus.setTextSource', ['pdf'])).toBe('invalid-argument');
    expect(await value('corpus.setTextSource', ['text'])).toEqual({ textSource: 'text', file: 'jiaodui.corpus.json', problem: null });
    await t.handlers.scanFinished();
    expect(pagesOf(2)).toEqual(['p.txt']);
    expect(JSON.parse((await t.corpus.read('jiaodui.corpus.json')).toString())).toEqual({ format: 'jiaodui-corpus', version: 1, textSource: 'text' });
    expect((await value<PageData>('page.open', ['p.txt'])).text).toBe('甲');
  });

  it('refuses page paths that leave the corpus', async () => {
    await t.corpus.put('a.txt', '甲');
    await t.handlers.openCorpus(t.corpus.root);
    for (const bad of ['../../../.bashrc', '/etc/passwd', 'C:\\x', 'a/../../b']) {
      expect(await code('page.open', [bad])).toBe('outside-corpus');
    }
  });

  it('opens and saves a page through the table, refusing a malformed save request', async () => {
    await t.corpus.put('a.txt', '人民曰报𠮷\n');
    await t.handlers.openCorpus(t.corpus.root);
    const page = await value<PageData>('page.open', ['a.txt']);
    const request = { path: 'a.txt', text: '人民日报𠮷\n', status: 'reviewed', entities: [], sourceSha256: page.sha256, expectedSidecarHash: null };
    expect(await code('page.save', [{ ...request, sourceSha256: 'nothex' }])).toBe('invalid-argument');
    expect(await code('page.save', [{ ...request, path: '../a.txt' }])).toBe('outside-corpus');
    const saved = await value<SaveOutcome>('page.save', [request]);
    expect(saved.corrections).toEqual([{ start: 2, end: 3, original: '曰', corrected: '日' }]);
    expect((await t.corpus.read('a.txt')).toString()).toBe('人民曰报𠮷\n');
  });

  it('exports only to the folder chosen through the dialog', async () => {
    await t.corpus.put('a.txt', '甲\r\n');
    await t.handlers.openCorpus(t.corpus.root);
    expect(await code('export.run', [ALL_TEXT])).toBe('invalid-argument');
    expect(await code('export.run', [{ ...ALL_TEXT, outDir: '/tmp/x' }])).toBe('invalid-argument');

    nextFolder = path.join(t.corpus.root, 'inside');
    expect(await code('export.chooseFolder', [])).toBe('invalid-argument');

    nextFolder = path.join(t.work, 'out');
    expect(await value('export.chooseFolder', [])).toBe(nextFolder);
    const outcome = await value<{ written: number }>('export.run', [ALL_TEXT]);
    expect(outcome.written).toBe(1);
    expect(await readFile(path.join(t.work, 'out', 'a.txt'), 'utf8')).toBe('甲\r\n');
    expect(t.events.filter((e) => e.event === 'export.progress').at(-1)?.payload).toEqual({ done: 1, total: 1 });
  });
});
