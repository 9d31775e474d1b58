import { Buffer, isUtf8, transcode } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { EncodingInfo } from '../../../shared/ipc/contract';
import { hasManyControlBytes, knownBinaryFormat } from './binary-sniff';
import { guessChineseEncoding } from './chinese-guess';
import { guessUtf16 } from '../../../shared/text/utf16-guess';

/// Undecodable byte sequences found while decoding: how many, and on which 1-based lines.
export interface UndecodableReport {
  count: number;
  lines: number[];
}

/// What decoding a page file's bytes gave: text, or the verdict that the file is not text at all.
export type DecodedPage =
  | { kind: 'text'; text: string; encoding: EncodingInfo; undecodable: UndecodableReport }
  /// Not text: `why` is the format the bytes start with (PNG, PDF, …), or 'nul' / 'control' bytes.
  | { kind: 'binary'; message: string; why: { format: string } | 'nul' | 'control' };

/// Below this confidence the caller should tell the user the encoding was a guess.
export const LOW_ENCODING_CONFIDENCE = 0.6;

const REPLACEMENT = '\uFFFD';

// The control characters binary-sniff counts (all but tab, LF, VT, FF, CR and ESC; NUL is judged before).
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_CHARACTER = /[\x01-\x08\x0e-\x1a\x1c-\x1f]/;

// chardet names → iconv-lite names; anything not listed is treated as unsupported.
const ICONV_NAMES: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'UTF-32LE': 'utf-32le',
  'UTF-32BE': 'utf-32be',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'KOI8-R': 'koi8-r',
  'ISO-8859-1': 'iso-8859-1',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'iso-8859-9',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'windows-874': 'windows-874',
};

/// Decodes a page file's bytes into text, detecting the encoding.
///
/// Order: byte-order mark (UTF-8, UTF-16LE/BE) → NUL bytes: UTF-16 without BOM or binary → control characters:
/// binary → strict UTF-8 → UTF-8 with a few bad bytes → chardet's guess (GB18030, Big5, …) when it is sure, else
/// GB18030 or Big5 by which reads as common Chinese (short pages) → decoded with iconv-lite. Bytes that cannot be
/// decoded become U+FFFD and are counted with their line numbers rather than dropped. An empty file is the
/// empty text in UTF-8; the caller decides what notice to show.
export function decodePageBytes(bytes: Uint8Array): DecodedPage {
  if (bytes.length === 0) return text('', { name: 'UTF-8', confidence: 1, bom: false });

  const bom = decodeWithBom(bytes);
  if (bom) return bom;

  const format = knownBinaryFormat(bytes);
  if (format) return binary(format.message, { format: format.format });

  if (bytes.includes(0)) {
    const utf16 = guessUtf16(bytes);
    // Confidence below 1: the byte order was inferred, not declared.
    if (utf16) return decodeUtf16(bytes, utf16.name, Math.min(utf16.score, 0.9), false);
    return binary('This file contains NUL bytes and does not look like text (it may be an image or other binary file).', 'nul');
  }
  const strict = decodeUtf8Strict(bytes);
  // In valid UTF-8 a control byte is a control character: one test over the text spares counting the bytes of
  // nearly every page.
  if ((strict === null || CONTROL_CHARACTER.test(strict)) && hasManyControlBytes(bytes)) {
    return binary('This file contains many control characters and does not look like text.', 'control');
  }
  if (strict !== null) return text(strict, { name: 'UTF-8', confidence: 1, bom: false });

  const lenient = mostlyUtf8(bytes);
  if (lenient) return lenient;

  return decodeWithChardet(bytes);
}

function text(decoded: string, encoding: EncodingInfo, checkReplacements = false): DecodedPage {
  return { kind: 'text', text: decoded, encoding, undecodable: checkReplacements ? findReplacements(decoded) : { count: 0, lines: [] } };
}

function binary(message: string, why: { format: string } | 'nul' | 'control'): DecodedPage {
  return { kind: 'binary', message, why };
}

function decodeWithBom(bytes: Uint8Array): DecodedPage | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const strict = decodeUtf8Strict(body);
    if (strict !== null) return text(strict, { name: 'UTF-8', confidence: 1, bom: true });
    return text(new TextDecoder('utf-8').decode(body), { name: 'UTF-8', confidence: 1, bom: true }, true);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'UTF-16LE', 1, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'UTF-16BE', 1, true);
  return null;
}

