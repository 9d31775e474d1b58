import { readFile } from 'node:fs/promises';
import type { EncodingInfo } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/result';
import { normalizeOriginal, type LineEnding } from '../../shared/text/normalize';
import { decodePageBytes, type UndecodableReport } from './encoding';
import { sha256Hex } from './hash';

/// A page file read from disk and turned into Jiaodui's original text.
export interface PageSource {
  bytes: Uint8Array;
  sha256: string;
  encoding: EncodingInfo;
  undecodable: UndecodableReport;
  /// Decoded, LF line endings, NFC.
  originalText: string;
  lineEnding: LineEnding;
}

/// Reads a page file (already confined to the corpus), hashes, decodes and normalises it.
///
/// Fails with 'not-found' when it is missing, 'binary-file' when it is not text, 'io' on other read errors.
export async function readPageSource(abs: string, displayPath: string): Promise<Result<PageSource>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found', `The page "${displayPath}" does not exist.`);
    if (code === 'EISDIR') return fail('not-found', `"${displayPath}" is a folder, not a page.`);
    return fail('io', `The page "${displayPath}" cannot be read.`, (error as Error).message);
  }
  return pageSourceFromBytes(bytes, displayPath);
}

/// Hashes, decodes and normalises a page file's bytes already read (for callers that read files themselves).
export function pageSourceFromBytes(bytes: Uint8Array, displayPath: string): Result<PageSource> {
  const decoded = decodePageBytes(bytes);
  if (decoded.kind === 'binary') return fail('binary-file', `"${displayPath}" cannot be opened. ${decoded.message}`);
  const { text, lineEnding } = normalizeOriginal(decoded.text);
  return ok({ bytes, sha256: sha256Hex(bytes), encoding: decoded.encoding, undecodable: decoded.undecodable, originalText: text, lineEnding });
}
