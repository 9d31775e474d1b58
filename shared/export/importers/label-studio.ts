/// Reads Label Studio tasks JSON back into documents: Jiaodui's own export, Label Studio's "JSON" export (tasks with
/// `annotations[].result[]` and `predictions[].result[]`) and its "JSON-MIN" export (one flat object per task, the
/// regions under the labels control's name, `"label": [{"start", "end", "text", "labels"}]`).
///
/// Offsets count code points, as Label Studio's editor and backend count them (label-studio-frontend
/// src/utils/selection-tools.js converts DOM positions to code points; see the exporter); a region drawn in Label
/// Studio 1.4 after an Extension B character may carry offsets that editor miscounted, and is put back on the
/// place of its text (see `drawnPlace`). The page is named
/// by `data.page` (JSON-MIN: `page`), else by the uploaded file's name without the `xxxxxxxx-` prefix Label Studio
/// adds (`file_upload`).
import { jsonSyntaxReason } from '../../errors/json-reason';
import { reason } from '../../errors/reasons';
import { CodePointIndex } from '../../text/codepoints';
import type { ImportedSpan, ImportParse, ImportProblem } from '../import-types';
import { asObject, isOffset, problem, shown, withoutBom } from './common';

/// Parses `text`, the content of the Label Studio file `fileName` (named in each problem's `where`, with the task's
/// 1-based number).
///
/// Which regions a task gives: its newest annotation that was not cancelled, else its first prediction. A task with
/// neither says nothing about its page and gives no document; an annotation with no regions gives a document with
/// no spans. A task with any unreadable region gives no document, only problems, so no page is imported half.
/// JSON-MIN holds one record per annotation: of the records of one task (same `id`), the newest gives the document.
export function parseLabelStudio(text: string, fileName: string): ImportParse {
  const parse: ImportParse = { documents: [], problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(text));
  } catch (error) {
    parse.problems.push(problem(fileName, 'malformed', `The file is not valid JSON: ${(error as Error).message}`, jsonSyntaxReason(withoutBom(text), error)));
    return parse;
  }
  const tasks = Array.isArray(json) ? json : [json];
  const minRecords = new Map<string, MinRecord>();
  tasks.forEach((task, i) => readTask(task, `${fileName}#${i + 1}`, parse, minRecords));
  return parse;
}

// A JSON-MIN record read: where its document sits in the parse, and when its annotation was made.
interface MinRecord {
  at: number;
  createdAt: string;
}

function readTask(value: unknown, where: string, parse: ImportParse, minRecords: Map<string, MinRecord>): void {
  const task = asObject(value);
  if (task === null) {
    parse.problems.push(problem(where, 'malformed', 'The task is not a JSON object.', reason('import.taskNotObject')));
    return;
  }
  const data = asObject(task.data);
  const text = data !== null ? textOf(data) : typeof task.text === 'string' ? task.text : null;
  if (text === null) {
    parse.problems.push(problem(where, 'malformed', 'The task has no text (no "data.text").', reason('import.taskNoText')));
    return;
  }
  const regions = data !== null ? regionsOfFullTask(task) : regionsOfMinTask(task);
  if (regions === null) return;
  if (!Array.isArray(regions)) {
    parse.problems.push(problem(where, 'malformed', 'An annotation\'s "result" is not a list.', reason('import.resultNotList')));
    return;
  }
  const page = pageOf(task, data);
  if (page === null) {
    parse.problems.push(problem(where, 'no-page', 'The task names no page (no "data.page", nor "file_upload").', reason('import.taskNoPage')));
    return;
  }
  const index = new CodePointIndex(text);
  const problems: ImportProblem[] = [];
  const spans: ImportedSpan[] = [];
  for (const region of regions) {
    const read = readRegion(region, index, where);
    if (read === null) continue;
    if ('where' in read) problems.push(read);
    else for (const span of read) spans.push(span);
  }
  if (problems.length > 0) {
    parse.problems = parse.problems.concat(problems);
    return;
  }
  const document = { page, text, spans };
  const taskId = data === null && (typeof task.id === 'number' || typeof task.id === 'string') ? String(task.id) : null;
  if (taskId === null) {
    parse.documents.push(document);
    return;
  }
  const createdAt = typeof task.created_at === 'string' ? task.created_at : '';
  const earlier = minRecords.get(taskId);
  if (earlier === undefined) {
    minRecords.set(taskId, { at: parse.documents.push(document) - 1, createdAt });
  } else if (createdAt > earlier.createdAt) {
    parse.documents[earlier.at] = document;
    earlier.createdAt = createdAt;
  }
}

// The Text tag's data: `data.text` as in the usual NER config, else the task's only string field besides `page`.
function textOf(data: Record<string, unknown>): string | null {
  if (typeof data.text === 'string') return data.text;
  const strings = Object.entries(data).filter(([key, value]) => key !== 'page' && typeof value === 'string');
  return strings.length === 1 ? (strings[0]![1] as string) : null;
}

