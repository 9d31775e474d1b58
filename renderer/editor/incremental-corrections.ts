import type { Node as PmNode } from 'prosemirror-model';
import { CorrectionMap, computeCorrections } from '../../shared/model/corrections';
import type { Correction } from '../../shared/model/sidecar-schema';
import { CodePointIndex } from '../../shared/text/codepoints';
import { cpToPmPos, docCpLength, lineStartCp, textFromDoc } from './text-doc';

/// The original text with a code-point index, built once per page.
export interface IndexedOriginal {
  readonly text: string;
  readonly index: CodePointIndex;
}

/// Indexes an original text for `updateCorrections`.
export function indexOriginal(text: string): IndexedOriginal {
  return { text, index: new CodePointIndex(text) };
}

/// The corrections of `doc` against the original, from scratch (diffs the whole page).
export function correctionsOf(original: IndexedOriginal, doc: PmNode): Correction[] {
  return computeCorrections(original.text, textFromDoc(doc));
}

/// Known corrections (from a sidecar) if they turn the original into the text of `doc`, otherwise null.
///
/// Compares slices of the two strings without building the corrected text, a few milliseconds on a
/// 200,000-character page, where a whole-page diff takes over 100 ms.
export function checkedCorrections(original: IndexedOriginal, doc: PmNode, corrections: readonly Correction[]): Correction[] | null {
  const text = textFromDoc(doc);
  const { index } = original;
  let origAt = 0; // code points
  let textAt = 0; // UTF-16 units of `text`
  for (const c of corrections) {
    if (c.start < origAt || c.end < c.start || c.end > index.length) return null;
    const equalFrom = index.toUtf16(origAt);
    const equalTo = index.toUtf16(c.start);
    const equalLength = equalTo - equalFrom;
    if (!sameSlice(original.text, equalFrom, text, textAt, equalLength)) return null;
    if (original.text.slice(equalTo, index.toUtf16(c.end)) !== c.original) return null;
    textAt += equalLength;
    if (text.slice(textAt, textAt + c.corrected.length) !== c.corrected) return null;
    textAt += c.corrected.length;
    origAt = c.end;
  }
  const restFrom = index.toUtf16(origAt);
  const restLength = original.text.length - restFrom;
  if (text.length - textAt !== restLength || !sameSlice(original.text, restFrom, text, textAt, restLength)) return null;
  return [...corrections];
}

function sameSlice(a: string, aFrom: number, b: string, bFrom: number, length: number): boolean {
  return a.slice(aFrom, aFrom + length) === b.slice(bFrom, bFrom + length);
}

/// The re-diffed stretch of an update: corrected-text code points [from, to) of the new document, where it
/// starts in the original, and the corrections that fall in it (original offsets).
export interface RediffWindow {
  from: number;
  to: number;
  originalFrom: number;
  corrections: Correction[];
}

/// The result of `rediffChanged`: all corrections of the new document, and the window that was re-diffed
/// (null when no line changed).
export interface CorrectionsUpdate {
  corrections: Correction[];
  window: RediffWindow | null;
}

/// The corrections of `doc`, given those of an earlier document `prevDoc`, re-diffing only what changed.
///
/// See `rediffChanged`; this returns just the corrections.
export function updateCorrections(
  original: IndexedOriginal,
  prevDoc: PmNode,
  prevCorrections: readonly Correction[],
  doc: PmNode,
): Correction[] {
  return rediffChanged(original, prevDoc, prevCorrections, doc).corrections;
}

