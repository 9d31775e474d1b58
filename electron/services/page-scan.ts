import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PageScan } from '../../shared/ipc/contract';
import { alignTextLines } from '../../shared/layout/align-text-lines';
import { detectLayoutFormat, importLayout } from '../../shared/layout/detect';
import { layoutCharConfidences, textLineConfidences } from '../../shared/layout/text-line-confidences';
import type { LayoutPage } from '../../shared/layout/types';
import { decodeXmlBytes } from '../../shared/layout/xml-decode';
import { resolveInCorpus } from './confine';
import { baseOf, extensionOf, IMAGE_EXTENSIONS } from './page-files';

/// What opening a page learns about its scan: the scan, or why its layout file could not be read.
export interface PageScanOutcome {
  scan: PageScan | null;
  scanError: string | null;
}

// Layout extensions in order of preference: a page with both .hocr and ALTO .xml shows the hOCR regions.
const LAYOUT_PREFERENCE = ['.hocr', '.xml', '.html'];
// Layout files larger than this are not read while opening a page (a 1,000-line hOCR is well under 1 MB).
const MAX_LAYOUT_BYTES = 64 * 1024 * 1024;

/// Finds the layout companion of page `rel` (same folder, same base name) and links its lines to the page text.
///
/// `.hocr` files are layout files; `.xml` and `.html` files count only when `detectLayoutFormat` recognises them,
/// so unrelated XML beside a page is ignored. Every companion is confined to the corpus like any other path. A
/// malformed layout file gives `scanError` (the importer's message, naming the file and the place) and no scan;
/// the page text is never taken from the layout file here.
export async function readPageScan(root: string, rel: string, originalText: string): Promise<PageScanOutcome> {
  const companions = await companionsOf(root, rel);
  let scanError: string | null = null;
  for (const layoutRel of companions.layouts) {
    const read = await readLayout(root, layoutRel);
    if (read.kind === 'not-layout') continue;
    if (read.kind === 'error') {
      scanError ??= read.message;
      continue;
    }
    return { scan: buildScan(layoutRel, read.page, pickImage(companions.images, read.page.image), originalText), scanError: null };
  }
  return { scan: null, scanError };
}

interface Companions {
  layouts: string[];
  images: string[];
}

async function companionsOf(root: string, rel: string): Promise<Companions> {
  const slash = rel.lastIndexOf('/');
  const prefix = slash < 0 ? '' : rel.slice(0, slash + 1);
  const base = baseOf(rel);
  const names = await listFolder(root, prefix === '' ? null : prefix.slice(0, -1));
  const siblings = names.map((name) => prefix + name).filter((name) => name !== rel && baseOf(name) === base).sort();
  const rank = (name: string) => LAYOUT_PREFERENCE.indexOf(extensionOf(name).toLowerCase());
  return {
    layouts: siblings.filter((name) => rank(name) >= 0).sort((a, b) => rank(a) - rank(b)),
    images: siblings.filter((name) => (IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(name).toLowerCase())),
  };
}

// The names in a folder of the corpus (null: the root), or none when it cannot be read or leads outside.
async function listFolder(root: string, folderRel: string | null): Promise<string[]> {
  const folder = folderRel === null ? ({ ok: true, value: root } as const) : await resolveInCorpus(root, folderRel);
  if (!folder.ok) return [];
  try {
    return await readdir(folder.value);
  } catch {
    return [];
  }
}

type LayoutRead = { kind: 'page'; page: LayoutPage } | { kind: 'not-layout' } | { kind: 'error'; message: string };

async function readLayout(root: string, layoutRel: string): Promise<LayoutRead> {
  const abs = await resolveInCorpus(root, layoutRel);
  if (!abs.ok) return { kind: 'not-layout' };
  let bytes: Buffer;
  try {
    bytes = await readFile(abs.value);
  } catch (error) {
    return { kind: 'error', message: `The layout file "${layoutRel}" cannot be read: ${(error as Error).message}` };
  }
  if (bytes.length > MAX_LAYOUT_BYTES) return { kind: 'error', message: `The layout file "${layoutRel}" is too large to show (${bytes.length} bytes).` };
  const xml = decodeXmlBytes(bytes);
  if (extensionOf(layoutRel).toLowerCase() !== '.hocr' && detectLayoutFormat(xml) === null) return { kind: 'not-layout' };
  const imported = importLayout(xml, path.posix.basename(layoutRel));
  return imported.ok ? { kind: 'page', page: imported.value } : { kind: 'error', message: imported.error.message };
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
  const right = Math.max(0, ...lines.map((line) => line.region.x + line.region.width));
  const bottom = Math.max(0, ...lines.map((line) => line.region.y + line.region.height));
  return { layoutFile, image, imageWidth: layout.imageWidth ?? right, imageHeight: layout.imageHeight ?? bottom, lines };
}
