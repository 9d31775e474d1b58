/// One-character abbreviations of countries and places as news uses them (中美关系, 中俄, 访美, 港澳台, 赴港, 中方,
/// 俄总统): each character is a place (LOC), as the People's Daily annotators tag them. Whether a character is an
/// abbreviation is decided by its neighbour and by the word the segmenter gives: the character must stand alone
/// or end a verb + place word (访美), never start a longer word (美元, 日本, 中心).
import { isGazetteerName } from './gazetteer';
import { isHan } from './han';
import type { PlacedWord } from './segmenter';
import type { EntitySuggestion } from './types';
import { lowerBound } from '../../sorted-search';

/// Confidence of an abbreviation found in context.
export const ABBREVIATION_CONFIDENCE = 0.65;

/// One-character short names of countries (中国 中, 美国 美 …) that news pairs with one another.
const COUNTRIES = new Set(Array.from('中美俄日韩朝英法德意印巴越泰澳加菲欧非'));
/// One-character short names of Chinese cities, provinces and regions, and 华 for China.
const PLACES = new Set(Array.from('京沪津渝港澳台粤川鲁豫冀晋陕甘藏蒙辽吉苏浙皖闽赣湘鄂桂琼滇黔穗华'));

/// Verbs of travel and stay that take a one-character place straight after them (访美, 赴港, 驻华, 来京, 旅美).
const TRAVEL = new Set(Array.from('访赴驻抵旅留侵援来离返回进在对'));
/// Words after a pair of abbreviations that show the pair names two countries or places (中美关系, 中俄两国).
const RELATION = [
  '关系', '两国', '三国', '四国', '双方', '三方', '合作', '会谈', '会晤', '首脑', '联合', '建交', '友好', '贸易', '经贸', '之间',
  '战略', '伙伴', '边界', '边境', '协议', '协定', '对话', '峰会', '外长', '领导人', '磋商', '谈判', '友谊', '交流', '人民', '三个',
  '两个', '间', '等国', '军事', '争端', '冲突', '战争', '比赛', '大战', '之战', '同胞', '地区', '三地', '两地', '关', '对抗',
];
/// Words right after a country's one-character name that make it stand for that country (俄总统, 美军, 中方).
const AFTER_COUNTRY = ['总统', '总理', '首相', '外长', '政府', '国务卿', '军', '方', '籍', '驻', '外交'];

/// Suggests one-character abbreviations in `cps` (code points), using the segmenter's `words` (sorted, covering the
/// text) to tell an abbreviation from the first character of a word.
export function suggestAbbreviations(cps: readonly string[], words: readonly PlacedWord[]): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  const starts = words.map((w) => w.start);
  const add = (at: number) => found.push({ start: at, end: at + 1, text: cps[at]!, type: 'LOC', source: 'rule', confidence: ABBREVIATION_CONFIDENCE });
  for (let at = 0; at < cps.length; at++) {
    const ch = cps[at]!;
    if (!COUNTRIES.has(ch) && !PLACES.has(ch)) continue;
    // The cheap neighbour tests first: most of these characters (中, 日, 美 …) are in ordinary words.
    let run = abbreviationRun(cps, at);
    const verb = cps[at - 1];
    const travel = verb !== undefined && TRAVEL.has(verb);
    const countryBefore = COUNTRIES.has(ch) && followedBy(cps, at + 1, AFTER_COUNTRY);
    if (run < 2 && !travel && !countryBefore) continue;
    const word = wordAt(words, starts, at);
    if (word === undefined) continue;
    // A run's last character may start a word of its own (中美加强: 加 starts 加强): the run ends before it.
    for (let last = wordAt(words, starts, at + run - 1); run >= 2 && last !== undefined && last.start === at + run - 1 && last.end > at + run; ) {
      run--;
      last = wordAt(words, starts, at + run - 1);
    }
    // A pair or run of abbreviations (中美, 港澳台, 日俄) followed by a relation word, 、 or the end of a clause.
    if (run >= 2 && word.start === at && runIsRead(cps, words, starts, at, run)) {
      for (let k = at; k < at + run; k++) add(k);
      at += run - 1;
      continue;
    }
    // A country name alone before a title or 方 (俄总统, 中方): the word must start here and not be a longer name.
    if (countryBefore && word.start === at && !isGazetteerName(cps.slice(at, at + 2).join(''))) {
      const next = wordAt(words, starts, at + 1);
      // The country alone, or one word of the country and what follows (中方, 俄总统, 俄政府).
      const joined = AFTER_COUNTRY.some((a) => word.word === ch + a);
      if (word.end === at + 1 || joined || next?.start === at + 1) {
        add(at);
        continue;
      }
    }
    // A verb of travel before it (访美, 赴港, 在京): the verb and the place are one word, or the place stands alone.
    if (travel && travelTarget(ch, verb!) && !startsLongerName(cps, at)) {
      // The verb and the place start one word (访华, 驻华使馆, 来华访问), or the place stands alone.
      const verbWord = word.start === at - 1 && (word.end === at + 1 || '访赴驻旅留来'.includes(verb!));
      const alone = word.start === at && word.end === at + 1;
      if (verbWord || alone) add(at);
    }
  }
  return found;
}

