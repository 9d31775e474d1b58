/// Reads doccano JSONL (sequence labelling) back into documents: Jiaodui's own export and files doccano itself
/// exports.
///
/// Accepted line shapes: the text under `text` (doccano 1.6 and later) or `data` (older exports); the spans under
/// `label` (`[[start, end, "TYPE"], …]`, doccano 1.8's import and export), `labels` (older exports) or `entities`
/// (`[{"start_offset", "end_offset", "label"}, …]`, projects with relations); span items as triples or as objects.
/// The page is named by `page` (kept by doccano as metadata and written back at the top level) or `meta.page`.
/// Offsets count code points (doccano indexes Python `str`). A file that is one JSON array instead of lines is read
/// the same way.
import { jsonSyntaxReason } from '../../errors/json-reason';
import { reason } from '../../errors/reasons';
import { CodePointIndex } from '../../text/codepoints';
import type { ImportedSpan, ImportParse, ImportProblem } from '../import-types';
import { asObject, isOffset, problem, shown, withoutBom } from './common';

const SPAN_KEYS = ['label', 'labels', 'entities'] as const;

/// Parses `text`, the content of the doccano file `fileName` (named in each problem's `where`, with the line).
///
/// A line with any unreadable span gives no document, only problems, so no page is imported half. A line with no
/// span key says nothing about its page and gives no document; an empty span list gives a document with no spans.
export function parseDoccano(text: string, fileName: string): ImportParse {
  const parse: ImportParse = { documents: [], problems: [] };
  const body = withoutBom(text);
  if (body.trimStart().startsWith('[')) {
    let records: unknown;
    try {
      records = JSON.parse(body);
    } catch (error) {
      parse.problems.push(problem(fileName, 'malformed', `The file is not valid JSON: ${(error as Error).message}`, jsonSyntaxReason(body, error)));
      return parse;
    }
    if (!Array.isArray(records)) return parse;
    records.forEach((record, i) => readRecord(record, `${fileName}#${i + 1}`, parse));
    return parse;
  }
  const lines = body.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const where = `${fileName}:${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      parse.problems.push(problem(where, 'malformed', `The line is not valid JSON: ${(error as Error).message}`, jsonSyntaxReason(line, error)));
      return;
    }
    readRecord(record, where, parse);
  });
  return parse;
}

function readRecord(value: unknown, where: string, parse: ImportParse): void {
  const record = asObject(value);
  if (record === null) {
    parse.problems.push(problem(where, 'malformed', 'The line is not a JSON object.', reason('import.lineNotObject')));
    return;
  }
  const text = typeof record.text === 'string' ? record.text : typeof record.data === 'string' ? record.data : null;
  if (text === null) {
    parse.problems.push(problem(where, 'malformed', 'The line has no "text".', reason('import.lineNoText')));
    return;
  }
  const key = SPAN_KEYS.find((k) => k in record);
  if (key === undefined) return;
  const items = record[key];
  if (!Array.isArray(items)) {
    parse.problems.push(problem(where, 'malformed', `"${key}" is not a list of spans.`, reason('import.notSpanList', { key })));
    return;
  }
  const page = pageOf(record);
  if (page === null) {
    parse.problems.push(problem(where, 'no-page', 'The line names no page (no "page" key, nor "meta.page").', reason('import.lineNoPage')));
    return;
  }
  const index = new CodePointIndex(text);
  const problems: ImportProblem[] = [];
  const spans: ImportedSpan[] = [];
  for (const item of items) {
    const span = readSpan(item, index, where);
    if ('where' in span) problems.push(span);
    else spans.push(span);
  }
  if (problems.length > 0) parse.problems = parse.problems.concat(problems);
  else parse.documents.push({ page, text, spans });
}

function pageOf(record: Record<string, unknown>): string | null {
  if (typeof record.page === 'string' && record.page !== '') return record.page;
  const meta = asObject(record.meta);
  return meta !== null && typeof meta.page === 'string' && meta.page !== '' ? meta.page : null;
}

// A triple `[start, end, "TYPE"]` or an object `{start_offset, end_offset, label}`, as doccano's SpanLabel.parse.
function readSpan(item: unknown, index: CodePointIndex, where: string): ImportedSpan | ImportProblem {
  const object = asObject(item);
  const [start, end, type] = Array.isArray(item) ? item : object !== null ? [object.start_offset, object.end_offset, object.label] : [];
  if (!isOffset(start) || !isOffset(end) || typeof type !== 'string' || type === '' || end <= start) {
    return problem(where, 'malformed', `A span is not [start, end, "TYPE"] with start < end: ${shown(item)}.`, reason('import.badSpan', { value: shown(item) }));
  }
  if (end > index.length) {
    return problem(where, 'offset-out-of-range', `The span ${start}–${end} (${type}) ends past the text's ${index.length} characters.`, reason('import.spanPastText', { start, end, type, length: index.length }));
  }
  return { start, end, type, quote: index.text.slice(index.toUtf16(start), index.toUtf16(end)) };
}