function decodeUtf16(body: Uint8Array, name: 'UTF-16LE' | 'UTF-16BE', confidence: number, bom: boolean): DecodedPage {
  const label = name === 'UTF-16LE' ? 'utf-16le' : 'utf-16be';
  // TextDecoder turns unpaired surrogates and a trailing odd byte into U+FFFD, which we then count.
  const strict = tryDecode(label, body);
  if (strict !== null) return text(strict, { name, confidence, bom });
  return text(new TextDecoder(label).decode(body), { name, confidence, bom }, true);
}

// Most of the time of reading a corpus went into the fatal TextDecoder (ICU) and V8's UTF-8 string maker (about
// 110 µs per 18 kB page): isUtf8 (simdutf) checks the bytes, and transcoding to UTF-16 first lets V8 copy the
// string in (about 15 µs). Both keep a BOM as U+FEFF content, like ignoreBOM. Electron builds without
// buffer.transcode fall back to Buffer's decoder.
function decodeUtf8Strict(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (typeof transcode === 'function') {
    try {
      return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
    } catch {
      // An ICU without the converter: decode below.
    }
  }
  return buffer.toString('utf8');
}

/// Decodes UTF-8 bytes the way `new TextDecoder('utf-8').decode` does (a leading BOM dropped, bad sequences as
/// U+FFFD), through the fast path when the bytes are valid (sidecars, settings files).
export function decodeUtf8(bytes: Uint8Array): string {
  const strict = decodeUtf8Strict(bytes);
  if (strict === null) return new TextDecoder('utf-8').decode(bytes);
  return strict.charCodeAt(0) === 0xfeff ? strict.slice(1) : strict;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: a BOM has already been stripped; a second one is content.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// A UTF-8 file with a handful of damaged bytes: decoding it as GB18030 would garble every line, so keep UTF-8
// when the valid multi-byte characters far outnumber the bad sequences.
function mostlyUtf8(bytes: Uint8Array): DecodedPage | null {
  const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let bad = 0;
  let good = 0;
  for (const ch of decoded) {
    if (ch === REPLACEMENT) bad++;
    else if (ch.codePointAt(0)! > 0x7f) good++;
  }
  if (good < 4 * bad || good === 0) return null;
  const confidence = good / (good + bad);
  return text(decoded, { name: 'UTF-8', confidence: Math.min(confidence, 0.99), bom: false }, true);
}

// chardet is reliable on pages of some length; below these confidences its answer is a guess. Single-byte
// encodings need more: short Chinese text often scores ~50 as KOI8-R or ISO-8859-1.
const CHARDET_SURE_MULTIBYTE = 50;
const CHARDET_SURE_SINGLE_BYTE = 80;
const MULTIBYTE = new Set(['GB18030', 'Big5', 'Shift_JIS', 'EUC-JP', 'EUC-KR', 'UTF-16LE', 'UTF-16BE', 'UTF-32LE', 'UTF-32BE']);

function decodeWithChardet(bytes: Uint8Array): DecodedPage {
  const matches = chardet.analyse(bytes);
  const usable = matches.find((m) => ICONV_NAMES[m.name] !== undefined && iconv.encodingExists(ICONV_NAMES[m.name]!));
  const sure = usable && usable.confidence >= (MULTIBYTE.has(usable.name) ? CHARDET_SURE_MULTIBYTE : CHARDET_SURE_SINGLE_BYTE);
  let chosen: { name: string; confidence: number } | undefined = sure ? usable : undefined;
  if (!chosen) {
    const chinese = guessChineseEncoding(bytes);
    // Still reported below the low-confidence threshold: a short page deserves a second look.
    if (chinese) chosen = { name: chinese.name, confidence: Math.round(chinese.score * 50) };
  }
  // With no usable guess, GB18030 is the likeliest encoding for a Chinese newspaper page.
  chosen ??= usable ?? { name: 'GB18030', confidence: 10 };
  const decoded = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ICONV_NAMES[chosen.name]!, {
    stripBOM: false,
  });
  return text(decoded, { name: chosen.name, confidence: chosen.confidence / 100, bom: false }, true);
}

/// Counts U+FFFD characters in decoded text and the 1-based lines they are on (LF, CRLF and CR all end a line).
export function findReplacements(decoded: string): UndecodableReport {
  let count = 0;
  let line = 1;
  const lines: number[] = [];
  for (let i = 0; i < decoded.length; i++) {
    const unit = decoded.charCodeAt(i);
    if (unit === 0x0a) line++;
    else if (unit === 0x0d) {
      if (decoded.charCodeAt(i + 1) !== 0x0a) line++;
    } else if (unit === 0xfffd) {
      count++;
      if (lines[lines.length - 1] !== line) lines.push(line);
    }
  }
  return { count, lines };
}
