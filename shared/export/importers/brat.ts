/// Reads a brat `.ann` file (and, when there is one, its `.txt`) back into a document.
///
/// Only text-bound annotations (`T` lines) are entities; relations, events, attributes, normalisations and notes
/// are passed over. Offsets count code points on the `.txt` as brat reads it: UTF-8 with universal newlines, so a
/// CRLF or a lone CR in the `.txt` is one LF (server/src/annotation.py, `open_textfile`). A span brat split into
/// fragments at line ends (as its editor does for a selection across lines) is read as one span from the first
/// fragment's start to the last one's end, provided only white space lies between them; other discontinuous spans
/// are refused.
import { reason } from '../../errors/reasons';
import { CodePointIndex } from '../../text/codepoints';
import type { ImportedSpan, ImportParse, ImportProblem } from '../import-types';
import { problem, withoutBom } from './common';

// brat's separator between the texts of a span's fragments (server/src/annotation.py, `DISCONT_SEP`).
const DISCONT_SEP = ' ';

/// Parses `annText`, the `.ann` file at `relPath` (relative to the brat collection's folder, `/`-separated; named
/// with the line in each problem's `where`), with `txtText`, its `.txt`, or null when there is none.
///
/// The document's page is `relPath` without `.ann`: the page's path without its extension (`scans/p1.ann` →
/// `scans/p1`), which the corpus matches by base. Each span's quote is the `.ann` text field (for a span across
/// lines: the `.txt`'s text, or without a `.txt` the fragments joined by LF). A file with any unreadable `T` line,
/// or one whose text field disagrees with the `.txt` (which brat itself refuses), gives no document, only problems.
export function parseBratAnn(annText: string, txtText: string | null, relPath: string): ImportParse {
  const fileName = relPath.replace(/\\/g, '/');
  const page = fileName.replace(/\.ann$/i, '');
  const text = txtText === null ? null : withoutBom(txtText).replace(/\r\n?/g, '\n');
  const index = text === null ? null : new CodePointIndex(text);
  const problems: ImportProblem[] = [];
  const spans: ImportedSpan[] = [];
  withoutBom(annText)
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (!line.startsWith('T')) {
        if (line.trim() !== '' && !/^[RENAM#*]/.test(line)) problems.push(problem(`${fileName}:${i + 1}`, 'malformed', 'The line is no brat annotation (it starts with none of T R E N A M # *).', reason('import.bratNotAnnotation')));
        return;
      }
      const read = readTextBound(line, index, `${fileName}:${i + 1}`);
      if ('where' in read) problems.push(read);
      else spans.push(read);
    });
  if (problems.length > 0) return { documents: [], problems };
  return { documents: [{ page, text, spans }], problems: [] };
}

// `T1\tTYPE 3 5[;7 9…]\ttext`.
function readTextBound(line: string, index: CodePointIndex | null, where: string): ImportedSpan | ImportProblem {
  const fields = line.split('\t');
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
  if (fields.length < 3 || match === null) return problem(where, 'malformed', 'The line is not "ID<tab>TYPE START END<tab>TEXT".', reason('import.bratBadLine'));
  const type = match[1]!;
  const quoteField = fields.slice(2).join('\t');
  const fragments = match[2]!.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
  fragments.sort((a, b) => a[0] - b[0]);
  for (const [start, end] of fragments) {
    if (end < start) return problem(where, 'malformed', `The fragment ${start}–${end} ends before it starts.`, reason('import.fragmentBackwards', { start, end }));
    if (index !== null && end > index.length) return problem(where, 'offset-out-of-range', `The fragment ${start}–${end} ends past the text's ${index.length} characters.`, reason('import.fragmentPastText', { start, end, length: index.length }));
  }
  const start = fragments[0]![0];
  const end = fragments[fragments.length - 1]![1];
  if (end <= start) return problem(where, 'malformed', 'The span is empty.', reason('import.spanEmpty'));
  if (index === null) return withoutText(type, fragments, quoteField, where);
  const cut = (s: number, e: number) => index.text.slice(index.toUtf16(s), index.toUtf16(e));
  const reference = fragments.map(([s, e]) => cut(s, e)).join(DISCONT_SEP);
  // brat compares the text field's first characters with the fragments' text and refuses the file when they differ.
  if (!quoteField.startsWith(reference)) {
    const found = reference.replace(/\n/g, '\\n');
    const places = fragments.map((f) => f.join('–')).join(';');
    return problem(where, 'quote-mismatch', `The text "${quoteField}" is not the .txt's "${found}" at ${places}.`, reason('import.bratQuoteDiffers', { quote: quoteField, found, places }));
  }
  for (let i = 1; i < fragments.length; i++) {
    if (!/^\s+$/u.test(cut(fragments[i - 1]![1], fragments[i]![0]))) return problem(where, 'malformed', 'The span is discontinuous (not only white space between its fragments), which Jiaodui cannot hold.', reason('import.discontinuous'));
  }
  return { start, end, type, quote: fragments.length === 1 ? quoteField.slice(0, reference.length) : cut(start, end) };
}

// Without the `.txt`, a span in fragments is taken as split at single line ends, the usual case.
function withoutText(type: string, fragments: Array<[number, number]>, quoteField: string, where: string): ImportedSpan | ImportProblem {
  let quote = '';
  let rest = quoteField;
  for (let i = 0; i < fragments.length; i++) {
    const [s, e] = fragments[i]!;
    const part = takeCodePoints(rest, e - s);
    if (part === null) return problem(where, 'malformed', `The text "${quoteField}" is shorter than the span.`, reason('import.quoteShort', { quote: quoteField }));
    quote += part;
    rest = rest.slice(part.length);
    if (i + 1 < fragments.length) {
      if (fragments[i + 1]![0] !== e + 1 || !rest.startsWith(DISCONT_SEP)) {
        return problem(where, 'malformed', 'The span is discontinuous, which Jiaodui cannot hold (or its .txt is needed to read it).', reason('import.discontinuousNoText'));
      }
      quote += '\n';
      rest = rest.slice(DISCONT_SEP.length);
    }
  }
  return { start: fragments[0]![0], end: fragments[fragments.length - 1]![1], type, quote };
}

// The first `count` code points of `text`, or null when it is shorter.
function takeCodePoints(text: string, count: number): string | null {
  let units = 0;
  for (let seen = 0; seen < count; seen++) {
    const cp = text.codePointAt(units);
    if (cp === undefined) return null;
    units += cp > 0xffff ? 2 : 1;
  }
  return text.slice(0, units);
}
