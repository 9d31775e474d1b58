import type { LanguageModel } from './types';

/// What a word-frequency model says about one character, beyond the frequency of the character as a word.
export interface CharacterStatistics {
  /// How many distinct words of two or more characters begin with the character (type count, not frequency):
  /// a character that begins many words (卡: 卡片, 卡车 …) readily begins a new one the dictionary lacks (卡点).
  begins: number;
  /// How many distinct words of two or more characters end with it (园: 花园, 公园 … and so a name's 敬德园).
  ends: number;
  /// Its frequency as a one-character word.
  alone: number;
  /// Its frequency in all words it occurs in, itself included.
  total: number;
}

const EMPTY: CharacterStatistics = { begins: 0, ends: 0, alone: 0, total: 0 };

/// Statistics of each model, built once per model from its word list.
const built = new WeakMap<LanguageModel, Map<string, CharacterStatistics>>();

/// Two-character words of each model as partner sets: `after.get(x)` holds every y of a word xy, `before.get(y)`
/// every x. Words seen fewer than PARTNER_FREQUENCY times are left out (rare entries include typos).
const partners = new WeakMap<LanguageModel, { after: Map<string, Set<string>>; before: Map<string, Set<string>> }>();
const PARTNER_FREQUENCY = 3;
/// How many of a character's partners are compared at most (the most frequent characters have thousands).
const MAX_PARTNERS = 400;

/// How well the pair `xy` (whether the dictionary lists it or not) fits the way words are built: the largest overlap
/// (Jaccard, 0..1) between x's partners after it and those of a character x′ that does form a word x′y, or
/// between y's partners before it and those of a y′ with a word xy′. 递到 scores high: 递 is followed by what 押
/// (押到) and 送 are; a misreading such as 恰僚 scores near 0. Used by the language-model gate as evidence that
/// the OCR reading is a word the dictionary lacks.
export function compositionalSupport(model: LanguageModel, x: string, y: string): number {
  let table = partners.get(model);
  if (table === undefined) {
    table = buildPartners(model);
    partners.set(model, table);
  }
  const { after, before } = table;
  let best = 0;
  let compared = 0;
  for (const x2 of before.get(y) ?? []) {
    if (x2 === x) continue;
    if (++compared > MAX_PARTNERS) break;
    best = Math.max(best, jaccard(after.get(x), after.get(x2)));
  }
  compared = 0;
  for (const y2 of after.get(x) ?? []) {
    if (y2 === y) continue;
    if (++compared > MAX_PARTNERS) break;
    best = Math.max(best, jaccard(before.get(y), before.get(y2)));
  }
  return best;
}

function jaccard(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): number {
  if (a === undefined || b === undefined || a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const ch of small) if (large.has(ch)) shared++;
  return shared / (a.size + b.size - shared);
}

function buildPartners(model: LanguageModel): { after: Map<string, Set<string>>; before: Map<string, Set<string>> } {
  const after = new Map<string, Set<string>>();
  const before = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string): void => {
    let set = map.get(key);
    if (set === undefined) map.set(key, (set = new Set()));
    set.add(value);
  };
  model.forEachWord?.((word, frequency) => {
    if (frequency < PARTNER_FREQUENCY) return;
    const chars = Array.from(word);
    if (chars.length !== 2) return;
    add(after, chars[0]!, chars[1]!);
    add(before, chars[1]!, chars[0]!);
  });
  return { after, before };
}

/// The statistics of `ch` under `model` (all zero for a character the model never lists, or for a model that
/// cannot list its words).
export function characterStatistics(model: LanguageModel, ch: string): CharacterStatistics {
  let table = built.get(model);
  if (table === undefined) {
    table = buildStatistics(model);
    built.set(model, table);
  }
  return table.get(ch) ?? EMPTY;
}

function buildStatistics(model: LanguageModel): Map<string, CharacterStatistics> {
  const table = new Map<string, CharacterStatistics>();
  const entry = (ch: string): CharacterStatistics => {
    let found = table.get(ch);
    if (found === undefined) {
      found = { begins: 0, ends: 0, alone: 0, total: 0 };
      table.set(ch, found);
    }
    return found;
  };
  model.forEachWord?.((word, frequency) => {
    const chars = Array.from(word);
    if (chars.length === 1) {
      const e = entry(chars[0]!);
      e.alone += frequency;
      e.total += frequency;
      return;
    }
    entry(chars[0]!).begins++;
    entry(chars[chars.length - 1]!).ends++;
    for (const ch of new Set(chars)) entry(ch).total += frequency;
  });
  return table;
}
