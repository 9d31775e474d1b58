import { describe, expect, it } from 'vitest';
import { applyListView, DEFAULT_LIST_VIEW, stepToReview } from '../../../renderer/components/page-list-view';
import type { PageEntry } from '../../../shared/ipc/contract';
import type { PageListStats } from '../../../shared/model/page-stats';

function page(path: string, status: PageEntry['status'], stats?: Partial<PageListStats>): PageEntry {
  const entry: PageEntry = { path, base: path.replace(/\.txt$/, ''), companions: [], bytes: 1, mtimeMs: 0, status };
  if (stats) entry.stats = { hand: 0, rule: 0, entities: {}, note: null, pending: null, ...stats };
  return entry;
}

const PAGES = [
  page('p1.txt', 'reviewed', { hand: 1 }),
  page('p2.txt', null),
  page('𠮷/p3.txt', 'needs-attention', { hand: 2, rule: 3, entities: { PER: 1 }, note: '缺栏' }),
  page('p4.txt', 'in-progress', { rule: 1, entities: { PER: 2, LOC: 3 } }),
  page('p5.txt', 'unreviewed', { entities: { LOC: 1 } }),
];
const paths = (pages: PageEntry[]) => pages.map((p) => p.path);

describe('applyListView', () => {
  it('shows every page in natural order by default', () => {
    expect(paths(applyListView(PAGES, DEFAULT_LIST_VIEW))).toEqual(paths(PAGES));
  });

  it('filters by status, by "not yet reviewed", by "with a note", and by a part of the name', () => {
    const view = (patch: Partial<typeof DEFAULT_LIST_VIEW>) => paths(applyListView(PAGES, { ...DEFAULT_LIST_VIEW, ...patch }));
    expect(view({ status: 'none' })).toEqual(['p2.txt']);
    expect(view({ status: 'reviewed' })).toEqual(['p1.txt']);
    expect(view({ status: 'to-review' })).toEqual(['p2.txt', '𠮷/p3.txt', 'p4.txt', 'p5.txt']);
    expect(view({ status: 'noted' })).toEqual(['𠮷/p3.txt']);
    expect(view({ name: '𠮷' })).toEqual(['𠮷/p3.txt']);
    expect(view({ name: ' P4 ' })).toEqual(['p4.txt']);
    expect(view({ status: 'reviewed', name: 'p4' })).toEqual([]);
  });

  it('sorts by status (work to do first), by corrections and by entities (most first), stably', () => {
    const sorted = (sort: typeof DEFAULT_LIST_VIEW.sort) => paths(applyListView(PAGES, { ...DEFAULT_LIST_VIEW, sort }));
    expect(sorted('status')).toEqual(['𠮷/p3.txt', 'p4.txt', 'p5.txt', 'p2.txt', 'p1.txt']);
    expect(sorted('corrections')).toEqual(['𠮷/p3.txt', 'p1.txt', 'p4.txt', 'p2.txt', 'p5.txt']);
    expect(sorted('entities')).toEqual(['p4.txt', '𠮷/p3.txt', 'p5.txt', 'p1.txt', 'p2.txt']);
  });
});

describe('stepToReview', () => {
  it('finds the next and previous page not yet reviewed, skipping reviewed ones, null at the end', () => {
    const list = [page('a', 'reviewed'), page('b', 'in-progress'), page('c', 'reviewed'), page('d', null)];
    expect(stepToReview(list, 'a', 1)?.path).toBe('b');
    expect(stepToReview(list, 'b', 1)?.path).toBe('d');
    expect(stepToReview(list, 'd', 1)).toBeNull();
    expect(stepToReview(list, 'd', -1)?.path).toBe('b');
    expect(stepToReview(list, 'b', -1)).toBeNull();
    expect(stepToReview(list, null, 1)?.path).toBe('b');
    expect(stepToReview(list, 'gone', -1)?.path).toBe('d');
  });
});
