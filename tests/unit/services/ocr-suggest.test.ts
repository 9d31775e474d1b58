import { describe, expect, it } from 'vitest';
import { confidencesOnCorrectedText, scanConfidencesOnOriginal } from '../../../shared/ocr-assist/confidences-on-text';
import type { PageScan } from '../../../shared/ipc/contract';
import type { OcrSuggestion, OcrSuggestionForApp } from '../../../shared/ocr-assist/types';
import { explainIn } from '../../../shared/ocr-assist/explain';
import { useHandlerTable } from './handler-table-fixture';

// One hOCR line whose second word the engine was unsure of (x_wconf 30).
const HOCR = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class='ocr_page' title='image "p.jpg"; bbox 0 0 400 600'>
 <p class='ocr_par'>
  <span class='ocr_line' title="bbox 10 20 390 50"><span class='ocrx_word' title='bbox 10 20 100 50; x_wconf 95'>𠮷野家</span><span class='ocrx_word' title='bbox 110 20 390 50; x_wconf 30'>开门</span></span>
  <span class='ocr_line' title="bbox 10 60 300 90"><span class='ocrx_word' title='bbox 10 60 300 90; x_wconf 96'>第二行</span></span>
 </p>
</div></body></html>`;
const TEXT = '𠮷野家开门\n第二行\n';

const t = useHandlerTable();

async function suggest(request: unknown): Promise<OcrSuggestion[]> {
  const r = await t.handlers.handle('ocr.suggest', [request]);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as OcrSuggestion[];
}

const lowConfidence = (list: OcrSuggestion[]) => list.filter((s) => s.rule === 'low-confidence').map((s) => [s.start, s.end]);

describe('ocr.suggest', () => {
  it('suggests for text alone, with code-point offsets on that text', async () => {
    // Two spurious spaces after 𠮷 (two UTF-16 units, one code point).
    const list = await suggest({ text: '𠮷 野 家' });
    const spacing = list.filter((s) => s.rule === 'cjk-spacing');
    expect(spacing.map((s) => [s.start, s.end, s.replacement])).toEqual([
      [1, 2, ''],
      [3, 4, ''],
    ]);
  });

  it('sends an explanation as its sentence id and values, which rebuild it in either language', async () => {
    const r = await t.handlers.handle('ocr.suggest', [{ text: '𠮷 野 家' }]);
    if (!r.ok) throw new Error(r.error.message);
    const spacing = (r.value as OcrSuggestionForApp[]).filter((s) => s.rule === 'cjk-spacing');
    expect(spacing.length).toBeGreaterThan(0);
    for (const s of spacing) {
      expect(s.explanation).toBeUndefined();
      expect(explainIn('en', s.why!)).toMatch(/\w/);
      expect(explainIn('zh-CN', s.why!)).toMatch(/\p{Script=Han}/u);
    }
  });

  it('maps the scan confidences of the page onto the current text', async () => {
    await t.corpus.put('p.txt', TEXT);
    await t.corpus.put('p.hocr', HOCR);
    expect((await t.handlers.openCorpus(t.corpus.root)).ok).toBe(true);
    await t.handlers.scanFinished();
    // Unchanged text: 开门 (code points 3 and 4) are flagged.
    expect(lowConfidence(await suggest({ path: 'p.txt', text: TEXT }))).toEqual([
      [3, 4],
      [4, 5],
    ]);
    // Two characters typed before them shift the flags; replacing 开 removes its flag.
    expect(lowConfidence(await suggest({ path: 'p.txt', text: '新𠂇𠮷野家关门\n第二行\n' }))).toEqual([[6, 7]]);
  });

  it('leaves out rejected suggestions only while their text still stands there', async () => {
    const text = '𠮷 野 家';
    const spacingStarts = async (rejected: unknown[]) =>
      (await suggest({ text, rejected })).filter((s) => s.rule === 'cjk-spacing').map((s) => s.start);
    const rejected = { rule: 'cjk-spacing', start: 1, end: 2, text: ' ', replacement: '' };
    expect(await spacingStarts([rejected])).toEqual([3]);
    // The rejection quotes text that is no longer at its place, so it no longer applies.
    expect(await spacingStarts([{ ...rejected, text: '野' }])).toEqual([1, 3]);
  });

  it('refuses a path without an open corpus, a path outside it and malformed requests', async () => {
    const noCorpus = await t.handlers.handle('ocr.suggest', [{ path: 'p.txt', text: 'x' }]);
    expect(noCorpus.ok ? null : noCorpus.error.code).toBe('no-corpus');
    await t.corpus.put('p.txt', TEXT);
    await t.handlers.openCorpus(t.corpus.root);
    await t.handlers.scanFinished();
    const outside = await t.handlers.handle('ocr.suggest', [{ path: '../p.txt', text: 'x' }]);
    expect(outside.ok ? null : outside.error.code).toBe('outside-corpus');
    const missing = await t.handlers.handle('ocr.suggest', [{ path: 'gone.txt', text: 'x' }]);
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
    const extra = await t.handlers.handle('ocr.suggest', [{ text: 'x', pathname: 'p.txt' }]);
    expect(extra.ok ? null : extra.error.code).toBe('invalid-argument');
  });
});

describe('confidencesOnCorrectedText', () => {
  const ranges = [0, 1, 2, 3].map((start) => ({ start, end: start + 1, confidence: 0.5 }));

  it('shifts ranges after corrections and drops the ones a correction touched', () => {
    const mapped = confidencesOnCorrectedText(ranges, [
      { start: 1, end: 1, original: '', corrected: '𠮷𠮷' },
      { start: 2, end: 3, original: 'c', corrected: 'C' },
    ]);
    expect(mapped.map((r) => r.start)).toEqual([0, 3, 5]);
  });

  it('keeps ranges around a deletion and drops the deleted one', () => {
    const mapped = confidencesOnCorrectedText(ranges, [{ start: 1, end: 2, original: 'b', corrected: '' }]);
    expect(mapped.map((r) => r.start)).toEqual([0, 1, 2]);
  });
});

describe('scanConfidencesOnOriginal', () => {
  it('places each linked line’s confidences at that line’s code-point offset', () => {
    const scan: PageScan = {
      layoutFile: 'p.hocr',
      image: null,
      imageWidth: 1,
      imageHeight: 1,
      lines: [
        { textLine: 1, region: { x: 0, y: 0, width: 1, height: 1 }, confidence: null, charConfidences: [0.2, null] },
        { textLine: null, region: { x: 0, y: 0, width: 1, height: 1 }, confidence: null },
      ],
    };
    expect(scanConfidencesOnOriginal('𠮷a\nbc', scan)).toEqual([{ start: 3, end: 4, confidence: 0.2 }]);
  });
});
