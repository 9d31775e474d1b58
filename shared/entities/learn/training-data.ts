import { codePoints } from '../suggest/han';
import { splitSentences, type SentenceExtent } from './sentences';

/// One page as training material: its corrected text, the entity spans the editor accepted, and the suggestions
/// the editor rejected (code points on `text`).
export interface TrainingPage {
  text: string;
  spans: readonly { start: number; end: number; type: string }[];
  rejected?: readonly { start?: number; end?: number }[];
}

/// One sentence to learn from, with its spans on the sentence.
export interface TrainingSentence {
  page: number;
  /// Where the sentence sits on its page's text.
  extent: SentenceExtent;
  spans: { start: number; end: number; type: string }[];
}

/// The sentences a set of pages teaches, in page order.
///
/// The rule (see docs/entities-learned.md): a page without tags or placed rejections teaches nothing. On a page with
/// some, every sentence from the page's start up to the last sentence holding a tag or a placed rejection counts as
/// fully annotated (what is untagged there is not an entity): editors work down a page, so what lies above their
/// last decision has been read. Sentences after it may not have been read, and teach nothing.
///
/// Spans crossing a sentence end are left out (they cannot be learned one sentence at a time).
export function trainingSentences(pages: readonly TrainingPage[]): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  pages.forEach((page, p) => {
    let lastDecision = -1;
    for (const s of page.spans) lastDecision = Math.max(lastDecision, s.end);
    for (const r of page.rejected ?? []) if (r.end !== undefined) lastDecision = Math.max(lastDecision, r.end);
    if (lastDecision < 0) return;
    const sentences = splitSentences(codePoints(page.text));
    const spans = [...page.spans].sort((a, b) => a.start - b.start);
    let k = 0;
    for (const extent of sentences) {
      if (extent.start >= lastDecision) break;
      while (k < spans.length && spans[k]!.start < extent.start) k++;
      const inside: TrainingSentence['spans'] = [];
      for (let j = k; j < spans.length && spans[j]!.start < extent.end; j++) {
        const s = spans[j]!;
        if (s.end <= extent.end) inside.push({ start: s.start - extent.start, end: s.end - extent.start, type: s.type });
      }
      out.push({ page: p, extent, spans: inside });
    }
  });
  return out;
}
