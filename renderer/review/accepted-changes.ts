import type { Node as PmNode } from 'prosemirror-model';
import type { AcceptedRange } from '../../shared/model/correction-rules';
import { CorrectionMap } from '../../shared/model/corrections';
import type { Correction } from '../../shared/model/sidecar-schema';
import { CodePointIndex } from '../../shared/text/codepoints';
import { cpToPmPos, pmPosToCp, textFromDoc } from '../editor/text-doc';
import type { PositionMapper } from './many-steps';

/// A stretch of text changed by accepting an OCR suggestion, held by the review plugin while the page is open.
///
/// `from`/`to` are ProseMirror positions in the current document, mapped through every edit; `before` is what
/// the stretch held before the change. The change counts as in effect while the stretch holds something else, so
/// an undo of the accept (which puts `before` back) takes its rule away and a redo brings it back.
export interface AcceptedChange {
  from: number;
  to: number;
  rule: string;
  before: string;
}

/// The transaction meta key under which an accept lists the changes it made (`AcceptedChange[]`, positions in
/// the transaction's resulting document).
export const ACCEPTED_META = 'jiaodui-ocr-accepted';

/// Moves an accepted change through an edit.
///
/// A non-empty stretch does not grow with text typed at its edges; an empty one (a deletion point) takes in what
/// is inserted there, so an undo that puts the deleted text back is seen, and so is text typed in its place.
export function mapAcceptedChange(change: AcceptedChange, mapping: PositionMapper): AcceptedChange {
  const empty = change.from === change.to;
  const from = mapping.map(change.from, empty ? -1 : 1);
  const to = Math.max(from, mapping.map(change.to, empty ? 1 : -1));
  // Most changes lie before or far from an edit; keeping their objects spares the garbage collector.
  // A literal rather than a spread: spreading is several times slower, and thousands move with every keystroke.
  return from === change.from && to === change.to ? change : { from, to, rule: change.rule, before: change.before };
}

/// The accepted changes still in effect, as code-point ranges on the page text (for `labelCorrectionsWithRules`).
///
/// One pass over the text for the code-point index, then a lookup per change.
export function acceptedRangesOf(doc: PmNode, changes: readonly AcceptedChange[]): AcceptedRange[] {
  if (changes.length === 0) return [];
  const text = textFromDoc(doc);
  const index = new CodePointIndex(text);
  const ranges: AcceptedRange[] = [];
  for (const change of changes) {
    const start = pmPosToCp(doc, change.from);
    const end = pmPosToCp(doc, change.to);
    if (text.slice(index.toUtf16(start), index.toUtf16(end)) !== change.before) ranges.push({ start, end, rule: change.rule });
  }
  return ranges;
}

/// The accepted changes of a page as it opens: one per saved correction that names a rule, when the correction
/// fits the text (its corrected text is where the correction list puts it).
export function acceptedChangesFromCorrections(doc: PmNode, corrections: readonly Correction[]): AcceptedChange[] {
  const changes: AcceptedChange[] = [];
  for (const { start, end, correction } of new CorrectionMap(corrections).correctedRanges()) {
    if (correction.rule === undefined) continue;
    const from = cpToPmPos(doc, start);
    const to = cpToPmPos(doc, end);
    if (doc.textBetween(from, to, '\n') === correction.corrected) changes.push({ from, to, rule: correction.rule, before: correction.original });
  }
  return changes;
}
