import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLanguageModel } from '../../../electron/services/ocr/language-model';
import { applySafeFixes, suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';
import { normalizeOriginal } from '../../../shared/text/normalize';

// The real dictionary model, as the app and the CLI use it.
const model = loadLanguageModel();
const corpus = path.resolve(__dirname, '../../fixtures/corpus');
const pages = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
const CHARACTER_RULES = ['doubled-char', 'look-alike', 'improbable-char', 'traditional'] as const;

/// Each character suggestion as `rule: [old→new] before|after`, two characters of context each side (line breaks
/// left out, so that the OCR lines and the joined paragraphs read the same).
function listed(text: string): string[] {
  const chars = Array.from(text);
  const near = (from: number, to: number): string => chars.slice(Math.max(0, from), Math.max(0, to)).join('').replace(/\s/gu, '');
  const show = (s: OcrSuggestion): string =>
    `${s.rule}: [${chars.slice(s.start, s.end).join('')}→${s.replacement}] ${near(s.start - 4, s.start).slice(-2)}|${near(s.end, s.end + 4).slice(0, 2)}`;
  return suggestCorrections(text, { model, rules: [...CHARACTER_RULES] }).map(show);
}

const read = (file: string): string => normalizeOriginal(readFileSync(path.join(corpus, file), 'utf8')).text;

describe('character suggestions on the sample corpus (correct newspaper text)', () => {
  // Every character suggestion that remains on the two corpus pages, as the app shows them and after the safe
  // fixes have joined the narrow column lines. Each is a real error of the page: a traditional 騫 in a simplified
  // name, a doubled 非, a transposed 每时每刻. A new entry here is a false alarm on a correct word until shown
  // otherwise.
  const expected: Record<string, string[]> = {
    '000_bf7c7d8a6a23f1a9.txt': [
      'traditional: [騫→骞] 员马|麻洁',
      'traditional: [騫→骞] ”马|是朔',
      'traditional: [騫→骞] ，马|就载',
      'traditional: [騫→骞] 。马|这样',
      'traditional: [騫→骞] ”马|坚信',
      'doubled-char: [每每时刻→每时每刻] 画面|都在',
      'doubled-char: [非→] 户在|非常',
    ],
    '003_0c30f1900352050f.txt': [],
  };

  for (const page of pages) {
    it(`lists what remains on ${page}, as OCR lines and after the safe fixes`, () => {
      const text = read(page);
      expect(listed(text).sort()).toEqual([...(expected[page] ?? [])].sort());
      expect(listed(applySafeFixes(text, { model }).text).sort()).toEqual([...(expected[page] ?? [])].sort());
    });
  }

  it('never "corrects" 递到, 卡点 or the name 敬德园 (the look-alikes checked by hand were all wrong)', () => {
    const all = pages.flatMap((page) => {
      const text = read(page);
      return [text, applySafeFixes(text, { model }).text].map((t) => ({ chars: Array.from(t), suggestions: suggestCorrections(t, { model }) }));
    });
    const cases = ['热水递到', '防疫卡点', '出入卡点', '敬德园'];
    let found = 0;
    for (const { chars, suggestions } of all) {
      const flat = chars.join('');
      for (const word of cases) {
        // Each case's place on the page, line breaks inside it allowed (the OCR lines are narrow).
        const pattern = new RegExp(Array.from(word).join('\\n?'), 'gu');
        for (const match of flat.matchAll(pattern)) {
          found++;
          const start = Array.from(flat.slice(0, match.index)).length;
          const end = start + Array.from(match[0]).length;
          expect(suggestions.filter((s) => s.start < end && start < s.end && s.rule !== 'cjk-spacing' && s.rule !== 'reflow')).toEqual([]);
        }
      }
    }
    // Each case stands on the pages, as OCR lines and after the safe fixes.
    expect(found).toBeGreaterThanOrEqual(2 * cases.length);
  });
});
