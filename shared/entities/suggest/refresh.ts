import { CodePointIndex } from '../../text/codepoints';
import type { SpanEdit } from '../spans';
import { suggestEntities, type SuggestOptions } from './index';
import { mergeSuggestions, withoutTaggedOrRejected } from './merge';
import { namesToRepeat } from './repeat';
import type { EntitySuggestion } from './types';
import { applyCorpusEntityDecisions } from '../corpus-rejections';

/// Updates a page's suggestions after one edit by re-running the suggesters only around it.
///
/// Suggestions away from the edit are shifted; those on the edited lines are recomputed from those lines plus
/// one line of context on each side (so names wrapped across a line break are still seen), keeping only new
/// suggestions that touch the edited lines. This keeps a keystroke's refresh independent of the page length.
/// `previous` are the suggestions on the text before the edit; `text` is the text after it.
export function refreshSuggestions(
  text: string,
  previous: readonly EntitySuggestion[],
  edit: SpanEdit,
  options: SuggestOptions = {},
): EntitySuggestion[] {
  const index = new CodePointIndex(text);
  const editEnd = edit.start + edit.insertedLength;
  const delta = edit.insertedLength - (edit.end - edit.start);
  // The edited lines ("core") and the lines around them ("window"), each capped so that a page without line
  // breaks does not make every keystroke re-read the whole page.
  const coreStart = Math.max(index.toCp(lineStart(text, index.toUtf16(edit.start))), edit.start - MAX_REACH);
  const coreEnd = Math.min(index.toCp(lineEnd(text, index.toUtf16(editEnd))), editEnd + MAX_REACH);
  const windowStart = Math.max(index.toCp(lineStart(text, Math.max(0, index.toUtf16(coreStart) - 1))), coreStart - MAX_REACH);
  const windowEnd = Math.min(index.toCp(lineEnd(text, Math.min(text.length, index.toUtf16(coreEnd) + 1))), coreEnd + MAX_REACH);
  const core = { start: coreStart, end: coreEnd };
  const windowFrom = index.toUtf16(windowStart);
  const windowTo = index.toUtf16(windowEnd);

  const kept: EntitySuggestion[] = [];
  for (const s of previous) {
    if (s.end <= edit.start) {
      if (s.end < core.start || s.start >= core.end) kept.push(s);
    } else if (s.start >= edit.end) {
      const moved = { ...s, start: s.start + delta, end: s.end + delta };
      if (moved.end < core.start || moved.start >= core.end) kept.push(moved);
    }
  }
  // Names found elsewhere on the page (not on the re-read lines, which are read afresh) are looked for there too,
  // as a full run would.
  const pageNames = namesToRepeat(kept);
  for (const [name, type] of options.pageNames ?? []) if (!pageNames.has(name)) pageNames.set(name, type);
  // The corpus's decisions are applied on the whole text: a context reaching past the re-read lines stays whole.
  // (Here after the window's merge, so a name inside a dropped one waits for the next whole-page run.)
  const read = suggestEntities(text.slice(windowFrom, windowTo), { ...options, pageNames, existing: undefined, rejected: undefined, corpusDecisions: undefined })
    .map((s) => ({ ...s, start: s.start + windowStart, end: s.end + windowStart }))
    .filter((s) => s.end >= core.start && s.start <= core.end);
  const local = applyCorpusEntityDecisions(text, read, options.corpusDecisions);
  // The kept suggestions are already merged; only the few fresh ones need filtering, and a fresh one wins over
  // a kept one it overlaps because it was computed on the current text.
  const fresh = mergeSuggestions(local, { existing: options.existing, rejected: options.rejected });
  const result: EntitySuggestion[] = [];
  let f = 0;
  // Spans tagged or suggestions rejected since the last refresh also apply to the kept suggestions.
  for (const s of withoutTaggedOrRejected(kept, options)) {
    while (f < fresh.length && fresh[f]!.start <= s.start) result.push(fresh[f++]!);
    if (!fresh.some((n) => n.start < s.end && s.start < n.end)) result.push(s);
  }
  while (f < fresh.length) result.push(fresh[f++]!);
  return result;
}

/// How far, in code points, a refresh looks beyond the edit when lines are long.
const MAX_REACH = 200;

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const next = text.indexOf('\n', at);
  return next === -1 ? text.length : next;
}
