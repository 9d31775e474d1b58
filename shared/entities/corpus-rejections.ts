import { CodePointIndex } from '../text/codepoints';
import { contextAt, contextIn, judge, tallyRejections, type PageRejection, type RejectionTallies } from '../learning/rejection-context';
import type { IgnoreEntry } from '../learning/ignore-list';
import type { EntitySuggestion } from './suggest/types';

/// What the corpus's editors decided about entity suggestions, applied on every page (see docs/rejections.md).
export interface CorpusEntityDecisions {
  /// Rejections gathered from every sidecar, keyed by `entityKey`.
  rejections?: RejectionTallies;
  /// The corpus's "always ignore" entries (only entity entries are used).
  ignored?: readonly IgnoreEntry[];
}

/// The key of an entity suggestion in the rejection tallies: its type and text.
export function entityKey(text: string, type: string): string {
  return `${type}\u0000${text}`;
}

/// A rejected entity suggestion as a sidecar stores it.
type StoredRejection = { text: string; type: string; start?: number | undefined; end?: number | undefined };

/// What one sidecar contributes: its corrected text (NFC), its spans and its rejections.
export interface SidecarEntityDecisions {
  text: string;
  spans: readonly { type: string; text: string }[];
  rejected: readonly StoredRejection[];
}

// Contexts recorded for one page-wide rejection: its occurrences on the page, up to this many.
const MAX_CONTEXTS_PER_REJECTION = 50;

/// The entity rejections of one sidecar with their contexts on its corrected text `text`.
///
/// A rejection with a place covers the context of that place (none when the place no longer holds its text); a
/// page-wide rejection (the editor's Alt+Backspace: the text as that type on that page) covers the context of
/// each occurrence of the text on the page (the first 50). Each counts as one rejection.
export function pageEntityRejections(text: string, rejected: readonly StoredRejection[]): PageRejection[] {
  if (rejected.length === 0) return [];
  const chars = Array.from(text);
  return rejected.map((r) => {
    const key = entityKey(r.text, r.type);
    if (r.start !== undefined && r.end !== undefined) {
      const holds = chars.slice(r.start, r.end).join('') === r.text;
      return { key, contexts: holds ? [contextAt(chars, r.start, r.end)] : [] };
    }
    const needle = Array.from(r.text);
    const places = occurrences(chars, needle).slice(0, MAX_CONTEXTS_PER_REJECTION);
    return { key, contexts: places.map((at) => contextAt(chars, at, at + needle.length)) };
  });
}

/// Gathers the entity rejections of every sidecar, and how often each rejected text was accepted (tagged as that
/// type) anywhere in the corpus.
export function gatherEntityRejections(pages: readonly SidecarEntityDecisions[]): RejectionTallies {
  return tallyRejections(
    pages.map((page) => pageEntityRejections(page.text, page.rejected)),
    pages.flatMap((page) => page.spans.map((span) => [entityKey(span.text, span.type), 1] as const)),
  );
}

/// Applies the corpus's decisions to entity suggestions made on `text` (offsets: code points on `text`): drops
/// ignored ones and those rejected in the same context; lowers the confidence of those rejected elsewhere by
/// `lowering` (rejected vs accepted). Returns the suggestions kept, in the order given.
///
/// `phase` 'drop' only drops (run before the merge, so a shorter suggestion inside a dropped one can win);
/// 'lower' only lowers (run after the merge, so a lowered suggestion stays where it was, shown less sure, and is
/// not displaced by what it overlaps); 'both' does both at once.
export function applyCorpusEntityDecisions(
  text: string,
  suggestions: readonly EntitySuggestion[],
  decisions: CorpusEntityDecisions | undefined,
  phase: 'drop' | 'lower' | 'both' = 'both',
): EntitySuggestion[] {
  const rejections = decisions?.rejections;
  const ignored = new Set(phase === 'lower' ? [] : (decisions?.ignored ?? []).flatMap((e) => (e.kind === 'entity' ? [entityKey(e.text, e.type)] : [])));
  const anyRejections = rejections !== undefined && Object.keys(rejections).length > 0;
  if (!anyRejections && ignored.size === 0) return [...suggestions];
  let index: CodePointIndex | null = null;
  const kept: EntitySuggestion[] = [];
  for (const s of suggestions) {
    const key = entityKey(s.text, s.type);
    if (ignored.has(key)) continue;
    const verdict = judge(anyRejections ? rejections[key] : undefined, () => contextIn((index ??= new CodePointIndex(text)), s.start, s.end));
    if (verdict.drop && phase !== 'lower') continue;
    const factor = verdict.drop || phase === 'drop' ? 1 : verdict.factor;
    kept.push(factor === 1 ? s : { ...s, confidence: s.confidence * factor });
  }
  return kept;
}

// The code-point offsets where `needle` starts in `chars` (non-overlapping).
function occurrences(chars: readonly string[], needle: readonly string[]): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  outer: for (let i = 0; i + needle.length <= chars.length; i++) {
    for (let j = 0; j < needle.length; j++) if (chars[i + j] !== needle[j]) continue outer;
    found.push(i);
    i += needle.length - 1;
  }
  return found;
}
