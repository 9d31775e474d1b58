/// Names the segmenter finds that the filters of `suggestFromSegmenter` used to throw away although its evidence is
/// good: foreign people and places written in transliteration characters (克林顿, 基里延科, 布宜诺斯艾利斯),
/// places of the world gazetteer (莫斯科, 东南亚), and people named inside a longer word (马克思 in 马克思主义).
/// These are stronger than plain segmenter guesses (confidence ≥ 0.5), below the rules' own names.
import { countryNames, isGazetteerName } from './gazetteer';
import { isCommonTaggedWord, type PlacedWord } from './segmenter';
import { isTransliterated } from './transliteration';
import type { EntitySuggestion, PosTagger } from './types';
import { isWorldPlace } from './world-places';

/// Confidence of a foreign name the segmenter tags and transliteration characters confirm.
export const FOREIGN_NAME_CONFIDENCE = 0.55;
/// Confidence of a segmenter place word that a gazetteer confirms.
export const KNOWN_PLACE_CONFIDENCE = 0.6;

const PERSON_TAGS = new Set(['nr', 'nrt', 'nrfg']);
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nz', 'nt', 'j']);
/// Endings of words that name a doctrine, era or style after a person (马克思主义, 邓小平理论, 毛泽东思想).
const AFTER_PERSON = ['主义', '理论', '思想', '同志', '路线', '时代', '诞辰', '故居', '纪念馆', '式'];
/// Characters that end a foreign person's name but never a place (娃 in 娜塔莎·伊万诺娃 aside, 斯 ends both).
const JOINER = new Set(['·', '•', '・', '-', '－']);

/// Suggests foreign people and places and known places from the segmenter's words (`words` cover `text` in order).
/// `tagger` re-reads the start of a doctrine word (马克思主义) to see whether it is a name.
export function suggestFromEvidence(cps: readonly string[], words: readonly PlacedWord[], tagger?: PosTagger): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  const add = (start: number, end: number, type: string, confidence: number) =>
    found.push({ start, end, text: cps.slice(start, end).join(''), type, source: 'segmenter', confidence });
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const length = w.end - w.start;
    const run = foreignRun(words, i, cps);
    if (run !== undefined) {
      add(w.start, run.end, run.type, FOREIGN_NAME_CONFIDENCE);
      i = run.last;
      continue;
    }
    // A known place the segmenter reads as one word (莫斯科, 布隆迪 in 布隆迪国内).
    if (isWorldPlace(w.word) || (length >= 2 && NAME_TAGS.has(w.tag) && isGazetteerName(w.word) && !isCommonTaggedWord(w.word))) {
      add(w.start, w.end, 'LOC', KNOWN_PLACE_CONFIDENCE);
      continue;
    }
    // A country named at the start of a longer word (法国总理, 中国国情, 印度政府): the country is a place.
    const country = length >= 3 && (w.tag !== 'nt' || w.word.endsWith('政府')) ? countryPrefix(w.word) : 0;
    if (country > 0) {
      // A country's team or body written as one word (古巴队, 日本文化厅) is the organisation, not the country.
      if (length - country <= 4 && ORGANISATION_ENDS.has(cps[w.end - 1]!)) add(w.start, w.end, 'ORG', KNOWN_PLACE_CONFIDENCE);
      else add(w.start, w.start + country, 'LOC', KNOWN_PLACE_CONFIDENCE);
      continue;
    }
    if (tagger && length >= 4) {
      const inner = personBeforeEnding(w.word, tagger);
      if (inner > 0) add(w.start, w.start + inner, 'PER', FOREIGN_NAME_CONFIDENCE);
    }
  }
  return found;
}

// Countries of two to four characters by their first character, longest first.
const COUNTRIES_BY_FIRST = new Map<string, string[]>();
for (const name of [...countryNames(), '中国'].filter((n) => n.length >= 2 && n.length <= 4).sort((a, b) => b.length - a.length)) {
  const list = COUNTRIES_BY_FIRST.get(name[0]!) ?? [];
  list.push(name);
  COUNTRIES_BY_FIRST.set(name[0]!, list);
}
/// Characters that continue a country's name into a longer place or organisation name, so the prefix is not the
/// country alone (南非共和国, 美国东部).
const COUNTRY_CONTINUES = new Set(Array.from('共东西南北中部'));

// The length of a country's name that starts `word` (not the whole word), or 0.
function countryPrefix(word: string): number {
  for (const name of COUNTRIES_BY_FIRST.get(word[0]!) ?? []) {
    if (word.length > name.length && word.startsWith(name) && !COUNTRY_CONTINUES.has(word[name.length]!)) return name.length;
  }
  return 0;
}

