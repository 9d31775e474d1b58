import { isHan } from './han';
import type { EntitySuggestion } from './types';

/// Confidence of a name repeated from a stronger rule suggestion elsewhere on the page.
export const REPEAT_CONFIDENCE = 0.6;

/// Only people found after a byline word or a title are repeated (confidence 0.65 and up); names guessed from a
/// line's layout alone (0.6) are not, so a guess does not spread its error over the page.
const MIN_PERSON_CONFIDENCE = 0.65;

/// Administrative suffixes that news writing often drops once a place has been named (朔州市 → 朔州).
const DROPPABLE_SUFFIXES = ['市', '县', '区', '省'];

/// The names a page's rule suggestions make worth looking for again: each person found after a byline word or a
/// title, and each place with an administrative suffix both whole and without the suffix when at least two
/// characters remain. Keys are the texts, values the types.
export function namesToRepeat(suggestions: readonly EntitySuggestion[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of suggestions) {
    if (s.source !== 'rule' || /\s/u.test(s.text)) continue;
    if (s.type === 'PER' && s.confidence >= MIN_PERSON_CONFIDENCE && Array.from(s.text).length >= 2) {
      names.set(s.text, 'PER');
    } else if (s.type === 'LOC') {
      const cps = Array.from(s.text);
      if (!DROPPABLE_SUFFIXES.includes(cps.at(-1)!)) continue;
      names.set(s.text, 'LOC');
      if (cps.length >= 3) names.set(cps.slice(0, -1).join(''), 'LOC');
    }
  }
  return names;
}

/// Suggests the other occurrences on the page of names found by a rule elsewhere on it: a person named once
/// after a title (民警武卫平) is usually named again without one (武卫平说), and a place given with its suffix
/// (右玉县) is usually repeated without it (右玉).
///
/// A two-character person's name must not run straight into another Chinese character, unless that character
/// usually follows names (说, 在 …), because it may be the start of a longer name (王鹏 in 王鹏飞). Longer names
/// are tried first; offsets are code points.
export function suggestRepeats(
  text: string,
  names: ReadonlyMap<string, string>,
  followsName: ReadonlySet<string>,
  cps: readonly string[] = Array.from(text),
): EntitySuggestion[] {
  if (names.size === 0) return [];
  const byFirst = new Map<string, string[][]>();
  for (const name of names.keys()) {
    const nameCps = Array.from(name);
    const list = byFirst.get(nameCps[0]!) ?? [];
    list.push(nameCps);
    byFirst.set(nameCps[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const found: EntitySuggestion[] = [];
  for (let at = 0; at < cps.length; at++) {
    const candidates = byFirst.get(cps[at]!);
    if (candidates === undefined) continue;
    for (const name of candidates) {
      if (!name.every((ch, k) => cps[at + k] === ch)) continue;
      const end = at + name.length;
      const type = names.get(name.join(''))!;
      const next = cps[end];
      if (type === 'PER' && name.length === 2 && isHan(next) && !followsName.has(next!)) continue;
      found.push({ start: at, end, text: name.join(''), type, source: 'rule', confidence: REPEAT_CONFIDENCE });
      at = end - 1;
      break;
    }
  }
  return found;
}
