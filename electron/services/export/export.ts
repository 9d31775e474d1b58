import { mkdirSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ExportOutcome } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/result';
import { withLineEnding } from '../../../shared/text/normalize';
import { isInside, relativePathProblem } from '../disk/confine';
import { isOutside, readFileInCorpusSync } from '../disk/confined-fs';
import { writeFileOutsideCorpusSync } from '../disk/outside-write';
import { absoluteIn } from '../page/page-on-disk';
import { scanCorpus } from '../corpus/corpus-scan';
import { pageSourceFromBytes } from '../page/page-source';
import { baseOf, sidecarPathOf } from '../../../shared/model/page-files';
import { sidecarStateFromBytes, type SidecarState } from '../page/sidecar-file';

/// Called after each page with how many pages are finished and how many there are in all.
export type ExportProgress = (done: number, total: number) => void;

// Pages exported between two yields to the event loop (a few milliseconds of work).
const EXPORT_BATCH = 25;

/// Writes the corrected text of pages (all when `pages` is null) under `outDir`, keeping sub-folders.
///
/// Each file is the sidecar's text when the sidecar is usable, else the original text (for a layout file page:
/// the text its importer builds, written as `<base>.txt`), written (in place, no fsync: the output can be made
/// again) as
/// UTF-8 with the page's original line ending. An `outDir` inside the corpus is refused, and so is any single
/// target that would land inside it. Problems with single pages are collected in the outcome; the export goes on.
export async function exportCorpus(root: string, pages: string[] | null, outDir: string, onProgress?: ExportProgress): Promise<Result<ExportOutcome>> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return fail('no-corpus', `The corpus folder "${root}" cannot be found.`);
  }
  const absOut = path.resolve(outDir);
  if (isInside(realRoot, await realPathOrSelf(absOut)) || isInside(path.resolve(root), absOut)) {
    return fail('invalid-argument', 'The export folder must not be inside the corpus folder, so original files can never be overwritten.');
  }

  let list = pages;
  if (list === null) {
    const scan = await scanCorpus(root);
    if (!scan.ok) return scan;
    list = scan.value.pages.map((p) => p.path);
  }

  const problems: ExportOutcome['problems'] = [];
  const folders = new Map<string, boolean>();
  let written = 0;
  const total = list.length;
  for (let done = 0; done < total; ) {
    // Synchronous file calls in small batches: one readFileSync costs a fraction of the four thread-pool round
    // trips of its promise twin, and yielding between batches keeps the main process answering.
    const batchEnd = Math.min(total, done + EXPORT_BATCH);
    for (; done < batchEnd; done++) {
      const rel = list[done]!;
      let outcome: PageExport;
      try {
        outcome = exportOneSync(realRoot, rel, absOut, folders);
      } catch (error) {
        outcome = notWritten(`Could not write the file: ${(error as Error).message}`);
      }
      if (outcome.written) written++;
      if (outcome.problem !== null) problems.push({ path: rel, code: 'page', message: outcome.problem });
    }
    onProgress?.(done, total);
    await new Promise((resolve) => setImmediate(resolve));
  }
  problems.sort((a, b) => a.path.localeCompare(b.path));
  return ok({ outDir: absOut, written, pages: written, cancelled: false, problems });
}

interface PageExport {
  written: boolean;
  /// A plain-words problem to report, or null.
  problem: string | null;
}

const notWritten = (problem: string): PageExport => ({ written: false, problem });

function exportOneSync(realRoot: string, rel: string, absOut: string, folders: Map<string, boolean>): PageExport {
  const shapeProblem = relativePathProblem(rel);
  if (shapeProblem) return notWritten(`The path is not allowed: ${shapeProblem}.`);
  let bytes: Buffer;
  try {
    // Opened first, then verified: a page reached through a symlink, or swapped for one, must lie inside the corpus.
    bytes = readFileInCorpusSync({ realRoot, rel, abs: absoluteIn(realRoot, rel) });
  } catch (error) {
    if (isOutside(error)) return notWritten('The page leads outside the corpus folder.');
    return notWritten(`The page cannot be read: ${(error as Error).message}`);
  }
  const source = pageSourceFromBytes(bytes, rel);
  if (!source.ok) return notWritten(source.error.message);
  let sidecar: SidecarState = { kind: 'none' };
  const sidecarRel = sidecarPathOf(rel);
  try {
    sidecar = sidecarStateFromBytes(readFileInCorpusSync({ realRoot, rel: sidecarRel, abs: absoluteIn(realRoot, sidecarRel) }), source.value);
  } catch (error) {
    if (isOutside(error)) return notWritten('The sidecar leads outside the corpus folder.');
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return notWritten(`The sidecar cannot be read: ${(error as Error).message}`);
  }

  const text = sidecar.kind === 'usable' ? sidecar.sidecar.text : source.value.originalText;
  // A page whose text comes from a layout file is exported as plain text under its base name (page.xml → page.txt).
  const outRel = source.value.format === 'text' ? rel : `${baseOf(rel)}.txt`;
  const target = path.join(absOut, outRel.split('/').join(path.sep));
  const folder = path.dirname(target);
  let insideCorpus = folders.get(folder);
  if (insideCorpus === undefined) {
    // A symlink inside the export folder could point back into the corpus; check where the write really lands.
    mkdirSync(folder, { recursive: true });
    insideCorpus = isInside(realRoot, realpathSync(folder));
    folders.set(folder, insideCorpus);
  }
  if (insideCorpus) return notWritten('The export target lies inside the corpus folder; not written.');
  // Exports are written in place, without temp file or fsync: they can always be made again, and the
  // originals and sidecars are never the target (the opened target is verified outside the corpus first).
  try {
    writeFileOutsideCorpusSync(realRoot, target, withLineEnding(text, source.value.lineEnding));
  } catch (error) {
    if (isOutside(error)) return notWritten('The export target lies inside the corpus folder; not written.');
    throw error;
  }
  if (sidecar.kind === 'unusable') {
    return { written: true, problem: `Exported the original text because the saved corrections cannot be used: ${sidecar.message}` };
  }
  return { written: true, problem: null };
}

async function realPathOrSelf(abs: string): Promise<string> {
  // The export folder may not exist yet: resolve its nearest existing parent.
  let current = abs;
  const missing: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(current), missing.reverse().join(path.sep));
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return abs;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
