import { describe, expect, it } from 'vitest';
import type { BatchReplaceOutcome, BatchSearchOutcome } from '../../../shared/ipc/contract';
import { replaceRequestFor, tickedCount } from '../../../renderer/batch/batch-selection';
import { useHandlerTable } from '../services/handler-table-fixture';

// Issue 16, item 7: hits the replacement would not change are not offered, and the count replaced is the count
// ticked.
const t = useHandlerTable();
const { call, open } = t;

describe('batch hits that would change nothing', () => {
  it('are left out of a regex search and counted apart; replacing all that is listed replaces that many', async () => {
    await open({ 'a.txt': '己经已经𠮷己经', 'b.txt': '已经' });
    const q = { pattern: '[己已]经', mode: 'regex', scope: 'corrected', replacement: '已经' };
    const found = await call<BatchSearchOutcome>('batch.search', q);
    // 己经 twice on a.txt; the 已经 of a.txt and of b.txt are already right.
    expect(found.hits.map((h) => [h.page, h.start, h.match])).toEqual([
      ['a.txt', 0, '己经'],
      ['a.txt', 5, '己经'],
    ]);
    expect(found.total).toBe(2);
    expect(found.unchanged).toBe(2);
    expect(Object.keys(found.pages)).toEqual(['a.txt']);
    const ticked = tickedCount(found, new Set());
    const outcome = await call<BatchReplaceOutcome>('batch.replace', replaceRequestFor(q as never, found, new Set()));
    expect(outcome.replaced).toBe(ticked);
    expect(outcome.problems).toEqual([]);
  });

  it('are every hit of a plain search whose replacement is the pattern', async () => {
    await open({ 'a.txt': '锅炉锅炉', 'b.txt': '锅炉' });
    const found = await call<BatchSearchOutcome>('batch.search', { pattern: '锅炉', mode: 'plain', scope: 'corrected', replacement: '锅炉' });
    expect(found.hits).toEqual([]);
    expect(found.total).toBe(0);
    expect(found.unchanged).toBe(3);
  });

  it('do not include a deletion (an empty replacement changes every hit)', async () => {
    await open({ 'a.txt': '锅炉锅炉' });
    const found = await call<BatchSearchOutcome>('batch.search', { pattern: '炉', mode: 'plain', scope: 'corrected', replacement: '' });
    expect(found.total).toBe(2);
    expect(found.unchanged).toBe(0);
  });
});
