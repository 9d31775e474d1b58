import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { corpusDataDir } from '../../../electron/services/app/corpus-data-dir';
import type { BatchSearchOutcome, PageData } from '../../../shared/ipc/contract';
import type { ErrorProfile } from '../../../shared/ocr-assist/error-profile';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';
import { useHandlerTable } from './handler-table-fixture';

const t = useHandlerTable();
const { call, open } = t;
const profileRule = (list: OcrSuggestion[]) => list.filter((s) => s.rule === 'profile').map((s) => [s.start, s.end, s.replacement]);

describe('the error profile behind ocr.suggest', () => {
  it('learns a correction saved on page A and proposes it on page B, caching the profile outside the corpus', async () => {
    // A name misread (no general rule can know it); 𠮷 before it: offsets are code points.
    await open({ 'a.txt': '𠮷市委书记张敬淘讲话\n', 'b.txt': '𠮷张敬淘同志说\n' });
    const b = { path: 'b.txt', text: '𠮷张敬淘同志说\n' };
    expect(profileRule(await call('ocr.suggest', b))).toEqual([]);

    const a = await call<PageData>('page.open', 'a.txt');
    await call('page.save', { path: 'a.txt', text: '𠮷市委书记张敬涛讲话\n', status: 'reviewed', entities: [], sourceSha256: a.sha256, expectedSidecarHash: a.sidecarHash });
    expect(profileRule(await call('ocr.suggest', b))).toEqual([[3, 4, '涛']]);

    const file = path.join(corpusDataDir(path.join(t.work, 'state.json'), t.corpus.root), 'error-profile.json');
    const cached = JSON.parse(await readFile(file, 'utf8')) as ErrorProfile;
    expect(cached.entries.map((e) => [e.from, e.to, e.count, e.pages])).toEqual([['淘', '涛', 1, ['a.txt']]]);
    expect(await readFile(path.join(path.dirname(file), 'root.txt'), 'utf8')).toBe(`${path.resolve(t.corpus.root)}\n`);
    // Nothing but the pages, the one sidecar and the app's lock inside the corpus.
    expect((await readdir(t.corpus.root, { recursive: true })).filter((f) => !/^[ab]\.txt$|^a\.txt\.jiaodui\.json$|^\.jiaodui\.lock$|tagset/u.test(f))).toEqual([]);
  });

  it('learns from a batch replacement too', async () => {
    await open({ 'a.txt': '书记张敬淘说\n', 'b.txt': '张敬淘同志\n', 'c.txt': '𠮷由张敬淘主持\n' });
    const c = { path: 'c.txt', text: '𠮷由张敬淘主持\n' };
    expect(profileRule(await call('ocr.suggest', c))).toEqual([]);
    const query = { pattern: '张敬淘', mode: 'plain', scope: 'corrected', replacement: '张敬涛' };
    const found = await call<BatchSearchOutcome>('batch.search', query);
    const pages = Object.entries(found.pages)
      .filter(([page]) => page !== 'c.txt')
      .map(([page, info]) => ({ path: page, version: info.version, hits: found.hits.filter((hit) => hit.page === page).map((hit) => ({ start: hit.start, end: hit.end })) }));
    await call('batch.replace', { query, pages });
    // 淘 → 涛 twice, each after 敬: on page C, left out of the batch, the same reading is proposed.
    expect(profileRule(await call('ocr.suggest', c))).toEqual([[4, 5, '涛']]);
  });
});
