import { CodePointIndex } from '../text/codepoints';
import { contextAt, contextIn, judge, tallyRejections, type PageRejection, type RejectionTallies } from '../learning/rejection-context';
import type { IgnoreEntry } from '../learning/ignore-list';

/// The key of an OCR suggestion in the rejection tallies: its rule, the text it replaces and its replacement.
export function ocrKey(rule: string, text: string, replacement: string): string {
  return `${rule}\u0000${text}\u0000${replacement}`;
}

/// What one sidecar contributes: its corrected text (NFC), its rejected OCR suggestions (code points on that
/// text) and its corrections (those with a `rule` were accepted suggestions).
export interface SidecarOcrDecisions {
  text: string;
  rejected: readonly { rule: string; start: number; end: number; text: string; replacement: string }[];
  corrections: readonly { original: string; corrected: string; rule?: string | undefined }[];
}

/// Gathers the OCR rejections of every sidecar with their contexts, and how often each rejected suggestion was
/// accepted (a correction recorded with the same rule, text and replacement) anywhere in the corpus. A rejection
/// whose place no longer holds its text still counts, without a context.
export function gatherOcrRejections(pages: readonly SidecarOcrDecisions[]): RejectionTallies {
  return tallyRejections(
    pages.map((page) => pageOcrRejections(page.text, page.rejected)),
    pages.flatMap((page) => acceptedOcrKeys(page.corrections).map((key) => [key, 1] as const)),
  );
}

/// The OCR rejections of one sidecar with the context of each place on its corrected text `text`.
export function pageOcrRejections(text: string, rejected: SidecarOcrDecisions['rejected']): PageRejection[] {
  if (rejected.length === 0) return [];
  const chars = Array.from(text);
  return rejected.map((r) => {
    const holds = r.end >= r.start && r.end <= chars.length && chars.slice(r.start, r.end).join('') === r.text;
    return { key: ocrKey(r.rule, r.text, r.replacement), contexts: holds ? [contextAt(chars, r.start, r.end)] : [] };
  });
}

/// The keys of a sidecar's corrections that were accepted suggestions (those recorded with a rule).
export function acceptedOcrKeys(corrections: SidecarOcrDecisions['corrections']): string[] {
  return corrections.flatMap((c) => (c.rule === undefined ? [] : [ocrKey(c.rule, c.original, c.corrected)]));
}

/// The part of an OCR suggestion this needs: where (code points on the text), what rule, what replacement.
interface Placed {
  start: number;
  end: number;
  rule: string;
  replacement: string;
  confidence: number;
}

/// Applies the corpus's decisions to OCR suggestions made on `text`: drops those the ignore list names and those
/// rejected in the same context on some page; lowers the confidence of those rejected in other contexts by
/// `lowering` (rejected vs accepted). Keeps the order given.
export function applyCorpusOcrDecisions<S extends Placed>(text: string, suggestions: readonly S[], rejections: RejectionTallies | undefined, ignored: readonly IgnoreEntry[] = []): S[] {
  const ignoredKeys = new Set(ignored.flatMap((e) => (e.kind === 'ocr' ? [ocrKey(e.rule, e.text, e.replacement)] : [])));
  const anyRejections = rejections !== undefined && Object.keys(rejections).length > 0;
  if (!anyRejections && ignoredKeys.size === 0) return [...suggestions];
  const index = new CodePointIndex(text);
  const kept: S[] = [];
  for (const s of suggestions) {
    const key = ocrKey(s.rule, text.slice(index.toUtf16(s.start), index.toUtf16(s.end)), s.replacement);
    if (ignoredKeys.has(key)) continue;
    const verdict = judge(anyRejections ? rejections[key] : undefined, () => contextIn(index, s.start, s.end));
    if (verdict.drop) continue;
    kept.push(verdict.factor === 1 ? s : { ...s, confidence: s.confidence * verdict.factor });
  }
  return kept;
}
