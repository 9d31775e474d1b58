import { describe, expect, it } from 'vitest';
import type { PageEntry } from '../../../shared/ipc/contract';
import { applyScanEvent, type PagesState } from '../../../renderer/state/usePages';

const corpus = { root: '/c', name: 'c' };
const entry = (path: string): PageEntry => ({ path, base: path.replace(/\.txt$/, ''), companions: [], bytes: 1, mtimeMs: 0, status: null });
const empty: PagesState = { corpus, pages: [], scanning: true, generation: -1, lastPage: null };

describe('the page list after a snapshot and scan events', () => {
  it('counts a batch once when it came both in the snapshot and as an event', () => {
    const snapshot = applyScanEvent(empty, { generation: 3, pages: [entry('a.txt'), entry('b.txt')], scanned: 2, done: false, corpus });
    const event = applyScanEvent(snapshot, { generation: 3, pages: [entry('b.txt'), entry('c.txt')], scanned: 3, done: false, corpus });
    const done = applyScanEvent(event, { generation: 3, pages: [], scanned: 3, done: true, corpus });
    expect(done.pages.map((p) => p.path)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(done.scanning).toBe(false);
  });

  it('drops events of an older scan and starts over for a newer one', () => {
    const current = applyScanEvent(empty, { generation: 3, pages: [entry('a.txt')], scanned: 1, done: true, corpus });
    expect(applyScanEvent(current, { generation: 2, pages: [entry('old.txt')], scanned: 1, done: false, corpus })).toBe(current);
    const newer = applyScanEvent(current, { generation: 4, pages: [entry('n.txt')], scanned: 1, done: false, corpus });
    expect(newer.pages.map((p) => p.path)).toEqual(['n.txt']);
    expect(newer.scanning).toBe(true);
  });

  it('a snapshot of a finished scan arriving after its done event keeps the list finished and sorted', () => {
    const fromEvents = applyScanEvent(applyScanEvent(empty, { generation: 1, pages: [entry('p10.txt'), entry('p2.txt')], scanned: 2, done: false, corpus }), {
      generation: 1,
      pages: [],
      scanned: 2,
      done: true,
      corpus,
    });
    const withSnapshot = applyScanEvent(fromEvents, { generation: 1, pages: [entry('p2.txt'), entry('p10.txt')], scanned: 2, done: true, corpus });
    expect(withSnapshot.pages.map((p) => p.path)).toEqual(['p2.txt', 'p10.txt']);
    expect(withSnapshot.scanning).toBe(false);
  });
});
