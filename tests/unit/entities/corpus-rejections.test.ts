import { describe, expect, it } from 'vitest';
import { applyCorpusEntityDecisions, entityKey, gatherEntityRejections, pageEntityRejections } from '../../../shared/entities/corpus-rejections';
import { suggestEntities, type EntitySuggestion } from '../../../shared/entities/suggest';
import { refreshSuggestions } from '../../../shared/entities/suggest/refresh';
import { contextAt, contextIn, contextKey, lowering } from '../../../shared/learning/rejection-context';
import { CodePointIndex } from '../../../shared/text/codepoints';
import type { IgnoreEntry } from '../../../shared/learning/ignore-list';

const EXT_B = '𠮷'; // U+20BB7: two UTF-16 units, one code point

// A suggestion of `text` as `type` at its first occurrence in `page` (code points).
function at(page: string, text: string, type = 'LOC', confidence = 0.9): EntitySuggestion {
  const start = Array.from(page.slice(0, page.indexOf(text))).length;
  return { start, end: start + Array.from(text).length, text, type, source: 'known', confidence };
}

describe('rejection context', () => {
  it('takes two code points on each side, counting an Extension B character as one', () => {
    const chars = Array.from(`${EXT_B}在朔州市工作`);
    expect(contextAt(chars, 2, 5)).toBe(contextKey(`${EXT_B}在`, '工作'));
    // Fewer at the edges of the text.
    expect(contextAt(chars, 0, 2)).toBe(contextKey('', '朔州'));
    expect(contextAt(chars, 5, 7)).toBe(contextKey('州市', ''));
  });

  it('finds the same context through a code-point index as on the split text, at every place', () => {
    const text = `${EXT_B}甲\n${EXT_B}${EXT_B}乙丙${EXT_B}`;
    const chars = Array.from(text);
    const index = new CodePointIndex(text);
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 1; end <= chars.length; end++) expect(contextIn(index, start, end)).toBe(contextAt(chars, start, end));
    }
  });

  it('lowers in proportion to rejections against acceptances', () => {
    expect(lowering({ rejected: 0, accepted: 0 })).toBe(1);
    expect(lowering({ rejected: 1, accepted: 0 })).toBe(0.5);
    expect(lowering({ rejected: 3, accepted: 0 })).toBe(0.25);
    expect(lowering({ rejected: 1, accepted: 9 })).toBeCloseTo(10 / 11);
  });
});

describe('corpus-wide entity rejections', () => {
  // Page A: the editor rejected 朔州 as a place at one spot (code points, 𠮷 before it).
  const pageA = `${EXT_B}在朔州市工作`;
  const rejectedA = { text: '朔州', type: 'LOC', start: 2, end: 4 };

  it('gathers a placed rejection with its context', () => {
    const tallies = gatherEntityRejections([{ text: pageA, spans: [], rejected: [rejectedA] }]);
    expect(tallies[entityKey('朔州', 'LOC')]).toEqual({ rejected: 1, accepted: 0, contexts: [contextKey(`${EXT_B}在`, '市工')] });
  });

  it('drops the same text in the same context on another page, and lowers it elsewhere', () => {
    const rejections = gatherEntityRejections([{ text: pageA, spans: [], rejected: [rejectedA] }]);
    const pageB = `他${EXT_B}在朔州市工作。朔州的天气`;
    const same = at(pageB, '朔州');
    const other = { ...at(pageB.slice(8), '朔州'), start: 9, end: 11 };
    expect(Array.from(pageB).slice(other.start, other.end).join('')).toBe('朔州');
    const kept = applyCorpusEntityDecisions(pageB, [same, other], { rejections });
    expect(kept).toEqual([{ ...other, confidence: 0.45 }]);
    // As another type the text is untouched.
    const asOrg = { ...same, type: 'ORG' };
    expect(applyCorpusEntityDecisions(pageB, [asOrg], { rejections })).toEqual([asOrg]);
  });

  it('compares NFC text: a context with a composed character matches the same context typed decomposed once normalised', () => {
    const composed = 'é在朔州市';
    const rejections = gatherEntityRejections([{ text: composed, spans: [], rejected: [{ text: '朔州', type: 'LOC', start: 2, end: 4 }] }]);
    const typed = 'e\u0301在朔州市'.normalize('NFC');
    expect(applyCorpusEntityDecisions(typed, [at(typed, '朔州')], { rejections })).toEqual([]);
  });

  it('counts acceptances: a text tagged often elsewhere is lowered less', () => {
    const tagged = Array.from({ length: 4 }, () => ({ text: '朔州', type: 'LOC' }));
    const rejections = gatherEntityRejections([
      { text: pageA, spans: [], rejected: [rejectedA] },
      { text: '朔州朔州朔州朔州', spans: tagged, rejected: [] },
    ]);
    expect(rejections[entityKey('朔州', 'LOC')]).toMatchObject({ rejected: 1, accepted: 4 });
    const [lowered] = applyCorpusEntityDecisions('去朔州', [at('去朔州', '朔州', 'LOC', 1)], { rejections });
    expect(lowered!.confidence).toBeCloseTo(5 / 6);
  });

  it('a page-wide rejection covers every occurrence on its page, and counts once', () => {
    const page = `朔州在这里，${EXT_B}朔州`;
    const [rejection] = pageEntityRejections(page, [{ text: '朔州', type: 'LOC' }]);
    expect(rejection!.contexts).toEqual([contextKey('', '在这'), contextKey(`，${EXT_B}`, '')]);
    expect(gatherEntityRejections([{ text: page, spans: [], rejected: [{ text: '朔州', type: 'LOC' }] }])[entityKey('朔州', 'LOC')]!.rejected).toBe(1);
  });

  it('a place that no longer holds the rejected text still counts, without a context', () => {
    const tallies = gatherEntityRejections([{ text: '在别处工作', spans: [], rejected: [{ text: '朔州', type: 'LOC', start: 1, end: 3 }] }]);
    expect(tallies[entityKey('朔州', 'LOC')]).toEqual({ rejected: 1, accepted: 0, contexts: [] });
  });

  it('an ignore entry drops the text as that type in every context', () => {
    const ignored: IgnoreEntry[] = [{ kind: 'entity', rule: 'segmenter', text: '朔州', type: 'LOC', added: '2026-12-07T20:00:00.000Z' }];
    const page = '朔州，朔州市';
    expect(applyCorpusEntityDecisions(page, [at(page, '朔州'), at(page, '朔州市')], { ignored })).toEqual([at(page, '朔州市')]);
  });
});

