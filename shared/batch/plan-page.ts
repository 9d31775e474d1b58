import type { BatchScope } from '../ipc/contract';
import { expandReplacement } from './replacement-template';
import { computeCorrections, CorrectionMap } from '../model/corrections';
import type { Correction } from '../model/sidecar-schema';
import { ok, type Result } from '../result';
import { failWith } from '../errors/fail-with';
import { CodePointIndex, cpLength } from '../text/codepoints';
import type { MatchFinder } from './match-list';
import type { CompiledQuery } from './query';

/// The change a batch makes to one page's corrected text.
export interface PagePlan {
  /// The corrected text after the replacement.
  text: string;
  /// The replacements as corrections on the corrected text before it (code points), sorted.
  edits: Correction[];
  /// Ticked hits left alone because the editor had already corrected that place (original scope only).
  alreadyCorrected: number;
}

/// Works out how the ticked hits of one page change its corrected text.
///
/// The query is run again on the page's text as it is now, and every ticked hit must still be one of its matches
/// (else 'sidecar-changed': the page was changed since the search). In the original scope a hit is an original
/// place: it is carried onto the corrected text through the page's corrections, and left alone when a
/// correction already touches it.
export function planPageReplacement(
  page: { original: string; corrected: string },
  scope: BatchScope,
  query: CompiledQuery,
  ticked: readonly { start: number; end: number }[],
  findMatches: MatchFinder,
): Result<PagePlan> {
  const searched = scope === 'corrected' ? page.corrected : page.original;
  const found = findMatches(query, [searched], Number.MAX_SAFE_INTEGER);
  if (!found.ok) return found;
  const index = new CodePointIndex(searched);
  const byRange = new Map<string, string>();
  for (const m of found.value.matches) {
    const match = searched.slice(m.index, m.index + m.length);
    const replacement = query.mode === 'regex' ? expandReplacement(query.replacement, { match, groups: m.groups, ...(m.named ? { named: m.named } : {}) }) : query.replacement;
    byRange.set(`${index.toCp(m.index)}:${index.toCp(m.index + m.length)}`, replacement);
  }
  const missing = ticked.filter((h) => !byRange.has(`${h.start}:${h.end}`));
  if (missing.length > 0) {
    return failWith('batch.hitsMoved', { count: missing.length });
  }

  const sorted = [...ticked].sort((a, b) => a.start - b.start);
  const corrections = scope === 'original' && page.corrected !== page.original ? computeCorrections(page.original, page.corrected) : [];
  const map = new CorrectionMap(corrections);
  const correctedIndex = scope === 'corrected' ? index : new CodePointIndex(page.corrected);
  const edits: Correction[] = [];
  let alreadyCorrected = 0;
  for (const hit of sorted) {
    let start = hit.start;
    if (scope === 'original') {
      if (corrections.some((c) => touches(c, hit))) {
        alreadyCorrected++;
        continue;
      }
      start = map.toCorrected(hit.start, 1);
    }
    const end = start + (hit.end - hit.start);
    const original = page.corrected.slice(correctedIndex.toUtf16(start), correctedIndex.toUtf16(end));
    const corrected = byRange.get(`${hit.start}:${hit.end}`)!;
    if (original !== corrected) edits.push(trimmed({ start, end, original, corrected }));
  }
  return ok({ text: applyEdits(page.corrected, correctedIndex, edits), edits, alreadyCorrected });
}

// The edit without the code points it leaves as they are at either end (己经 → 已经 becomes 己 → 已), so
// entity spans and rejected suggestions next to the changed characters are not disturbed.
function trimmed(edit: Correction): Correction {
  const from = Array.from(edit.original);
  const to = Array.from(edit.corrected);
  let head = 0;
  while (head < from.length && head < to.length && from[head] === to[head]) head++;
  let tail = 0;
  while (tail < from.length - head && tail < to.length - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  return {
    start: edit.start + head,
    end: edit.end - tail,
    original: from.slice(head, from.length - tail).join(''),
    corrected: to.slice(head, to.length - tail).join(''),
  };
}

// Does correction `c` (original offsets) change any character of the hit, or insert text inside it?
function touches(c: Correction, hit: { start: number; end: number }): boolean {
  if (c.start === c.end) return c.start > hit.start && c.start < hit.end;
  return c.start < hit.end && c.end > hit.start;
}

function applyEdits(text: string, index: CodePointIndex, edits: readonly Correction[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, index.toUtf16(e.start)), e.corrected);
    at = index.toUtf16(e.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/// Where a stored place [start, end) of the old text lies after the edits, or null when an edit touched it.
///
/// For rejected suggestions: a place whose text was changed by the batch no longer holds what was rejected.
/// `edits` are sorted corrections on the old text; an empty place (an insertion point) is touched by an edit
/// that covers it strictly.
export function shiftPlace(start: number, end: number, edits: readonly Correction[]): { start: number; end: number } | null {
  let delta = 0;
  for (const e of edits) {
    const touched = start === end ? e.start < start && e.end > start : e.start === e.end ? e.start > start && e.start < end : e.start < end && e.end > start;
    if (touched) return null;
    // Edits are sorted and this one does not touch the place: it lies wholly before it (an insertion at its start
    // included, which puts the inserted text before it) or wholly after it.
    if (e.end > start) break;
    delta += cpLength(e.corrected) - (e.end - e.start);
  }
  return { start: start + delta, end: end + delta };
}
