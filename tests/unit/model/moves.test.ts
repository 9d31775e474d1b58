import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrangementMap, arrangeText, composeMoves, movesFromRanges } from '../../../shared/model/moves';
import { cpSlice } from '../../../shared/text/codepoints';

const EXT_B = '𠮷';

describe('block moves', () => {
  it('puts moved blocks at their place and fills the rest in original order (code points)', () => {
    // "C" (with 𠮷) moves to the front, before "A" and "B".
    const original = `AA\nBB\n${EXT_B}C`;
    const arranged = arrangeText(original, [{ start: 6, end: 8, to: 0 }]);
    expect(arranged).toEqual({ ok: true, value: `${EXT_B}CAA\nBB\n` });
  });

  it('refuses moves that overlap or leave the text', () => {
    expect(arrangeText('abcdef', [{ start: 0, end: 3, to: 3 }, { start: 2, end: 4, to: 0 }]).ok).toBe(false);
    expect(arrangeText('abcdef', [{ start: 0, end: 2, to: 1 }, { start: 4, end: 6, to: 2 }]).ok).toBe(false);
    expect(arrangeText('abc', [{ start: 1, end: 4, to: 0 }]).ok).toBe(false);
    expect(arrangeText('abc', [{ start: 1, end: 1, to: 0 }]).ok).toBe(false);
  });

  it('records the fewest, longest stays: one block moved over two gives one move', () => {
    // Arranged order: [4,6) [0,2) [2,4) — only [4,6) moves.
    expect(movesFromRanges([{ from: 4, to: 6 }, { from: 0, to: 2 }, { from: 2, to: 4 }])).toEqual([{ start: 4, end: 6, to: 0 }]);
    // In place: no moves at all.
    expect(movesFromRanges([{ from: 0, to: 3 }, { from: 3, to: 6 }])).toEqual([]);
  });

  it('round-trips any permutation of pieces, and maps every character to where it came from', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }), fc.infiniteStream(fc.nat()), (lengths, random) => {
        const pieces: { from: number; to: number }[] = [];
        let at = 0;
        for (const length of lengths) pieces.push({ from: at, to: (at += length) });
        const order = [...pieces];
        for (let i = order.length - 1; i > 0; i--) {
          const j = random.next().value % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        const original = Array.from({ length: at }, (_, i) => String.fromCodePoint(0x20000 + i)).join('');
        const moves = movesFromRanges(order);
        const arranged = arrangeText(original, moves);
        expect(arranged.ok).toBe(true);
        if (!arranged.ok) return;
        expect(arranged.value).toBe(order.map((p) => cpSlice(original, p.from, p.to)).join(''));
        const map = ArrangementMap.of(at, moves);
        for (let i = 0; i < at; i++) {
          expect(cpSlice(original, map.toOriginal(i), map.toOriginal(i) + 1)).toBe(cpSlice(arranged.value, i, i + 1));
          expect(map.toArranged(map.toOriginal(i))).toBe(i);
        }
      }),
    );
  });

  it('composes a second rearrangement with the first', () => {
    const original = 'AABBCC';
    const first = movesFromRanges([{ from: 4, to: 6 }, { from: 0, to: 4 }]); // CCAABB
    // Now swap the arranged "CC" and "AA": AACCBB.
    const second = composeMoves(6, first, [{ from: 2, to: 4 }, { from: 0, to: 2 }, { from: 4, to: 6 }]);
    expect(second.ok).toBe(true);
    if (second.ok) expect(arrangeText(original, second.value)).toEqual({ ok: true, value: 'AACCBB' });
  });
});
