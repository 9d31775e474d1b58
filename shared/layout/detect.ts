/// Recognises which layout format a file is in and imports it.
import type { Result } from '../result';
import { importAlto } from './alto';
import { importHocr } from './hocr';
import { importPageXml } from './page-xml';
import type { LayoutError, LayoutFormat, LayoutPage } from './types';
import { layoutFail } from './xml-tree';
import { formatCount, MAX_WORD_CODE_POINTS } from '../limits';
import { reason } from '../errors/reasons';

/// Guesses the format of a layout file from its root element (and hOCR's class names); null when none fits.
///
/// Looks only at the text, so a `.xml` file may hold ALTO or PAGE and an `.html` file hOCR.
export function detectLayoutFormat(xml: string): LayoutFormat | null {
  const root = firstElementName(xml);
  if (root === null) return null;
  const local = root.slice(root.indexOf(':') + 1);
  if (local === 'alto') return 'alto';
  if (local === 'PcGts') return 'page';
  if (local.toLowerCase() === 'html' || /class\s*=\s*["'][^"']*\bocr_page\b/.test(xml)) return 'hocr';
  return null;
}

/// Imports an hOCR, ALTO or PAGE XML file, whichever it is; `fileName` names it in error messages.
///
/// Malformed XML gives an error with the line and column of the problem. Never throws.
/// A word longer than `MAX_WORD_CODE_POINTS` is refused (error with `tooLarge` set).
export function importLayout(xml: string, fileName: string): Result<LayoutPage, LayoutError> {
  const imported = importByFormat(xml, fileName);
  return imported.ok ? checkWordLengths(imported.value, fileName) : imported;
}

function importByFormat(xml: string, fileName: string): Result<LayoutPage, LayoutError> {
  switch (detectLayoutFormat(xml)) {
    case 'hocr':
      return importHocr(xml, fileName);
    case 'alto':
      return importAlto(xml, fileName);
    case 'page':
      return importPageXml(xml, fileName);
    case null:
      return layoutFail(fileName, reason('layout.unknownFormat'));
  }
}

// One word of the file (hOCR `ocrx_word`, ALTO `String`, PAGE `Word`) longer than the limit is refused: no OCR engine
// reads a word of thousands of characters, so the file is damaged or not OCR output.
function checkWordLengths(page: LayoutPage, fileName: string): Result<LayoutPage, LayoutError> {
  for (const line of page.lines) {
    for (const word of line.words) {
      const length = word.end - word.start;
      if (length <= MAX_WORD_CODE_POINTS) continue;
      const failed = layoutFail(fileName, reason('layout.wordTooLong', { line: line.index + 1, count: formatCount(length), limit: formatCount(MAX_WORD_CODE_POINTS) }));
      failed.error.tooLarge = `word-code-points=${length}/${MAX_WORD_CODE_POINTS}`;
      return failed;
    }
  }
  return { ok: true, value: page };
}

// The name of the first element, skipping the XML declaration, processing instructions, comments and DOCTYPE.
function firstElementName(xml: string): string | null {
  const pattern = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![^>]*>|<([A-Za-z_][\w.:-]*)/g;
  for (const match of xml.matchAll(pattern)) {
    if (match[1] !== undefined) return match[1];
  }
  return null;
}
