import { describe, expect, it } from 'vitest';
import { loadLanguageModel } from '../../../electron/services/ocr/language-model';
import { applySafe, applySafeFixes, suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';

const page = ['记者 武跃林', '', '12 月 2 日早晨 8 点左右,应县公安', '局义井派出所接到辖区南沙城村张先', '', '生的求助电话。马騫说:“好 。”'].join(
  '\n',
);

describe('suggestCorrections', () => {
  const model = loadLanguageModel();
  const suggestions = suggestCorrections(page, { model });

  it('merges the rules and sorts the suggestions by position', () => {
    const rules = new Set(suggestions.map((s) => s.rule));
    expect(rules).toEqual(new Set(['reflow', 'cjk-spacing', 'punctuation-width', 'traditional']));
    const starts = suggestions.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('leaves out suggestions the editor rejected', () => {
    const traditional = suggestions.find((s) => s.rule === 'traditional')!;
    const again = suggestCorrections(page, { model, rejected: [traditional] });
    expect(again.some((s) => s.rule === 'traditional')).toBe(false);
    expect(again).toHaveLength(suggestions.length - 1);
  });
});

describe('applySafe', () => {
  const at = (start: number, end: number, replacement: string, safe = true): OcrSuggestion => ({
    start,
    end,
    replacement,
    rule: 'cjk-spacing',
    confidence: 0.9,
    explanation: 'test',
    safe,
  });

  it('applies safe fixes by code point and skips unsafe ones', () => {
    expect(applySafe('𠮷 a b', [at(1, 2, ''), at(3, 4, '', false)]).text).toBe('𠮷a b');
  });

  it('never applies two overlapping fixes, preferring the narrower', () => {
    const result = applySafe('abcdef', [at(0, 6, 'WHOLE'), at(1, 2, 'B'), at(2, 3, 'C')]);
    expect(result.text).toBe('aBCdef');
    expect(result.applied).toHaveLength(2);
  });
});

describe('applySafeFixes', () => {
  it('applies spacing, punctuation and reflow, leaving character fixes for review', () => {
    const { text } = applySafeFixes(page);
    expect(text).toBe('记者 武跃林\n\n12月2日早晨8点左右，应县公安局义井派出所接到辖区南沙城村张先生的求助电话。马騫说：“好。”');
  });

  it('does not re-propose a reflow the editor rejected', () => {
    const reflow = suggestCorrections(page, { rules: ['reflow'] })[0]!;
    const { text } = applySafeFixes(page, { rejected: [reflow] });
    expect(text.split('\n')).toHaveLength(6);
  });
});
