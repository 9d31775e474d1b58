import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { PageScan } from '../../../shared/ipc/contract';
import { alignTextLines } from '../../../shared/layout/align-text-lines';
import { importLayout } from '../../../shared/layout/detect';
import { layoutCharConfidences, textLineConfidences } from '../../../shared/layout/text-line-confidences';
import type { LayoutPage } from '../../../shared/layout/types';
import { decodeXmlBytes } from '../../../shared/layout/xml-decode';
import { corpusFile, isOutside, readdirInCorpus, readFileInCorpus } from '../disk/confined-fs';
import { baseOf, extensionOf, IMAGE_EXTENSIONS } from '../../../shared/model/page-files';
import { byLayoutPreference, hasLayoutExtension, sniffLayoutFormat } from '../corpus/page-grouping';
import type { PageSource } from '../page/page-source';
import { maxOf } from '../../../shared/push-all';
import { worded, wordedOfError, type Worded } from '../../../shared/errors/fail-with';
import { withReason } from '../../../shared/errors/reasons';

/// What opening a page learns about its scan: the scan, or why its layout file could not be read.
export interface PageScanOutcome {
  scan: PageScan | null;
  scanError: Worded | null;
}

// Layout files larger than this are not read while opening a page (a 1,000-line hOCR is well under 1 MB).
const MAX_LAYOUT_BYTES = 64 * 1024 * 1024;

/// Finds the scan of page `rel`: its layout (the page file itself when the text comes from a layout file, else
/// the best layout companion: PAGE > ALTO > hOCR) and its image, and links the layout lines to the page text.
///
/// `companions` are the page group's other files from the corpus scan; when not given (command line, tests) the
/// page's folder is read to find them. Layout companions count only when their head shows a layout format, so
/// unrelated XML beside a page is ignored. Every companion is confined to the corpus like any other path. A
/// malformed layout companion gives `scanError` (the importer's message, naming the file and the place) and no
/// scan.
export async function readPageScan(root: string, rel: string, source: PageSource, companions?: readonly string[]): Promise<PageScanOutcome> {
  const siblings = companions ?? (await siblingsOf(root, rel));
  const images = siblings.filter((name) => (IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(name).toLowerCase()));
  if (source.layout !== null) {
    return { scan: buildScan(rel, source.layout, pickImage(images, source.layout.image), source.originalText), scanError: null };
  }
  let scanError: Worded | null = null;
  for (const layoutRel of await layoutCompanions(root, siblings)) {
    const read = await readLayout(root, layoutRel);
    if (read.kind === 'error') {
      scanError ??= read.why;
      continue;
    }
    return { scan: buildScan(layoutRel, read.page, pickImage(images, read.page.image), source.originalText), scanError: null };
  }
  return { scan: null, scanError };
}

// The layout companions among `siblings` that look like layout files, best first.
async function layoutCompanions(root: string, siblings: readonly string[]): Promise<string[]> {
  const found: { name: string; format: NonNullable<Awaited<ReturnType<typeof sniffLayoutFormat>>> }[] = [];
  for (const name of siblings.filter(hasLayoutExtension)) {
    const abs = await corpusFile(root, name);
    const format = abs.ok ? await sniffLayoutFormat(abs.value) : null;
    // A .hocr that does not even look like hOCR is still tried, so its problem is reported rather than hidden.
    if (format !== null) found.push({ name, format });
    else if (abs.ok && extensionOf(name).toLowerCase() === '.hocr') found.push({ name, format: 'hocr' });
  }
  return found.sort(byLayoutPreference).map((entry) => entry.name);
}

/// The files beside page `rel` with the same base name (relative paths, sorted), read from its folder.
export async function siblingsOf(root: string, rel: string): Promise<string[]> {
  const slash = rel.lastIndexOf('/');
  const prefix = slash < 0 ? '' : rel.slice(0, slash + 1);
  const base = baseOf(rel);
  const names = await listFolder(root, prefix === '' ? null : prefix.slice(0, -1));
  return names.map((name) => prefix + name).filter((name) => name !== rel && baseOf(name) === base).sort();
}

// The names in a folder of the corpus (null: the root), or none when it cannot be read or leads outside.
async function listFolder(root: string, folderRel: string | null): Promise<string[]> {
  try {
    return await readdirInCorpus(await realpath(root), folderRel);
  } catch {
    return [];
  }
}

type LayoutRead = { kind: 'page'; page: LayoutPage } | { kind: 'error'; why: Worded };

async function readLayout(root: string, layoutRel: string): Promise<LayoutRead> {
  const abs = await corpusFile(root, layoutRel);
  if (!abs.ok) return { kind: 'error', why: wordedOfError(abs.error) };
  let bytes: Buffer;
  try {
    bytes = await readFileInCorpus(abs.value);
  } catch (error) {
    if (isOutside(error)) return { kind: 'error', why: worded('layout.outside', { path: layoutRel }) };
    return { kind: 'error', why: worded('layout.unreadable', { path: layoutRel }, `The layout file "${layoutRel}" cannot be read: ${(error as Error).message}`) };
  }
  if (bytes.length > MAX_LAYOUT_BYTES) return { kind: 'error', why: worded('layout.tooLarge', { path: layoutRel, size: bytes.length }) };
  const imported = importLayout(decodeXmlBytes(bytes), path.posix.basename(layoutRel));
  // The importer's reason (naming the place in the file) is worded on screen in the UI language.
  return imported.ok ? { kind: 'page', page: imported.value } : { kind: 'error', why: worded('layout.invalid', withReason({ path: layoutRel }, 'problem', imported.error.reason)) };
}

// The image the layout file names when it is among the companions, else the first image companion.
function pickImage(images: readonly string[], named: string | null): string | null {
  const namedBase = named === null ? null : named.split(/[\\/]/).pop()!;
  return images.find((image) => image.split('/').pop() === namedBase) ?? images[0] ?? null;
}

function buildScan(layoutFile: string, layout: LayoutPage, image: string | null, originalText: string): PageScan {
  const textLines = originalText.split('\n');
  const links = alignTextLines(textLines, layout.lines.map((line) => line.text));
  const lines: PageScan['lines'] = [];
  layout.lines.forEach((line, i) => {
    if (line.region === null) return;
    const textLine = links[i] ?? null;
    const scanLine: PageScan['lines'][number] = { textLine, region: { ...line.region }, confidence: line.confidence };
    const confidences = textLine === null ? null : textLineConfidences(line.text, layoutCharConfidences(line), textLines[textLine]!);
    if (confidences !== null) scanLine.charConfidences = confidences;
    lines.push(scanLine);
  });
  const right = Math.max(0, maxOf(lines.map((line) => line.region.x + line.region.width)));
  const bottom = Math.max(0, maxOf(lines.map((line) => line.region.y + line.region.height)));
  return { layoutFile, image, imageWidth: layout.imageWidth ?? right, imageHeight: layout.imageHeight ?? bottom, lines };
}
