import type { Sidecar } from './sidecar-schema';
import { applyCorrections } from './corrections';
import { CodePointIndex } from '../text/codepoints';
import { pushAll } from '../push-all';

/// Checks a schema-valid sidecar against its page's original text; returns problems in plain words (empty: fine).
///
/// The corrections applied to the original must give the stored text, every entity span must lie inside the
/// text, be non-empty and quote exactly the text it covers, and recorded line origins must fit both texts.
export function checkSidecarConsistency(sidecar: Sidecar, originalText: string): string[] {
  const problems: string[] = [];
  if (sidecar.text !== sidecar.text.normalize('NFC')) problems.push('The corrected text is not in Unicode NFC form.');
  const applied = applyCorrections(originalText, sidecar.corrections);
  if (!applied.ok) problems.push(`Corrections do not fit the original text: ${applied.error.message}.`);
  else if (applied.value !== sidecar.text) problems.push('Applying the corrections to the original text does not give the stored corrected text.');
  // One index for all spans: a page may hold thousands of them.
  const index = new CodePointIndex(sidecar.text);
  const length = index.length;
  const quote = (start: number, end: number) => sidecar.text.slice(index.toUtf16(start), index.toUtf16(end));
  for (const entity of sidecar.entities) {
    if (entity.end <= entity.start) problems.push(`Entity ${entity.id} is empty (${entity.start}–${entity.end}).`);
    else if (entity.end > length) problems.push(`Entity ${entity.id} (${entity.start}–${entity.end}) ends after the text (${length} code points).`);
    else if (quote(entity.start, entity.end) !== entity.text) {
      problems.push(`Entity ${entity.id} quotes “${entity.text}” but the text there is “${quote(entity.start, entity.end)}”.`);
    }
  }
  pushAll(problems, lineOriginProblems(sidecar, originalText));
  return problems;
}

// Line origins, when recorded (a version 1 sidecar has none), give one list per corrected line and name only
// lines the original has.
function lineOriginProblems(sidecar: Sidecar, originalText: string): string[] {
  if (sidecar.lineOrigins.length === 0) return [];
  const lines = countLines(sidecar.text);
  if (sidecar.lineOrigins.length !== lines) {
    return [`The line origins list ${sidecar.lineOrigins.length} lines but the corrected text has ${lines} lines.`];
  }
  const originalLines = countLines(originalText);
  const wrong = sidecar.lineOrigins.flat().find((line) => line >= originalLines);
  return wrong === undefined ? [] : [`The line origins name line ${wrong}, but the original text has only ${originalLines} lines.`];
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
