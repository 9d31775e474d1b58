import { describe, expect, it } from 'vitest';
import { buildConcordance } from '../../../electron/services/batch/concordance';
import { findMatches } from '../../../electron/services/batch/find-matches';
import { compileQuery, type CompiledQuery } from '../../../shared/batch/query';
import type { BatchQuery } from '../../../shared/ipc/contract';

function compiled(query: Partial<BatchQuery> & Pick<BatchQuery, 'pattern'>): CompiledQuery {
  const r = compileQuery({ mode: 'plain', scope: 'corrected', replacement: '', ...query });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('compileQuery', () => {
  it('explains an invalid regular expression in plain words', () => {
    const r = compileQuery({ pattern: '(锅炉', mode: 'regex', scope: 'corrected', replacement: '' });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toBe('“(锅炉” is not a valid regular expression: Unterminated group');
    expect(r.ok ? '' : r.error.detail).toBe('invalid-regex');
  });

  it('uses the u flag, so an Extension B character is one character in a class', () => {
    const q = compiled({ pattern: '[𠮷吉]野', mode: 'regex' });
    const r = findMatches(q, ['𠮷野 吉野'], 10);
    expect(r.ok && r.value.total).toBe(2);
  });

  it('takes exactly one character in the character mode', () => {
    expect(compileQuery({ pattern: '𠮷', mode: 'character', scope: 'original', replacement: '吉' }).ok).toBe(true);
    const two = compileQuery({ pattern: '锅炉', mode: 'character', scope: 'original', replacement: '' });
    expect(two.ok ? '' : two.error.message).toMatch(/one character; “锅炉” is 2 characters/);
    expect(compileQuery({ pattern: ' ', mode: 'character', scope: 'original', replacement: '' }).ok).toBe(false);
  });

  it('counts the groups and names of an expression and checks the replacement against them', () => {
    expect(compiled({ pattern: '(?<a>x)(y)?', mode: 'regex', replacement: '$2$<a>' })).toMatchObject({ groupCount: 2, groupNames: ['a'] });
    expect(compileQuery({ pattern: '(x)', mode: 'regex', scope: 'corrected', replacement: '$2' }).ok).toBe(false);
  });
});

describe('findMatches', () => {
  it('finds literal matches in every text, without overlaps, and counts past the limit', () => {
    const r = findMatches(compiled({ pattern: '𠮷𠮷' }), ['𠮷𠮷𠮷 𠮷𠮷', 'x', '𠮷𠮷'], 2);
    expect(r.ok && r.value.total).toBe(3);
    expect(r.ok && r.value.matches.map((m) => [m.text, m.index, m.length])).toEqual([
      [0, 0, 4],
      [0, 7, 4],
    ]);
  });

  it('reports regex groups, null for a group that did not take part, and named groups', () => {
    const r = findMatches(compiled({ pattern: '(?<head>[己已])经(了)?', mode: 'regex' }), ['他己经来', '已经了'], 10);
    expect(r.ok && r.value.matches.map((m) => [m.text, m.groups, m.named])).toEqual([
      [0, ['己', null], { head: '己' }],
      [1, ['已', '了'], { head: '已' }],
    ]);
  });

  it('skips empty matches and steps over a surrogate pair after one', () => {
    const r = findMatches(compiled({ pattern: 'a*', mode: 'regex' }), ['𠮷aa𠮷a'], 10);
    expect(r.ok && r.value.matches.map((m) => [m.index, m.length])).toEqual([
      [2, 2],
      [6, 1],
    ]);
  });

  it('stops a regular expression that backtracks for too long, with a clear message', () => {
    const r = findMatches(compiled({ pattern: '^(a+)+$', mode: 'regex' }), ['a'.repeat(40) + 'b'], 10, 200);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toMatch(/stopped after 0.2 s/);
  });
});

describe('buildConcordance', () => {
  it('gives page, 1-based line, code-point offsets, context and the filled replacement', () => {
    const q = compiled({ pattern: '([己已])经', mode: 'regex', replacement: '已经' });
    const texts = ['标题\n𠮷𠮷他己经\n来了，又己经走', '己经'];
    const found = findMatches(q, texts, 10);
    if (!found.ok) throw new Error(found.error.message);
    const hits = buildConcordance(q, ['a.txt', 'b.txt'], texts, found.value.matches);
    expect(hits.map((h) => [h.page, h.line, h.start, h.end, h.before, h.match, h.replacement])).toEqual([
      ['a.txt', 2, 6, 8, '标题\n𠮷𠮷他', '己经', '已经'],
      ['a.txt', 3, 13, 15, '标题\n𠮷𠮷他己经\n来了，又', '己经', '已经'],
      ['b.txt', 1, 0, 2, '', '己经', '已经'],
    ]);
    expect(hits[0]!.after).toBe('\n来了，又己经走');
  });
});
