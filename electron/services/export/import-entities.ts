import { randomUUID } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import type { ImportedDocument, ImportedSpan } from '../../../shared/export/import-types';
import type { ImportEntitiesOutcome, ImportEntitiesProblem } from '../../../shared/export/import-outcome';
import type { PageEntry } from '../../../shared/ipc/contract';
import type { EntitySpan, Sidecar } from '../../../shared/model/sidecar-schema';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { reason } from '../../../shared/errors/reasons';
import { unusableReason } from '../page/sidecar-file';
import { CodePointIndex } from '../../../shared/text/codepoints';
import { scanCorpus } from '../corpus/corpus-scan';
import { readPageOnDiskSync } from '../page/page-on-disk';
import { savePage } from '../page/save-page';
import { parseImportFiles, type EntityFileReader } from './import-files';
import { PageMatcher } from './import-match';

/// What an import needs besides the files.
export interface ImportEntitiesOptions {
  appVersion: string;
  /// Called after each page with how many pages are done and how many there are.
  onProgress?: (done: number, total: number) => void;
  /// The page list of a finished scan of this corpus (the app's); without it the corpus is scanned.
  known?: readonly PageEntry[];
  now?: () => Date;
}

/// Imports entity spans from `fileOrFolder` (read with `reader`: doccano JSONL, Label Studio JSON, brat `.ann`)
/// into the sidecars of the corpus at `root`.
///
/// Each document is matched to a page (see PageMatcher). Every span is checked against the page's corrected text
/// (the sidecar's text, or the original when there is no sidecar): its code-point offsets must lie inside the
/// text and cut exactly the span's quote. A page with any problem — a mismatch, an offset out of range, two
/// documents naming it, a sidecar that cannot be trusted — gets nothing written, and every problem is listed.
/// Otherwise the page's entities are REPLACED by the imported ones (the file is taken as the page's annotation as a
/// whole, so a span deleted in the tool is deleted here too), through the normal save (sidecar lock, both hashes
/// checked, atomic write); the text, corrections, status and rejected suggestions stay. A span equal to one the
/// page had (same start, end and type) keeps its id; the others get new ids. The caller holds the corpus write
/// lock (the command line's corpus lock, the app's writable corpus).
export async function importEntities(root: string, reader: EntityFileReader, fileOrFolder: string, options: ImportEntitiesOptions): Promise<Result<ImportEntitiesOutcome>> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return failWith('corpus.notFound', { root });
  }
  const read = await parseImportFiles(fileOrFolder, reader);
  if ('error' in read) return failWith('import.invalid', { problem: read.error });
  let pages = options.known;
  if (pages === undefined) {
    const scan = await scanCorpus(realRoot, { temps: 'report' });
    if (!scan.ok) return scan;
    pages = scan.value.pages;
  }
  const problems: ImportEntitiesProblem[] = read.parse.problems.map((p) => ({ path: '', ...p }));
  const outcome: ImportEntitiesOutcome = { files: read.files, documents: read.parse.documents.length, written: [], unchanged: [], spans: 0, problems };

  // Documents by the page they name; two documents for one page leave it alone (which one would win is unclear).
  const matcher = new PageMatcher(pages);
  const byPage = new Map<string, ImportedDocument[]>();
  for (const document of read.parse.documents) {
    const match = matcher.match(document.page);
    if (!match.ok) problems.push({ path: '', where: document.page, code: match.code, message: match.message });
    else byPage.set(match.page.path, [...(byPage.get(match.page.path) ?? []), document]);
  }
  const total = byPage.size;
  let done = 0;
  for (const [rel, documents] of byPage) {
    options.onProgress?.(done++, total);
    if (documents.length > 1) {
      const names = documents.map((d) => `"${d.page}"`).join(', ');
      const why = reason('import.duplicatePage', { count: documents.length, names });
      problems.push({ path: rel, where: documents[0]!.page, code: 'duplicate-page', message: `${documents.length} documents of the import name this page (${names}); nothing was written.`, reason: why });
      continue;
    }
    const result = await importIntoPage(realRoot, rel, documents[0]!, options, problems);
    if (typeof result === 'number') {
      outcome.written.push(rel);
      outcome.spans += result;
    } else if (result === 'unchanged') outcome.unchanged.push(rel);
  }
  options.onProgress?.(total, total);
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return ok(outcome);
}

