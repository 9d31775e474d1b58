import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_PREFERENCES, indexFileOf, MAX_RECENT_CORPORA, openAppStore } from '../../../electron/services/app/app-state';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-state-'));
  file = path.join(dir, 'state.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openAppStore', () => {
  it('starts with default preferences and no recent corpora', async () => {
    const store = await openAppStore(file);
    expect(store.preferences()).toEqual(DEFAULT_PREFERENCES);
    expect(store.recentCorpora()).toEqual([]);
    expect(store.corpusIndex('/x')).toEqual({});
  });

  it('saves preference changes so a new store reads them back', async () => {
    const store = await openAppStore(file);
    expect(await store.setPreferences({ language: 'en' })).toEqual({ ...DEFAULT_PREFERENCES, language: 'en' });
    await store.setPreferences({ autosaveSeconds: 5 });
    const again = await openAppStore(file);
    expect(again.preferences()).toEqual({ language: 'en', autosaveSeconds: 5 });
  });

  it('keeps recent corpora most recent first, without duplicates, at most ten', async () => {
    const store = await openAppStore(file);
    for (let i = 0; i < 12; i++) await store.addRecentCorpus(`/corpus/${i}`);
    await store.addRecentCorpus('/corpus/5');
    const recent = (await openAppStore(file)).recentCorpora();
    expect(recent).toHaveLength(MAX_RECENT_CORPORA);
    expect(recent[0]).toBe('/corpus/5');
    expect(recent[1]).toBe('/corpus/11');
    expect(new Set(recent).size).toBe(recent.length);
  });

  it('stores the corpus index cache per corpus root', async () => {
    const store = await openAppStore(file);
    const stats = { hand: 1, rule: 2, entities: { PER: 1 }, top: [{ text: '𠮷田', type: 'PER', count: 1 }], note: '缺第二栏', pending: { lowConfidence: 3, ocrSuggestions: 2, entitySuggestions: 1 } };
    await store.setCorpusIndex('/a', { 'p.txt': { sidecarMtime: 1, sidecarSize: 2, status: 'reviewed', stats } });
    const again = await openAppStore(file);
    expect(again.corpusIndex('/a')).toEqual({ 'p.txt': { sidecarMtime: 1, sidecarSize: 2, status: 'reviewed', stats } });
    expect(again.corpusIndex('/b')).toEqual({});
    // The index has its own file, so writing preferences never rewrites thousands of index entries.
    expect(JSON.parse(await readFile(indexFileOf(file), 'utf8')).corpusIndex['/a']['p.txt'].status).toBe('reviewed');
    await again.setPreferences({ autosaveSeconds: 7 });
    expect(JSON.parse(await readFile(file, 'utf8')).corpusIndex).toBeUndefined();
  });

  it('reads an index written before page statistics (issue 16) with null stats, and damaged stats fields as empty', async () => {
    await writeFile(
      indexFileOf(file),
      JSON.stringify({
        corpusIndex: {
          '/a': {
            'old.txt': { sidecarMtime: 1, sidecarSize: 2, status: 'reviewed' },
            'odd.txt': { sidecarMtime: 3, sidecarSize: 4, status: null, stats: { hand: -1, rule: 2, entities: 'x', top: [{ text: '甲' }], note: 7 } },
          },
        },
      }),
    );
    const store = await openAppStore(file);
    const index = store.corpusIndex('/a');
    expect(index['old.txt']).toEqual({ sidecarMtime: 1, sidecarSize: 2, status: 'reviewed', stats: null });
    expect(index['odd.txt']?.stats).toEqual({ hand: 0, rule: 2, entities: {}, top: [], note: null, pending: null });
  });

  it('takes one index entry after a save in memory, written with the next whole index', async () => {
    const store = await openAppStore(file);
    const entry = { sidecarMtime: 5, sidecarSize: 6, status: 'in-progress' as const, stats: { hand: 0, rule: 0, entities: {}, top: [], note: null, pending: null } };
    store.noteIndexEntry('/a', 'p.txt', entry);
    expect(store.corpusIndex('/a')['p.txt']).toEqual(entry);
    await store.setCorpusIndex('/a', store.corpusIndex('/a'));
    expect((await openAppStore(file)).corpusIndex('/a')['p.txt']).toEqual(entry);
  });

  it('creates the folder of the state file when it does not exist yet', async () => {
    const nested = path.join(dir, 'config', 'jiaodui', 'state.json');
    const store = await openAppStore(nested);
    await store.addRecentCorpus('/c');
    expect(JSON.parse(await readFile(nested, 'utf8')).recentCorpora).toEqual(['/c']);
  });

  it('moves a damaged state file aside and starts from defaults', async () => {
    await writeFile(file, '{ not json');
    const store = await openAppStore(file);
    expect(store.preferences()).toEqual(DEFAULT_PREFERENCES);
    expect((await readdir(dir)).some((n) => n.startsWith('state.json.broken-'))).toBe(true);
  });

  it('replaces invalid fields with defaults but keeps valid ones', async () => {
    await writeFile(file, JSON.stringify({ preferences: { language: 'fr', autosaveSeconds: 10 }, recentCorpora: 'oops' }));
    const store = await openAppStore(file);
    expect(store.preferences()).toEqual({ language: DEFAULT_PREFERENCES.language, autosaveSeconds: 10 });
    expect(store.recentCorpora()).toEqual([]);
  });

  it('remembers the export dialog choices across restarts, beside the other preferences', async () => {
    const store = await openAppStore(file);
    expect(store.preferences().exportChoices).toBeUndefined();
    const choices = {
      formats: ['tei', 'conll'] as const,
      scope: 'status' as const,
      statuses: ['reviewed', 'needs-attention'] as const,
      options: { teiGrouping: 'one-document', lineBreaks: 'paragraphs', nestedSpans: 'innermost' } as const,
    };
    await store.setPreferences({ exportChoices: { ...choices, formats: [...choices.formats], statuses: [...choices.statuses] } });
    await store.setPreferences({ language: 'en' });
    const again = await openAppStore(file);
    expect(again.preferences()).toEqual({ language: 'en', autosaveSeconds: DEFAULT_PREFERENCES.autosaveSeconds, exportChoices: choices });
  });

  it('reads remembered export choices field by field: unknown formats dropped, bad fields back to defaults', async () => {
    await writeFile(
      file,
      JSON.stringify({
        preferences: {
          language: 'en',
          autosaveSeconds: 3,
          exportChoices: { formats: ['alto', 'future-format', 'alto', 'brat'], scope: 'everything', statuses: 'reviewed', options: { teiGrouping: 'one-document', lineBreaks: 7 } },
        },
      }),
    );
    const store = await openAppStore(file);
    expect(store.preferences()).toEqual({
      language: 'en',
      autosaveSeconds: 3,
      exportChoices: { formats: ['alto', 'brat'], scope: 'all', statuses: [], options: { teiGrouping: 'one-document', lineBreaks: 'original', nestedSpans: 'outermost' } },
    });
    await writeFile(file, JSON.stringify({ preferences: { language: 'en', autosaveSeconds: 3, exportChoices: 'text' } }));
    expect((await openAppStore(file)).preferences()).toEqual({ language: 'en', autosaveSeconds: 3 });
  });
});
