/// Names in an enumeration: when one item of a list separated by 、 (张孝华、张友香父子; 宋双、周森古沙和方炳祯) is a
/// suggested person, the other items of two or three characters that start with a surname are people too.
import { isHan, surnameLength } from './han';
import type { EntitySuggestion } from './types';

/// Confidence of a person found only as the sibling of another in a list.
export const LIST_NAME_CONFIDENCE = 0.55;

/// The people to add for the lists in `cps` (code points) that contain one of `found`'s people.
export function suggestListedNames(cps: readonly string[], found: readonly EntitySuggestion[]): EntitySuggestion[] {
  const added: EntitySuggestion[] = [];
  const people = found.filter((s) => s.type === 'PER' && s.confidence >= 0.5);
  const starts = new Set(people.map((s) => s.start));
  const seen = new Set<number>();
  for (const person of people) {
    if (cps[person.end] !== '、' && cps[person.start - 1] !== '、') continue;
    // Walk left and right over items separated by 、.
    const items: [number, number][] = [[person.start, person.end]];
    for (let at = person.start - 1; cps[at] === '、'; ) {
      let from = at;
      while (from > 0 && isHan(cps[from - 1]) && at - from < 3) from--;
      // The item must start the list (nothing Chinese glued before it), or be followed by more of the list.
      items.unshift([from, at]);
      at = from - 1;
    }
    for (let at = person.end; cps[at] === '、'; ) {
      let to = at + 1;
      while (isHan(cps[to]) && to - at - 1 < 3) to++;
      items.push([at + 1, to]);
      at = to;
    }
    for (const [start, end] of items) {
      if (starts.has(start) || seen.has(start)) continue;
      const length = end - start;
      const surname = surnameLength(cps, start);
      // A full item: two or three characters, a surname, and a boundary after it (、 or not a Chinese character).
      if (length < 2 || length > 3 || surname === 0 || surname >= length || isHan(cps[end])) continue;
      if (isHan(cps[start - 1]) && cps[start - 1] !== '、') continue;
      seen.add(start);
      added.push({ start, end, text: cps.slice(start, end).join(''), type: 'PER', source: 'rule', confidence: LIST_NAME_CONFIDENCE });
    }
  }
  return added;
}
