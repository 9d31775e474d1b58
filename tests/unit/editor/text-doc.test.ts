import { describe, expect, it } from 'vitest';
import { cpLength } from '../../../shared/text/codepoints';
import { cpToPmPos, docCpLength, docFromText, pmPosToCp, sliceFromText, textFromDoc } from '../../../renderer/editor/text-doc';

const EXT_B = '𠮷'; // U+20BB7: two UTF-16 units, one code point

describe('docFromText and textFromDoc', () => {
  it('makes one line node per line, empty lines included', () => {
    const doc = docFromText('甲乙\n\n丙\n');
    expect(doc.childCount).toBe(4);
    expect(doc.child(1).content.size).toBe(0);
    expect(doc.child(3).content.size).toBe(0);
    expect(doc.child(0).type.name).toBe('line');
  });

  it('round-trips texts with empty lines, Extension B characters and spaces exactly', () => {
    for (const text of ['', '\n', '\n\n', '一行', `${EXT_B}野家\n\n  缩进\t表格\n末行`, `a${EXT_B}\n${EXT_B}${EXT_B}\n`]) {
      expect(textFromDoc(docFromText(text))).toBe(text);
    }
  });

  it('keeps a stray carriage return as a character when the text was already normalised to LF', () => {
    // normalizeOriginal turned CRLF into LF; a lone \r that survived belongs to its line and must round-trip.
    const text = '第一行\n第二\r行';
    const doc = docFromText(text);
    expect(doc.childCount).toBe(2);
    expect(textFromDoc(doc)).toBe(text);
  });

  it('builds an open paste slice whose lines join the lines around the cursor', () => {
    const slice = sliceFromText('甲\n乙');
    expect(slice.openStart).toBe(1);
    expect(slice.openEnd).toBe(1);
    expect(slice.content.childCount).toBe(2);
  });
});

describe('pmPosToCp and cpToPmPos', () => {
  const text = `${EXT_B}a\n\nb${EXT_B}c\n${EXT_B}`;
  const doc = docFromText(text);

  it('map every code-point offset to a position and back to the same offset', () => {
    const total = cpLength(text);
    expect(docCpLength(doc)).toBe(total);
    for (let cp = 0; cp <= total; cp++) {
      expect(pmPosToCp(doc, cpToPmPos(doc, cp))).toBe(cp);
    }
  });

  it('count an Extension B character as one code point but two positions', () => {
    // Line 0 content starts at position 1; 𠮷 occupies positions 1–3 (two UTF-16 units).
    expect(cpToPmPos(doc, 0)).toBe(1);
    expect(cpToPmPos(doc, 1)).toBe(3);
    expect(cpToPmPos(doc, 2)).toBe(4);
    expect(pmPosToCp(doc, 3)).toBe(1);
    expect(pmPosToCp(doc, 4)).toBe(2);
  });

  it('place the line break between the end of one line and the start of the next', () => {
    // Text: "𠮷a" (cp 0–2), \n (cp 2), "" (cp 3), \n (cp 3), "b𠮷c" (cp 4–7), \n, "𠮷" (cp 8–9).
    const line2Start = doc.child(0).nodeSize + doc.child(1).nodeSize + 1;
    expect(cpToPmPos(doc, 2)).toBe(4); // end of line 0
    expect(cpToPmPos(doc, 3)).toBe(6); // inside the empty line 1
    expect(cpToPmPos(doc, 4)).toBe(line2Start);
    expect(pmPosToCp(doc, line2Start + 3)).toBe(6); // after "b𠮷"
  });

  it('agree with the text for every position inside a line', () => {
    doc.forEach((line, offset) => {
      for (let inLine = 0; inLine <= line.content.size; inLine++) {
        const pos = offset + 1 + inLine;
        if (line.textContent.charCodeAt(inLine - 1) >= 0xd800 && line.textContent.charCodeAt(inLine - 1) <= 0xdbff) continue;
        const before = doc.textBetween(0, pos, '\n');
        expect(pmPosToCp(doc, pos)).toBe(cpLength(before));
      }
    });
  });

  it('clamp offsets outside the text to its ends', () => {
    expect(cpToPmPos(doc, -5)).toBe(1);
    expect(cpToPmPos(doc, 1000)).toBe(doc.content.size - 1);
    expect(pmPosToCp(doc, 0)).toBe(0);
    expect(pmPosToCp(doc, doc.content.size)).toBe(cpLength(text));
  });

  it('convert positions on a 200,000-character page quickly', () => {
    const line = `${'新闻报道'.repeat(32)}${EXT_B}${'记者'.repeat(5)}`;
    const big = docFromText(Array.from({ length: 1500 }, () => line).join('\n'));
    const total = docCpLength(big);
    expect(total).toBeGreaterThan(200_000);
    const started = performance.now();
    let mismatches = 0;
    for (let i = 0; i < 20_000; i++) {
      const cp = (i * 7919) % total;
      if (pmPosToCp(big, cpToPmPos(big, cp)) !== cp) mismatches++;
    }
    expect(mismatches).toBe(0);
    // Scanning the text per call would take tens of seconds; the line index answers in microseconds. The bound
    // is loose because the test machine is shared.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
