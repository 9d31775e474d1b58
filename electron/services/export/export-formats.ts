import type { ExportFormatId } from '../../../shared/export/format-ids';
import type { ExportContext, ExportedBytes, ExportedFile, ExportPage, ExportPageProblem, Exporter } from '../../../shared/export/types';
import { OutputRefused, type CollectionSink, type ExportOutput } from './export-output';
import type { ExportProblems } from './export-problems';
import type { FormatOutcome, StagedFile } from './page-work';

/// Called once for a page when the first of its outputs is written (a file under its final name or a chunk in a
/// collection).
export type OnPageWritten = () => void;

/// One chosen format during a run: its exporter, its open collection file (collection formats), how many pages
/// it has written, and whether it was stopped (its file could not be written).
export interface RunningFormat {
  format: ExportFormatId;
  exporter: Exporter;
  sink: CollectionSink | null;
  pages: number;
  /// Files of this format under their final names.
  files: number;
  stopped: boolean;
}

/// Starts every chosen format: a collection format's file is opened and its head written (a format whose file
/// cannot be opened is stopped, with a problem).
export function startFormats(chosen: readonly { format: ExportFormatId; exporter: Exporter }[], output: ExportOutput, problems: ExportProblems, context: ExportContext): RunningFormat[] {
  return chosen.map(({ format, exporter }) => {
    const running: RunningFormat = { format, exporter, sink: null, pages: 0, files: 0, stopped: false };
    if (exporter.kind === 'collection') {
      try {
        running.sink = output.openCollection(exporter.fileName(context), format);
        // The head is written with the first page's chunk (see exportOnePage): a write is only awaited there.
      } catch (error) {
        stop(running, problems, error);
      }
    }
    return running;
  });
}

/// Exports one page in every running format. Per-page files are written at once (see ExportOutput.writeFile);
/// collection chunks are written in order. `onWritten` is called once, when the first output of the page is
/// written.
export async function exportOnePage(
  page: ExportPage,
  formats: readonly RunningFormat[],
  output: ExportOutput,
  problems: ExportProblems,
  context: ExportContext,
  onWritten: OnPageWritten,
): Promise<void> {
  let wrote = false;
  const written = () => {
    if (wrote) return;
    wrote = true;
    onWritten();
  };
  for (const running of formats) {
    if (running.stopped) continue;
    try {
      if (running.exporter.kind === 'per-page') {
        const result = running.exporter.exportPage(page, context);
        if (!result.ok) {
          pageProblem(problems, page.path, running.format, result.problem);
          continue;
        }
        writePageFiles(result.files, page.path, running, output, problems, written);
      } else {
        const result = running.exporter.page(page, running.pages, context);
        if (!result.ok) {
          pageProblem(problems, page.path, running.format, result.problem);
          continue;
        }
        const head = running.pages === 0 ? running.exporter.start(context) : '';
        await running.sink!.write(head + result.chunk);
        running.pages++;
        written();
      }
    } catch (error) {
      if (error instanceof OutputRefused && running.sink !== null) {
        // The collection's file failed: nothing more can go into it.
        await running.sink.discard();
        stop(running, problems, error);
      } else if (error instanceof OutputRefused) {
        problems.add(page.path, error.code, error.message, running.format);
      } else {
        problems.add(page.path, 'exporter-failed', `The ${running.format} export failed on this page: ${(error as Error).message}`, running.format);
      }
    }
  }
}

/// Writes a page whose exporting was done elsewhere (an export pool thread, see page-work.ts): each running format's
/// outcome, in order, with the same problems and files exportOnePage gives. Per-page formats only.
export function applyPageWork(rel: string, outcomes: readonly FormatOutcome[], formats: readonly RunningFormat[], output: ExportOutput, problems: ExportProblems, onWritten: OnPageWritten): void {
  let wrote = false;
  const written = () => {
    if (wrote) return;
    wrote = true;
    onWritten();
  };
  formats.forEach((running, n) => {
    const outcome = outcomes[n]!;
    if (running.stopped) return;
    if (outcome.kind === 'problem') pageProblem(problems, rel, running.format, outcome.problem);
    else if (outcome.kind === 'threw') problems.add(rel, 'exporter-failed', `The ${running.format} export failed on this page: ${outcome.message}`, running.format);
    else writePageFiles(outcome.files, rel, running, output, problems, written);
  });
}

/// Ends every running collection format: its tail written and its file renamed to the final name; a collection no
/// page went into is removed instead.
export async function finishFormats(formats: readonly RunningFormat[], output: ExportOutput, problems: ExportProblems, context: ExportContext): Promise<void> {
  for (const running of formats) {
    if (running.stopped || running.exporter.kind !== 'collection' || running.sink === null) continue;
    const exporter = running.exporter;
    if (running.pages === 0) {
      // No page went into it (each one's problem is listed): an empty collection is not written, since some
      // formats cannot be empty (a TEI teiCorpus needs at least one TEI).
      await running.sink.discard();
      continue;
    }
    try {
      await running.sink.write(exporter.end(context));
      await running.sink.finish();
      running.files++;
    } catch (error) {
      await running.sink.discard();
      stop(running, problems, error);
    }
  }
}

/// Writes the files each format puts once beside its output (a labelling config, an annotation.conf), for every
/// format that has at least one file under its final name: also after a cancel, so what is left is usable.
export function writeExtraFiles(formats: readonly RunningFormat[], output: ExportOutput, problems: ExportProblems, context: ExportContext): void {
  for (const running of formats) {
    if (running.files === 0 || !running.exporter.extraFiles) continue;
    try {
      for (const file of running.exporter.extraFiles(context)) output.writeFile(file.path, file.content, running.format);
    } catch (error) {
      if (error instanceof OutputRefused) problems.add('', error.code, error.message, running.format);
      else problems.add('', 'exporter-failed', `The ${running.format} export could not make its extra files: ${(error as Error).message}`, running.format);
    }
  }
}

// Writes the page's files, each claimed in order (so duplicates are caught in order); a file that cannot be
// written is a problem of this page, and the next file is still tried.
function writePageFiles(
  files: readonly (ExportedFile | ExportedBytes | StagedFile)[],
  rel: string,
  running: RunningFormat,
  output: ExportOutput,
  problems: ExportProblems,
  written: () => void,
): void {
  for (const file of files) {
    try {
      // A file a pool thread staged is renamed; the others are written here.
      if ('staged' in file) output.commitStaged(file.path, file.staged, running.format);
      else output.writeFile(file.path, file.content, running.format);
      running.files++;
      written();
    } catch (error) {
      if (error instanceof OutputRefused) problems.add(rel, error.code, error.message, running.format);
      else problems.add(rel, 'write-failed', `"${file.path}" could not be written: ${(error as Error).message}`, running.format);
    }
  }
}

function pageProblem(problems: ExportProblems, rel: string, format: ExportFormatId, problem: ExportPageProblem): void {
  problems.add(rel, problem.code, problem.message, format);
}

function stop(running: RunningFormat, problems: ExportProblems, error: unknown): void {
  running.stopped = true;
  running.sink = null;
  const code = error instanceof OutputRefused ? error.code : 'write-failed';
  problems.add('', code, `The ${running.format} export stopped: ${(error as Error).message}`, running.format);
}
