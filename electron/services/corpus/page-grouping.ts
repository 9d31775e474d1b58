import { openInCorpus, type CorpusFile } from '../disk/confined-fs';
import type { TextSource } from '../../../shared/ipc/contract';
import { detectLayoutFormat } from '../../../shared/layout/detect';
import type { LayoutFormat } from '../../../shared/layout/types';
import { decodeXmlBytes } from '../../../shared/layout/xml-decode';
import type { SourceFormat } from '../../../shared/model/sidecar-schema';
import { extensionOf, LAYOUT_EXTENSIONS } from '../../../shared/model/page-files';

/// The source format of a layout format (PAGE XML is 'page-xml' in sidecars).
export function sourceFormatOf(format: LayoutFormat): SourceFormat {
  return format === 'page' ? 'page-xml' : format;
}

// Among several layout files of one page, PAGE XML (reading order, polygons) wins over ALTO, ALTO over hOCR.
const LAYOUT_RANK: Record<string, number> = { 'page-xml': 0, alto: 1, hocr: 2 };

/// Sorts layout sources best first: PAGE XML, then ALTO, then hOCR; ties by name.
export function byLayoutPreference<T extends { name: string; format: SourceFormat }>(a: T, b: T): number {
  return (LAYOUT_RANK[a.format] ?? 9) - (LAYOUT_RANK[b.format] ?? 9) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/// Whether a file name has a layout file extension (.hocr, .xml, .html), any case.
export function hasLayoutExtension(name: string): boolean {
  return (LAYOUT_EXTENSIONS as readonly string[]).includes(extensionOf(name.toLowerCase()));
}

// Enough of the head to see the root element and hOCR's ocr-system / ocr_page markers.
const SNIFF_BYTES = 16 * 1024;

/// Which layout format the corpus file `file` is in, from its first bytes read through a verified handle (see
/// openInCorpus); null when it is none, unreadable, or leads outside the corpus.
///
/// An `.html` or `.hocr` file counts as hOCR only when its head names hOCR (`ocr_page`, `ocr-system`,
/// `ocr-capabilities`), so an unrelated web page beside a `.txt` never takes its place.
export async function sniffLayoutFormat(file: CorpusFile): Promise<SourceFormat | null> {
  let head: Uint8Array;
  try {
    const { handle } = await openInCorpus(file);
    try {
      const buffer = new Uint8Array(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  const text = decodeXmlBytes(head);
  const format = detectLayoutFormat(text);
  if (format === null) return null;
  if (format === 'hocr' && !/ocr_page|ocr-system|ocr-capabilities/.test(text)) return null;
  return sourceFormatOf(format);
}

/// One file of a page group: its name and, for layout files, the format it holds (null: not a layout file).
export interface GroupFile {
  name: string;
  layout: SourceFormat | null;
}

/// A page chosen from a group: the file its text comes from, what that file is, and the group's other files.
export interface GroupedPage {
  page: string;
  source: SourceFormat;
  companions: string[];
}

/// Chooses the page(s) of one group of files sharing a base name.
///
/// With 'layout', the best layout file (PAGE > ALTO > hOCR) is the page and every `.txt` a companion; with
/// 'text', each `.txt` is a page. A group with only layout files is one page either way; a group with neither
/// (images only) has none.
export function choosePages(files: readonly GroupFile[], textSource: TextSource): GroupedPage[] {
  const texts = files.filter((file) => extensionOf(file.name.toLowerCase()) === '.txt');
  const layouts = files.filter((file): file is GroupFile & { layout: SourceFormat } => file.layout !== null).sort((a, b) =>
    byLayoutPreference({ name: a.name, format: a.layout }, { name: b.name, format: b.layout }),
  );
  const others = (page: string) => files.map((file) => file.name).filter((name) => name !== page);
  if (layouts.length > 0 && (textSource === 'layout' || texts.length === 0)) {
    const best = layouts[0]!;
    return [{ page: best.name, source: best.layout, companions: others(best.name) }];
  }
  return texts.map((text) => ({ page: text.name, source: 'text', companions: others(text.name) }));
}
