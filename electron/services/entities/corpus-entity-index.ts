import { corpusFile, openInCorpus } from '../disk/confined-fs';
import type { CorpusEntityEntry, CorpusEntityIndex } from '../../../shared/ipc/contract';
import { parseSidecar } from '../../../shared/model/sidecar-io';
import type { Sidecar } from '../../../shared/model/sidecar-schema';
import { mapLimit } from '../disk/map-limit';
import type { Worded } from '../../../shared/errors/fail-with';
import { osReason } from '../../../shared/errors/os-reason';
import { wordedWithReason } from '../../../shared/errors/with-reason';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { entityKey, pageEntityRejections } from '../../../shared/entities/corpus-rejections';
import { acceptedOcrKeys, pageOcrRejections } from '../../../shared/ocr-assist/corpus-rejections';
import { tallyRejections, type PageRejection } from '../../../shared/learning/rejection-context';

/// The spans of one sidecar as last read, keyed by the sidecar's mtime and size (null: the page had no sidecar).
type CachedPage = CachedSidecar | null;

/// The spans of one sidecar as last read, keyed by the sidecar's mtime and size.
interface CachedSidecar {
  mtimeMs: number;
  size: number;
  spans: { start: number; end: number; type: string; text: string }[];
  /// Why the sidecar cannot be used (then `spans` is empty), worded by id with a reason, else null.
  problem: Worded | null;
  /// Its rejected suggestions with their contexts, and its accepted OCR suggestions (see docs/rejections.md);
  /// worked out when the sidecar is read, so the page text need not be kept.
  decisions?: PageDecisions;
}

/// What one sidecar says about suggestions, for the corpus-wide rejections.
export interface PageDecisions {
  entity: PageRejection[];
  ocr: PageRejection[];
  /// `ocrKey`s of corrections made by accepting a suggestion.
  acceptedOcr: string[];
}

const NO_DECISIONS: PageDecisions = { entity: [], ocr: [], acceptedOcr: [] };

// Files read at once: enough to keep the disk busy, few enough not to run out of file handles.
const READ_CONCURRENCY = 16;

/// Builds the corpus entity index from the sidecars of a corpus, re-reading only sidecars whose mtime or size
/// changed since the last build (one instance per open corpus keeps the cache).
///
/// A full build checks every page's sidecar on disk (one stat each); a quick build checks only the pages named as
/// changed and pages not seen before, and trusts the cache for the rest, so the app can ask after every save.
///
/// Sidecars are read with the schema check only: a sidecar written for other page bytes still quotes its own
/// text, so its spans count. Sidecars that are not JSON, fail the schema or are newer are listed as unreadable.
export class CorpusEntityIndexer {
  private readonly cache = new Map<string, CachedPage>();

  constructor(private readonly root: string) {}

  /// The index over the sidecars of the given pages (relative paths in display order; pages without one are skipped).
  ///
  /// `full` (default true) checks every sidecar; otherwise only pages in `changed` and pages not cached yet.
  async build(pages: readonly string[], options: { full?: boolean; changed?: ReadonlySet<string> } = {}): Promise<CorpusEntityIndex> {
    const full = options.full ?? true;
    const toCheck = full ? pages : pages.filter((page) => !this.cache.has(page) || options.changed?.has(page) === true);
    await mapLimit(toCheck, READ_CONCURRENCY, (page) => this.read(page));
    const live = new Set(pages);
    for (const key of this.cache.keys()) if (!live.has(key)) this.cache.delete(key);
    const index = assembleIndex(pages.map((page) => ({ page, sidecar: this.cache.get(page) })));
    latest.set(this.root, index.rejections);
    return index;
  }

  private async read(page: string): Promise<CachedSidecar | null> {
    // Opened first and verified inside the corpus; the stat and the read go through that handle.
    const file = await corpusFile(this.root, sidecarPathOf(page));
    let handle;
    try {
      if (!file.ok) throw new Error(file.error.message);
      handle = (await openInCorpus(file.value)).handle;
    } catch {
      this.cache.set(page, null);
      return null;
    }
    try {
      const info = await handle.stat();
      const cached = this.cache.get(page);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
      let entry: CachedSidecar;
      try {
        const parsed = parseSidecar((await handle.readFile()).toString('utf8'));
        entry =
          parsed.kind === 'ok'
            ? {
                mtimeMs: info.mtimeMs,
                size: info.size,
                spans: parsed.sidecar.entities.map(({ start, end, type, text }) => ({ start, end, type, text })),
                problem: null,
                decisions: decisionsOf(parsed.sidecar),
              }
            : { mtimeMs: info.mtimeMs, size: info.size, spans: [], problem: wordedWithReason('entityIndex.sidecarUnusable', { path: page }, parsed.reason, parsed.message) };
      } catch (error) {
        entry = { mtimeMs: info.mtimeMs, size: info.size, spans: [], problem: wordedWithReason('entityIndex.sidecarUnreadable', { path: page }, osReason(error), (error as Error).message) };
      }
      this.cache.set(page, entry);
      return entry;
    } catch {
      this.cache.set(page, null);
      return null;
    } finally {
      await handle.close();
    }
  }
}

