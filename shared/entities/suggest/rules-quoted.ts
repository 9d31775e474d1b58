import type { EntitySuggestion } from './types';
import { upperBound } from '../../sorted-search';

// The longest quoted term (“金华佛手”, “无疫小区”) read as a name of its own; longer quotes are speech.
const MAX_TERM = 8;

/// Drops places that stand inside a book or document title (《金华市农村饮用水…方案》) or inside a short quoted term
/// (“金华佛手”): the title or the term is the name there, and annotators do not tag the place in it. Quoted speech
/// (longer, or with punctuation inside) keeps its places. `cps` are the text's code points.
export function withoutPlacesInTitles(found: readonly EntitySuggestion[], cps: readonly string[]): EntitySuggestion[] {
  const enclosed = enclosedRanges(cps);
  if (enclosed.length === 0) return [...found];
  // The ranges do not overlap and come in order: the one that may hold a suggestion is the last that starts at or
  // before it.
  const starts = enclosed.map(([from]) => from);
  return found.filter((s) => {
    if (s.type !== 'LOC') return true;
    const range = enclosed[upperBound(starts, s.start) - 1];
    return range === undefined || !(s.end <= range[1] && (s.start > range[0] || s.end < range[1]));
  });
}

const PUNCTUATION_OR_SPACE = /[\p{P}\s]/u;

// The code-point ranges inside 《…》 and inside short “…” terms, in order.
function enclosedRanges(cps: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < cps.length; i++) {
    const close = cps[i] === '《' ? '》' : cps[i] === '“' ? '”' : null;
    if (close === null) continue;
    const limit = close === '》' ? 80 : MAX_TERM + 1;
    for (let j = i + 1; j < cps.length && j - i <= limit; j++) {
      if (cps[j] === close) {
        const inner = cps.slice(i + 1, j);
        if (close === '》' || !inner.some((ch) => PUNCTUATION_OR_SPACE.test(ch))) ranges.push([i + 1, j]);
        i = j;
        break;
      }
    }
  }
  return ranges;
}
