import { describe, expect, it } from 'vitest';
import { computeCorrections } from '../../../shared/model/corrections';
import type { EntitySpan } from '../../../shared/model/sidecar-schema';
import {
  findSpanProblems,
  mapPosition,
  mapSpans,
  mapSpansThroughCorrections,
  type SpanEdit,
} from '../../../shared/entities/spans';

// Code points: 前0 𠮷1 武2 跃3 林4 𠮷5 后6 — the span covers 𠮷武跃林𠮷 = [1, 6).
const TEXT = '前𠮷武跃林𠮷后';
const SPAN: EntitySpan = { id: 'e1', start: 1, end: 6, type: 'PER', text: '𠮷武跃林𠮷' };

/// Applies an edit on code points and returns the new text.
function edited(text: string, edit: SpanEdit, inserted: string): string {
  const cps = Array.from(text);
  expect(Array.from(inserted)).toHaveLength(edit.insertedLength);
  return [...cps.slice(0, edit.start), inserted, ...cps.slice(edit.end)].join('');
}

/// Maps the single test span through an edit and checks that any kept span quotes the new text exactly.
function mapOne(start: number, end: number, inserted: string) {
  const edit = { start, end, insertedLength: Array.from(inserted).length };
  const newText = edited(TEXT, edit, inserted);
  const result = mapSpans([SPAN], edit, newText);
  for (const span of result.spans) {
    expect(Array.from(newText).slice(span.start, span.end).join('')).toBe(span.text);
  }
  return result;
}

describe('mapping a span through an insertion', () => {
  it('shifts the span when text is inserted before it', () => {
    expect(mapOne(0, 0, '𠮷').spans).toEqual([{ ...SPAN, start: 2, end: 7 }]);
  });
  it('keeps text inserted exactly at the span start outside the span', () => {
    expect(mapOne(1, 1, 'X').spans).toEqual([{ ...SPAN, start: 2, end: 7 }]);
  });
  it('grows the span when text is inserted inside it', () => {
    expect(mapOne(3, 3, '𠮷').spans).toEqual([{ ...SPAN, start: 1, end: 7, text: '𠮷武𠮷跃林𠮷' }]);
  });
  it('keeps text inserted exactly at the span end outside the span', () => {
    const result = mapOne(6, 6, 'X');
    expect(result.spans).toEqual([SPAN]);
    expect(result.spans[0]).toBe(SPAN);
  });
  it('leaves the span alone when text is inserted after it', () => {
    expect(mapOne(7, 7, '𠮷').spans[0]).toBe(SPAN);
  });
});

describe('mapping a span through a deletion', () => {
  it('shifts the span left when text before it is deleted', () => {
    expect(mapOne(0, 1, '').spans).toEqual([{ ...SPAN, start: 0, end: 5 }]);
  });
  it('shrinks the span when its first character (an Extension B character) is deleted', () => {
    expect(mapOne(1, 2, '').spans).toEqual([{ ...SPAN, start: 1, end: 5, text: '武跃林𠮷' }]);
  });
  it('shrinks the span when a character inside it is deleted', () => {
    expect(mapOne(3, 4, '').spans).toEqual([{ ...SPAN, start: 1, end: 5, text: '𠮷武林𠮷' }]);
  });
  it('shrinks the span when its last character is deleted', () => {
    expect(mapOne(5, 6, '').spans).toEqual([{ ...SPAN, start: 1, end: 5, text: '𠮷武跃林' }]);
  });
  it('leaves the span alone when text after it is deleted', () => {
    expect(mapOne(6, 7, '').spans[0]).toBe(SPAN);
  });
  it('keeps the rest of the span when a deletion straddles its start', () => {
    expect(mapOne(0, 2, '').spans).toEqual([{ ...SPAN, start: 0, end: 4, text: '武跃林𠮷' }]);
  });
  it('keeps the rest of the span when a deletion straddles its end', () => {
    expect(mapOne(5, 7, '').spans).toEqual([{ ...SPAN, start: 1, end: 5, text: '𠮷武跃林' }]);
  });
  it('removes the span and reports it when exactly its text is deleted', () => {
    const result = mapOne(1, 6, '');
    expect(result.spans).toEqual([]);
    expect(result.removed).toEqual([SPAN]);
  });
  it('removes the span when a larger deletion covers it', () => {
    const result = mapOne(0, 7, '');
    expect(result.spans).toEqual([]);
    expect(result.removed).toEqual([SPAN]);
  });
});

