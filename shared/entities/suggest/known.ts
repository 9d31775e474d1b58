import { CodePointIndex } from '../../text/codepoints';
import type { EntitySuggestion } from './types';

/// Confidence given to a string that is already tagged somewhere in the corpus.
export const KNOWN_CONFIDENCE = 0.9;

/// Suggests every occurrence of a string already tagged in the corpus, with the type it was tagged as.
///
/// `known` maps entity text to type (for a text tagged with several types, pass the most frequent). One pass
/// over the text with a first-character index, trying longer strings first and not overlapping matches of
/// the same string, so thousands of known strings on a 200,000-character page stay fast.
export function suggestKnown(text: string, known: ReadonlyMap<string, string>): EntitySuggestion[] {
  const byFirstUnit = new Map<string, string[]>();
  for (const entry of known.keys()) {
    if (entry.length === 0) continue;
    const first = entry[0]!;
    const list = byFirstUnit.get(first);
    if (list) list.push(entry);
    else byFirstUnit.set(first, [entry]);
  }
  for (const list of byFirstUnit.values()) list.sort((a, b) => b.length - a.length);

  const index = new CodePointIndex(text);
  const suggestions: EntitySuggestion[] = [];
  // Where the last match of each string ended, so the same string does not match overlapping itself.
  const lastEnd = new Map<string, number>();
  for (let at = 0; at < text.length; at++) {
    const candidates = byFirstUnit.get(text[at]!);
    if (candidates === undefined) continue;
    for (const candidate of candidates) {
      if (!text.startsWith(candidate, at)) continue;
      if ((lastEnd.get(candidate) ?? -1) > at) continue;
      lastEnd.set(candidate, at + candidate.length);
      const start = index.toCp(at);
      suggestions.push({
        start,
        end: index.toCp(at + candidate.length),
        text: candidate,
        type: known.get(candidate)!,
        source: 'known',
        confidence: KNOWN_CONFIDENCE,
      });
    }
  }
  return suggestions;
}

/// Builds the text → type map for `suggestKnown` from tagged spans across the corpus, taking each text's most
/// frequent type (ties go to the type seen first).
export function knownEntityMap(spans: Iterable<{ text: string; type: string }>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const span of spans) {
    let byType = counts.get(span.text);
    if (!byType) counts.set(span.text, (byType = new Map()));
    byType.set(span.type, (byType.get(span.type) ?? 0) + 1);
  }
  const result = new Map<string, string>();
  for (const [text, byType] of counts) {
    let best = '';
    let bestCount = 0;
    for (const [type, count] of byType) {
      if (count > bestCount) [best, bestCount] = [type, count];
    }
    result.set(text, best);
  }
  return result;
}
