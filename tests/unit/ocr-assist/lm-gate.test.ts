import { describe, expect, it } from 'vitest';
import { loadLanguageModel } from '../../../electron/services/ocr/language-model';
import { characterStatistics, compositionalSupport } from '../../../shared/ocr-assist/char-statistics';
import { calibrate, MIN_PROBABILITY, PRODUCTIVE_AFFIX, probabilityOf } from '../../../shared/ocr-assist/lm-gate';
import { inNameBeforeTitle } from '../../../shared/ocr-assist/name-context';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import { createWordFrequencyModel } from '../../../shared/ocr-assist/word-frequency-model';

// The real dictionary model, as the app and the CLI use it.
const model = loadLanguageModel();

describe('character statistics from the word list', () => {
  it('count the words a character begins and ends, and its frequency alone and in all words', () => {
    const small = createWordFrequencyModel([['花园', 10], ['公园', 5], ['园林', 2], ['园', 7], ['𠮷园', 1]]);
    expect(characterStatistics(small, '园')).toEqual({ begins: 1, ends: 3, alone: 7, total: 25 });
    expect(characterStatistics(small, '𠮷')).toEqual({ begins: 1, ends: 0, alone: 0, total: 1 });
    expect(characterStatistics(small, '无')).toEqual({ begins: 0, ends: 0, alone: 0, total: 0 });
  });

  it('find 卡 and 园 productive where the swaps would put them, 递 not', () => {
    expect(characterStatistics(model, '卡').begins).toBeGreaterThanOrEqual(PRODUCTIVE_AFFIX);
    expect(characterStatistics(model, '园').ends).toBeGreaterThanOrEqual(PRODUCTIVE_AFFIX);
    expect(characterStatistics(model, '递').begins).toBeLessThan(PRODUCTIVE_AFFIX);
  });

  it('say a verb with a complement the dictionary lacks (递到) fits the way words are built, a misreading (恰僚) does not', () => {
    expect(compositionalSupport(model, '递', '到')).toBeGreaterThan(0.3);
    expect(compositionalSupport(model, '恰', '僚')).toBeLessThan(0.05);
    // The pair itself never counts as its own support.
    const small = createWordFrequencyModel([['递到', 10]]);
    expect(compositionalSupport(small, '递', '到')).toBe(0);
  });
});

describe('the calibrated gate', () => {
  it('maps a logistic score through the isotonic points, interpolating and clamping at the ends', () => {
    const gate = { weights: [0], isotonic: [[0.2, 0.1], [0.6, 0.5], [0.9, 0.95]] as const };
    expect(calibrate(gate, 0.1)).toBe(0.1);
    expect(calibrate(gate, 0.4)).toBeCloseTo(0.3);
    expect(calibrate(gate, 0.99)).toBe(0.95);
    expect(calibrate({ weights: [0] }, 0.42)).toBe(0.42);
    // Intercept 0 and no features: a score of one half, then the map.
    expect(probabilityOf(gate, [])).toBeCloseTo(0.4);
  });

  it('proposes swaps only at the threshold or above, with the probability as confidence', () => {
    const suggestions = suggestCorrections('𠮷他展望末来，社区工诈人员认真捡查', { model, rules: ['look-alike', 'improbable-char'] });
    expect(suggestions.map((s) => s.replacement)).toEqual(['未', '作', '检']);
    for (const s of suggestions) expect(s.confidence).toBeGreaterThanOrEqual(MIN_PROBABILITY);
  });
});

describe('doubled characters that are real text', () => {
  const doubled = (text: string) => suggestCorrections(text, { model, rules: ['doubled-char'] });

  it('keep a suffix that ends the word or number before it, AABB reduplication, and a common word starting a clause', () => {
    for (const text of ['奥地利维也纳市市长作为来宾', '法国斯特拉斯堡市市长罗朗', '市场监督管理局药品股股长刘宝峰说', '国民党第96军军长吴化文', '引起了许许多多人的关注', '群众健康，市市场监管局坚决贯彻']) {
      expect(doubled(text), text).toEqual([]);
    }
  });

  it('read words across the OCR line breaks', () => {
    expect(doubled('葡萄牙东坡塔档\n案馆馆藏中文档案')).toEqual([]);
  });

  it('still flag a doubling that makes no words: 在非非常时期', () => {
    expect(doubled('让用户在非非常时期真切感受').map((s) => [s.start, s.replacement])).toEqual([[4, '']]);
  });
});

describe('names before a title', () => {
  it('are not swapped for look-alikes that make a common word (当汤局长 is Director Tang, not 当场)', () => {
    expect(inNameBeforeTitle(Array.from('当汤局长为西藏'), 1)).toBe(true);
    expect(inNameBeforeTitle(Array.from('王大明主任说'), 2)).toBe(true);
    expect(inNameBeforeTitle(Array.from('社区工诈人员'), 3)).toBe(false);
    expect(suggestCorrections('爱心。当汤局长为西藏捐款', { model, rules: ['look-alike', 'improbable-char'] })).toEqual([]);
  });
});
