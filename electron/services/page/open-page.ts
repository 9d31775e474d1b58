import type { PageData, PageEntry } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { withReason } from '../../../shared/errors/reasons';
import { corpusFile, corpusFileInRealRoot, statInCorpus } from '../disk/confined-fs';
import { removeStaleTemps } from '../disk/temp-leftovers';
import { LOW_ENCODING_CONFIDENCE } from './encoding';
import { readPageScan, siblingsOf, type PageScanOutcome } from '../scans/page-scan';
import { readPageSource, type PageSource } from './page-source';
import { extensionOf, sidecarPathOf } from '../../../shared/model/page-files';
import { hasLayoutExtension } from '../corpus/page-grouping';
import { readSidecarState, type SidecarState } from './sidecar-file';
import { layoutEntitySpans } from '../../../shared/layout/layout-entity-spans';

/// Opens one page of the corpus: its original text, and the saved corrections when there are usable ones.
///
/// The path is confined to the corpus; the page file is hashed, decoded and normalised. When the sidecar is not
/// JSON, fails the schema, is from a newer version, is foreign, was written for other page bytes or does not fit
/// the page's text (any problem `jiaodui validate` reports), the page is
/// shown with its original text and `readOnly` set, so it is never overwritten. Binary files fail with
/// 'binary-file'; empty files, undecodable bytes and guessed encodings add notices. A layout companion (hOCR,
/// ALTO, PAGE XML with the same base name) adds the scan and its line regions, linked to the page's lines; when
/// the page file is itself a layout file, its text is the text the importer builds and it gives the scan; when
/// such a page has no sidecar yet, the entity tags its layout file carries (ALTO `NamedEntityTag`s, Transkribus
/// `custom` tags) are its entities, so the editor shows them and the first save keeps them. A sidecar wins.
///
/// `entry` is the page's entry from the corpus scan: its companions are used instead of reading the folder. A
/// sidecar of the group's other text source (say `page.txt.jiaodui.json` while the page is `page.xml`) is never
/// read or written here; a notice says it exists.
export async function openPage(root: string, rel: string, entry?: PageEntry): Promise<Result<PageData>> {
  const pageAbs = await corpusFile(root, rel);
  if (!pageAbs.ok) return pageAbs;
  const sidecarAbs = corpusFileInRealRoot(pageAbs.value.realRoot, sidecarPathOf(rel));
  if (!sidecarAbs.ok) return failWith('path.sidecarOutside', { path: rel });
  // Temporary files a crash left from an earlier save of this sidecar (none is held by a save still running).
  await removeStaleTemps(pageAbs.value.realRoot, folderOf(rel), { onlyTarget: sidecarPathOf(rel).slice(rel.lastIndexOf('/') + 1) });

  const source = await readPageSource(pageAbs.value, rel);
  if (!source.ok) return source;
  const sidecar = await readSidecarState(sidecarAbs.value, source.value);
  if (!sidecar.ok) return sidecar;
  const companions = entry?.companions ?? (await siblingsOf(root, rel));
  const scan = await readPageScan(root, rel, source.value, companions);
  const page = buildPageData(rel, source.value, sidecar.value, scan);
  const others = await otherSidecars(pageAbs.value.realRoot, companions);
  if (others.length > 0) {
    page.notices.push({
      code: 'other-source-sidecar',
      message: `Corrections saved from another text source of this page are kept unchanged in ${others.join(', ')}.`,
    });
  }
  return ok(page);
}

// The sidecars that exist beside the group's other text sources (.txt or layout files).
async function otherSidecars(realRoot: string, companions: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const companion of companions) {
    if (extensionOf(companion).toLowerCase() !== '.txt' && !hasLayoutExtension(companion)) continue;
    const file = corpusFileInRealRoot(realRoot, sidecarPathOf(companion));
    if (!file.ok) continue;
    try {
      if ((await statInCorpus(file.value)).isFile()) found.push(sidecarPathOf(companion));
    } catch {
      // none, or one that leads outside the corpus
    }
  }
  return found;
}

// The folder of a relative path (null: the corpus root).
function folderOf(rel: string): string | null {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? null : rel.slice(0, slash);
}

function buildPageData(rel: string, source: PageSource, sidecar: SidecarState, scan: PageScanOutcome): PageData {
  const usable = sidecar.kind === 'usable' ? sidecar.sidecar : null;
  const lineOrigins = usable && usable.lineOrigins.length > 0 ? { lineOrigins: usable.lineOrigins } : {};
  const moves = usable && usable.moves.length > 0 ? { moves: usable.moves } : {};
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
    entities: usable ? usable.entities : sidecar.kind === 'none' ? layoutEntitySpans(source.layout) : [],
    rejectedEntities: usable ? usable.rejectedEntities : [],
    rejectedCorrections: usable ? usable.rejectedCorrections : [],
    status: usable ? usable.status : 'unreviewed',
    ...(usable?.note !== undefined && { note: usable.note }),
    sidecarHash: sidecar.kind === 'none' ? null : sidecar.hash,
    sidecarModified: usable ? usable.modified : null,
    readOnly: sidecar.kind === 'unusable' ? readOnlyOf(sidecar) : null,
    notices: noticesFor(source),
    scan: scan.scan,
    scanError: scan.scanError,
    sourceFormat: source.format,
    ...lineOrigins,
    ...moves,
  };
}

// What exactly is wrong (the first problem, and how many more) goes to the renderer as a reason with values, so it
// can be worded in the UI language.
function readOnlyOf(sidecar: Extract<SidecarState, { kind: 'unusable' }>): NonNullable<PageData['readOnly']> {
  const why = sidecar.why === undefined ? {} : { why: withReason({ more: sidecar.more }, 'problem', sidecar.why) };
  return { reason: sidecar.reason, message: sidecar.message, ...why };
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