// Which places a verb may take: the weak verbs (在, 来, 回, 进, 离, 返) only cities and China (在京, 来华), because
// 在美 or 回台 are as often other words.
function travelTarget(ch: string, verb: string): boolean {
  if ('访赴驻抵旅留侵援'.includes(verb)) return true;
  // 对 + a country (对美关系, 对华投资, 对俄贷款).
  if (verb === '对') return COUNTRIES.has(ch) || ch === '华';
  return '京沪港澳华'.includes(ch) && !(verb === '离' && ch === '港') && !(verb === '回' && ch === '京');
}

// The number of abbreviation characters from `at` (at most four), 、 between them not counted as a break.
function abbreviationRun(cps: readonly string[], at: number): number {
  let n = 0;
  // 华 is left out of runs: 中华 is one name, not two.
  while (n < 4 && (COUNTRIES.has(cps[at + n]!) || (PLACES.has(cps[at + n]!) && cps[at + n] !== '华'))) n++;
  return n;
}

// True when the run is read as abbreviations: the segmenter's words inside it end at its end or run on only into a
// relation word (中美关系 is one nt word), and what follows is a relation word, 、, or not a Chinese character.
function runIsRead(cps: readonly string[], words: readonly PlacedWord[], starts: readonly number[], at: number, run: number): boolean {
  const end = at + run;
  if (isGazetteerName(cps.slice(at, end).join('')) || isGazetteerName(cps.slice(at, end + 1).join(''))) return false;
  const last = wordAt(words, starts, end - 1);
  if (last === undefined) return false;
  const relation = followedBy(cps, end, RELATION);
  if (last.end !== end && !relation) return false;
  if (relation || !isHan(cps[end]) || cps[end] === '、') return true;
  // Two countries the segmenter reads as two one-character words (中/美 加强, 日/俄 高层) or as one place word
  // (欧美/ns, 印巴/ns): it saw no longer word there.
  const first = wordAt(words, starts, at);
  if (run === 2 && first !== undefined && first.end === at + 1 && last.start === at + 1 && COUNTRIES.has(cps[at]!) && COUNTRIES.has(cps[at + 1]!)) return true;
  return run === 2 && first !== undefined && first.start === at && first.end === end && /^(ns|j)$/.test(first.tag);
}

function followedBy(cps: readonly string[], at: number, list: readonly string[]): boolean {
  return list.some((w) => Array.from(w).every((ch, i) => cps[at + i] === ch));
}

// True when the characters from `at` make a two- or three-character place name (日本, 美国, 澳门): then the character
// is not an abbreviation.
function startsLongerName(cps: readonly string[], at: number): boolean {
  return isGazetteerName(cps.slice(at, at + 2).join('')) || isGazetteerName(cps.slice(at, at + 3).join(''));
}

function wordAt(words: readonly PlacedWord[], starts: readonly number[], at: number): PlacedWord | undefined {
  let i = lowerBound(starts, at);
  if (i === words.length || words[i]!.start > at) i--;
  const w = words[i];
  return w !== undefined && w.start <= at && at < w.end ? w : undefined;
}