describe('mapping a span through a replacement', () => {
  it('shifts the span when text before it is replaced by longer text', () => {
    expect(mapOne(0, 1, 'X𠮷').spans).toEqual([{ ...SPAN, start: 2, end: 7 }]);
  });
  it('includes the new text when the first character is replaced', () => {
    expect(mapOne(1, 2, 'X𠮷').spans).toEqual([{ ...SPAN, start: 1, end: 7, text: 'X𠮷武跃林𠮷' }]);
  });
  it('keeps the tag on the corrected name when a character inside it is replaced', () => {
    expect(mapOne(4, 5, '琳').spans).toEqual([{ ...SPAN, text: '𠮷武跃琳𠮷' }]);
  });
  it('includes the new text when the last character is replaced', () => {
    expect(mapOne(5, 6, 'X𠮷').spans).toEqual([{ ...SPAN, start: 1, end: 7, text: '𠮷武跃林X𠮷' }]);
  });
  it('leaves the span alone when text after it is replaced', () => {
    expect(mapOne(6, 7, 'X𠮷').spans[0]).toBe(SPAN);
  });
  it('keeps replacement text outside the span when the replacement straddles its start', () => {
    expect(mapOne(0, 2, 'X𠮷').spans).toEqual([{ ...SPAN, start: 2, end: 6, text: '武跃林𠮷' }]);
  });
  it('keeps replacement text outside the span when the replacement straddles its end', () => {
    expect(mapOne(5, 7, 'X𠮷').spans).toEqual([{ ...SPAN, start: 1, end: 5, text: '𠮷武跃林' }]);
  });
  it('keeps the tag on the new text when exactly the span is retyped', () => {
    expect(mapOne(1, 6, '武跃林').spans).toEqual([{ ...SPAN, start: 1, end: 4, text: '武跃林' }]);
  });
  it('removes the span when a larger replacement swallows it', () => {
    const result = mapOne(0, 7, 'X𠮷');
    expect(result.spans).toEqual([]);
    expect(result.removed).toEqual([SPAN]);
  });
});

describe('mapping nested and overlapping spans', () => {
  const text = '朔城区市场监督管理局';
  const org: EntitySpan = { id: 'org', start: 0, end: 10, type: 'ORG', text };
  const loc: EntitySpan = { id: 'loc', start: 0, end: 3, type: 'LOC', text: '朔城区' };
  const overlap: EntitySpan = { id: 'x', start: 2, end: 5, type: 'MISC', text: '区市场' };

  it('keeps both nested spans when a character of the inner one is corrected', () => {
    const newText = '朔成区市场监督管理局';
    const result = mapSpans([org, loc, overlap], { start: 1, end: 2, insertedLength: 1 }, newText);
    expect(result.spans).toEqual([
      { ...org, text: newText },
      { ...loc, text: '朔成区' },
      overlap,
    ]);
    expect(result.removed).toEqual([]);
  });

  it('removes only the inner span when its whole text is deleted', () => {
    const newText = '市场监督管理局';
    const result = mapSpans([org, loc, overlap], { start: 0, end: 3, insertedLength: 0 }, newText);
    expect(result.removed).toEqual([loc]);
    expect(result.spans).toEqual([
      { ...org, start: 0, end: 7, text: newText },
      { ...overlap, start: 0, end: 2, text: '市场' },
    ]);
  });
});

