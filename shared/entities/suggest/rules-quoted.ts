import type { EntitySuggestion } from './types';

// The longest quoted term (“金华佛手”, “无疫小区”) read as a name of its own; longer quotes are speech.
const MAX_TERM = 8;

/// Drops places that stand inside a book or document title (《金华市农村饮用水…方案》) or inside a short quoted term
/// (“金华佛手”): the title or the term is the name there, and annotators do not tag the place in it. Quoted speech
/// (longer, or with punctuation inside) keeps its places. `cps` are the text's code points.
export function withoutPlacesInTitles(found: readonly EntitySuggestion[], cps: readonly string[]): EntitySuggestion[] {
  const enclosed = enclosedRanges(cps);
  if (enclosed.length === 0) return [...found];
  return found.filter((s) => s.type !== 'LOC' || !enclosed.some(([from, to]) => from <= s.start && s.end <= to && (s.start > from || s.end < to)));
}

// The code-point ranges inside 《…》 and inside short “…” terms.
function enclosedRanges(cps: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < cps.length; i++) {
    const close = cps[i] === '《' ? '》' : cps[i] === '“' ? '”' : null;
    if (close === null) continue;
    const limit = close === '》' ? 80 : MAX_TERM + 1;
    for (let j = i + 1; j < cps.length && j - i <= limit; j++) {
      if (cps[j] === close) {
        const inner = cps.slice(i + 1, j);
        if (close === '》' || !inner.some((ch) => /[\p{P}\s]/u.test(ch))) ranges.push([i + 1, j]);
        break;
      }
    }
  }
  return ranges;
}
