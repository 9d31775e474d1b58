/// XML text helpers of the TEI export: escaping (𠮷 untouched, unpaired surrogates named), attribute values, XML
/// names for @type, and scan paths as URI references for @facs.
import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, escapeTextWithBreaks, pathToUri, toXmlName } from '../../../../shared/export/tei/xml-text';

describe('TEI XML text', () => {
  it('keeps Extension B characters and names unpaired surrogates and other forbidden characters', () => {
    expect(escapeText('𠮷a&b')).toBe('𠮷a&amp;b');
    expect(escapeText('x\uD842y')).toBe('x<g type="forbidden-char" n="U+D842"/>y');
    expect(escapeText('\uDFB7z')).toBe('<g type="forbidden-char" n="U+DFB7"/>z');
    expect(escapeText('\u000B\u001F\uFFFF\t')).toBe('<g type="forbidden-char" n="U+000B"/><g type="forbidden-char" n="U+001F"/><g type="forbidden-char" n="U+FFFF"/>\t');
  });

  it('replaces line feeds through the given function with their index in the whole text', () => {
    const seen: number[] = [];
    const out = escapeTextWithBreaks('ab\n𠮷\n<c', 1, 7, (at) => {
      seen.push(at);
      return '<lb/>';
    });
    expect(out).toBe('b<lb/>𠮷<lb/>&lt;');
    expect(seen).toEqual([2, 5]);
  });

  it('escapes quotes, tabs and line breaks in attribute values, and replaces what an attribute cannot hold', () => {
    expect(escapeAttribute('a"b<c>&d\te\nf')).toBe('a&quot;b&lt;c&gt;&amp;d&#9;e&#10;f');
    expect(escapeAttribute('x\u0001y')).toBe('x\uFFFDy');
  });

  it('makes any string an XML name', () => {
    expect(toXmlName('MISC')).toBe('MISC');
    expect(toXmlName('人名')).toBe('人名');
    expect(toXmlName('𠮷名')).toBe('𠮷名');
    expect(toXmlName('work of art')).toBe('work_of_art');
    expect(toXmlName('2nd')).toBe('_2nd');
    expect(toXmlName('-x')).toBe('_-x');
    expect(toXmlName('a:b')).toBe('a_b');
    expect(toXmlName('')).toBe('_');
  });

  it('writes scan paths as URI references, keeping letters of any script', () => {
    expect(pathToUri('scans/第1版/p 1#a?b%c.png')).toBe('scans/第1版/p%201%23a%3Fb%25c.png');
    expect(pathToUri('scans/𠮷.tif')).toBe('scans/𠮷.tif');
    expect(pathToUri('a"b<c>.png')).toBe('a%22b%3Cc%3E.png');
  });
});