// The regions of a full task; null when it has no annotation or prediction to take them from. Like Label Studio's
// own converter (label_studio_converter/converter.py, `annotation_result_from_task`): cancelled or skipped
// annotations are passed over and the newest of the others (by `created_at`, else the last listed) is taken;
// `completions` is the old name of `annotations`.
function regionsOfFullTask(task: Record<string, unknown>): unknown {
  const listed = Array.isArray(task.annotations) ? task.annotations : Array.isArray(task.completions) ? task.completions : [];
  const annotations = listed
    .map(asObject)
    .filter((a): a is Record<string, unknown> => a !== null && a.was_cancelled !== true && a.skipped !== true && 'result' in a);
  if (annotations.length > 0) {
    const createdAt = (a: Record<string, unknown>) => (typeof a.created_at === 'string' ? a.created_at : '');
    const newest = annotations.reduce((best, a) => (createdAt(a) >= createdAt(best) ? a : best));
    return newest.result;
  }
  const predictions = Array.isArray(task.predictions) ? task.predictions.map(asObject) : [];
  const prediction = predictions.find((p) => p !== null && 'result' in p);
  return prediction ? prediction.result : null;
}

// JSON-MIN: the lists of `{start, end, labels}` objects among the task's fields; null when there are none.
function regionsOfMinTask(task: Record<string, unknown>): unknown[] | null {
  const lists = Object.values(task).filter(
    (value): value is unknown[] => Array.isArray(value) && value.length > 0 && value.every((item) => Array.isArray(asObject(item)?.labels)),
  );
  return lists.length === 0 ? null : lists.flat().map((value) => ({ type: 'labels', value }));
}

function pageOf(task: Record<string, unknown>, data: Record<string, unknown> | null): string | null {
  const named = data !== null ? data.page : task.page;
  if (typeof named === 'string' && named !== '') return named;
  // Label Studio stores an uploaded file as `<8 hex digits>-<its name>`.
  if (typeof task.file_upload === 'string' && task.file_upload !== '') return task.file_upload.replace(/^[0-9a-f]{8}-/, '');
  return null;
}

// The spans of one result (one per label), null for a result that is no labelled span (a choice, a relation…).
function readRegion(item: unknown, index: CodePointIndex, where: string): ImportedSpan[] | ImportProblem | null {
  const region = asObject(item);
  if (region === null) return problem(where, 'malformed', `A result is not a JSON object: ${shown(item)}.`, reason('import.resultNotObject', { value: shown(item) }));
  const value = asObject(region.value);
  const labels = value?.labels;
  if (region.type !== 'labels' && !Array.isArray(labels)) return null;
  if (value === null || !Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string' && l !== '')) {
    return problem(where, 'malformed', `A labels result has no labels: ${shown(item)}.`, reason('import.noLabels', { value: shown(item) }));
  }
  const { start, end } = value;
  if (!isOffset(start) || !isOffset(end) || end <= start) {
    return problem(where, 'malformed', `A region has no character offsets with start < end: ${shown(value)}.`, reason('import.noOffsets', { value: shown(value) }));
  }
  const spans = (from: number, to: number, quote: string) => (labels as string[]).map((type) => ({ start: from, end: to, type, quote }));
  const given = typeof value.text === 'string' ? value.text : null;
  // Label Studio's editor stores a drawn region's line ends as the two characters `\n` (selection-tools.js,
  // `captureSelection`: `selection.toString().replace(/[\n\r]/g, "\\n")`).
  const restored = given?.replace(/\\n/g, '\n') ?? null;
  if (end <= index.length) {
    const cut = index.text.slice(index.toUtf16(start), index.toUtf16(end));
    if (given === null || given === cut || restored === cut) return spans(start, end, cut);
  }
  const place = restored !== null && end <= index.text.length ? drawnPlace(index, start, end, restored) : null;
  if (place !== null) return spans(place[0], place[1], restored!);
  if (end > index.length) {
    return problem(where, 'offset-out-of-range', `The region ${start}–${end} ends past the text's ${index.length} characters.`, reason('import.regionPastText', { start, end, length: index.length }));
  }
  // The quote disagrees with the text here: kept as the file gives it, for the import's quote check to report.
  return spans(start, end, given!);
}

// Where a region drawn in Label Studio 1.4's editor really is. When a region is drawn, that editor counts the
// text nodes before the selected one in UTF-16 units and only the selected one in code points (label-studio-frontend
// src/utils/selection-tools.js: `findGlobalOffset` adds `node.length`; later releases count every node in code
// points), so after an Extension B character on an earlier line or in an earlier highlight, its offsets are too
// large by up to the number of such characters, while `value.text` (the selection's text) is right. Each offset
// then lies between the code-point and the UTF-16 reading of the true place; the one place of the quote that fits
// is taken, or null when none or several fit (the span keeps the file's offsets, and the quote check refuses the
// page).
function drawnPlace(index: CodePointIndex, start: number, end: number, quote: string): [number, number] | null {
  if (quote === '') return null;
  let found: [number, number] | null = null;
  for (let at = index.text.indexOf(quote); at >= 0; at = index.text.indexOf(quote, at + 1)) {
    const from = index.toCp(at);
    const to = index.toCp(at + quote.length);
    if (index.toUtf16(from) !== at) continue;
    if (from <= start && start <= at && to <= end && end <= at + quote.length) {
      if (found !== null) return null;
      found = [from, to];
    }
  }
  return found;
}
