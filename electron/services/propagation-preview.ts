import { realpath } from 'node:fs/promises';
import { findOccurrences } from '../../shared/entities/occurrences';
import type { PropagationPagePreview, PropagationPreview, PropagationPreviewRequest } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/result';
import { resolveInRealRoot } from './confine';
import { mapLimit } from './map-limit';
import { readPageSource } from './page-source';
import { sidecarPathOf } from './page-files';
import { readSidecarState } from './sidecar-file';

// Pages read at once.
const READ_CONCURRENCY = 16;

/// A page's current state for propagation: its text as the editor would show it, the spans on it and the hashes
/// that apply checks; or why the page cannot take new spans.
export type PageForPropagation =
  | {
      kind: 'usable';
      text: string;
      spans: { id: string; start: number; end: number; type: string; text: string }[];
      sourceSha256: string;
      sidecarHash: string | null;
      pageAbs: string;
      sidecarAbs: string;
    }
  | { kind: 'refused'; message: string };

/// Reads one page of the corpus for propagation: the sidecar's text and spans when it has a usable sidecar, else
/// its original text; an unusable sidecar (bad JSON, schema, newer, other page bytes) refuses the page.
export async function readPageForPropagation(realRoot: string, rel: string): Promise<PageForPropagation> {
  const pageAbs = await resolveInRealRoot(realRoot, rel);
  if (!pageAbs.ok) return { kind: 'refused', message: pageAbs.error.message };
  const sidecarAbs = await resolveInRealRoot(realRoot, sidecarPathOf(rel));
  if (!sidecarAbs.ok) return { kind: 'refused', message: `The sidecar of "${rel}" leads outside the corpus folder.` };
  const source = await readPageSource(pageAbs.value, rel);
  if (!source.ok) return { kind: 'refused', message: source.error.message };
  const state = await readSidecarState(sidecarAbs.value, source.value.sha256);
  if (!state.ok) return { kind: 'refused', message: state.error.message };
  if (state.value.kind === 'unusable') return { kind: 'refused', message: state.value.message.replace(/ (The page is read-only|The original text is shown read-only).*$/, ' Its saved corrections cannot be used, so it is left alone.') };
  const usable = state.value.kind === 'usable' ? state.value.sidecar : null;
  return {
    kind: 'usable',
    text: usable ? usable.text : source.value.originalText,
    spans: usable ? usable.entities : [],
    sourceSha256: source.value.sha256,
    sidecarHash: state.value.kind === 'none' ? null : state.value.hash,
    pageAbs: pageAbs.value,
    sidecarAbs: sidecarAbs.value,
  };
}

/// Finds the untagged occurrences of `request.text` in the current text of every given page (exact substring
/// match, code points, no overlaps), except `request.excludePath`.
///
/// An occurrence already covered by a span with exactly its extent (any type) is skipped. Pages whose sidecar is
/// unusable are listed in `skipped` with the reason; pages without occurrences are left out. `read` reads one page
/// (default: from disk; the app passes a PropagationPageCache's).
export async function previewCorpusPropagation(
  root: string,
  pages: readonly string[],
  request: PropagationPreviewRequest,
  read: (realRoot: string, rel: string) => Promise<PageForPropagation> = readPageForPropagation,
): Promise<Result<PropagationPreview>> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return fail('no-corpus', `The corpus folder "${root}" cannot be found.`);
  }
  const needle = request.text.normalize('NFC');
  const searched = pages.filter((p) => p !== request.excludePath);
  const found = await mapLimit(searched, READ_CONCURRENCY, async (rel) => {
    const page = await read(realRoot, rel);
    if (page.kind === 'refused') return { rel, skipped: page.message, preview: null };
    if (!page.text.includes(needle)) return { rel, skipped: null, preview: null };
    const occurrences = findOccurrences(page.text, needle, { existing: page.spans, contextLength: request.contextLength });
    const preview: PropagationPagePreview | null =
      occurrences.length === 0 ? null : { path: rel, sourceSha256: page.sourceSha256, sidecarHash: page.sidecarHash, occurrences };
    return { rel, skipped: null, preview };
  });
  const result: PropagationPreview = { text: needle, type: request.type, pages: [], total: 0, skipped: [], pagesSearched: searched.length };
  for (const { rel, skipped, preview } of found) {
    if (skipped !== null) result.skipped.push({ path: rel, message: skipped });
    if (preview) {
      result.pages.push(preview);
      result.total += preview.occurrences.length;
    }
  }
  return ok(result);
}
