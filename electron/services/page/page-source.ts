import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { corpusFile, isOutside, readFileInCorpus, type CorpusFile } from '../disk/confined-fs';
import type { EncodingInfo } from '../../../shared/ipc/contract';
import { importLayout } from '../../../shared/layout/detect';
import type { LayoutError, LayoutPage } from '../../../shared/layout/types';
import { decodeXmlBytes, xmlEncodingName } from '../../../shared/layout/xml-decode';
import type { SourceFormat } from '../../../shared/model/sidecar-schema';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { withReason } from '../../../shared/errors/reasons';
import { normalizeOriginal, type LineEnding } from '../../../shared/text/normalize';
import { decodePageBytes, type DecodedPage, type UndecodableReport } from './encoding';
import { sha256Hex } from '../disk/hash';
import { sourceFormatOf, hasLayoutExtension } from '../corpus/page-grouping';
import { checkTextLimits } from '../../../shared/text-limits';
import { OFF_THREAD_IMPORT_BYTES } from '../../../shared/limits';
import { checkPageFileSize, pageBytesWithinLimit } from './page-file-size';
import { importLayoutOffThread } from './off-thread';

/// A page file read from disk and turned into Jiaodui's original text.
export interface PageSource {
  bytes: Uint8Array;
  sha256: string;
  encoding: EncodingInfo;
  undecodable: UndecodableReport;
  /// Decoded, LF line endings, NFC.
  originalText: string;
  lineEnding: LineEnding;
  /// What the text was read from: the plain text file, or the text the importer built from a layout file.
  format: SourceFormat;
  /// The imported layout when the page file is a layout file (its lines and regions give the scan).
  layout: LayoutPage | null;
}

/// Reads a page file of the corpus through a verified handle (see openInCorpus), hashes, decodes and normalises it.
///
/// Fails with 'outside-corpus' when it leads outside the corpus, 'not-found' when it is missing, 'binary-file'
/// when it is not text, 'io' on other read errors.
export async function readPageSource(file: CorpusFile, displayPath: string): Promise<Result<PageSource>> {
  const read = await readPageBytes(file, displayPath);
  if (!read.ok) return read;
  const bytes = read.value;
  if (hasLayoutExtension(displayPath) && bytes.length > OFF_THREAD_IMPORT_BYTES) {
    // A large layout file takes seconds to import: done on the text worker, so other requests are answered meanwhile.
    const imported = await importLayoutOffThread(decodeXmlBytes(bytes), fileNameOf(displayPath), bytes.length);
    return imported.ok ? layoutSource(bytes, imported.value, displayPath) : imported;
  }
  return pageSourceFromBytes(bytes, displayPath);
}

/// Reads a page file's bytes (size checked first), failing as readPageSource does; nothing is decoded.
export async function readPageBytes(file: CorpusFile, displayPath: string): Promise<Result<Uint8Array>> {
  const size = await checkPageFileSize(file, displayPath);
  if (!size.ok) return size;
  try {
    return ok(await readFileInCorpus(file));
  } catch (error) {
    if (isOutside(error)) return failWith('page.outside', { path: displayPath });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failWith('page.missing', { path: displayPath });
    if (code === 'EISDIR') return failWith('page.isFolder', { path: displayPath });
    return failWith('page.unreadable', { path: displayPath }, (error as Error).message);
  }
}

/// Reads a page file named by an absolute path outside any corpus (the command line's own argument), confined
/// to its real folder; fails like readPageSource.
export async function readPageSourceAtPath(abs: string, displayPath: string): Promise<Result<PageSource>> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch {
    return failWith('page.missing', { path: displayPath });
  }
  const file = await corpusFile(path.dirname(real), path.basename(real));
  return file.ok ? readPageSource(file.value, displayPath) : file;
}

/// Hashes, decodes and normalises a page file's bytes already read (for callers that read files themselves).
///
/// A page file with a layout extension (.hocr, .xml, .html) is imported: its original text is the text the
/// importer builds (lines joined with LF, blocks separated by a blank line, NFC); a malformed one fails with
/// 'io' (detail 'layout-invalid') and the importer's message naming the file and the place.
export function pageSourceFromBytes(bytes: Uint8Array, displayPath: string): Result<PageSource> {
  const size = pageBytesWithinLimit(bytes.length, displayPath);
  if (!size.ok) return size;
  if (hasLayoutExtension(displayPath)) return layoutSourceFromBytes(bytes, displayPath);
  const decoded = decodePageBytes(bytes);
  if (decoded.kind === 'binary') return binaryFailure(displayPath, decoded);
  const { text, lineEnding } = normalizeOriginal(decoded.text);
  const limits = checkTextLimits(text, `"${displayPath}"`);
  if (!limits.ok) return limits;
  return ok({ bytes, sha256: sha256Hex(bytes), encoding: decoded.encoding, undecodable: decoded.undecodable, originalText: text, lineEnding, format: 'text', layout: null });
}

// A page file that is not text, worded by what it is (a known format, NUL bytes, control characters).
function binaryFailure(displayPath: string, decoded: Extract<DecodedPage, { kind: 'binary' }>): Result<never> {
  if (decoded.why === 'nul') return failWith('page.binaryNul', { path: displayPath });
  if (decoded.why === 'control') return failWith('page.binaryControl', { path: displayPath });
  return failWith('page.binaryFormat', { path: displayPath, format: decoded.why.format });
}

function layoutSourceFromBytes(bytes: Uint8Array, displayPath: string): Result<PageSource> {
  return layoutSource(bytes, importLayout(decodeXmlBytes(bytes), fileNameOf(displayPath)), displayPath);
}

const fileNameOf = (displayPath: string) => displayPath.slice(displayPath.lastIndexOf('/') + 1);

function layoutSource(bytes: Uint8Array, imported: Result<LayoutPage, LayoutError>, displayPath: string): Result<PageSource> {
  if (!imported.ok) {
    // The importer's reason (naming the place in the file) is worded on screen in the UI language.
    const values = withReason({ path: displayPath }, 'problem', imported.error.reason);
    return imported.error.tooLarge ? failWith('page.layoutTooLarge', values, imported.error.tooLarge) : failWith('page.layoutInvalid', values, 'layout-invalid');
  }
  const limits = checkTextLimits(imported.value.text, `"${displayPath}"`);
  if (!limits.ok) return limits;
  const { name, bom } = xmlEncodingName(bytes);
  return ok({
    bytes,
    sha256: sha256Hex(bytes),
    encoding: { name, confidence: 1, bom },
    undecodable: { count: 0, lines: [] },
    originalText: imported.value.text.normalize('NFC'),
    lineEnding: 'LF',
    format: sourceFormatOf(imported.value.format),
    layout: imported.value,
  });
}
