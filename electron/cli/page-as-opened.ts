import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { pageView } from '../../shared/export/page-view';
import type { EntitySpan, Move, RejectedCorrection, RejectedEntity } from '../../shared/model/sidecar-schema';
import { fail, ok, type Result } from '../../shared/result';
import { exportPageFromFiles, readExportFiles } from '../services/export/read-export-page';

/// A page as the editor sees it when the app opens it: the sidecar's corrected text (the original when there is no
/// usable sidecar), its entity spans and the suggestions rejected on it. Offsets are code points on `text`.
export interface PageAsOpened {
  /// Path of the page relative to the corpus root, with `/`.
  rel: string;
  text: string;
  entities: readonly EntitySpan[];
  rejectedEntities: readonly RejectedEntity[];
  rejectedCorrections: readonly RejectedCorrection[];
  /// The editor's block moves of the original (the corrections are on the original in this order).
  moves: readonly Move[];
  /// Why the sidecar was not used (the page is then shown as its original), or null.
  sidecarProblem: string | null;
}

/// Reads page `pageAbs` of the corpus at `root` as the app opens it, confined to the corpus like every reader.
export async function readPageAsOpened(root: string, pageAbs: string): Promise<Result<PageAsOpened>> {
  let realRoot: string;
  let realPage: string;
  try {
    realRoot = await realpath(root);
    realPage = await realpath(pageAbs);
  } catch (error) {
    return fail('not-found', `${(error as NodeJS.ErrnoException).path ?? pageAbs} does not exist.`);
  }
  const rel = path.relative(realRoot, realPage).split(path.sep).join('/');
  if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel)) return fail('outside-corpus', `${pageAbs} is not inside the corpus ${root}.`);
  const scoped = { path: rel, companions: [] };
  const files = await readExportFiles(realRoot, scoped);
  if (!files.ok) return fail('io', files.message);
  const read = exportPageFromFiles(scoped, files);
  if (!read.ok) return fail('io', read.message);
  const view = pageView(read.page);
  const sidecar = read.page.sidecar;
  return ok({
    rel,
    text: view.corrected,
    entities: sidecar?.entities ?? [],
    rejectedEntities: sidecar?.rejectedEntities ?? [],
    rejectedCorrections: sidecar?.rejectedCorrections ?? [],
    moves: sidecar?.moves ?? [],
    sidecarProblem: read.sidecarProblem,
  });
}