// The rejections of the latest index built for each corpus root, for the OCR suggestions (ocr.suggest applies them
// as they stand after the renderer's last index request: on opening a page, after each save, after a refresh).
const latest = new Map<string, CorpusEntityIndex['rejections']>();

/// The corpus-wide rejections as of the latest index built for `root`, or null before the first build.
export function latestCorpusRejections(root: string): CorpusEntityIndex['rejections'] | null {
  return latest.get(root) ?? null;
}

interface Accumulator {
  text: string;
  count: number;
  types: Map<string, number>;
  /// Per page: the first start and the span count.
  pages: Map<string, { start: number; count: number }>;
}

/// Groups the spans of all pages by their text (pages keep the order given).
export function assembleIndex(read: readonly { page: string; sidecar: Pick<CachedSidecar, 'spans' | 'problem' | 'decisions'> | null | undefined }[]): CorpusEntityIndex {
  const byText = new Map<string, Accumulator>();
  const typeTotals = new Map<string, number>();
  const unreadable: CorpusEntityIndex['unreadable'] = [];
  let sidecars = 0;
  for (const { page, sidecar } of read) {
    if (!sidecar) continue;
    sidecars++;
    if (sidecar.problem !== null) unreadable.push({ path: page, ...sidecar.problem });
    for (const span of sidecar.spans) {
      let acc = byText.get(span.text);
      if (!acc) byText.set(span.text, (acc = { text: span.text, count: 0, types: new Map(), pages: new Map() }));
      acc.count++;
      acc.types.set(span.type, (acc.types.get(span.type) ?? 0) + 1);
      typeTotals.set(span.type, (typeTotals.get(span.type) ?? 0) + 1);
      const onPage = acc.pages.get(page);
      if (onPage) {
        onPage.count++;
        onPage.start = Math.min(onPage.start, span.start);
      } else acc.pages.set(page, { start: span.start, count: 1 });
    }
  }
  const entries: CorpusEntityEntry[] = [];
  // No prototype, so an entity text such as "__proto__" is an ordinary key.
  const known = Object.create(null) as Record<string, string>;
  for (const acc of byText.values()) {
    // Most frequent first; a stable sort keeps first-seen order among equals, so ties go to the type seen first.
    const types = [...acc.types].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count);
    known[acc.text] = types[0]!.type;
    entries.push({
      text: acc.text,
      types,
      count: acc.count,
      pages: [...acc.pages].map(([page, { start, count }]) => ({ path: page, start, count })),
    });
  }
  entries.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const typesInUse = [...typeTotals].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count);
  return { entries, known, typesInUse, sidecars, unreadable, rejections: assembleRejections(read.map(({ sidecar }) => sidecar?.decisions ?? NO_DECISIONS), byText) };
}

/// The rejections of a sidecar with their contexts (on its corrected text), and its accepted OCR suggestions.
export function decisionsOf(sidecar: { text: string; corrections: PageDecisionSource['corrections']; rejectedEntities: PageDecisionSource['rejectedEntities']; rejectedCorrections: PageDecisionSource['rejectedCorrections'] }): PageDecisions {
  // The places are code points on the stored text (NFC, as the app writes it), so it is used as it is.
  return {
    entity: pageEntityRejections(sidecar.text, sidecar.rejectedEntities),
    ocr: pageOcrRejections(sidecar.text, sidecar.rejectedCorrections),
    acceptedOcr: acceptedOcrKeys(sidecar.corrections),
  };
}

type PageDecisionSource = Pick<Sidecar, 'corrections' | 'rejectedEntities' | 'rejectedCorrections'>;

// Entity acceptances are the spans (already grouped by text and type); OCR acceptances the rule-made corrections.
function assembleRejections(pages: readonly PageDecisions[], byText: ReadonlyMap<string, Accumulator>): CorpusEntityIndex['rejections'] {
  const entityAccepted = function* () {
    for (const acc of byText.values()) for (const [type, count] of acc.types) yield [entityKey(acc.text, type), count] as const;
  };
  const ocrAccepted = function* () {
    for (const page of pages) for (const key of page.acceptedOcr) yield [key, 1] as const;
  };
  return {
    entities: tallyRejections(pages.map((page) => page.entity), entityAccepted()),
    ocr: tallyRejections(pages.map((page) => page.ocr), ocrAccepted()),
  };
}
