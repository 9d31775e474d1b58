// Malformed and unrecognised layout files give an error naming the file and the line, and nothing is thrown.
import { describe, expect, it } from 'vitest';
import { importLayout } from '../../../shared/layout/detect';
import { readFixtureSync } from './test-support';

function errorOf(xml: string, name: string) {
  const result = importLayout(xml, name);
  if (result.ok) throw new Error(`${name} was read although it is malformed`);
  return result.error;
}

describe('importLayout on broken files', () => {
  it('reports an hOCR element left unclosed at the line where the mismatch shows, naming where it opened', () => {
    const error = errorOf(readFixtureSync('broken-unclosed.hocr'), 'broken-unclosed.hocr');
    expect(error).toMatchObject({ file: 'broken-unclosed.hocr', line: 8, column: 3 });
    expect(error.message).toMatch(/^broken-unclosed\.hocr: line 8, column 3: the XML is malformed: .*opened on line 5/);
    expect(error.reason).toEqual({ id: 'layout.xml.wrongClose', values: { line: 8, column: 3, element: 'span', openLine: 5, openColumn: 4, found: 'div' } });
  });

  it('counts lines the same in a file with CRLF line endings', () => {
    const xml = readFixtureSync('broken-unclosed.hocr').replace(/\n/g, '\r\n');
    expect(errorOf(xml, 'crlf.hocr')).toMatchObject({ line: 8, column: 3 });
  });

  it('reports an ALTO TextLine never closed at the closing tag that does not match', () => {
    const error = errorOf(readFixtureSync('broken-mismatched.xml'), 'broken-mismatched.xml');
    expect(error).toMatchObject({ line: 9, column: 9 });
    expect(error.message).toContain('</TextBlock> is found where </TextLine> (opened on line 7, column 11) should close');
  });

  it('reports a PAGE file cut short at its end, naming the elements still open', () => {
    const xml = readFixtureSync('broken-truncated.xml');
    const error = errorOf(xml, 'broken-truncated.xml');
    expect(error.line).toBe(xml.split('\n').length);
    expect(error.message).toContain('the file ends while <TextLine> (in TextRegion in Page in PcGts) is still open');
    expect(error.reason).toMatchObject({ id: 'layout.xml.cutShort', values: { element: 'TextLine', outer: 'TextRegion in Page in PcGts' } });
  });

  it('reports the line of a single element left open', () => {
    const error = errorOf('<?xml version="1.0"?>\n\n<alto>\n', 'open.xml');
    expect(error).toMatchObject({ line: 3 });
    expect(error.message).toBe('open.xml: line 3, column 1: the XML is malformed: <alto> is opened here and never closed');
  });

  it('reports a bad attribute on its line', () => {
    const xml = '<alto>\n<Layout>\n<Page WIDTH=10>\n</Page>\n</Layout>\n</alto>';
    expect(errorOf(xml, 'attr.xml')).toMatchObject({ line: 3 });
  });

  it('refuses an empty file and one that is not layout at all, in plain words', () => {
    expect(errorOf('', 'empty.xml').message).toBe('empty.xml: this is not hOCR, ALTO or PAGE XML (its root element is none of html, alto, PcGts)');
    expect(errorOf('  \n', 'blank.hocr').message).toContain('blank.hocr');
    expect(errorOf('<svg xmlns="http://www.w3.org/2000/svg"/>', 'drawing.xml').message).toContain('not hOCR, ALTO or PAGE XML');
    expect(errorOf('逆城区 plain text', 'page.txt').line).toBe(0);
  });

  it('does not throw on binary rubbish', () => {
    const rubbish = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 7919) % 256));
    expect(importLayout(`<alto>${rubbish}`, 'rubbish.xml').ok).toBe(false);
    expect(importLayout(rubbish, 'rubbish.bin').ok).toBe(false);
  });
});
