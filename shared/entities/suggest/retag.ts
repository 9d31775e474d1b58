import { packTaggedWords, unpackTaggedWords, type TaggedPage } from './page-request';
import type { TaggedWord } from './types';

/// The lines of `text` that differ from `page.text`, as UTF-16 offsets on both texts, at line starts and ends.
export interface ChangedLines {
  /// Where the changed lines start (the same offset in both texts: everything before is equal).
  start: number;
  /// Where they end in the old text and in the new one (everything after is equal).
  oldEnd: number;
  newEnd: number;
}

/// The changed lines between two texts: the longest common run of whole lines at the start and at the end are left
/// out. Null when the texts are equal.
export function changedLines(oldText: string, newText: string): ChangedLines | null {
  if (oldText === newText) return null;
  let prefix = 0;
  const max = Math.min(oldText.length, newText.length);
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  // Back to the start of the line the first difference is on.
  const start = oldText.lastIndexOf('\n', prefix - 1) + 1;
  let suffix = 0;
  while (suffix < max - start && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  // Forward to the end of the line the last difference is on (the `\n` that ends it stays in the equal part).
  const oldLast = oldText.length - suffix;
  const lineEnd = oldText.indexOf('\n', oldLast);
  const keptAfter = lineEnd === -1 ? 0 : oldText.length - lineEnd;
  return { start, oldEnd: oldText.length - keptAfter, newEnd: newText.length - keptAfter };
}

/// The tagged words of `newText`: the old page's words outside the changed lines, `changedWords` (the tagger's words
/// for `newText.slice(changed.start, changed.newEnd)`) in between.
///
/// Null when the old words do not break exactly at the changed lines' edges (a word running over a line break),
/// so the caller tags the whole text instead.
export function spliceTaggedWords(page: TaggedPage, newText: string, changed: ChangedLines, changedWords: readonly TaggedWord[]): TaggedPage | null {
  const before: TaggedWord[] = [];
  const after: TaggedWord[] = [];
  let at = 0;
  let startsOnEdge = changed.start === 0;
  let endsOnEdge = changed.oldEnd === page.text.length;
  for (const word of unpackTaggedWords(page)) {
    const end = at + word.word.length;
    if (end <= changed.start) before.push(word);
    else if (at >= changed.oldEnd) after.push(word);
    if (end === changed.start) startsOnEdge = true;
    if (at === changed.oldEnd) endsOnEdge = true;
    at = end;
  }
  if (at !== page.text.length || !startsOnEdge || !endsOnEdge) return null;
  return packTaggedWords(newText, [...before, ...changedWords, ...after]);
}