// The number of spans written, or why nothing was.
async function importIntoPage(realRoot: string, rel: string, document: ImportedDocument, options: ImportEntitiesOptions, problems: ImportEntitiesProblem[]): Promise<number | 'unchanged' | 'refused'> {
  const page = readPageOnDiskSync(realRoot, rel);
  if ('message' in page) {
    problems.push({ path: rel, where: document.page, code: 'unreadable', message: page.message });
    return 'refused';
  }
  if (page.sidecar.kind === 'unusable') {
    const why = unusableReason(page.sidecar);
    problems.push({ path: rel, where: document.page, code: 'sidecar-unusable', message: `The page's saved corrections cannot be used, so its sidecar is left alone: ${page.sidecar.message}`, reason: why });
    return 'refused';
  }
  const text = page.texts.corrected;
  const mismatches = checkSpans(text, document.spans).map((m): ImportEntitiesProblem => ({ path: rel, where: document.page, ...m }));
  if (mismatches.length > 0) {
    for (const m of mismatches) problems.push(m);
    return 'refused';
  }
  const previous: Sidecar | null = page.sidecar.kind === 'usable' ? page.sidecar.sidecar : null;
  const entities = withIds(document.spans, previous?.entities ?? []);
  if (sameSpans(entities, previous?.entities ?? [])) return 'unchanged';
  const saved = await savePage(
    realRoot,
    {
      path: rel,
      text,
      status: previous?.status ?? 'unreviewed',
      entities,
      // The saved corrections and moves stand as they are: only the entities change.
      ...(previous ? { corrections: previous.corrections, rejectedEntities: previous.rejectedEntities, rejectedCorrections: previous.rejectedCorrections } : {}),
      sourceSha256: page.texts.sourceSha256,
      expectedSidecarHash: page.texts.sidecarHash,
    },
    options.appVersion,
    options.now,
  );
  if (!saved.ok) {
    problems.push({ path: rel, where: document.page, code: 'write-failed', message: saved.error.message });
    return 'refused';
  }
  return entities.length;
}

/// Every span of `spans` that does not fit `text`: offsets (code points) outside it or empty, no type, or a quote
/// that is not what the text holds there. Empty when all fit.
export function checkSpans(text: string, spans: readonly ImportedSpan[]): Omit<ImportEntitiesProblem, 'path' | 'where'>[] {
  const index = new CodePointIndex(text);
  const found: Omit<ImportEntitiesProblem, 'path' | 'where'>[] = [];
  spans.forEach((span, i) => {
    const label = `Span ${i + 1} (${span.type || 'no type'} ${span.start}–${span.end}, “${span.quote}”)`;
    const values = { n: i + 1, type: span.type, start: span.start, end: span.end, quote: span.quote };
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end <= span.start || span.end > index.length) {
      found.push({ code: 'offset-out-of-range', message: `${label} lies outside the page's text of ${index.length} characters.`, reason: reason('import.spanOutside', { ...values, length: index.length }) });
      return;
    }
    if (span.type.trim() === '') {
      found.push({ code: 'malformed', message: `${label} has no entity type.`, reason: reason('import.spanNoType', { n: i + 1, start: span.start, end: span.end, quote: span.quote }) });
      return;
    }
    const there = text.slice(index.toUtf16(span.start), index.toUtf16(span.end));
    if (there !== span.quote.normalize('NFC')) {
      found.push({ code: 'quote-mismatch', message: `${label} does not match the page: its text there is “${there}”.`, reason: reason('import.spanMisquotes', { ...values, found: there }) });
    }
  });
  return found;
}

// The imported spans as entity spans, sorted, duplicates dropped; a span the page had (same place and type) keeps
// its id.
function withIds(spans: readonly ImportedSpan[], had: readonly EntitySpan[]): EntitySpan[] {
  const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
  const ids = new Map(had.map((s) => [key(s), s.id]));
  const seen = new Set<string>();
  const out: EntitySpan[] = [];
  for (const span of spans) {
    const k = key(span);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ id: ids.get(k) ?? `e-${randomUUID()}`, start: span.start, end: span.end, type: span.type, text: span.quote.normalize('NFC') });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || a.type.localeCompare(b.type));
}

function sameSpans(a: readonly EntitySpan[], b: readonly EntitySpan[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(b.map((s) => `${s.id}:${s.start}:${s.end}:${s.type}`));
  return a.every((s) => keys.has(`${s.id}:${s.start}:${s.end}:${s.type}`));
}