/// Re-diffs the lines that changed between `prevDoc` and `doc`, keeping the other corrections.
///
/// Lines untouched since `prevDoc` (the same node objects) are found from both ends; the changed stretch is widened to
/// whole original lines and to every correction it touches, and only that window is diffed again. Corrections
/// outside the window are kept as they were. On a 200,000-character page this turns the idle recompute from a
/// whole-page diff (over 100 ms) into a diff of a few lines.
export function rediffChanged(
  original: IndexedOriginal,
  prevDoc: PmNode,
  prevCorrections: readonly Correction[],
  doc: PmNode,
): CorrectionsUpdate {
  const count0 = prevDoc.childCount;
  const count1 = doc.childCount;
  const shorter = Math.min(count0, count1);
  let prefix = 0;
  // Identity, not equality: a line that was edited and typed back to the same text still lost the highlights
  // the edit mapped away, so it must be re-diffed. Lines no step touched are shared by the two documents.
  while (prefix < shorter && prevDoc.child(prefix) === doc.child(prefix)) prefix++;
  if (prefix === count0 && count0 === count1) return { corrections: [...prevCorrections], window: null };
  let suffix = 0;
  while (suffix < shorter - prefix && prevDoc.child(count0 - 1 - suffix) === doc.child(count1 - 1 - suffix)) suffix++;

  // The changed stretch in code points: the old text and the new one agree before `from` and after it.
  const total0 = docCpLength(prevDoc);
  const total1 = docCpLength(doc);
  // When the new document is a prefix of the old one, the old text has a line break the new one lacks at the end
  // of the shared lines, so the changed stretch starts at that break.
  const from = prefix === count0 ? total0 : prefix === count1 ? lineStartCp(prevDoc, prefix) - 1 : lineStartCp(prevDoc, prefix);
  const to0 = suffix > 0 ? lineStartCp(prevDoc, count0 - suffix) : total0;

  const map = new CorrectionMap(prevCorrections);
  const [origFrom, origTo] = widen(original, prevCorrections, map.toOriginal(from, -1), map.toOriginal(to0, 1));
  const corrFrom = map.toCorrected(origFrom, -1);
  const corrTo1 = map.toCorrected(origTo, 1) + (total1 - total0);

  const origWindow = original.text.slice(original.index.toUtf16(origFrom), original.index.toUtf16(origTo));
  const newWindow = doc.textBetween(cpToPmPos(doc, corrFrom), cpToPmPos(doc, corrTo1), '\n');
  const windowCorrections = computeCorrections(origWindow, newWindow).map((c) => ({ ...c, start: c.start + origFrom, end: c.end + origFrom }));

  return {
    corrections: [
      ...prevCorrections.filter((c) => c.end < origFrom),
      ...windowCorrections,
      ...prevCorrections.filter((c) => c.start > origTo),
    ],
    window: { from: corrFrom, to: corrTo1, originalFrom: origFrom, corrections: windowCorrections },
  };
}

// Widens [from, to) (original code points) until it starts and ends on original line boundaries and contains
// every correction it touches, so the window's diff cannot conflict with the corrections kept outside it.
function widen(original: IndexedOriginal, corrections: readonly Correction[], from: number, to: number): [number, number] {
  for (;;) {
    let changed = false;
    const lineFrom = lineStartAt(original, from);
    const lineTo = lineEndAt(original, to);
    if (lineFrom !== from || lineTo !== to) changed = true;
    from = lineFrom;
    to = lineTo;
    for (const c of corrections) {
      if (c.end < from || c.start > to) continue;
      if (c.start < from) {
        from = c.start;
        changed = true;
      }
      if (c.end > to) {
        to = c.end;
        changed = true;
      }
    }
    if (!changed) return [from, to];
  }
}

function lineStartAt(original: IndexedOriginal, cp: number): number {
  const unit = original.index.toUtf16(cp);
  // lastIndexOf clamps a negative start to 0 and would find a break at index 0 itself.
  if (unit === 0) return 0;
  return original.index.toCp(original.text.lastIndexOf('\n', unit - 1) + 1);
}

function lineEndAt(original: IndexedOriginal, cp: number): number {
  const unit = original.index.toUtf16(cp);
  const end = original.text.indexOf('\n', unit);
  return end === -1 ? original.index.length : original.index.toCp(end);
}
