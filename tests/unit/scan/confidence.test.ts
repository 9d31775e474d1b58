import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import type { ScanLine } from '../../../shared/ipc/contract';
import { importLayout } from '../../../shared/layout/detect';
import { layoutCharConfidences, textLineConfidences } from '../../../shared/layout/text-line-confidences';
import { computeCorrections } from '../../../shared/model/corrections';
import { correctedConfidenceMarks, originalConfidenceMarks, type ConfidenceMark } from '../../../renderer/scan/confidence-marks';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { confidenceKey, lineDecorationSet, setConfidenceThreshold } from '../../../renderer/scan/confidence-plugin';
import { createPageState } from '../../../renderer/editor/page-state';
import { cpToPmPos, docFromText } from '../../../renderer/editor/text-doc';

const HOCR = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class='ocr_page' title='bbox 0 0 400 600'>
 <span class='ocr_line' title="bbox 10 100 390 130"><span class='ocrx_word' title='bbox 10 100 100 130; x_wconf 80'>𠮷野家</span> <span class='ocrx_word' title='bbox 110 100 390 130; x_wconf 40'>开门</span></span>
</div></body></html>`;

const ORIGINAL = '标题\n𠮷野家开门\n第二行';
const region = { x: 0, y: 0, width: 10, height: 10 };

// The confidences of the page above: 标 is unsure (0.3), 𠮷野家 0.8, 开门 0.4, 第二行 has none.
const LINES: ScanLine[] = [
  { textLine: 0, region, confidence: null, charConfidences: [0.3, 0.99] },
  { textLine: 1, region, confidence: null, charConfidences: [0.8, 0.8, 0.8, 0.4, 0.4] },
  { textLine: 2, region, confidence: null },
];

/// The underlined text of an editor state, one entry per underlined character.
function underlined(state: EditorState): string[] {
  const value = confidenceKey.getState(state);
  if (!value) return [];
  return value.visible.find().map((decoration) => state.doc.textBetween(decoration.from, decoration.to));
}

function stateWith(text: string, threshold: number, marks: ConfidenceMark[] = originalConfidenceMarks(LINES, ORIGINAL)): EditorState {
  return createPageState({ originalText: ORIGINAL, text, corrections: computeCorrections(ORIGINAL, text), confidenceMarks: marks, confidenceThreshold: threshold });
}

describe('character confidences from a layout file', () => {
  it('gives each character of a hOCR line the confidence of its word, and none to the space between words', () => {
    const page = importLayout(HOCR, 'p.hocr');
    if (!page.ok) throw new Error(page.error.message);
    const line = page.value.lines[0]!;
    const confidences = layoutCharConfidences(line);
    expect(confidences).toHaveLength(Array.from(line.text).length);
    expect(confidences.filter((value) => value !== null)).toEqual([0.8, 0.8, 0.8, 0.4, 0.4]);
  });

  it('moves them onto the .txt line by its non-space characters, counting 𠮷 once', () => {
    expect(textLineConfidences('𠮷野家 开门', [0.8, 0.8, 0.8, null, 0.4, 0.4], '𠮷野 家开门')).toEqual([0.8, 0.8, null, 0.8, 0.4, 0.4]);
  });

  it('gives nothing when the lines differ in more than spacing or carry no confidence', () => {
    expect(textLineConfidences('𠮷野家', [0.8, 0.8, 0.8], '𠮷野象')).toBeNull();
    expect(textLineConfidences('𠮷野家', [null, null, null], '𠮷野家')).toBeNull();
  });
});

describe('confidence marks', () => {
  it('places each character at its code-point offset in the original text', () => {
    const marks = originalConfidenceMarks(LINES, ORIGINAL);
    expect(marks.map((mark) => mark.offset)).toEqual([0, 1, 3, 4, 5, 6, 7]);
    expect(Array.from(ORIGINAL)[6]).toBe('开');
  });

  it('drops the characters a correction replaced and shifts the rest', () => {
    const corrected = 'X标题\n𠮷野家開门\n第二行';
    const marks = correctedConfidenceMarks(originalConfidenceMarks(LINES, ORIGINAL), computeCorrections(ORIGINAL, corrected));
    const chars = Array.from(corrected);
    expect(marks.map((mark) => chars[mark.offset])).toEqual(['标', '题', '𠮷', '野', '家', '门']);
  });
});

describe('the confidence underline plugin', () => {
  it('underlines the characters below the threshold, and more when the threshold is raised', () => {
    const state = stateWith(ORIGINAL, 0.5);
    expect(underlined(state)).toEqual(['标', '开', '门']);
    const raised = state.apply(setConfidenceThreshold(state, 0.9)!);
    expect(underlined(raised)).toEqual(['标', '𠮷', '野', '家', '开', '门']);
    expect(setConfidenceThreshold(raised, 0.9)).toBeNull();
  });

  it('keeps the underlines on their characters while typing, and drops the one of a corrected character', () => {
    let state = stateWith(ORIGINAL, 0.5);
    state = state.apply(state.tr.insertText('新', cpToPmPos(state.doc, 0)));
    const kai = cpToPmPos(state.doc, 7);
    state = state.apply(state.tr.insertText('開', kai, cpToPmPos(state.doc, 8)));
    expect(underlined(state)).toEqual(['标', '门']);
    // A threshold change after edits filters the mapped decorations, not the original offsets.
    state = state.apply(setConfidenceThreshold(state, 0.9)!);
    expect(underlined(state)).toEqual(['标', '𠮷', '野', '家', '门']);
  });

  it('starts on a corrected text from a sidecar without underlining what the editor corrected', () => {
    const state = stateWith('标题\n𠮷野家開门\n第二行', 0.5);
    expect(underlined(state)).toEqual(['标', '门']);
  });
});

describe('the linear decoration set builder', () => {
  it('gives the same decorations as DecorationSet.create, before and after an edit', () => {
    const doc = docFromText('第一行\n\n𠮷野家开门\n末行');
    // Every character but the line breaks, with made-up confidences.
    const chars: { from: number; to: number; confidence: number }[] = [];
    doc.forEach((line, offset) => {
      let position = offset + 1;
      for (const char of Array.from(line.textContent)) {
        chars.push({ from: position, to: position + char.length, confidence: chars.length / 10 });
        position += char.length;
      }
    });
    const fast = lineDecorationSet(doc, chars);
    const reference = DecorationSet.create(doc, chars.map((c) => Decoration.inline(c.from, c.to, {}, { confidence: c.confidence })));
    const shape = (set: DecorationSet) => set.find().map((d) => [d.from, d.to, (d.spec as { confidence: number }).confidence]);
    expect(shape(fast)).toEqual(shape(reference));
    expect(shape(fast)).toHaveLength(10);

    const edit = docFromText('第一行\n\n𠮷野家开门\n末行');
    const tr = createPageState({ originalText: '第一行\n\n𠮷野家开门\n末行', text: '第一行\n\n𠮷野家开门\n末行' }).tr.insertText('新', 8);
    expect(edit.eq(tr.before)).toBe(true);
    expect(shape(fast.map(tr.mapping, tr.doc))).toEqual(shape(reference.map(tr.mapping, tr.doc)));
  });
});
