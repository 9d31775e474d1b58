import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../renderer/dashboard/csv';
import { exportName } from '../../../renderer/dashboard/download';
import { summarizeCorpus, TOP_PAGES } from '../../../renderer/dashboard/summary';
import type { PageEntry } from '../../../shared/ipc/contract';
import type { PageListStats } from '../../../shared/model/page-stats';

function page(path: string, status: PageEntry['status'], stats?: Partial<PageListStats>): PageEntry {
  const entry: PageEntry = { path, base: path, companions: [], bytes: 1, mtimeMs: 0, status };
  if (stats) entry.stats = { hand: 0, rule: 0, entities: {}, note: null, pending: null, ...stats };
  return entry;
}

describe('summarizeCorpus', () => {
  it('counts pages by status, corrections by hand and by rule, entities by type and notes', () => {
    const summary = summarizeCorpus([
      page('a.txt', 'reviewed', { hand: 2, rule: 1, entities: { PER: 2, LOC: 1 } }),
      page('b.txt', 'needs-attention', { rule: 4, entities: { LOC: 2 }, note: '缺栏' }),
      page('c.txt', null),
      page('d.txt', 'reviewed'),
    ]);
    expect(summary.pages).toBe(4);
    expect(summary.byStatus).toEqual({ none: 1, unreviewed: 0, 'in-progress': 0, reviewed: 2, 'needs-attention': 1 });
    expect(summary.reviewed).toBe(2);
    expect([summary.hand, summary.rule]).toEqual([2, 5]);
    expect(summary.mostCorrected).toEqual([{ path: 'b.txt', hand: 0, rule: 4 }, { path: 'a.txt', hand: 2, rule: 1 }]);
    expect(summary.entitiesByType).toEqual([{ type: 'LOC', count: 3 }, { type: 'PER', count: 2 }]);
    expect(summary.notes).toEqual([{ path: 'b.txt', note: '缺栏', status: 'needs-attention' }]);
  });

  it('sums what was waiting at the last save over pages not marked reviewed, and names the pages not yet counted', () => {
    const summary = summarizeCorpus([
      page('a.txt', 'reviewed', { pending: { lowConfidence: 100, ocrSuggestions: 100, entitySuggestions: 100 } }),
      page('b.txt', 'in-progress', { pending: { lowConfidence: 3, ocrSuggestions: 2, entitySuggestions: 1 } }),
      page('𠮷.txt', 'needs-attention', { pending: { lowConfidence: 4, ocrSuggestions: 0, entitySuggestions: 5 } }),
      page('c.txt', 'unreviewed'),
      page('d.txt', null),
      page('e.txt', 'reviewed'),
    ]);
    // a.txt is reviewed: its characters count as reviewed; e.txt too, so it is not "not yet counted" either.
    expect(summary.pending).toEqual({ lowConfidence: 7, ocrSuggestions: 2, entitySuggestions: 6 });
    expect(summary.counted).toBe(2);
    expect(summary.notCounted).toEqual(['c.txt', 'd.txt']);
  });

  it('keeps the most corrected pages only, most first, ties in list order', () => {
    const pages = Array.from({ length: 50 }, (_, i) => page(`p${i}.txt`, 'in-progress', { hand: i % 7 }));
    const most = summarizeCorpus(pages).mostCorrected;
    expect(most).toHaveLength(TOP_PAGES);
    const expected = pages
      .map((p, i) => ({ path: p.path, total: p.stats!.hand, i }))
      .filter((p) => p.total > 0)
      .sort((a, b) => b.total - a.total || a.i - b.i)
      .slice(0, TOP_PAGES)
      .map((p) => p.path);
    expect(most.map((p) => p.path)).toEqual(expected);
  });
});

describe('CSV and file names', () => {
  it('writes RFC 4180 CSV with a BOM, quoting commas, quotes and formula starts', () => {
    expect(toCsv({ header: ['页面', 'n'], rows: [['a,b', 1], ['say "hi"', 2], ['=1+1', -3], ['𠮷', 0]] })).toBe(
      '\ufeff页面,n\r\n"a,b",1\r\n"say ""hi""",2\r\n"\'=1+1",-3\r\n𠮷,0\r\n',
    );
  });

  it('makes file names without characters file systems refuse', () => {
    expect(exportName('报纸/1949:上', 'status', 'png')).toBe('报纸_1949_上-status.png');
  });
});
