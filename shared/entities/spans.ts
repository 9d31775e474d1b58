import type { Correction, EntitySpan } from '../model/sidecar-schema';
import { CodePointIndex, cpLength } from '../text/codepoints';
import { pushAll } from '../push-all';

/// One text edit in code points: the old text's [start, end) was replaced by `insertedLength` code points.
///
/// A pure insertion has start === end; a pure deletion has insertedLength 0.
export interface SpanEdit {
  start: number;
  end: number;
  insertedLength: number;
}

/// The spans after an edit, and those removed because the edit deleted all of their text.
///
/// `removed` holds the spans as they were before the edit so the editor can put them back on undo.
export interface MappedSpans {
  spans: EntitySpan[];
  removed: EntitySpan[];
}

/// Why a span cannot be stored on a text, in plain words.
export interface SpanProblem {
  id: string;
  message: string;
}

/// Checks spans against the corrected text they claim to cover.
///
/// A span is refused when it is empty or reversed, runs past the end of the text, or its quoted `text` is not
/// what the text holds at [start, end). Nested and overlapping spans are allowed. Uses one code-point index for
/// all spans, so checking thousands of spans on a long page stays linear.
export function findSpanProblems(spans: readonly EntitySpan[], text: string): SpanProblem[] {
  const index = new CodePointIndex(text);
  const problems: SpanProblem[] = [];
  for (const span of spans) {
    const message = spanProblem(span, text, index);
    if (message !== undefined) problems.push({ id: span.id, message });
  }
  return problems;
}

/// The plain-words reason why one span does not fit the text, or undefined when it fits.
export function spanProblem(span: EntitySpan, text: string, index = new CodePointIndex(text)): string | undefined {
  if (span.end <= span.start) return `The entity "${span.text}" covers no text (start ${span.start}, end ${span.end}).`;
  if (span.end > index.length) {
    return `The entity "${span.text}" ends at ${span.end}, past the end of the text (${index.length} characters).`;
  }
  const covered = text.slice(index.toUtf16(span.start), index.toUtf16(span.end));
  if (covered !== span.text) {
    return `The entity "${span.text}" at ${span.start}–${span.end} no longer matches the text there ("${covered}").`;
  }
  return undefined;
}

/// Where a code-point position lands after an edit, ProseMirror-style.
///
/// `assoc` -1 keeps a position at an insertion point before the inserted text, +1 moves it after. A position
/// strictly inside the replaced range goes to its start (-1) or to the end of the inserted text (+1); the
/// range's own start stays put and its end moves to the end of the inserted text.
export function mapPosition(pos: number, edit: SpanEdit, assoc: -1 | 1): number {
  const { start, end, insertedLength } = edit;
  if (pos < start) return pos;
  if (pos > end) return pos - (end - start) + insertedLength;
  const side = start === end ? assoc : pos === start ? -1 : pos === end ? 1 : assoc;
  return side < 0 ? start : start + insertedLength;
}

/// Maps spans through one edit on the corrected text.
///
/// A span's start maps with assoc +1 and its end with -1, so text typed exactly at a span's edge stays
/// outside it, while text typed or replaced inside it (including its first or last character) becomes part
/// of it. A span that ends up empty — its whole text deleted, or swallowed by a larger replacement — is
/// removed and returned in `removed`. `newText` is the text after the edit; it is read only to refresh the
/// quote of spans the edit touched, so untouched spans are returned as the same objects.
export function mapSpans(spans: readonly EntitySpan[], edit: SpanEdit, newText: string): MappedSpans {
  checkEdit(edit);
  const kept: EntitySpan[] = [];
  const removed: EntitySpan[] = [];
  let index: CodePointIndex | undefined;
  const delta = edit.insertedLength - (edit.end - edit.start);
  for (const span of spans) {
    if (span.end < edit.start || (span.end === edit.start && edit.start === edit.end)) {
      kept.push(span);
      continue;
    }
    if (span.start > edit.end || (span.start === edit.end && edit.start === edit.end)) {
      kept.push(delta === 0 ? span : { ...span, start: span.start + delta, end: span.end + delta });
      continue;
    }
    const start = mapPosition(span.start, edit, 1);
    const end = mapPosition(span.end, edit, -1);
    if (end <= start) {
      removed.push(span);
      continue;
    }
    const touched = edit.start < span.end && edit.end > span.start;
    const grown = edit.start === edit.end && edit.start > span.start && edit.start < span.end;
    if (!touched && !grown) {
      // The edit only borders the span (a deletion ending at its start or starting at its end).
      kept.push(start === span.start && end === span.end ? span : { ...span, start, end });
      continue;
    }
    index ??= new CodePointIndex(newText);
    kept.push({ ...span, start, end, text: newText.slice(index.toUtf16(start), index.toUtf16(end)) });
  }
  return { spans: kept, removed };
}

/// Maps spans through several edits applied one after another, each in the coordinates left by the previous.
export function mapSpansThroughEdits(
  spans: readonly EntitySpan[],
  edits: readonly SpanEdit[],
  newText: string,
): MappedSpans {
  // Quotes are refreshed from the final text, so intermediate quotes may be stale; only offsets matter there.
  let current: EntitySpan[] = [...spans];
  const removed: EntitySpan[] = [];
  for (const edit of edits) {
    const step = mapSpansOffsetsOnly(current, edit);
    current = step.spans;
    pushAll(removed, step.removed);
  }
  const index = new CodePointIndex(newText);
  const spansOut = current.map((span) => {
    const text = newText.slice(index.toUtf16(span.start), index.toUtf16(span.end));
    return text === span.text ? span : { ...span, text };
  });
  return { spans: spansOut, removed: removed.map((r) => spans.find((s) => s.id === r.id) ?? r) };
}

/// Maps spans from one corrected text to the next through the corrections between them.
///
/// `changes` are corrections whose offsets are on `oldText` (as `computeCorrections(oldText, newText)` returns
/// them); they are applied from last to first so each one's offsets are still valid when it is applied.
export function mapSpansThroughCorrections(
  spans: readonly EntitySpan[],
  changes: readonly Correction[],
  newText: string,
): MappedSpans {
  const edits = [...changes]
    .sort((a, b) => b.start - a.start || b.end - a.end)
    .map((c) => ({ start: c.start, end: c.end, insertedLength: cpLength(c.corrected) }));
  return mapSpansThroughEdits(spans, edits, newText);
}

function mapSpansOffsetsOnly(spans: readonly EntitySpan[], edit: SpanEdit): MappedSpans {
  checkEdit(edit);
  const kept: EntitySpan[] = [];
  const removed: EntitySpan[] = [];
  for (const span of spans) {
    const start = mapPosition(span.start, edit, 1);
    const end = mapPosition(span.end, edit, -1);
    if (end <= start) removed.push(span);
    else kept.push(start === span.start && end === span.end ? span : { ...span, start, end });
  }
  return { spans: kept, removed };
}

function checkEdit(edit: SpanEdit): void {
  // A malformed edit is a programming error in the caller, not something a user can cause.
  if (!(edit.start >= 0 && edit.end >= edit.start && edit.insertedLength >= 0)) {
    throw new RangeError(`Invalid edit ${JSON.stringify(edit)}`);
  }
}
