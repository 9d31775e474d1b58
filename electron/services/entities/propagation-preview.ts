import { realpath } from 'node:fs/promises';
import { findOccurrences } from '../../../shared/entities/occurrences';
import type { PropagationPreview, PropagationPreviewRequest } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith, worded, wordedOfError, type Worded } from '../../../shared/errors/fail-with';
import { corpusFileInRealRoot, type CorpusFile } from '../disk/confined-fs';
import { CorpusTextCache } from '../corpus/corpus-text-cache';
import { readPageSource } from '../page/page-source';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { readSidecarState } from '../page/sidecar-file';

/// A page's current state for propagation: its text as the editor would show it, the spans on it and the hashes
/// that apply checks; or why the page cannot take new spans.
export type PageForPropagation =
  | {
      kind: 'usable';
      text: string;
      spans: { id: string; start: number; end: number; type: string; text: string }[];
      sourceSha256: string;
      /// The page's original text (to judge its sidecar again before writing).
      originalText: string;
      sidecarHash: string | null;
      pageAbs: CorpusFile;
      sidecarAbs: CorpusFile;
    }
  | { kind: 'refused'; why: Worded };

/// Reads one page of the corpus for propagation: the sidecar's text and spans when it has a usable sidecar, else
/// its original text; an unusable sidecar (bad JSON, schema, newer, other page bytes, not fitting the page's text)
/// refuses the page.
export async function readPageForPropagation(realRoot: string, rel: string): Promise<PageForPropagation> {
  const pageAbs = corpusFileInRealRoot(realRoot, rel);
  if (!pageAbs.ok) return { kind: 'refused', why: wordedOfError(pageAbs.error) };
  const sidecarAbs = corpusFileInRealRoot(realRoot, sidecarPathOf(rel));
  if (!sidecarAbs.ok) return { kind: 'refused', why: worded('path.sidecarOutside', { path: rel }) };
  const source = await readPageSource(pageAbs.value, rel);
  if (!source.ok) return { kind: 'refused', why: wordedOfError(source.error) };
  const state = await readSidecarState(sidecarAbs.value, source.value);
  if (!state.ok) return { kind: 'refused', why: wordedOfError(state.error) };
  if (state.value.kind === 'unusable') return { kind: 'refused', why: unusable(rel, state.value.message) };
  const usable = state.value.kind === 'usable' ? state.value.sidecar : null;
  return {
    kind: 'usable',
    text: usable ? usable.text : source.value.originalText,
    spans: usable ? usable.entities : [],
    sourceSha256: source.value.sha256,
    originalText: source.value.originalText,
    sidecarHash: state.value.kind === 'none' ? null : state.value.hash,
    pageAbs: pageAbs.value,
    sidecarAbs: sidecarAbs.value,
  };
}

/// Finds the untagged occurrences of `request.text` in the current text of every given page (exact substring
/// match, code points, no overlaps), except `request.excludePath`.
///
/// An occurrence already covered by a span with exactly its extent (any type) is skipped. Pages whose sidecar is
/// unusable, and pages that cannot be read, are listed in `skipped` with the reason; pages without occurrences are
/// left out. Texts come from `cache` (the app passes the open corpus's; by default one made for this call, which
/// reads every page).
export async function previewCorpusPropagation(
  root: string,
  pages: readonly string[],
  request: PropagationPreviewRequest,
  cache?: CorpusTextCache,
): Promise<Result<PropagationPreview>> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return failWith('corpus.notFound', { root });
  }
  const needle = request.text.normalize('NFC');
  const searched = pages.filter((p) => p !== request.excludePath);
  const corpus = await (cache ?? new CorpusTextCache(realRoot)).texts(searched);
  const result: PropagationPreview = { text: needle, type: request.type, pages: [], total: 0, skipped: [], pagesSearched: searched.length };
  // Skipped pages in page order, whether unreadable or blocked.
  const unreadable = new Map(corpus.unreadable.map((u) => [u.path, u]));
  const texts = new Map(corpus.pages.map((page) => [page.path, page]));
  for (const rel of searched) {
    const page = texts.get(rel);
    if (!page) {
      const problem = unreadable.get(rel);
      if (problem !== undefined) result.skipped.push(problem);
      continue;
    }
    if (page.blocked !== null) {
      result.skipped.push({ path: rel, ...unusable(rel, page.blocked) });
      continue;
    }
    if (!page.corrected.includes(needle)) continue;
    const occurrences = findOccurrences(page.corrected, needle, { existing: page.spans, contextLength: request.contextLength });
    if (occurrences.length === 0) continue;
    result.pages.push({ path: rel, sourceSha256: page.sourceSha256, sidecarHash: page.sidecarHash, occurrences });
    result.total += occurrences.length;
  }
  return ok(result);
}

// An unusable sidecar's message says the page is read-only in the editor; here the page is only left alone. The
// English (for logs) keeps the file check's reason; the renderer words the id.
function unusable(rel: string, blocked: string): Worded {
  return worded('propagation.sidecarUnusable', { path: rel }, refusalOf(blocked));
}

function refusalOf(blocked: string): string {
  return blocked.replace(/ (The page is read-only|The original text is shown read-only).*$/, ' Its saved corrections cannot be used, so it is left alone.');
}
