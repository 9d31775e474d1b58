import { isHan } from './han';
import type { EntitySuggestion } from './types';

/// A copy of a text with OCR layout gaps removed, and the way back to the text's own offsets.
///
/// Scanned newspaper columns are hard-wrapped, so a name can be split by a line break (朔城公\n\n安分局), and
/// OCR often puts spaces between characters (11 月 30 日). The joined view drops every run of spaces and line
/// breaks that sits between two Chinese characters or digits, so the rules can see such names whole.
export interface JoinedView {
  /// The text with layout gaps removed.
  text: string;
  /// For each code point of `text`, its code-point offset in the original text.
  origin: Int32Array;
  /// True when at least one gap was removed (otherwise the view equals the original).
  changed: boolean;
}

const isGap = (ch: string) => ch === ' ' || ch === '\u3000' || ch === '\n';
const isJoinable = (ch: string) => isHan(ch) || (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９') || ch === ':' || ch === '：';

/// Builds the joined view of `text` (code-point based).
export function joinLayoutGaps(text: string): JoinedView {
  const cps = Array.from(text);
  const kept: string[] = [];
  const origin: number[] = [];
  let i = 0;
  while (i < cps.length) {
    const ch = cps[i]!;
    if (isGap(ch)) {
      let j = i;
      while (j < cps.length && isGap(cps[j]!)) j++;
      const before = cps[i - 1];
      const after = cps[j];
      const joinable = before !== undefined && after !== undefined && isJoinable(before) && isJoinable(after);
      if (!joinable) {
        for (let k = i; k < j; k++) {
          kept.push(cps[k]!);
          origin.push(k);
        }
      }
      i = j;
      continue;
    }
    kept.push(ch);
    origin.push(i);
    i++;
  }
  return { text: kept.join(''), origin: Int32Array.from(origin), changed: kept.length !== cps.length };
}

/// Maps suggestions found on a joined view back to the original text; the text quoted is the original's,
/// including any spaces or line breaks inside the entity.
export function mapFromJoined(view: JoinedView, suggestions: readonly EntitySuggestion[], original: string): EntitySuggestion[] {
  if (!view.changed) return [...suggestions];
  const cps = Array.from(original);
  return suggestions.map((s) => {
    const start = view.origin[s.start]!;
    const end = view.origin[s.end - 1]! + 1;
    return { ...s, start, end, text: cps.slice(start, end).join('') };
  });
}
