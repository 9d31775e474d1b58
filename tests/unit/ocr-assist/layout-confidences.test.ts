import { describe, expect, it } from 'vitest';
import { confidencesFromLayout } from '../../../shared/ocr-assist/layout-confidences';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { LayoutLine } from '../../../shared/layout/types';

const line = (overrides: Partial<LayoutLine>): LayoutLine => ({
  index: 0,
  text: '',
  textStart: 0,
  region: null,
  polygon: null,
  confidence: null,
  words: [],
  ...overrides,
});

describe('confidencesFromLayout', () => {
  it('uses word confidences (hOCR x_wconf) as code-point ranges', () => {
    const page = {
      lines: [
        line({
          text: '𠮷野 家',
          words: [
            { text: '𠮷野', start: 0, end: 2, region: null, confidence: 0.93 },
            { text: '家', start: 3, end: 4, region: null, confidence: 0.41 },
          ],
        }),
      ],
    };
    expect(confidencesFromLayout(page)).toEqual([
      { start: 0, end: 2, confidence: 0.93 },
      { start: 3, end: 4, confidence: 0.41 },
    ]);
  });

  it('prefers character confidences (ALTO CC) where the file gives them', () => {
    const page = {
      lines: [
        line({ index: 1, text: '马騫', textStart: 5, charConfidences: [0.9, 0.2], words: [{ text: '马騫', start: 5, end: 7, region: null, confidence: 0.55 }] }),
      ],
    };
    const ranges = confidencesFromLayout(page);
    expect(ranges).toEqual([
      { start: 5, end: 6, confidence: 0.9 },
      { start: 6, end: 7, confidence: 0.2 },
    ]);
    const flagged = suggestCorrections('记者刘淑花\n马騫', { confidences: ranges, rules: ['low-confidence'] });
    expect(flagged.map((s) => [s.start, s.end])).toEqual([[6, 7]]);
  });
});