describe('positions and corrections', () => {
  it('maps a position inside a replaced range by its association', () => {
    const edit = { start: 2, end: 5, insertedLength: 1 };
    expect(mapPosition(3, edit, -1)).toBe(2);
    expect(mapPosition(3, edit, 1)).toBe(3);
    expect(mapPosition(9, edit, 1)).toBe(7);
  });

  it('maps spans through the corrections between two versions of a text', () => {
    const oldText = '𠮷记者 武跃休说，𠮷朔城区马邑小区';
    const newText = '𠮷记者 武跃林说，朔城区马邑小区';
    const spans: EntitySpan[] = [
      { id: 'p', start: 4, end: 7, type: 'PER', text: '武跃休' },
      { id: 'l', start: 10, end: 13, type: 'LOC', text: '朔城区' },
      { id: 'g', start: 9, end: 10, type: 'MISC', text: '𠮷' },
    ];
    expect(findSpanProblems(spans, oldText)).toEqual([]);
    const result = mapSpansThroughCorrections(spans, computeCorrections(oldText, newText), newText);
    expect(result.spans).toEqual([
      { id: 'p', start: 4, end: 7, type: 'PER', text: '武跃林' },
      { id: 'l', start: 9, end: 12, type: 'LOC', text: '朔城区' },
    ]);
    expect(result.removed).toEqual([spans[2]]);
    expect(findSpanProblems(result.spans, newText)).toEqual([]);
  });
});

describe('validating spans', () => {
  it('accepts spans whose quote matches code points, including Extension B characters', () => {
    expect(findSpanProblems([SPAN], TEXT)).toEqual([]);
  });
  it('refuses a zero-length span', () => {
    const problems = findSpanProblems([{ ...SPAN, end: 1 }], TEXT);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/covers no text/);
  });
  it('refuses a span past the end of the text', () => {
    expect(findSpanProblems([{ ...SPAN, end: 8 }], TEXT)[0]!.message).toMatch(/past the end/);
  });
  it('refuses a span whose quote does not match the text', () => {
    expect(findSpanProblems([{ ...SPAN, text: '武跃林' }], TEXT)[0]!.message).toMatch(/no longer matches/);
  });
  it('refuses a span counted in UTF-16 units instead of code points', () => {
    // In UTF-16 units 𠮷武跃林𠮷 would be [1, 8), which is past the 7 code points of the text.
    expect(findSpanProblems([{ ...SPAN, start: 1, end: 8 }], TEXT)).toHaveLength(1);
  });
});

describe('mapping spans through many random edits', () => {
  it('always keeps quotes equal to the text and removes exactly the spans that became empty', () => {
    // A fixed-seed generator so a failure can be reproduced.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = Array.from('甲乙丙丁𠮷𪚥武林');
    let cps = Array.from({ length: 40 }, () => alphabet[random(alphabet.length)]!);
    let spans: EntitySpan[] = Array.from({ length: 15 }, (_, i) => {
      const start = random(39);
      const end = start + 1 + random(Math.min(6, 40 - start - 1) + 1);
      return { id: `s${i}`, start, end: Math.min(end, 40), type: 'MISC', text: cps.slice(start, Math.min(end, 40)).join('') };
    });
    for (let step = 0; step < 500; step++) {
      const start = random(cps.length + 1);
      const end = start + random(Math.min(4, cps.length - start) + 1);
      const inserted = Array.from({ length: random(3) }, () => alphabet[random(alphabet.length)]!);
      const next = [...cps.slice(0, start), ...inserted, ...cps.slice(end)];
      const result = mapSpans(spans, { start, end, insertedLength: inserted.length }, next.join(''));
      expect(result.spans.length + result.removed.length).toBe(spans.length);
      for (const span of result.spans) {
        expect(span.end).toBeGreaterThan(span.start);
        expect(next.slice(span.start, span.end).join('')).toBe(span.text);
      }
      for (const gone of result.removed) {
        // A removed span had all its text inside the replaced range.
        expect(gone.start).toBeGreaterThanOrEqual(start);
        expect(gone.end).toBeLessThanOrEqual(end);
      }
      cps = next;
      spans = result.spans;
      if (cps.length < 10) cps = [...cps, ...alphabet];
    }
  });
});
