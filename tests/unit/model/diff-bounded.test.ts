// The bounded diff: Myers' matches are a longest common subsequence; token matching is always a valid matching;
// corrections round-trip on random texts; pages with every line changed (and a long line with scattered edits) are
// diffed fast and closely.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';
import { diffCodePoints, diffLinesThenChars } from '../../../shared/model/diff-codepoints';
import { myersMatches } from '../../../shared/model/diff-myers';
import { matchTokens } from '../../../shared/model/token-match';

const tokens = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 });

function lcsLength(a: number[], b: number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

describe('myersMatches', () => {
  it('finds a longest common subsequence when allowed enough edits, and gives up past the limit', () => {
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const pairs: number[] = [];
        const edits = myersMatches(a, 0, a.length, b, 0, b.length, a.length + b.length, pairs);
        expect(pairs.length / 2).toBe(lcsLength(a, b));
        expect(edits).toBe(a.length + b.length - pairs.length);
        for (let i = 0; i < pairs.length; i += 2) expect(a[pairs[i]!]).toBe(b[pairs[i + 1]!]);
        if (edits > 0) expect(myersMatches(a, 0, a.length, b, 0, b.length, edits - 1, [])).toBe(-1);
      }),
    );
  });
});

describe('matchTokens', () => {
  it('pairs only equal tokens, in increasing order on both sides, whatever the limits', () => {
    fc.assert(
      fc.property(tokens, tokens, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 4 }), (a, b, exactSize, maxEdits) => {
        const match = matchTokens(a, b, { exactSize, maxEdits });
        let last = -1;
        match.forEach((j, i) => {
          if (j < 0) return;
          expect(b[j]).toBe(a[i]);
          expect(j).toBeGreaterThan(last);
          last = j;
        });
      }),
    );
  });
});

const text = fc.array(fc.constantFrom('甲', '乙', '𠮷', '\n', 'a', ' ', '，'), { maxLength: 80 }).map((pieces) => pieces.join(''));

describe('bounded diff of texts', () => {
  it('gives runs that rebuild both texts, and corrections that round-trip', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        for (const runs of [diffLinesThenChars(a, b), diffCodePoints(a, b)]) {
          expect(runs.filter((r) => r.op !== 'insert').map((r) => r.text).join('')).toBe(a);
          expect(runs.filter((r) => r.op !== 'delete').map((r) => r.text).join('')).toBe(b);
        }
        expect(applyCorrections(a, computeCorrections(a, b))).toEqual({ ok: true, value: b });
      }),
    );
  });

  it('never splits an Extension B character between runs', () => {
    const runs = diffCodePoints('𠮷𠮷a', '𠮷𠮹a');
    for (const run of runs) expect(run.text).toBe(run.text.normalize('NFC') && Array.from(run.text).join(''));
    expect(computeCorrections('𠮷𠮷a', '𠮷𠮹a')).toEqual([{ start: 1, end: 2, original: '𠮷', corrected: '𠮹' }]);
  });

  it('diffs a 400,000-character page with every line changed, a line added on top and one removed, in seconds', () => {
    const lines = Array.from({ length: 8000 }, (_, i) => `第${i}行，市人大常委会组成人员${'𠮷'.repeat(i % 3)}及机关干部助力疫情防控工作。`);
    const original = lines.join('\n');
    const edited = ['新的第一行', ...lines.slice(0, 4000), ...lines.slice(4001)].map((line) => line.replace('助力', '肋力')).join('\n');
    const started = performance.now();
    const corrections = computeCorrections(original, edited);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(applyCorrections(original, corrections)).toEqual({ ok: true, value: edited });
    // Close to the edit: one "助力" → "肋力" per line kept, plus the added and removed lines.
    const changed = corrections.reduce((sum, c) => sum + Array.from(c.original).length + Array.from(c.corrected).length, 0);
    expect(changed).toBeLessThan(3 * 8000 + 200);
  });

  it('diffs a page whose every line was rewritten (reversed) within its work budget, still exactly', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `第${i}行，市人大常委会组成人员及机关干部助力疫情防控工作。`);
    const original = lines.join('\n');
    const edited = lines.map((line) => Array.from(line).reverse().join('')).join('\n');
    const started = performance.now();
    const corrections = computeCorrections(original, edited);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(applyCorrections(original, corrections)).toEqual({ ok: true, value: edited });
  });

  it('diffs one 1,000,000-character line with 2,000 scattered edits closely', () => {
    // mulberry32: a linear congruential generator's low bits repeat, which would make the text one long repetition.
    let seed = 11;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
    const points = Array.from({ length: 1_000_000 }, () => String.fromCodePoint(0x4e00 + (next() % 3000)));
    const original = points.join('');
    for (let k = 0; k < 2000; k++) points[next() % points.length] = 'X';
    const edited = points.join('');
    const corrections = computeCorrections(original, edited);
    expect(applyCorrections(original, corrections)).toEqual({ ok: true, value: edited });
    const changed = corrections.reduce((sum, c) => sum + Array.from(c.original).length, 0);
    expect(changed).toBeLessThan(4000);
  });
});
