import { describe, expect, it } from 'vitest';
import { ByteOut, piece } from '../../../shared/export/byte-out';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('ByteOut', () => {
  it('writes integers in decimal at every digit count, and zero', () => {
    const values = [0, 7, 9, 10, 42, 99, 100, 999, 1000, 9999, 10000, 99999, 100000, 999999, 1000000, 1234567, 2 ** 31 - 1];
    const out = new ByteOut(4);
    for (const value of values) {
      out.int(value);
      out.piece(piece(','));
    }
    expect(decode(out.bytes())).toBe(values.map((v) => `${v},`).join(''));
  });

  it('encodes text as UTF-8, Extension B included, and grows past its first size', () => {
    const out = new ByteOut(8);
    const text = '𠮷野家 <a href="x">&amp;</a>\n';
    for (let i = 0; i < 200; i++) {
      out.text(text);
      out.int(i);
    }
    const expected = Array.from({ length: 200 }, (_, i) => `${text}${i}`).join('');
    expect(decode(out.bytes())).toBe(expected);
    expect(out.bytes().length).toBe(new TextEncoder().encode(expected).length);
  });

  it('writes a lone surrogate as U+FFFD, as Node writes a string', () => {
    const out = new ByteOut();
    out.text('a\ud842b');
    expect(Buffer.from(out.bytes()).equals(Buffer.from('a\ud842b', 'utf8'))).toBe(true);
  });

  it('writes code points as UTF-8 at every length, Extension B included, and a lone surrogate as U+FFFD', () => {
    const codes = [0x41, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x5f20, 0xd842, 0xdfb7, 0xffff, 0x10000, 0x20bb7, 0x10ffff];
    const out = new ByteOut(2);
    for (const code of codes) out.codePoint(code);
    const expected = codes.map((code) => (code >= 0xd800 && code <= 0xdfff ? '\ufffd' : String.fromCodePoint(code))).join('');
    expect(Buffer.from(out.bytes()).equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });
});
