import { describe, expect, it } from 'vitest';
import { ByteOut, piece, putDigits, putInt, putPiece, putWords, wordPiece } from '../../../shared/export/byte-out';

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

  it('writes runs of fields straight into the reserved buffer (putPiece, putInt), growing it first', () => {
    const out = new ByteOut(4);
    out.text('<a>');
    const long = piece('x'.repeat(40));
    const buf = out.reserve(2 * (long.length + 10 + 3));
    let at = out.size;
    at = putPiece(buf, at, piece('"/>'));
    at = putInt(buf, at, 2 ** 31 - 1);
    at = putPiece(buf, at, long);
    at = putInt(buf, at, 0);
    out.advance(at);
    out.int(12);
    expect(decode(out.bytes())).toBe(`<a>"/>${2 ** 31 - 1}${'x'.repeat(40)}012`);
    expect(() => out.advance(out.size - 1)).toThrow(RangeError);
    expect(() => out.advance(out.size + 10 ** 6)).toThrow(RangeError);
  });

  it('starts over after reset, keeping its memory unless it grew past the limit', () => {
    const out = new ByteOut(16);
    out.text('第一页𠮷'.repeat(100));
    const grown = out.reserve(0);
    out.reset();
    expect(out.size).toBe(0);
    out.text('第二页');
    expect(decode(out.bytes())).toBe('第二页');
    expect(out.reserve(0)).toBe(grown);
    out.text('x'.repeat(5000));
    out.reset(1024);
    expect(out.reserve(0).length).toBe(16);
  });

  it('writes numbers with putDigits exactly as in decimal, at every digit count and the table edges', () => {
    const values = [0, 5, 9, 10, 99, 100, 999, 1000, 9999, 10000, 10001, 12345, 99999, 100000, 1000000, 9999999, 10000000, 99999999, 100000000, 2 ** 31 - 1];
    for (let n = 0; n < 3000; n++) values.push(Math.floor(Math.random() * 2 ** 31), Math.floor(Math.random() * 20000));
    const out = new ByteOut(4);
    const buf = out.reserve(12 * values.length + 12);
    const memory = out.view();
    let at = out.size;
    for (const value of values) {
      at = putDigits(memory, buf, at, value);
      buf[at++] = 0x2c;
    }
    out.advance(at);
    expect(decode(out.bytes())).toBe(values.map((v) => `${v},`).join(''));
  });

  it('writes word pieces of every length with putWords, as their text', () => {
    const texts = ['', 'a', 'ab', 'abc', 'abcd', '"/>\n<s:Token xmi:id="', '" sofa="1" begin="', '𠮷田'];
    const out = new ByteOut(2);
    out.text('>');
    const buf = out.reserve(200);
    const memory = out.view();
    let at = out.size;
    for (const text of texts) at = putWords(memory, buf, at, wordPiece(text));
    out.advance(at);
    expect(decode(out.bytes())).toBe(`>${texts.join('')}`);
  });
});
