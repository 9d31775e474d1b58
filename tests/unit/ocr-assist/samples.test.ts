import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLanguageModel } from '../../../electron/services/ocr/language-model';
import { applySafeFixes } from '../../../shared/ocr-assist/suggest';
import { normalizeOriginal } from '../../../shared/text/normalize';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const samples = path.resolve(repoRoot, 'tests/fixtures/samples');
const read = (...parts: string[]): string => normalizeOriginal(readFileSync(path.join(samples, ...parts), 'utf8')).text;

/// Edit distance between two code-point sequences (line breaks removed by the caller).
function distance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), previous[j]! + 1, row[j - 1]! + 1);
    }
    previous = row;
  }
  return previous[b.length]!;
}

const withoutBreaks = (text: string): string[] => Array.from(text.replace(/\n/g, ''));

describe('safe fixes on the scanned samples', () => {
  const model = loadLanguageModel();

  for (const name of ['heating-supply', 'pharmacy-supply']) {
    it(`never raise the character error rate of ${name}`, () => {
      const raw = read('scans', `${name}.txt`);
      const truth = withoutBreaks(read('ground-truth', `${name}.txt`));
      const fixed = applySafeFixes(raw, { model }).text;
      const before = distance(withoutBreaks(raw), truth);
      const after = distance(withoutBreaks(fixed), truth);
      expect(after).toBeLessThan(before);
      expect(fixed.split('\n').length).toBeLessThan(raw.split('\n').length);
    });
  }

  it('keep a short last line of a paragraph from being joined to the text after it, and turn the debris into its full stop', () => {
    const text = ['齐心协力保供暖', '', '连日来，朔州市再生能源热力有限公司多次组', '织职工变身大白，逆行而上，先后深入朔州大医', '院，全力以赴保障市民温暖过', '冬', '', '一 o', '', '市区部分发生疫情后，为保障疫情期安全稳定', '供热。'].join('\n');
    const fixed = applySafeFixes(text).text;
    expect(fixed).toContain('温暖过冬。\n\n市区部分');
    expect(fixed.startsWith('齐心协力保供暖\n\n连日来')).toBe(true);
  });
});
