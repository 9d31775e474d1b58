import { closeSync, createWriteStream, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, writeSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { isInside, relativePathProblem } from '../disk/confine';
import { isOutside } from '../disk/confined-fs';
import { openOutsideCorpusSync as openTruncatedSync } from '../disk/outside-write';
import { openOutsideCorpusSync } from './open-outside';
import { isStagedBy, newRunTag, PARTIAL_SUFFIX, removeStagedIn } from './export-stage';

// The write buffer of a collection file before back-pressure waits for the disk.
const COLLECTION_BUFFER_BYTES = 4 * 1024 * 1024;

export { PARTIAL_SUFFIX } from './export-stage';

/// Why a file of the export was not written, as a problem code (see shared/export/problem-codes.ts) and words.
export class OutputRefused extends Error {
  constructor(
    readonly code: 'inside-corpus' | 'duplicate-path' | 'write-failed',
    message: string,
  ) {
    super(message);
    this.name = 'OutputRefused';
  }
}

/// One collection file being written through a stream: chunks in order, then `finish` (renamed to its final name)
/// or `discard` (the partial file removed).
export interface CollectionSink {
  /// Writes a chunk; resolves at once unless the stream's buffer is full, then when it has drained.
  write(chunk: string): Promise<void>;
  /// Ends the stream and renames the partial file to the final name.
  finish(): Promise<void>;
  /// Closes the stream and removes the partial file (cancel, error).
  discard(): Promise<void>;
}

/// The export folder as the run writes it: every file under `<final name>.jiaodui-partial` first and renamed when
/// complete, never inside the corpus, never the same path twice in one run.
///
/// Each folder of the output is created once and its real path checked against the corpus (a symlink inside the
/// export folder could lead back into it); each file is opened without following a symlink and verified through
/// its handle before anything is written (see openOutsideCorpusSync). Partial files still open are removed by
/// `discardAll` (cancel, failure).
export class ExportOutput {
  private readonly folders = new Map<string, boolean>();
  /// Final paths written (or being written) in this run, with the format that wrote them.
  private readonly claimed = new Map<string, string>();
  private readonly open = new Set<CollectionSink>();
  /// Files under their final names.
  written = 0;
  /// The tag of the files this run's pool threads stage (see export-stage.ts).
  readonly tag = newRunTag();

  constructor(
    private readonly realRoot: string,
    readonly outDir: string,
  ) {}

  /// Writes a whole file (`rel`: `/`-separated under the export folder) for `format`, synchronously; throws
  /// OutputRefused.
  ///
  /// The path is claimed first (shape, duplicate, folder outside the corpus), so two files of one run claiming the
  /// same path are refused in the order they were asked for. The content goes to `<final name>.jiaodui-partial`
  /// (created new, verified through its descriptor) and is renamed only when complete. Synchronous on purpose:
  /// five system calls of a few tens of microseconds each cost less than the promises and thread-pool hand-offs
  /// around them, and the export loop gives the event loop a turn every few milliseconds anyway.
  writeFile(rel: string, content: string | Uint8Array, format: string): void {
    const target = this.claim(rel, format);
    const partial = target + PARTIAL_SUFFIX;
    try {
      const fd = openOutsideCorpusSync(this.realRoot, partial);
      try {
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        let at = 0;
        while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      } finally {
        closeSync(fd);
      }
      renameSync(partial, target);
    } catch (error) {
      throw this.refusal(error, rel, partial);
    }
    this.written++;
  }

  /// Gives the file a pool thread staged for `rel` (see export-stage.ts) its final name, as writeFile would have
  /// written it: the path claimed first, in the order asked for, then the staged file renamed. A refused or failed
  /// file's staged copy is removed. Throws OutputRefused.
  commitStaged(rel: string, staged: string, format: string): void {
    let target: string;
    try {
      target = this.claim(rel, format);
    } catch (error) {
      // The staged file was verified outside the corpus when it was opened.
      rmSync(staged, { force: true });
      throw error;
    }
    try {
      renameSync(staged, target);
    } catch (error) {
      throw this.refusal(error, rel, staged);
    }
    this.written++;
  }

  /// Removes what this run's pool threads staged and nobody renamed, in every folder the run wrote into and in
  /// `more` (after a cancel, or when a thread died).
  removeStaged(more: Iterable<string> = []): void {
    const folders = new Set(more);
    for (const [folder, insideCorpus] of this.folders) if (!insideCorpus) folders.add(folder);
    removeStagedIn(folders, this.tag);
  }

  /// Opens a collection file (`rel` under the export folder) for `format`, written through a stream; throws
  /// OutputRefused.
  openCollection(rel: string, format: string): CollectionSink {
    const target = this.claim(rel, format);
    const partial = target + PARTIAL_SUFFIX;
    let stream: WriteStream;
    try {
      // A page's chunk is often larger than the default 16 KB buffer, which made every page wait for a disk round
      // trip; a few megabytes keep memory bounded and let pages be made while earlier ones are written.
      stream = createWriteStream(partial, { fd: openTruncatedSync(this.realRoot, partial), encoding: 'utf8', highWaterMark: COLLECTION_BUFFER_BYTES });
    } catch (error) {
      throw this.refusal(error, rel, partial);
    }
    let failure: Error | null = null;
    stream.on('error', (error) => (failure ??= error));
    const closed = () => new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', () => resolve())));
    const sink: CollectionSink = {
      write: async (chunk) => {
        if (failure) throw this.refusal(failure, rel, partial);
        if (chunk === '' || stream.write(chunk)) return;
        // Back-pressure: wait until the buffered chunks reached the disk (or the stream failed).
        await new Promise<void>((resolve) => {
          const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
          };
          stream.on('drain', done);
          stream.on('close', done);
        });
        if (failure) throw this.refusal(failure, rel, partial);
      },
      finish: async () => {
        this.open.delete(sink);
        await new Promise<void>((resolve) => stream.end(() => resolve()));
        await closed();
        if (failure) throw this.refusal(failure, rel, partial);
        try {
          renameSync(partial, target);
        } catch (error) {
          throw this.refusal(error, rel, partial);
        }
        this.written++;
      },
      discard: async () => {
        this.open.delete(sink);
        stream.destroy();
        await closed();
        rmSync(partial, { force: true });
      },
    };
    this.open.add(sink);
    return sink;
  }

  /// Closes every collection still open and removes its partial file.
  async discardAll(): Promise<void> {
    for (const sink of [...this.open]) await sink.discard();
  }

  // The absolute target of `rel`, after checking its shape, that no other file of this run claimed it, and that
  // its folder (created when missing) really lies outside the corpus.
  private claim(rel: string, format: string): string {
    const shape = relativePathProblem(rel);
    if (shape !== null) throw new OutputRefused('write-failed', `The exporter named a file that is not allowed ("${rel}": ${shape}).`);
    const earlier = this.claimed.get(rel);
    if (earlier !== undefined) {
      throw new OutputRefused('duplicate-path', `"${rel}" was already written by the ${earlier} export in this run; not written again.`);
    }
    const target = path.join(this.outDir, rel.split('/').join(path.sep));
    const folder = path.dirname(target);
    let insideCorpus = this.folders.get(folder);
    if (insideCorpus === undefined) {
      try {
        mkdirSync(folder, { recursive: true });
        insideCorpus = isInside(this.realRoot, realpathSync(folder));
        if (!insideCorpus) this.removeLeftovers(folder);
      } catch (error) {
        throw new OutputRefused('write-failed', `The folder of "${rel}" cannot be made: ${(error as Error).message}`);
      }
      this.folders.set(folder, insideCorpus);
    }
    if (insideCorpus) throw new OutputRefused('inside-corpus', `The export target "${rel}" lies inside the corpus folder; not written.`);
    this.claimed.set(rel, format);
    return target;
  }

  // Partial files an earlier export left in `folder` when it was killed (a crash, a power cut): removed the first
  // time this run writes into the folder, so they do not pile up. Only names ending in the partial suffix, in a
  // folder just verified to lie outside the corpus.
  private removeLeftovers(folder: string): void {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    // Files this run's pool threads are staging there meanwhile are this run's, not leftovers.
    for (const name of names) if (name.endsWith(PARTIAL_SUFFIX) && !isStagedBy(name, this.tag)) rmSync(path.join(folder, name), { force: true });
  }

  private refusal(error: unknown, rel: string, partial: string): OutputRefused {
    // Nothing is removed through a path found to lead into the corpus: the corpus is never written, not even to
    // clean up.
    if (isOutside(error)) return new OutputRefused('inside-corpus', `The export target "${rel}" lies inside the corpus folder; not written.`);
    rmSync(partial, { force: true });
    if (error instanceof OutputRefused) return error;
    return new OutputRefused('write-failed', `"${rel}" could not be written: ${(error as Error).message}`);
  }
}
