import { describe, expect, it } from 'vitest';
import { computeCorrections } from '../../../shared/model/corrections';
import type { Correction } from '../../../shared/model/sidecar-schema';
import { buildErrorProfile, replacementsOf, type ProfilePage } from '../../../shared/ocr-assist/error-profile';
import { compileProfile, profileScore } from '../../../shared/ocr-assist/error-profile-score';
import { profileRule } from '../../../shared/ocr-assist/rules/profile';
import { createRuleContext } from '../../../shared/ocr-assist/context';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import { explainIn } from '../../../shared/ocr-assist/explain';

/// A page as the editor leaves it: the OCR text corrected to `truth`, the corrections as a save computes them.
function page(path: string, ocr: string, truth: string, rule?: string): ProfilePage {
  const corrections: Correction[] = computeCorrections(ocr, truth).map((c) => (rule === undefined ? c : { ...c, rule }));
  return { path, text: truth, corrections };
}

describe('replacementsOf', () => {
  it('lists each misread character with its neighbours in the corrected text, offsets after 𠮷 included', () => {
    // 𠮷 is two UTF-16 units but one code point: the neighbours must still be the characters beside the error.
    const p = page('a.txt', '𠮷野家己经开门', '𠮷野家已经开门');
    expect(replacementsOf(p)).toEqual([{ from: '己', to: '已', left: '家', right: '经', rule: undefined }]);
  });

  it('splits an equal-length replacement into its differing characters, and keeps a short rewrite whole', () => {
    const p: ProfilePage = {
      path: 'a.txt',
      text: '𠮷大学士学位和第二',
      corrections: [
        { start: 1, end: 4, original: '大字土', corrected: '大学士' },
        { start: 6, end: 8, original: '禾口', corrected: '和' },
      ],
    };
    expect(replacementsOf(p)).toEqual([
      { from: '字', to: '学', left: '大', right: '士', rule: undefined },
      { from: '土', to: '士', left: '学', right: '学', rule: undefined },
      { from: '禾口', to: '和', left: '位', right: '第', rule: undefined },
    ]);
  });

  it('leaves out spacing, line breaks, insertions, layout rules and long rewrites', () => {
    const p: ProfilePage = {
      path: 'a.txt',
      text: '甲乙丙丁戊己庚辛壬癸子丑寅卯',
      corrections: [
        { start: 0, end: 1, original: '甲 ', corrected: '甲' },
        { start: 2, end: 3, original: '丙\n', corrected: '丙' },
        { start: 4, end: 4, original: '', corrected: '戊' },
        { start: 5, end: 6, original: '已', corrected: '己', rule: 'reflow' },
        { start: 7, end: 13, original: '一二三四五六', corrected: '辛壬癸子丑寅' },
      ],
    };
    expect(replacementsOf(p)).toEqual([]);
  });
});

describe('buildErrorProfile', () => {
  it('counts replacements across pages, by hand, by batch and by accepted rules, with their contexts', () => {
    const profile = buildErrorProfile([
      page('a.txt', '他己经来了', '他已经来了'),
      page('b.txt', '我们己经走了', '我们已经走了', 'batch'),
      page('c.txt', '早己知道', '早已知道', 'look-alike'),
      page('d.txt', '自己的事，自己做', '自己的事，自己做'),
    ]);
    expect(profile.pages).toBe(4);
    expect(profile.replacements).toBe(3);
    expect(profile.entries).toHaveLength(1);
    const entry = profile.entries[0]!;
    expect(entry).toMatchObject({ from: '己', to: '已', count: 3, batch: 1, accepted: 1, pages: ['a.txt', 'b.txt', 'c.txt'] });
    expect(entry.left).toEqual([['他', 1], ['们', 1], ['早', 1]]);
    expect(entry.right).toEqual([['经', 2], ['知', 1]]);
    // 己 stands as correct twice in d.txt, both times after 自.
    expect(profile.kept).toEqual([{ text: '己', count: 2, left: [['自', 2]], right: [['做', 1], ['的', 1]] }]);
  });

  it('is plain JSON: a round trip gives the same profile', () => {
    const profile = buildErrorProfile([page('a.txt', '他己经来了', '他已经来了')]);
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
  });
});

describe('profileScore', () => {
  it('trusts a reading never seen as correct, and distrusts one that mostly stands as correct', () => {
    const rare = compileProfile(buildErrorProfile([page('a.txt', '当画夯疲倦时', '当画画疲倦时')])).get('夯')![0]!;
    expect(profileScore(rare.candidates[0]!, rare, 'x', 'y').score).toBeCloseTo(0.5, 5);
    expect(profileScore(rare.candidates[0]!, rare, '画', '疲').score).toBeCloseTo(0.75, 5);
    const common = compileProfile(
      buildErrorProfile([page('a.txt', '他己经来了', '他已经来了'), page('b.txt', '自己自己自己自己', '自己自己自己自己')]),
    ).get('己')![0]!;
    expect(profileScore(common.candidates[0]!, common, '自', '的').score).toBeLessThan(0.1);
    expect(profileScore(common.candidates[0]!, common, '他', '经').score).toBeGreaterThan(0.5);
  });
});

describe('profile rule', () => {
  const profile = buildErrorProfile([
    page('a.txt', '他己经来了', '他已经来了'),
    page('b.txt', '我们己经走了，自己', '我们已经走了，自己'),
    page('c.txt', '当画夯疲倦时', '当画画疲倦时'),
  ]);

  it('proposes a learned replacement on another page, with code-point offsets after 𠮷', () => {
    const text = '𠮷野家己经关门，自己回家';
    const found = profileRule(createRuleContext(text, { errorProfile: { profile } }));
    expect(found.map((s) => [s.start, s.end, s.replacement, s.rule])).toEqual([[3, 4, '已', 'profile']]);
    expect(found[0]!.confidence).toBeGreaterThan(0.5);
    expect(found[0]!.confidence).toBeLessThan(1);
    expect(found[0]!.safe).toBe(false);
    expect(explainIn('zh-CN', found[0]!.why!)).toContain('“己”已被改为“已”');
    expect(found[0]!.explanation).toContain('corrected to “已” 2 time(s)');
  });

  it('is silent without a profile, and a language-model gate vetoes an unsure replacement', () => {
    expect(profileRule(createRuleContext('他己经来了'))).toEqual([]);
    const gated = profileRule(createRuleContext('他己经来了', { errorProfile: { profile, margin: () => -3 } }));
    expect(gated).toEqual([]);
    const unsure = profileRule(createRuleContext('他己经来了', { errorProfile: { profile, margin: () => null } }));
    expect(unsure).toHaveLength(1);
  });

  it('runs inside suggestCorrections, where a suggestion of its own is turned down like any other', () => {
    const text = '我们己经走了';
    const all = suggestCorrections(text, { errorProfile: { profile } });
    const mine = all.filter((s) => s.rule === 'profile');
    expect(mine.map((s) => [s.start, s.replacement])).toEqual([[2, '已']]);
    const again = suggestCorrections(text, { errorProfile: { profile }, rejected: [{ start: 2, end: 3, replacement: '已', rule: 'profile' }] });
    expect(again.filter((s) => s.rule === 'profile')).toEqual([]);
  });
});
