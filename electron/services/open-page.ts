import type { PageData } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/result';
import { resolveInCorpus } from './confine';
import { LOW_ENCODING_CONFIDENCE } from './encoding';
import { readPageScan, type PageScanOutcome } from './page-scan';
import { readPageSource, type PageSource } from './page-source';
import { sidecarPathOf } from './page-files';
import { readSidecarState, type SidecarState } from './sidecar-file';

/// Opens one page of the corpus: its original text, and the saved corrections when there are usable ones.
///
/// The path is confined to the corpus; the page file is hashed, decoded and normalised. When the sidecar is not
/// JSON, fails the schema, is from a newer version, is foreign or was written for other page bytes, the page is
/// shown with its original text and `readOnly` set, so it is never overwritten. Binary files fail with
/// 'binary-file'; empty files, undecodable bytes and guessed encodings add notices. A layout companion (hOCR,
/// ALTO, PAGE XML with the same base name) adds the scan and its line regions, linked to the page's lines.
export async function openPage(root: string, rel: string): Promise<Result<PageData>> {
  const pageAbs = await resolveInCorpus(root, rel);
  if (!pageAbs.ok) return pageAbs;
  const sidecarAbs = await resolveInCorpus(root, sidecarPathOf(rel));
  if (!sidecarAbs.ok) return fail('outside-corpus', `The sidecar of "${rel}" leads outside the corpus folder.`);

  const source = await readPageSource(pageAbs.value, rel);
  if (!source.ok) return source;
  const sidecar = await readSidecarState(sidecarAbs.value, source.value.sha256);
  if (!sidecar.ok) return sidecar;
  const scan = await readPageScan(root, rel, source.value.originalText);
  return ok(buildPageData(rel, source.value, sidecar.value, scan));
}

function buildPageData(rel: string, source: PageSource, sidecar: SidecarState, scan: PageScanOutcome): PageData {
  const usable = sidecar.kind === 'usable' ? sidecar.sidecar : null;
  return {
    path: rel,
    encoding: source.encoding,
    lineEnding: source.lineEnding,
    bytes: source.bytes.length,
    sha256: source.sha256,
    originalText: source.originalText,
    undecodable: source.undecodable,
    text: usable ? usable.text : source.originalText,
    corrections: usable ? usable.corrections : [],
    entities: usable ? usable.entities : [],
    rejectedEntities: usable ? usable.rejectedEntities : [],
    rejectedCorrections: usable ? usable.rejectedCorrections : [],
    status: usable ? usable.status : 'unreviewed',
    sidecarHash: sidecar.kind === 'none' ? null : sidecar.hash,
    sidecarModified: usable ? usable.modified : null,
    readOnly: sidecar.kind === 'unusable' ? { reason: sidecar.reason, message: sidecar.message } : null,
    notices: noticesFor(source),
    scan: scan.scan,
    scanError: scan.scanError,
  };
}

function noticesFor(source: PageSource): PageData['notices'] {
  const notices: PageData['notices'] = [];
  if (source.bytes.length === 0) notices.push({ code: 'empty-file', message: 'This page file is empty.' });
  if (source.undecodable.count > 0) {
    const { count, lines } = source.undecodable;
    const shown = lines.slice(0, 20).join(', ') + (lines.length > 20 ? ', …' : '');
    notices.push({
      code: 'undecodable-bytes',
      message: `${count} byte sequence${count === 1 ? '' : 's'} could not be decoded as ${source.encoding.name} and ${count === 1 ? 'is' : 'are'} shown as \uFFFD (line${lines.length === 1 ? '' : 's'} ${shown}).`,
    });
  }
  if (source.encoding.confidence < LOW_ENCODING_CONFIDENCE) {
    notices.push({
      code: 'low-confidence-encoding',
      message: `The encoding was guessed as ${source.encoding.name} with low confidence (${Math.round(source.encoding.confidence * 100)}%); check that the text reads correctly.`,
    });
  }
  return notices;
}