/// Last characters of a team or a body after a country's name (古巴队, 日本文化厅, 美国国务院).
const ORGANISATION_ENDS = new Set(Array.from('队部厅局委院署'));

/// Place characters that end a foreign place's name in Chinese (巴达赫尚省, 科连特斯州).
const PLACE_ENDS = new Set(Array.from('省州市县镇区河湖岛港城村山'));
/// Words before a foreign name that make it a place (在科索沃, 访问布隆迪).
const BEFORE_PLACE = new Set(Array.from('在到赴访抵往于从至经'));
/// Words after a foreign name that make it a place (克什米尔问题, 科索沃局势).
const AFTER_PLACE = ['问题', '局势', '地区', '国内', '境内', '附近', '一带', '上空', '郊区', '当局', '首都', '市区', '举行', '召开'];
/// Loanwords in transliteration characters that are no names (尼古丁; 卢比 after a number is a currency).
const LOANWORDS = new Set(['尼古丁', '卢比', '厄尔尼诺', '桑塔纳', '斯诺克', '科普', '多达', '路基', '吉普', '沙龙', '卡通', '拉力', '马拉松', '沙拉', '巴士', '摩托', '高尔夫', '模特', '布丁', '咖啡', '芭蕾', '比基尼', '奥林匹克', '奥运']);
const NUMERALS = /^[0-9０-９一二三四五六七八九十百千万亿两几半多.．]$/u;

// A foreign name from word `i`: adjacent words all written in transliteration characters (joined by · or not), at
// least one of them a name the segmenter tags nr/nrt/ns of two characters or more. Its type is a place when a
// place character ends it, the segmenter tags a part ns, or the words around it are those of a place.
function foreignRun(words: readonly PlacedWord[], i: number, cps: readonly string[]): { end: number; last: number; type: string } | undefined {
  if (!isTransliterated(words[i]!.word, 1)) return undefined;
  let j = i;
  for (;;) {
    const next = words[j + 1];
    if (next !== undefined && next.start === words[j]!.end && isTransliterated(next.word, 1)) j++;
    else if (next !== undefined && JOINER.has(next.word) && words[j + 2] !== undefined && isTransliterated(words[j + 2]!.word, 1)) j += 2;
    else break;
  }
  const parts = words.slice(i, j + 1);
  const start = words[i]!.start;
  let end = words[j]!.end;
  const text = cps.slice(start, end).join('');
  const named = parts.some(
    (p) => p.end - p.start >= 2 && (p.tag === 'nrt' || (p.tag === 'ns' && p.end - p.start >= 3) || (p.tag === 'nr' && (p.end - p.start >= 3 || parts.length > 1))),
  );
  // A single two-character word is a name only when tagged nrt (西瓜, 东西, 福利 are ns or nr in the dictionary).
  if (parts.length === 1 && end - start === 2 && parts[0]!.tag !== 'nrt') return undefined;
  if (!named || end - start < 2 || LOANWORDS.has(text) || isGazetteerName(text) || isWorldPlace(text)) return undefined;
  if (NUMERALS.test(cps[start - 1] ?? '')) return undefined;
  let place =
    (parts.some((p) => p.tag === 'ns') && !parts.some((p) => p.tag === 'nr' || p.tag === 'nrt')) ||
    BEFORE_PLACE.has(cps[start - 1] ?? '') ||
    AFTER_PLACE.some((a) => Array.from(a).every((ch, k) => cps[end + k] === ch));
  const after = words[j + 1];
  // A name glued to a further name-like word (阿尔茨/海默病) is part of a longer word the segmenter did not know.
  if (after !== undefined && after.start === end && /^(nr|nz)/.test(after.tag)) return undefined;
  if (after !== undefined && after.start === end && after.word.length === 1 && PLACE_ENDS.has(after.word)) {
    end = after.end;
    j++;
    place = true;
  }
  return { end, last: j, type: place ? 'LOC' : 'PER' };
}

// The length of a person's name that starts `word` and is followed by a doctrine or era ending, when the tagger
// reads that start as a name on its own; 0 otherwise.
function personBeforeEnding(word: string, tagger: PosTagger): number {
  const ending = AFTER_PERSON.find((e) => word.endsWith(e));
  if (ending === undefined) return 0;
  const head = word.slice(0, -ending.length);
  const length = Array.from(head).length;
  if (length < 2 || length > 4) return 0;
  const read = tagger.tag(head);
  return read.length === 1 && PERSON_TAGS.has(read[0]!.tag) ? length : 0;
}
