import { describe, expect, it } from 'vitest';
import { CodePointIndex, cpLength, cpSlice, cpToUtf16, utf16ToCp } from '../../../shared/text/codepoints';
import { detectLineEnding, normalizeOriginal, withLineEnding } from '../../../shared/text/normalize';

const EXT_B = '𠮷'; // U+20BB7: one code point, two UTF-16 units

describe('code points', () => {
  it('counts an Extension B character as one code point', () => {
    expect(EXT_B.length).toBe(2);
    expect(cpLength(`a${EXT_B}b`)).toBe(3);
  });

  it('converts offsets both ways around Extension B characters', () => {
    const text = `吉${EXT_B}祥${EXT_B}${EXT_B}如意`;
    expect(cpToUtf16(text, 2)).toBe(3);
    expect(utf16ToCp(text, 3)).toBe(2);
    expect(cpSlice(text, 1, 4)).toBe(`${EXT_B}祥${EXT_B}`);
    const index = new CodePointIndex(text);
    expect(index.length).toBe(7);
    for (let cp = 0; cp <= 7; cp++) {
      expect(index.toUtf16(cp)).toBe(cpToUtf16(text, cp));
      expect(index.toCp(index.toUtf16(cp))).toBe(cp);
    }
  });

  it('maps a UTF-16 index inside a surrogate pair to that character', () => {
    const index = new CodePointIndex(`a${EXT_B}b`);
    expect(index.toCp(2)).toBe(1);
  });
});

describe('normalising the original text', () => {
  it('turns CRLF into LF and records the line ending', () => {
    expect(normalizeOriginal('一\r\n二\r\n')).toEqual({ text: '一\n二\n', lineEnding: 'CRLF' });
    expect(detectLineEnding('a\nb\r\nc')).toBe('mixed');
    expect(detectLineEnding('abc')).toBe('none');
    expect(detectLineEnding('a\rb')).toBe('CR');
  });

  it('composes decomposed characters to NFC', () => {
    expect(normalizeOriginal('e\u0301').text).toBe('\u00e9');
  });

  it('restores the line ending for export', () => {
    expect(withLineEnding('一\n二', 'CRLF')).toBe('一\r\n二');
    expect(withLineEnding('一\n二', 'mixed')).toBe('一\n二');
  });
});
