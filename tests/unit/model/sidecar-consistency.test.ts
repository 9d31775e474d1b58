import { describe, expect, it } from 'vitest';
import { SIDECAR_PROBLEM_CODES, sidecarProblems } from '../../../shared/model/sidecar-consistency';
import { computeCorrections } from '../../../shared/model/corrections';
import type { Sidecar } from '../../../shared/model/sidecar-schema';

const EXT_B = '𠮷';
const original = `吉祥如意\n己经${EXT_B}`;
const corrected = `吉${EXT_B}祥如意\n已经${EXT_B}`;

function sample(patch: Partial<Sidecar> = {}): Sidecar {
  return {
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '0.1.0' },
    source: { file: 'p.txt', format: 'text', bytes: 20, sha256: 'a'.repeat(64), encoding: 'UTF-8', bom: false, lineEnding: 'LF' },
    status: 'in-progress',
    created: '2026-11-22T10:00:00.000Z',
    modified: '2026-11-22T10:05:00.000Z',
    text: corrected,
    corrections: computeCorrections(original, corrected),
    entities: [{ id: 'e1', start: 0, end: 3, type: 'PER', text: `吉${EXT_B}祥` }],
    lineOrigins: [[0], [1]],
    moves: [],
    rejectedEntities: [{ text: '如意', type: 'LOC', start: 3, end: 5 }],
    // The last code point of the text is an Extension B character: 8–9 is inside a 9-code-point text.
    rejectedCorrections: [{ rule: 'look-alike', start: 8, end: 9, text: EXT_B, replacement: '吉' }],
    ...patch,
  };
}

const codes = (s: Sidecar) => sidecarProblems(s, original).map((p) => p.code);

describe('sidecar consistency checks (shared by validate and the page opener)', () => {
  it('finds nothing wrong with a consistent sidecar, counting offsets in code points', () => {
    expect(sidecarProblems(sample(), original)).toEqual([]);
  });

  it('reports corrections that do not reproduce the stored text, with no values to leak', () => {
    const problems = sidecarProblems(sample({ text: `${corrected}!`, lineOrigins: [] }), original);
    expect(problems).toEqual([expect.objectContaining({ code: 'corrections-give-other-text', values: {} })]);
  });

  it('reports corrections that do not fit the original at all', () => {
    const bad = sample({ corrections: [{ start: 0, end: 1, original: '凶', corrected: '吉' }] });
    expect(codes(bad)).toContain('corrections-do-not-fit');
  });

  it('reports block moves that do not fit the original (past its end), and does not judge the corrections then', () => {
    const bad = sample({ moves: [{ start: 4, end: 40, to: 0 }] });
    expect(codes(bad)).toContain('moves-do-not-fit');
    expect(codes(bad)).not.toContain('corrections-give-other-text');
  });

  it('checks the corrections against the original arranged by the moves', () => {
    // The second line moved before the first: "己经𠮷\n吉祥如意" is the arranged original, corrected in one place.
    const moved = `已经${EXT_B}\n吉祥如意`;
    const arranged = `己经${EXT_B}\n吉祥如意`;
    const good = sample({ moves: [{ start: 5, end: 8, to: 0 }, { start: 4, end: 5, to: 3 }], text: moved, corrections: computeCorrections(arranged, moved), entities: [], rejectedEntities: [], rejectedCorrections: [], lineOrigins: [] });
    expect(codes(good)).toEqual([]);
  });

  it('reports an entity outside the text with its place and the text length in code points', () => {
    const problems = sidecarProblems(sample({ entities: [{ id: 'x', start: 8, end: 12, type: 'PER', text: EXT_B }] }), original);
    expect(problems).toEqual([expect.objectContaining({ code: 'entity-outside-text', values: { id: 'x', start: 8, end: 12, length: 9 } })]);
  });

  it('reports an entity that misquotes the text, an empty one, and duplicate ids', () => {
    const bad = sample({
      entities: [
        { id: 'a', start: 0, end: 1, type: 'PER', text: '祥' },
        { id: 'b', start: 2, end: 2, type: 'PER', text: '祥' },
        { id: 'a', start: 8, end: 9, type: 'PER', text: EXT_B },
      ],
    });
    const problems = sidecarProblems(bad, original);
    expect(problems.map((p) => p.code)).toEqual(['entity-misquotes', 'entity-empty', 'entity-duplicate-id']);
    expect(problems[0]!.values).toEqual({ id: 'a', start: 0, end: 1, expected: '祥', found: '吉' });
  });

  it('reports line origins that do not fit either text', () => {
    expect(codes(sample({ lineOrigins: [[0]] }))).toEqual(['line-origins-count']);
    expect(codes(sample({ lineOrigins: [[0], [7]] }))).toEqual(['line-origins-range']);
    expect(codes(sample({ lineOrigins: [] }))).toEqual([]);
  });

  it('reports rejected places past the end of the text (code points, not UTF-16 units)', () => {
    expect(codes(sample({ rejectedEntities: [{ text: '经', type: 'ORG', start: 8, end: 10 }] }))).toEqual(['rejected-entity-outside-text']);
    expect(codes(sample({ rejectedCorrections: [{ rule: 'r', start: 9, end: 10, text: '', replacement: 'x' }] }))).toEqual(['rejected-correction-outside-text']);
    // A whole-page rejection has no place to check.
    expect(codes(sample({ rejectedEntities: [{ text: '经', type: 'ORG' }] }))).toEqual([]);
  });

  it('lists at most 20 entity problems however many spans are broken', () => {
    const entities = Array.from({ length: 500 }, (_, i) => ({ id: `e${i}`, start: 100, end: 101, type: 'PER', text: '吉' }));
    expect(sidecarProblems(sample({ entities }), original)).toHaveLength(20);
  });

  it('gives every problem a known code and an English message', () => {
    const bad = sample({ text: 'x', entities: [{ id: 'x', start: 0, end: 5, type: 'PER', text: 'x' }] });
    for (const p of sidecarProblems(bad, original)) {
      expect(SIDECAR_PROBLEM_CODES).toContain(p.code);
      expect(p.message.length).toBeGreaterThan(10);
    }
  });
});
