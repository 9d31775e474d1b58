import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explain, explainIn, type ExplanationId } from '../../../shared/ocr-assist/explain';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import { createWordFrequencyModel } from '../../../shared/ocr-assist/word-frequency-model';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/corpus');

describe('explanations in two languages', () => {
  it('fills the same values into the English and the Chinese sentence', () => {
    const why = explain('look-alike', { ch: '己', replacement: '已', word: '已经' });
    expect(why.explanation).toBe('“己” looks like “已”, which makes the common word “已经” here.');
    expect(explainIn('en', why.why)).toBe(why.explanation);
    expect(explainIn('zh-CN', why.why)).toBe('“己”与“已”形近；此处“已经”是常见词。');
  });

  it('leaves a sentence this build does not know to the English text', () => {
    expect(explainIn('zh-CN', { id: 'from-a-newer-build' as ExplanationId, values: {} })).toBeNull();
  });

  it('gives every suggestion on a real page a sentence whose Chinese has every value the English has', () => {
    const model = createWordFrequencyModel([['已经', 50], ['常用', 20], ['药品', 30]]);
    const text = readFileSync(path.join(corpus, readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[1]!), 'utf8');
    const suggestions = suggestCorrections(text.normalize('NFC').replace(/\r\n?/g, '\n'), { model });
    expect(suggestions.length).toBeGreaterThan(10);
    for (const s of suggestions) {
      expect(s.why, s.rule).toBeDefined();
      expect(explainIn('en', s.why!)).toBe(s.explanation);
      const zh = explainIn('zh-CN', s.why!)!;
      expect(zh).not.toMatch(/\{\w+\}/);
      for (const value of Object.values(s.why!.values)) expect(zh).toContain(String(value));
    }
  });
});
