/// Line-ending style of a page file as found on disk.
export type LineEnding = 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';

/// Turns decoded page text into Jiaodui's "original text": line endings made LF, then NFC.
///
/// All stored offsets refer to this normalised text; the line ending found is returned so exports can restore it.
export function normalizeOriginal(decoded: string): { text: string; lineEnding: LineEnding } {
  // Most pages use LF only: one search for CR spares three regular expressions and a replace over the page.
  if (!decoded.includes('\r')) return { text: decoded.normalize('NFC'), lineEnding: decoded.includes('\n') ? 'LF' : 'none' };
  return { text: normalizeText(decoded), lineEnding: detectLineEnding(decoded) };
}

/// Normalises any text the same way as the original: CRLF and CR become LF, then Unicode NFC.
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/// Which line ending a text uses: one style, `mixed`, or `none` when it has a single line.
export function detectLineEnding(text: string): LineEnding {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  if (crlf > 0) return 'CRLF';
  return cr > 0 ? 'CR' : 'LF';
}

/// Writes LF-normalised text back with a page's line ending (`mixed` and `none` keep LF).
export function withLineEnding(text: string, lineEnding: LineEnding): string {
  if (lineEnding === 'CRLF') return text.replace(/\n/g, '\r\n');
  if (lineEnding === 'CR') return text.replace(/\n/g, '\r');
  return text;
}
