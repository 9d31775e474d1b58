import type { Sidecar } from './sidecar-schema';
import { applyCorrections } from './corrections';
import { arrangeText } from './moves';
import { CodePointIndex } from '../text/codepoints';
import { pushAll } from '../push-all';
import { reasonOfError } from '../errors/error-reason';
import { reason, type Reason } from '../errors/reasons';

/// Every way a schema-valid sidecar can fail to fit its page. The page opener and `jiaodui validate` use the same
/// list (`sidecarProblems`), so anything `validate` reports also makes the page read-only.
export const SIDECAR_PROBLEM_CODES = [
  'text-not-nfc',
  'moves-do-not-fit',
  'corrections-do-not-fit',
  'corrections-give-other-text',
  'entity-empty',
  'entity-outside-text',
  'entity-misquotes',
  'entity-duplicate-id',
  'line-origins-count',
  'line-origins-range',
  'rejected-entity-outside-text',
  'rejected-correction-outside-text',
] as const;

/// One kind of consistency problem.
export type SidecarProblemCode = (typeof SIDECAR_PROBLEM_CODES)[number];

/// One consistency problem: a stable code, the values that describe it, the reason the renderer words in the UI
/// language (shared/errors/reasons-saves.ts), and the English message the command line prints.
export interface SidecarProblem {
  code: SidecarProblemCode;
  values: Record<string, string | number>;
  reason: Reason;
  message: string;
}

// The number of entity problems worth listing: a broken sidecar can have thousands of bad spans.
const MAX_PER_KIND = 20;

/// Checks a schema-valid sidecar against its page's original text and returns its problems (empty: it fits).
///
/// The block moves must fit the original, and the corrections applied to the original arranged by the moves must
/// give the stored text (which is NFC); every entity span must lie
/// inside the text, be non-empty, quote exactly the text it covers and have an id of its own; recorded line
/// origins must fit both texts; rejected places must lie inside the text. Linear in the text and the lists; at
/// most 20 entity problems are listed.
export function sidecarProblems(sidecar: Sidecar, originalText: string): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  if (sidecar.text !== sidecar.text.normalize('NFC')) {
    problems.push({ code: 'text-not-nfc', values: {}, reason: reason('sidecar.textNotNfc'), message: 'The corrected text is not in Unicode NFC form.' });
  }
  const arranged = arrangeText(originalText, sidecar.moves);
  if (!arranged.ok) {
    const detail = arranged.error.message;
    problems.push({ code: 'moves-do-not-fit', values: { detail }, reason: reasonOfError(arranged.error), message: `The moves do not fit the original text: ${detail}.` });
  }
  const applied = arranged.ok ? applyCorrections(arranged.value, sidecar.corrections) : null;
  if (applied === null) {
    // Already said: the moves do not fit, so the corrections cannot be checked.
  } else if (!applied.ok) {
    problems.push({ code: 'corrections-do-not-fit', values: { detail: applied.error.message }, reason: reasonOfError(applied.error), message: `Corrections do not fit the original text: ${applied.error.message}.` });
  } else if (applied.value !== sidecar.text) {
    problems.push({ code: 'corrections-give-other-text', values: {}, reason: reason('sidecar.correctionsGiveOtherText'), message: 'Applying the corrections to the original text does not give the stored corrected text.' });
  }
  // One index for all spans: a page may hold thousands of them.
  const index = new CodePointIndex(sidecar.text);
  pushAll(problems, entityProblems(sidecar, index));
  pushAll(problems, lineOriginProblems(sidecar, originalText));
  pushAll(problems, rejectionProblems(sidecar, index.length));
  return problems;
}

/// The messages of `sidecarProblems`, for callers that only show words (saving, tests).
export function checkSidecarConsistency(sidecar: Sidecar, originalText: string): string[] {
  return sidecarProblems(sidecar, originalText).map((p) => p.message);
}

function entityProblems(sidecar: Sidecar, index: CodePointIndex): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  const length = index.length;
  const quote = (start: number, end: number) => sidecar.text.slice(index.toUtf16(start), index.toUtf16(end));
  const seen = new Set<string>();
  let listed = 0;
  const add = (problem: SidecarProblem) => {
    if (listed++ < MAX_PER_KIND) problems.push(problem);
  };
  for (const entity of sidecar.entities) {
    const { id, start, end } = entity;
    if (seen.has(id)) add({ code: 'entity-duplicate-id', values: { id }, reason: reason('sidecar.entityDuplicateId', { id }), message: `Two entities share the id ${id}.` });
    seen.add(id);
    if (end <= start) add({ code: 'entity-empty', values: { id, start, end }, reason: reason('sidecar.entityEmpty', { id, start, end }), message: `Entity ${id} is empty (${start}–${end}).` });
    else if (end > length) {
      add({ code: 'entity-outside-text', values: { id, start, end, length }, reason: reason('sidecar.entityOutsideText', { id, start, end, length }), message: `Entity ${id} (${start}–${end}) ends after the text (${length} code points).` });
    } else if (quote(start, end) !== entity.text) {
      const found = quote(start, end);
      const values = { id, start, end, expected: entity.text, found };
      add({ code: 'entity-misquotes', values, reason: reason('sidecar.entityMisquotes', values), message: `Entity ${id} quotes “${entity.text}” but the text there is “${found}”.` });
    }
  }
  return problems;
}

// Line origins, when recorded (a version 1 sidecar has none), give one list per corrected line and name only
// lines the original has.
function lineOriginProblems(sidecar: Sidecar, originalText: string): SidecarProblem[] {
  if (sidecar.lineOrigins.length === 0) return [];
  const lines = countLines(sidecar.text);
  const listed = sidecar.lineOrigins.length;
  if (listed !== lines) {
    return [{ code: 'line-origins-count', values: { listed, lines }, reason: reason('sidecar.lineOriginsCount', { listed, lines }), message: `The line origins list ${listed} lines but the corrected text has ${lines} lines.` }];
  }
  const originalLines = countLines(originalText);
  const wrong = sidecar.lineOrigins.flat().find((line) => line >= originalLines);
  if (wrong === undefined) return [];
  return [{ code: 'line-origins-range', values: { line: wrong, lines: originalLines }, reason: reason('sidecar.lineOriginsRange', { line: wrong, lines: originalLines }), message: `The line origins name line ${wrong}, but the original text has only ${originalLines} lines.` }];
}

// A rejected place is code points on the corrected text, so it must lie inside it (the schema already makes an
// entity place non-empty). Only the first of each kind is reported.
function rejectionProblems(sidecar: Sidecar, length: number): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  const entity = sidecar.rejectedEntities.find((r) => r.end !== undefined && r.end > length);
  if (entity) {
    const values = { text: entity.text, start: entity.start!, end: entity.end!, length };
    problems.push({ code: 'rejected-entity-outside-text', values, reason: reason('sidecar.rejectedEntityOutsideText', values), message: `A rejected entity place (${values.start}–${values.end}) ends after the text (${length} code points).` });
  }
  const correction = sidecar.rejectedCorrections.find((r) => r.end > length || r.end < r.start);
  if (correction) {
    const values = { start: correction.start, end: correction.end, length };
    problems.push({ code: 'rejected-correction-outside-text', values, reason: reason('sidecar.rejectedCorrectionOutsideText', values), message: `A rejected correction place (${values.start}–${values.end}) does not lie inside the text (${length} code points).` });
  }
  return problems;
}

/// The number of lines of a text split on "\n" (an empty text has one).
export function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
