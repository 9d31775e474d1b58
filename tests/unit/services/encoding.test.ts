import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodePageBytes, decodeUtf8, findReplacements } from '../../../electron/services/page/encoding';

const SAMPLE = '北京日报 第三版\n今天天气很好，市民出行𠮷。\n一九五〇年十月一日\n';
const TRADITIONAL = '中華民國報紙，今天天氣很好。\n臺北市新聞第三版\n';

function expectText(bytes: Uint8Array) {
  const result = decodePageBytes(bytes);
  if (result.kind !== 'text') throw new Error(`expected text, got binary: ${result.message}`);
  return result;
}

describe('decodePageBytes', () => {
  it('decodes UTF-8 without a BOM with full confidence', () => {
    const r = expectText(new TextEncoder().encode(SAMPLE));
    expect(r.text).toBe(SAMPLE);
    expect(r.encoding).toEqual({ name: 'UTF-8', confidence: 1, bom: false });
    expect(r.undecodable).toEqual({ count: 0, lines: [] });
  });

  it('strips a UTF-8 byte-order mark and reports it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    const r = expectText(bytes);
    expect(r.text).toBe(SAMPLE);
    expect(r.encoding.bom).toBe(true);
    expect(r.encoding.name).toBe('UTF-8');
  });

  it('decodes UTF-16LE and UTF-16BE with a byte-order mark', () => {
    const le = iconv.encode(SAMPLE, 'utf-16le', { addBOM: true });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf-16be')]);
    const rle = expectText(le);
    const rbe = expectText(be);
    expect(rle.text).toBe(SAMPLE);
    expect(rle.encoding).toMatchObject({ name: 'UTF-16LE', bom: true });
    expect(rbe.text).toBe(SAMPLE);
    expect(rbe.encoding).toMatchObject({ name: 'UTF-16BE', bom: true });
  });

  it('recognises UTF-16LE without a byte-order mark', () => {
    const r = expectText(iconv.encode(SAMPLE, 'utf-16le'));
    expect(r.text).toBe(SAMPLE);
    expect(r.encoding).toMatchObject({ name: 'UTF-16LE', bom: false });
    expect(r.encoding.confidence).toBeLessThan(1);
  });

  it('recognises BOM-less UTF-16BE made of CJK characters whose bytes fall in the control range', () => {
    // 与 (U+4E0E) and 丁 (U+4E01) have a low byte below 0x20.
    const cjk = '与丁与丁，中国报纸与读者。\n'.repeat(4);
    const r = expectText(iconv.encode(cjk, 'utf-16be'));
    expect(r.encoding).toMatchObject({ name: 'UTF-16BE', bom: false });
    expect(r.text).toBe(cjk);
  });

  it('detects GB18030 text and decodes it', () => {
    const gbText = SAMPLE.replace('𠮷', '').repeat(3);
    const r = expectText(iconv.encode(gbText, 'gb18030'));
    expect(r.encoding.name).toBe('GB18030');
    expect(r.text).toBe(gbText);
    expect(r.undecodable.count).toBe(0);
  });

  it('detects Big5 text and decodes it', () => {
    const big5Text = TRADITIONAL.repeat(3);
    const r = expectText(iconv.encode(big5Text, 'big5'));
    expect(r.encoding.name).toBe('Big5');
    expect(r.text).toBe(big5Text);
  });

  it('tells GB18030 from Big5 on a headline too short for chardet, with a low confidence', () => {
    for (const [headline, encoding, name] of [
      ['北京日报', 'gb18030', 'GB18030'],
      ['人民日报社论：今天', 'gb18030', 'GB18030'],
      ['臺灣新聞', 'big5', 'Big5'],
      ['第三版', 'big5', 'Big5'],
    ] as const) {
      const r = expectText(iconv.encode(headline, encoding));
      expect([r.encoding.name, r.text]).toEqual([name, headline]);
      expect(r.encoding.confidence).toBeLessThan(0.6);
    }
  });

  it('shows invalid bytes in a UTF-8 file as U+FFFD and reports their lines', () => {
    const enc = new TextEncoder();
    const bytes = Buffer.concat([
      Buffer.from(enc.encode('第一行正常的文字内容\n第二行')),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(enc.encode('有坏字节\n第三行正常\n第四行')),
      Buffer.from([0x80]),
      Buffer.from(enc.encode('\n')),
    ]);
    const r = expectText(bytes);
    expect(r.encoding.name).toBe('UTF-8');
    expect(r.encoding.confidence).toBeLessThan(1);
    expect(r.text).toContain('第二行\uFFFD\uFFFD有坏字节');
    expect(r.undecodable).toEqual({ count: 3, lines: [2, 4] });
  });

  it('refuses a PNG file as binary with a message naming it', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const r = decodePageBytes(png);
    expect(r.kind).toBe('binary');
    if (r.kind === 'binary') expect(r.message).toMatch(/PNG/);
  });

  it('refuses bytes full of NUL and control characters as binary', () => {
    const junk = new Uint8Array(256).map((_, i) => (i * 37) % 32);
    expect(decodePageBytes(junk).kind).toBe('binary');
  });

  it('refuses valid UTF-8 made mostly of control characters, and keeps text with a few of them', () => {
    // Valid UTF-8 (every byte is ASCII) but 1 byte in 4 is a control character that text files do not use.
    const controls = new TextEncoder().encode('ab\x01c'.repeat(100));
    expect(decodePageBytes(controls).kind).toBe('binary');
    const fewControls = '\x07'.concat(SAMPLE.repeat(10));
    expect(expectText(new TextEncoder().encode(fewControls)).text).toBe(fewControls);
  });

  it('keeps Extension B characters and a second BOM in strict UTF-8', () => {
    const text = '𠮷野家\uFEFF𠀀';
    const r = expectText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(r.text).toBe(text);
    expect([...r.text].length).toBe(5);
  });

  it('treats an empty file as empty UTF-8 text', () => {
    const r = expectText(new Uint8Array());
    expect(r.text).toBe('');
    expect(r.encoding.name).toBe('UTF-8');
  });
});

describe('decodeUtf8', () => {
  it('decodes like TextDecoder: BOM dropped, Extension B kept, bad bytes as U+FFFD', () => {
    const valid = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"text":"𠮷"}')]);
    expect(decodeUtf8(valid)).toBe('{"text":"𠮷"}');
    const broken = new Uint8Array([0x41, 0xff, 0x42]);
    expect(decodeUtf8(broken)).toBe(new TextDecoder('utf-8').decode(broken));
    expect(decodeUtf8(broken)).toBe('A\uFFFDB');
  });
});

describe('findReplacements', () => {
  it('counts lines ended by LF, CRLF and CR alike', () => {
    expect(findReplacements('a\r\nb\rc\uFFFD\nd\uFFFD\uFFFD')).toEqual({ count: 3, lines: [3, 4] });
  });
});
