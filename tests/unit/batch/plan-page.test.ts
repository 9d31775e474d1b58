import { describe, expect, it } from 'vitest';
import { planPageReplacement, shiftPlace } from '../../../shared/batch/plan-page';
import { compileQuery } from '../../../shared/batch/query';
import { findMatches } from '../../../electron/services/batch/find-matches';
import type { BatchQuery } from '../../../shared/ipc/contract';

function compiled(query: Partial<BatchQuery>) {
  const r = compileQuery({ pattern: 'x', mode: 'plain', scope: 'corrected', replacement: '', ...query });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const page = (original: string, corrected = original) => ({ path: 'p.txt', version: 'v', original, corrected, blocked: null });

describe('planPageReplacement', () => {
  it('replaces the ticked hits only, as edits trimmed to the characters that change', () => {
    const plan = planPageReplacement(page('𠮷己经 己经'), 'corrected', compiled({ pattern: '己经', replacement: '已经' }), [{ start: 4, end: 6 }], findMatches);
    expect(plan.ok && plan.value).toEqual({ text: '𠮷己经 已经', edits: [{ start: 4, end: 5, original: '己', corrected: '已' }], alreadyCorrected: 0 });
  });

  it('refuses when a ticked hit is no longer a match of the query on the page', () => {
    const plan = planPageReplacement(page('已经'), 'corrected', compiled({ pattern: '己经', replacement: '已经' }), [{ start: 0, end: 2 }], findMatches);
    expect(plan.ok ? '' : plan.error.message).toMatch(/no longer where the search found them/);
  });

  it('carries original-scope hits onto the corrected text past earlier corrections', () => {
    // The editor inserted 𠮷 at the start and fixed the first 锅护; the second hit moves by one.
    const plan = planPageReplacement(page('锅护 锅护', '𠮷锅炉 锅护'), 'original', compiled({ pattern: '锅护', replacement: '锅炉', scope: 'original' }), [
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ], findMatches);
    expect(plan.ok && plan.value).toEqual({ text: '𠮷锅炉 锅炉', edits: [{ start: 5, end: 6, original: '护', corrected: '炉' }], alreadyCorrected: 1 });
  });
});

describe('shiftPlace', () => {
  const edit = (start: number, end: number, corrected: string) => ({ start, end, original: 'x'.repeat(end - start), corrected });

  it('shifts a place after edits before it, including an insertion at its start', () => {
    expect(shiftPlace(5, 7, [edit(1, 2, '𠮷𠮷𠮷'), edit(5, 5, 'ab')])).toEqual({ start: 9, end: 11 });
  });

  it('leaves a place before an edit, or ending where an insertion starts, where it is', () => {
    expect(shiftPlace(1, 3, [edit(3, 3, 'a'), edit(4, 6, '')])).toEqual({ start: 1, end: 3 });
  });

  it('drops a place an edit changes or inserts into', () => {
    expect(shiftPlace(1, 3, [edit(2, 4, 'a')])).toBeNull();
    expect(shiftPlace(1, 3, [edit(2, 2, 'a')])).toBeNull();
  });
});
