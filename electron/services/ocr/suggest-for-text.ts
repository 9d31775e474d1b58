import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { OcrSuggestRequest, PageScan } from '../../../shared/ipc/contract';
import { unionRegions } from '../../../shared/layout/geometry';
import { computeLineOrigins } from '../../../shared/layout/line-links';
import { computeCorrections } from '../../../shared/model/corrections';
import { ArrangementMap, arrangeText, type TextMove } from '../../../shared/model/moves';
import type { RejectedCorrection } from '../../../shared/model/sidecar-schema';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { CharConfidence, LineBox, OcrSuggestion, RejectedSuggestion, RuleId } from '../../../shared/ocr-assist/types';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { CodePointIndex } from '../../../shared/text/codepoints';
import { corpusFile } from '../disk/confined-fs';
import { readPageScan } from '../scans/page-scan';
import { readPageSource } from '../page/page-source';
import { confidencesOnCorrectedText, scanConfidencesOnOriginal } from '../../../shared/ocr-assist/confidences-on-text';
import { loadErrorProfile } from './error-profile-load';

/// A page's original text and its scan confidences on it, remembered while the files are unchanged.
interface PageConfidences {
  key: string;
  originalText: string;
  confidences: CharConfidence[];
  /// Per line of the original text, its region on the scan (null where no layout line is linked to it).
  lineBoxes: (LineBox | null)[] | null;
}

// The editor asks again after every pause in typing; re-reading and re-aligning the layout file each time would
// be wasted work, so the last few pages' results are kept, keyed by the files' sizes and times.
const cache = new Map<string, PageConfidences>();
const CACHE_PAGES = 8;

/// Suggestions for the editor's current text of a page, with the page's scan confidences mapped onto it.
///
/// `root` is the open corpus (null when none is open; then a request with a path fails with 'no-corpus'). The
/// text is put in NFC. Without a path, or when the page has no layout companion with confidences, the
/// low-confidence rule gets nothing. Rejected suggestions whose quoted text no longer stands at their place are
/// ignored, so a rejection lapses once the text it was about is edited.
///
/// `options.profileFile` names the corpus's cached error profile (see error-profile-store.ts) for the profile rule;
/// it is read again whenever the file changes, and a missing or damaged file simply leaves the rule silent.
export async function suggestForText(root: string | null, request: OcrSuggestRequest, options: { profileFile?: string | null } = {}): Promise<Result<OcrSuggestion[]>> {
  const text = request.text.normalize('NFC');
  let confidences: CharConfidence[] | undefined;
  let lineBoxes: (LineBox | null)[] | undefined;
  if (request.path !== undefined) {
    if (root === null) return failWith('corpus.notOpen');
    const page = await pageConfidences(root, request.path);
    if (!page.ok) return page;
    // The editor's block moves put the original in its reading order; the text is corrected against that.
    const arranged = arrangeText(page.value.originalText, request.moves ?? []);
    const moves = arranged.ok ? (request.moves ?? []) : [];
    const arrangedText = arranged.ok ? arranged.value : page.value.originalText;
    const edited = page.value.originalText !== text || moves.length > 0;
    const corrections = edited && (page.value.confidences.length > 0 || page.value.lineBoxes) ? computeCorrections(arrangedText, text) : [];
    if (page.value.confidences.length > 0) confidences = confidencesOnCorrectedText(confidencesMoved(page.value.confidences, page.value.originalText, moves), corrections);
    // The regions belong to the OCR's lines: each line of the edited text gets the regions of the lines it came
    // from (joined lines, their union).
    const boxes = page.value.lineBoxes;
    if (boxes) lineBoxes = edited ? computeLineOrigins(page.value.originalText, text, corrections, moves).map((from) => unionRegions(from.map((line) => boxes[line] ?? null))) : boxes;
  }
  const rejected = stillStanding(request.rejected ?? [], text);
  // Imported on first use: the dictionary module (a native package's multi-megabyte file) then loads only when
  // suggestions are first asked for, not at every start of the main process.
  const { loadLanguageModel } = await import('./language-model');
  const profile = options.profileFile ? await loadErrorProfile(options.profileFile) : null;
  return ok(
    suggestCorrections(text, {
      model: loadLanguageModel(),
      ...(confidences ? { confidences } : {}),
      ...(lineBoxes ? { lineBoxes } : {}),
      ...(profile ? { errorProfile: { profile } } : {}),
      rejected,
    }),
  );
}

async function pageConfidences(root: string, rel: string): Promise<Result<PageConfidences>> {
  const pageAbs = await corpusFile(root, rel);
  if (!pageAbs.ok) return pageAbs;
  const key = await filesKey(pageAbs.value.abs);
  const cached = cache.get(pageAbs.value.abs);
  if (cached && key !== null && cached.key === key) return ok(cached);

  const source = await readPageSource(pageAbs.value, rel);
  if (!source.ok) return source;
  const { scan } = await readPageScan(root, rel, source.value);
  const entry: PageConfidences = {
    key: key ?? '',
    originalText: source.value.originalText,
    confidences: scan ? scanConfidencesOnOriginal(source.value.originalText, scan) : [],
    lineBoxes: scan ? lineBoxesOf(source.value.originalText, scan) : null,
  };
  if (key !== null) {
    cache.delete(pageAbs.value.abs);
    cache.set(pageAbs.value.abs, entry);
    if (cache.size > CACHE_PAGES) cache.delete(cache.keys().next().value!);
  }
  return ok(entry);
}

// Size and modification time of the page file and of its folder: adding, removing or atomically replacing a
// layout file changes the folder's time. A layout file rewritten in place is not noticed until the app restarts
// or the page file changes; OCR output is written once, so that is accepted. Only a cache key: the files
// themselves are read through verified handles (readPageSource, readPageScan).
async function filesKey(pageAbs: string): Promise<string | null> {
  try {
    const [page, folder] = await Promise.all([stat(pageAbs), stat(path.dirname(pageAbs))]);
    return `${page.size}:${page.mtimeMs}:${folder.mtimeMs}`;
  } catch {
    return null;
  }
}

// Confidences on the original, carried with their characters to the arranged original (sorted by start).
function confidencesMoved(confidences: readonly CharConfidence[], originalText: string, moves: readonly TextMove[]): CharConfidence[] {
  if (moves.length === 0) return [...confidences];
  const map = ArrangementMap.of(new CodePointIndex(originalText).length, moves);
  return confidences
    .flatMap((c) => map.arrangedRanges(c.start, c.end).map((r) => ({ ...c, start: r.from, end: r.to })))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

function stillStanding(rejected: readonly RejectedCorrection[], text: string): RejectedSuggestion[] {
  if (rejected.length === 0) return [];
  const index = new CodePointIndex(text);
  return rejected
    .filter((r) => r.end >= r.start && r.end <= index.length && text.slice(index.toUtf16(r.start), index.toUtf16(r.end)) === r.text)
    // A rule name this build does not know simply never matches a suggestion.
    .map((r) => ({ start: r.start, end: r.end, replacement: r.replacement, rule: r.rule as RuleId }));
}

/// Per line of `originalText`, the region of the layout lines linked to it on the scan (their union), or null.
export function lineBoxesOf(originalText: string, scan: Pick<PageScan, 'lines'>): (LineBox | null)[] {
  const linked: LineBox[][] = originalText.split('\n').map(() => []);
  for (const line of scan.lines) if (line.textLine !== null && line.textLine < linked.length) linked[line.textLine]!.push(line.region);
  return linked.map((boxes) => unionRegions(boxes));
}
