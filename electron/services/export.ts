import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ExportOutcome } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/result';
import { withLineEnding } from '../../shared/text/normalize';
import { writeFileAtomic } from './atomic-write';
import { isInside, resolveInRealRoot } from './confine';
import { scanCorpus } from './corpus-scan';
import { readPageSource } from './page-source';
import { sidecarPathOf } from './page-files';
import { readSidecarState } from './sidecar-file';

/// Called after each page with how many pages are finished and how many there are in all.
export type ExportProgress = (done: number, total: number) => void;

// Pages exported at once: enough to overlap disk waits, few enough to keep memory flat.
const PARALLEL_PAGES = 16;

/// Writes the corrected text of pages (all when `pages` is null) under `outDir`, keeping sub-folders.
///
/// Each file is the sidecar's text when the sidecar is usable, else the original text, written atomically (without
/// fsync: the output can be regenerated) as
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
  const folders: FolderCache = { checked: new Map() };
  let written = 0;
  let done = 0;
  let next = 0;
  const total = list.length;
  const worker = async () => {
    while (next < total) {
      const rel = list[next++]!;
      const outcome = await exportOne(realRoot, rel, absOut, folders).catch((error: Error): PageExport => ({ written: false, problem: `Could not write the file: ${error.message}` }));
      if (outcome.written) written++;
      if (outcome.problem !== null) problems.push({ path: rel, message: outcome.problem });
      onProgress?.(++done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PAGES, total) }, worker));
  problems.sort((a, b) => a.path.localeCompare(b.path));
  return ok({ outDir: absOut, written, problems });
}

interface PageExport {
  written: boolean;
  /// A plain-words problem to report, or null.
  problem: string | null;
}

const notWritten = (problem: string): PageExport => ({ written: false, problem });

// Export folders already created, and whether each one's real location is inside the corpus.
interface FolderCache {
  checked: Map<string, Promise<boolean>>;
}

async function exportOne(realRoot: string, rel: string, absOut: string, folders: FolderCache): Promise<PageExport> {
  const pageAbs = await resolveInRealRoot(realRoot, rel);
  if (!pageAbs.ok) return notWritten(pageAbs.error.message);
  const sidecarAbs = await resolveInRealRoot(realRoot, sidecarPathOf(rel));
  if (!sidecarAbs.ok) return notWritten(sidecarAbs.error.message);
  const source = await readPageSource(pageAbs.value, rel);
  if (!source.ok) return notWritten(source.error.message);
  const sidecar = await readSidecarState(sidecarAbs.value, source.value.sha256);
  if (!sidecar.ok) return notWritten(sidecar.error.message);

  const text = sidecar.value.kind === 'usable' ? sidecar.value.sidecar.text : source.value.originalText;
  const target = path.join(absOut, ...rel.split('/'));
  const folder = path.dirname(target);
  let insideCorpus = folders.checked.get(folder);
  if (insideCorpus === undefined) {
    // A symlink inside the export folder could point back into the corpus; check where the write really lands.
    // A folder that cannot be created counts as unusable; the write below then reports the real error.
    insideCorpus = mkdir(folder, { recursive: true }).then(
      async () => isInside(realRoot, await realpath(folder)),
      () => false,
    );
    folders.checked.set(folder, insideCorpus);
  }
  if (await insideCorpus) return notWritten('The export target lies inside the corpus folder; not written.');
  await writeFileAtomic(target, withLineEnding(text, source.value.lineEnding), { durable: false });
  if (sidecar.value.kind === 'unusable') {
    return { written: true, problem: `Exported the original text because the saved corrections cannot be used: ${sidecar.value.message}` };
  }
  return { written: true, problem: null };
}

async function realPathOrSelf(abs: string): Promise<string> {
  // The export folder may not exist yet: resolve its nearest existing parent.
  let current = abs;
  const missing: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return abs;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
