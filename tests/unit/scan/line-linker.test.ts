import { describe, expect, it } from 'vitest';
import { computeCorrections } from '../../../shared/model/corrections';
import { LineLinker, type LinkSource } from '../../../renderer/scan/line-linker';

const ORIGINAL = '标题\n\n𠮷野家开\n门了\n第三行';

function sourceOf(text: string, reads: { count: number }): LinkSource {
  return {
    getText: () => {
      reads.count++;
      return text;
    },
    getCorrections: () => computeCorrections(ORIGINAL, text),
  };
}

describe('LineLinker', () => {
  it('links line n to original line n while the text is unedited, without reading the editor', () => {
    const reads = { count: 0 };
    const linker = new LineLinker(ORIGINAL, false);
    expect(linker.originalLinesOf(2, sourceOf(ORIGINAL, reads))).toEqual([2]);
    expect(linker.currentLineOf(4, sourceOf(ORIGINAL, reads))).toBe(4);
    expect(reads.count).toBe(0);
  });

  it('keeps the links after two wrapped lines are joined', () => {
    const edited = '标题\n\n𠮷野家开门了\n第三行';
    const linker = new LineLinker(ORIGINAL, false);
    linker.textChanged();
    const source = sourceOf(edited, { count: 0 });
    expect(linker.originalLinesOf(2, source)).toEqual([2, 3]);
    expect(linker.originalLinesOf(3, source)).toEqual([4]);
    expect(linker.currentLineOf(3, source)).toBe(2);
    expect(linker.currentLineOf(4, source)).toBe(3);
  });

  it('starts from a corrected text that differs from the original', () => {
    const edited = '标题\n\n新插入的一行\n𠮷野家开\n门了\n第三行';
    const linker = new LineLinker(ORIGINAL, true);
    const source = sourceOf(edited, { count: 0 });
    // A line typed in links to the line where it was typed (the engine's rule), so the region stays in view.
    expect(linker.originalLinesOf(2, source)).toEqual([2]);
    expect(linker.originalLinesOf(3, source)).toEqual([2]);
    expect(linker.originalLinesOf(5, source)).toEqual([4]);
    expect(linker.currentLineOf(4, source)).toBe(5);
  });

  it('recomputes once per edit, not on every question', () => {
    const reads = { count: 0 };
    const linker = new LineLinker(ORIGINAL, false);
    linker.textChanged();
    const source = sourceOf('标题\n𠮷野家开\n门了\n第三行', reads);
    linker.originalLinesOf(1, source);
    linker.originalLinesOf(2, source);
    linker.currentLineOf(4, source);
    expect(reads.count).toBe(1);
    expect(linker.currentLineOf(1, source)).toBe(1);
  });

  it('opens with the sidecar\'s stored line origins when they fit the text, without reading the editor', () => {
    const edited = '标题\n\n𠮷野家开门了\n第三行';
    const reads = { count: 0 };
    // Deliberately not what a recomputation would give, so the test sees which one is used.
    const stored = [[0], [], [2, 3, 4], [4]];
    const linker = new LineLinker(ORIGINAL, true, { text: edited, lineOrigins: stored });
    expect(linker.usesStoredOrigins).toBe(true);
    expect(linker.originalLinesOf(2, sourceOf(edited, reads))).toEqual([2, 3, 4]);
    expect(linker.currentLineOf(3, sourceOf(edited, reads))).toBe(2);
    expect(reads.count).toBe(0);
    // After an edit they are recomputed from the editor's corrections.
    linker.textChanged();
    expect(linker.originalLinesOf(2, sourceOf(edited, reads))).toEqual([2, 3]);
    expect(linker.usesStoredOrigins).toBe(false);
  });

  it.each([
    ['too few lines', [[0], [], [2, 3]]],
    ['a line the original lacks', [[0], [], [2, 3], [9]]],
  ])('ignores stored line origins with %s and recomputes them', (_name, stored) => {
    const edited = '标题\n\n𠮷野家开门了\n第三行';
    const linker = new LineLinker(ORIGINAL, true, { text: edited, lineOrigins: stored });
    expect(linker.usesStoredOrigins).toBe(false);
    expect(linker.originalLinesOf(3, sourceOf(edited, { count: 0 }))).toEqual([4]);
  });
});
