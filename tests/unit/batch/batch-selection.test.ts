import { describe, expect, it } from 'vitest';
import { replaceRequestFor, showBreaks, tickedCount } from '../../../renderer/batch/batch-selection';
import type { BatchHit, BatchQuery, BatchSearchOutcome } from '../../../shared/ipc/contract';

const hit = (page: string, start: number): BatchHit => ({ page, line: 1, start, end: start + 2, before: '', match: '锅护', after: '', replacement: '锅炉' });
const outcome: BatchSearchOutcome = {
  hits: [hit('a.txt', 0), hit('a.txt', 5), hit('b.txt', 1), hit('c.txt', 3)],
  total: 4,
  unchanged: 0,
  limit: 10_000,
  pagesSearched: 3,
  pages: { 'a.txt': { version: 'va', blocked: null }, 'b.txt': { version: 'vb', blocked: null }, 'c.txt': { version: 'vc', blocked: 'broken sidecar' } },
  unreadable: [],
  elapsedMs: 1,
};
const query: BatchQuery = { pattern: '锅护', mode: 'plain', scope: 'corrected', replacement: '锅炉' };

describe('batch selection', () => {
  it('counts ticked hits, leaving out unticked ones and hits on pages that cannot change', () => {
    expect(tickedCount(outcome, new Set())).toBe(3);
    expect(tickedCount(outcome, new Set([1]))).toBe(2);
  });

  it('groups the ticked hits by page with the page version for batch.replace', () => {
    expect(replaceRequestFor(query, outcome, new Set([1]))).toEqual({
      query,
      pages: [
        { path: 'a.txt', version: 'va', hits: [{ start: 0, end: 2 }] },
        { path: 'b.txt', version: 'vb', hits: [{ start: 1, end: 3 }] },
      ],
    });
  });

  it('gives no request when nothing replaceable is ticked', () => {
    expect(replaceRequestFor(query, outcome, new Set([0, 1, 2]))).toBeNull();
  });

  it('shows line breaks as a visible mark', () => {
    expect(showBreaks('核酸检\n测')).toBe('核酸检⏎测');
  });
});
