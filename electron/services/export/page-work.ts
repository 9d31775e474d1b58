/// One page's CPU-bound share of an export, in a form that can cross to and from a worker thread: the page read and
/// judged, then run through every per-page exporter, each file's content as UTF-8 bytes. The export pool's threads
/// do this; the main thread then writes the files in page order (see applyPageWork in export-formats.ts).
import type { ExportFormatId } from '../../../shared/export/format-ids';
import { exporterFor } from '../../../shared/export/registry';
import type { ExportContext, ExportedBytes, ExportedFile, ExportPageProblem } from '../../../shared/export/types';
import type { ScopedPage } from './export-scope';
import { StageWriter, type StageTarget } from './export-stage';
import { exportPageFromFiles, readExportFilesSync } from './read-export-page';
import type { Worded } from '../../../shared/errors/fail-with';
import type { Reason } from '../../../shared/errors/reasons';

/// A file a pool thread wrote itself under a staged name (see export-stage.ts), for the main thread to rename.
export interface StagedFile {
  path: string;
  /// Absolute path of the staged file.
  staged: string;
}

/// One file of a page: its bytes, or where a pool thread staged them.
export type PageFile = ExportedBytes | StagedFile;

/// What one per-page exporter made of the page: its files, the problem it reported, or the message it threw.
export type FormatOutcome = { kind: 'files'; files: PageFile[] } | { kind: 'problem'; problem: ExportPageProblem } | { kind: 'threw'; message: string };

/// A page's work: why it could not be read, or its sidecar's problem and one outcome per format, in the order given.
export type PageWork = { ok: false; message: string; worded?: Worded } | { ok: true; sidecarProblem: string | null; sidecarReason?: Reason | null; outcomes: FormatOutcome[] };

/// A page to do: the corpus, the page, the per-page formats (in the run's order) and the run's context; with
/// `stage`, the files are written here under staged names (`index`, the page's place in the run, makes them unique)
/// rather than sent back as bytes.
export interface PageJob {
  realRoot: string;
  page: ScopedPage;
  formats: readonly ExportFormatId[];
  context: ExportContext;
  stage?: StageTarget;
  index?: number;
}

const encoder = new TextEncoder();

// The staging writer of the run this thread works for (one run at a time: a pool belongs to one run).
let stager: { tag: string; writer: StageWriter } | null = null;

/// Reads the page as the export does (confined, verified) and runs each format's per-page exporter over it.
/// Never throws: an exporter that throws gives a 'threw' outcome, which the main thread words as it does its own.
/// With `job.stage`, each file is staged here; one that cannot be is sent back as bytes, for the main thread to
/// write (and word its problem) as it does in a run without a pool.
export function doPageJob(job: PageJob): PageWork {
  const { stage } = job;
  if (stage && stager?.tag !== stage.tag) stager = { tag: stage.tag, writer: new StageWriter(job.realRoot, stage) };
  let n = 0;
  // A file is staged here, or its bytes go back (copied out of the exporter's buffer when it reuses that).
  const place = (file: ExportedBytes): PageFile => {
    const staged = stage ? stager!.writer.write(file.path, job.index ?? 0, n++, file.content) : null;
    if (staged !== null) return { path: file.path, staged };
    return { path: file.path, content: file.transient ? file.content.slice() : file.content };
  };
  const read = exportPageFromFiles(job.page, readExportFilesSync(job.realRoot, job.page));
  if (!read.ok) return { ok: false, message: read.message, worded: read.worded };
  const outcomes = job.formats.map((format): FormatOutcome => {
    try {
      const exporter = exporterFor(format, job.context.options);
      if (exporter?.kind !== 'per-page') return { kind: 'threw', message: `${format} is not a per-page format` };
      const result = exporter.exportPage(read.page, job.context);
      if (!result.ok) return { kind: 'problem', problem: result.problem };
      // Strings are encoded as the writer would (Buffer.from(…, 'utf8') and TextEncoder agree, lone surrogates
      // included), so the bytes written are the same.
      return { kind: 'files', files: result.files.map((file) => place(isBytes(file) ? file : { path: file.path, content: encoder.encode(file.content) })) };
    } catch (error) {
      return { kind: 'threw', message: (error as Error).message };
    }
  });
  return { ok: true, sidecarProblem: read.sidecarProblem, sidecarReason: read.sidecarReason, outcomes };
}

function isBytes(file: ExportedFile | ExportedBytes): file is ExportedBytes {
  return typeof file.content !== 'string';
}

/// The buffers of a page's files, to transfer rather than copy back to the main thread.
export function transferablesOf(work: PageWork): ArrayBuffer[] {
  if (!work.ok) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const outcome of work.outcomes) {
    if (outcome.kind === 'files') for (const file of outcome.files) if ('content' in file) buffers.add(file.content.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/// The staged files of a page's work (to remove when the page is not written after all: a cancelled run).
export function stagedFilesOf(work: PageWork): string[] {
  if (!work.ok) return [];
  const staged: string[] = [];
  for (const outcome of work.outcomes) if (outcome.kind === 'files') for (const file of outcome.files) if ('staged' in file) staged.push(file.staged);
  return staged;
}
