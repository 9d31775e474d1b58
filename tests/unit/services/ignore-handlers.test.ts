import { describe, expect, it } from 'vitest';
import type { CorpusEntityIndex, PageData } from '../../../shared/ipc/contract';
import type { IgnoreList } from '../../../shared/learning/ignore-list';
import type { OcrSuggestionForApp } from '../../../shared/ocr-assist/types';
import { entityKey } from '../../../shared/entities/corpus-rejections';
import { ocrKey } from '../../../shared/ocr-assist/corpus-rejections';
import { contextKey } from '../../../shared/learning/rejection-context';
import { useHandlerTable } from './handler-table-fixture';

const t = useHandlerTable();
const { call, open } = t;

// Saves a page unchanged, with the given rejections.
async function saveRejections(rel: string, rejected: { rejectedEntities?: unknown[]; rejectedCorrections?: unknown[] }): Promise<void> {
  const page = await call<PageData>('page.open', rel);
  await call('page.save', { path: rel, text: page.text, status: 'in-progress', entities: [], sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash, ...rejected });
}

// The spacing suggestions (a space between Chinese characters) of a text, as [start, confidence].
async function spacing(text: string): Promise<[number, number][]> {
  const list = await call<OcrSuggestionForApp[]>('ocr.suggest', { text });
  return list.filter((s) => s.rule === 'cjk-spacing').map((s) => [s.start, s.confidence]);
}

const ocrTarget = { kind: 'ocr', rule: 'cjk-spacing', text: ' ', replacement: '' } as const;

describe('ignore.* channels', () => {
  it('need an open corpus', async () => {
    for (const [channel, args] of [['ignore.list', []], ['ignore.add', [ocrTarget]], ['ignore.remove', [ocrTarget]]] as const) {
      const r = await t.handlers.handle(channel, args);
      expect(r.ok ? 'ok' : r.error.code).toBe('no-corpus');
    }
  });

  it('validate their arguments', async () => {
    await open({ 'a.txt': '甲\n' });
    for (const bad of [[{ kind: 'ocr', rule: 'cjk-spacing', text: ' ' }], [{ ...ocrTarget, added: '2026-12-07T20:00:00.000Z' }], [{ kind: 'entity', rule: 'known', text: '', type: 'LOC' }], []]) {
      const r = await t.handlers.handle('ignore.add', bad);
      expect(r.ok ? 'ok' : r.error.code).toBe('invalid-argument');
    }
    const r = await t.handlers.handle('ignore.list', [1]);
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid-argument');
  });

  it('add, list and remove entries; an ignored OCR rule and string is gone from every answer, and back after removal', async () => {
    await open({ 'a.txt': '𠮷 野\n' });
    expect(await spacing('中 国 人 民')).toHaveLength(3);
    const added = await call<IgnoreList>('ignore.add', ocrTarget);
    expect(added.entries).toEqual([{ ...ocrTarget, added: expect.any(String) }]);
    expect((await call<IgnoreList>('ignore.list')).entries).toHaveLength(1);
    expect(await spacing('中 国 人 民')).toEqual([]);
    expect((await call<IgnoreList>('ignore.remove', ocrTarget)).entries).toEqual([]);
    expect(await spacing('中 国 人 民')).toHaveLength(3);
  });
});

describe('corpus-wide rejections', () => {
  it('a rejected OCR suggestion is dropped in the same context on another page and lowered elsewhere', async () => {
    const text = '他𠮷 野 家，村 口 人';
    await open({ 'a.txt': `${text}\n`, 'b.txt': '别的\n' });
    const before = await spacing(text);
    expect(before.map(([start]) => start)).toEqual([2, 10]);
    // Page a: the space after 𠮷 (code point 2) rejected.
    await saveRejections('a.txt', { rejectedCorrections: [{ rule: 'cjk-spacing', start: 2, end: 3, text: ' ', replacement: '' }] });
    const index = await call<CorpusEntityIndex>('entities.corpusIndex');
    expect(index.rejections.ocr[ocrKey('cjk-spacing', ' ', '')]).toEqual({ rejected: 1, accepted: 0, contexts: [contextKey('他𠮷', '野 ')] });
    // The same text on another page: the space after 他𠮷 is in the same context, the one in 村 口 is not.
    const after = await spacing(text);
    expect(after.map(([start]) => start)).toEqual([10]);
    expect(after[0]![1]).toBeCloseTo(before[1]![1] / 2);
  });

  it('compares the request text in NFC', async () => {
    await open({ 'a.txt': 'é𠮷 野 家，村 口 人\n' });
    await saveRejections('a.txt', { rejectedCorrections: [{ rule: 'cjk-spacing', start: 2, end: 3, text: ' ', replacement: '' }] });
    await call('entities.corpusIndex');
    expect((await spacing('e\u0301𠮷 野 家，村 口 人')).map(([start]) => start)).toEqual([10]);
  });

  it('the corpus index carries entity rejections with their contexts and acceptances', async () => {
    await open({ 'a.txt': '𠮷在朔州工作\n', 'b.txt': '朔州\n' });
    await saveRejections('a.txt', { rejectedEntities: [{ text: '朔州', type: 'LOC', start: 2, end: 4 }] });
    const b = await call<PageData>('page.open', 'b.txt');
    await call('page.save', { path: 'b.txt', text: b.text, status: 'in-progress', entities: [{ id: 'x', start: 0, end: 2, type: 'LOC', text: '朔州' }], sourceSha256: b.sha256, expectedSidecarHash: b.sidecarHash });
    const index = await call<CorpusEntityIndex>('entities.corpusIndex');
    expect(index.rejections.entities[entityKey('朔州', 'LOC')]).toEqual({ rejected: 1, accepted: 1, contexts: [contextKey('𠮷在', '工作')] });
  });
});
