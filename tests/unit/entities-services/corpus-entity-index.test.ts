import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { CorpusEntityIndexer } from '../../../electron/services/entities/corpus-entity-index';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';
import { spansOf, tagPage } from './support';

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(() => corpus.remove());

const A = '𠮷田在朔城区见到武跃林。\n武跃林说：朔城区很好。';
const B = '记者武跃林报道：𠮷田来了。';

describe('CorpusEntityIndexer', () => {
  it('groups every tagged text of the corpus with its types, counts, pages and code-point places', async () => {
    await corpus.put('a.txt', A);
    await corpus.put('b.txt', B);
    await tagPage(corpus.root, 'a.txt', [...spansOf(A, '武跃林', 'PER'), ...spansOf(A, '朔城区', 'LOC'), ...spansOf(A, '𠮷田', 'PER')]);
    await tagPage(corpus.root, 'b.txt', [...spansOf(B, '武跃林', 'PER'), ...spansOf(B, '𠮷田', 'LOC')]);

    const index = await new CorpusEntityIndexer(corpus.root).build(['a.txt', 'b.txt']);
    const wu = index.entries.find((e) => e.text === '武跃林')!;
    expect(wu.count).toBe(3);
    expect(wu.types).toEqual([{ type: 'PER', count: 3 }]);
    // 𠮷 counts as one code point: 武跃林 starts at 8 in page a, not 9.
    expect(wu.pages).toEqual([
      { path: 'a.txt', start: 8, count: 2 },
      { path: 'b.txt', start: 2, count: 1 },
    ]);
    expect(index.entries[0]!.text).toBe('武跃林');
    const ji = index.entries.find((e) => e.text === '𠮷田')!;
    expect(ji.types).toEqual([{ type: 'PER', count: 1 }, { type: 'LOC', count: 1 }]);
    expect(index.known).toEqual({ 武跃林: 'PER', 朔城区: 'LOC', 𠮷田: 'PER' });
    expect(index.typesInUse).toEqual([{ type: 'PER', count: 4 }, { type: 'LOC', count: 3 }]);
    expect(index.sidecars).toBe(2);
    expect(index.unreadable).toEqual([]);
  });

  it('lists unusable sidecars and leaves their spans out', async () => {
    await corpus.put('a.txt', A);
    await corpus.put('a.txt.jiaodui.json', '{ not json');
    await corpus.put('b.txt', B);
    await tagPage(corpus.root, 'b.txt', spansOf(B, '武跃林', 'PER'));
    const index = await new CorpusEntityIndexer(corpus.root).build(['a.txt', 'b.txt']);
    expect(index.unreadable.map((u) => u.path)).toEqual(['a.txt']);
    expect(index.unreadable[0]!.message).toContain('not valid JSON');
    expect(index.entries.map((e) => [e.text, e.count])).toEqual([['武跃林', 1]]);
  });

  it('re-reads only sidecars whose mtime or size changed, and forgets pages no longer listed', async () => {
    await corpus.put('a.txt', A);
    await tagPage(corpus.root, 'a.txt', spansOf(A, '武跃林', 'PER'));
    const indexer = new CorpusEntityIndexer(corpus.root);
    expect((await indexer.build(['a.txt'])).entries).toHaveLength(1);

    // Same size and mtime as before: the cache answers, even though the bytes differ.
    const sidecar = path.join(corpus.root, 'a.txt.jiaodui.json');
    const original = (await corpus.read('a.txt.jiaodui.json')).toString();
    const swapped = original.replace('"type": "PER"', '"type": "ORG"');
    expect(swapped).not.toBe(original);
    const stamp = new Date('2026-01-01T00:00:00Z');
    await utimes(sidecar, stamp, stamp);
    expect((await indexer.build(['a.txt'])).known).toEqual({ 武跃林: 'PER' });
    await corpus.put('a.txt.jiaodui.json', swapped);
    await utimes(sidecar, stamp, stamp);
    expect((await indexer.build(['a.txt'])).known).toEqual({ 武跃林: 'PER' });

    // A new mtime: read again.
    const later = new Date('2026-01-02T00:00:00Z');
    await utimes(sidecar, later, later);
    expect((await indexer.build(['a.txt'])).known).toEqual({ 武跃林: 'ORG' });
    expect((await indexer.build([])).entries).toEqual([]);
  });

  it('treats an entity text like "__proto__" as an ordinary key', async () => {
    const text = 'see __proto__ here';
    await corpus.put('p.txt', text);
    await tagPage(corpus.root, 'p.txt', spansOf(text, '__proto__', 'MISC'));
    const index = await new CorpusEntityIndexer(corpus.root).build(['p.txt']);
    expect(Object.keys(index.known)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(index.known))).toEqual(JSON.parse('{"__proto__":"MISC"}'));
  });
});

describe('CorpusEntityIndexer quick builds', () => {
  it('re-reads only the pages named as changed and trusts the cache for the rest until a full build', async () => {
    await corpus.put('a.txt', A);
    await corpus.put('b.txt', B);
    await tagPage(corpus.root, 'a.txt', spansOf(A, '武跃林', 'PER'));
    const indexer = new CorpusEntityIndexer(corpus.root);
    expect((await indexer.build(['a.txt', 'b.txt'])).sidecars).toBe(1);

    // Both pages change on disk; only b is reported as written by the app.
    await tagPage(corpus.root, 'a.txt', spansOf(A, '朔城区', 'LOC'));
    await tagPage(corpus.root, 'b.txt', spansOf(B, '𠮷田', 'LOC'));
    const quick = await indexer.build(['a.txt', 'b.txt'], { full: false, changed: new Set(['b.txt']) });
    expect(quick.known).toEqual({ 武跃林: 'PER', 𠮷田: 'LOC' });
    const full = await indexer.build(['a.txt', 'b.txt']);
    expect(full.known).toEqual({ 武跃林: 'PER', 朔城区: 'LOC', 𠮷田: 'LOC' });
  });

  it('reads pages it has not seen before even in a quick build', async () => {
    await corpus.put('a.txt', A);
    await tagPage(corpus.root, 'a.txt', spansOf(A, '武跃林', 'PER'));
    const indexer = new CorpusEntityIndexer(corpus.root);
    expect((await indexer.build(['a.txt'], { full: false })).known).toEqual({ 武跃林: 'PER' });
  });
});
