// Format sniffing: the root element decides, whatever the file is called.
import { describe, expect, it } from 'vitest';
import { detectLayoutFormat, importLayout } from '../../../shared/layout/detect';
import { readFixtureSync } from './test-support';

describe('detectLayoutFormat', () => {
  it('recognises each fixture by its root element', () => {
    expect(detectLayoutFormat(readFixtureSync('minimal.hocr'))).toBe('hocr');
    expect(detectLayoutFormat(readFixtureSync('alto-v2.xml'))).toBe('alto');
    expect(detectLayoutFormat(readFixtureSync('alto-v4.xml'))).toBe('alto');
    expect(detectLayoutFormat(readFixtureSync('page-2013.xml'))).toBe('page');
    expect(detectLayoutFormat(readFixtureSync('page-2019.xml'))).toBe('page');
  });

  it('skips comments, processing instructions and a DOCTYPE before the root', () => {
    expect(detectLayoutFormat('<?xml version="1.0"?><!-- <PcGts> --><?pi x?><!DOCTYPE alto><alto/>')).toBe('alto');
    expect(detectLayoutFormat('<mets:alto xmlns:mets="x"/>')).toBe('alto');
  });

  it('recognises hOCR without an html root by its ocr_page class', () => {
    expect(detectLayoutFormat('<div class="ocr_page" title="bbox 0 0 1 1"></div>')).toBe('hocr');
  });

  it('returns null for other XML', () => {
    expect(detectLayoutFormat('<TEI/>')).toBeNull();
    expect(detectLayoutFormat('no markup')).toBeNull();
  });
});

describe('importLayout', () => {
  it('dispatches to the importer of the detected format, whatever the file name', () => {
    const result = importLayout(readFixtureSync('page-2019.xml'), 'scan.hocr');
    expect(result.ok && result.value.format).toBe('page');
  });
});