describe('in the suggesters', () => {
  const known = new Map([['朔州', 'LOC']]);

  it('suggestEntities leaves out a known string rejected in the same context on another page', () => {
    const rejections = gatherEntityRejections([{ text: `${EXT_B}在朔州开会`, spans: [], rejected: [{ text: '朔州', type: 'LOC', start: 2, end: 4 }] }]);
    const text = `今天${EXT_B}在朔州开会，明天去朔州。`;
    const without = suggestEntities(text, { known, sources: ['known'] }).filter((s) => s.text === '朔州');
    expect(without).toHaveLength(2);
    const withDecisions = suggestEntities(text, { known, sources: ['known'], corpusDecisions: { rejections } }).filter((s) => s.text === '朔州');
    expect(withDecisions).toHaveLength(1);
    expect(withDecisions[0]!.start).toBe(12);
    expect(withDecisions[0]!.confidence).toBeCloseTo(without[1]!.confidence / 2);
  });

  it('a suggestion lowered for a rejection elsewhere keeps its place: a shorter one inside it does not displace it', () => {
    const names = new Map([['朔城区市场监督管理局', 'ORG'], ['朔城区', 'LOC']]);
    const rejections = gatherEntityRejections([{ text: '记者从朔城区市场监督管理局获悉', spans: [], rejected: [{ text: '朔城区市场监督管理局', type: 'ORG', start: 3, end: 13 }] }]);
    const options = { known: names, sources: ['known'] as const, corpusDecisions: { rejections } };
    // Same context: the organisation goes, and the place inside it is suggested instead.
    expect(suggestEntities('记者从朔城区市场监督管理局获悉', options).map((s) => s.text)).toEqual(['朔城区']);
    // Another context: the organisation stays, less sure.
    const [other] = suggestEntities('另据朔城区市场监督管理局通报', options);
    const [plain] = suggestEntities('另据朔城区市场监督管理局通报', { known: names, sources: ['known'] });
    expect(other).toEqual({ ...plain, confidence: plain!.confidence / 2 });
  });

  it('a refresh after a keystroke judges the context on the whole text, beyond the lines it re-reads', () => {
    // The rejected place follows an empty line: its context reaches two line breaks back, past the one line of
    // context the refresh re-reads around the edited line.
    const rejections = gatherEntityRejections([{ text: '会\n\n朔州开会', spans: [], rejected: [{ text: '朔州', type: 'LOC', start: 3, end: 5 }] }]);
    const before = '开会\n\n朔州开会';
    const after = '开会\n\n朔州开会了';
    const options = { known, sources: ['known'] as const, corpusDecisions: { rejections } };
    expect(suggestEntities(before, options).filter((s) => s.text === '朔州')).toEqual([]);
    const refreshed = refreshSuggestions(after, [], { start: 8, end: 8, insertedLength: 1 }, options);
    expect(refreshed.filter((s) => s.text === '朔州')).toEqual([]);
    // Without the decisions the refresh does find it there.
    expect(refreshSuggestions(after, [], { start: 8, end: 8, insertedLength: 1 }, { known, sources: ['known'] }).filter((s) => s.text === '朔州')).toHaveLength(1);
  });
});
