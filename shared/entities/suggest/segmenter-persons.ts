/// Chinese people's names the segmenter gives good evidence for, which the plain segmenter pass drops: a name it
/// reads as one word whose end it confirms by starting a new word there (江泽民 before 新闻宣传, 叶笃正 before 院士),
/// a two-character name before a title (贺龙同志, 彭真校长), a name it split into single characters (梅/方/权 before
/// 教授), and the names between a byline word and 报道 (记者陶世安、徐运平报道).
import { AFTER_NAME, NAME_BREAKERS, isHan, surnameLength } from './han';
import { givenNameIsOrdinaryWord } from './given-name';
import { isCommonTaggedWord, type PlacedWord } from './segmenter';
import type { EntitySuggestion, PosTagger } from './types';

/// Confidence of a name the segmenter reads as one word and whose end its next word confirms.
export const SEGMENTED_NAME_CONFIDENCE = 0.55;
/// Confidence of a name before a title or in a byline.
export const TITLED_NAME_CONFIDENCE = 0.65;

/// Titles and forms of address written right after a name (江泽民主席, 贺龙同志, 张雅茹女士).
const TITLES_AFTER = new Set([
  '同志', '先生', '女士', '小姐', '教授', '院士', '校长', '总理', '副总理', '主席', '副主席', '总统', '副总统', '首相', '总书记',
  '书记', '委员长', '部长', '大使', '大夫', '医生', '老师', '博士', '司令', '将军', '总裁', '董事长', '经理', '主任', '局长',
  '市长', '省长', '县长', '会长', '社长', '院长', '厂长', '总经理', '教练', '队长', '国务卿', '外长', '议长', '夫人', '老人',
]);
/// Words that end a byline's list of names (记者陶世安、徐运平报道).
const BYLINE_ENDS = ['报道', '摄影', '摄', '电', '专电', '发'];
const BYLINE_STARTS = ['记者', '通讯员', '实习生', '特约记者'];
const BYLINE_FIRST = new Set(BYLINE_STARTS.map((b) => b[0]!));
// Tags of single characters that may be part of a name the segmenter split (梅/nr 方/n 权/n).
const PIECE_TAGS = /^(nr|nrt|nrfg|n|ng|a|ag|v|vg|zg|ns|q|nz|t|tg|g|j|b|s|f)$/;

/// Suggests people from the segmenter's words (in order, covering the text whose code points are `cps`).
export function suggestPersonsFromSegmenter(cps: readonly string[], words: readonly PlacedWord[], tagger?: PosTagger): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  const add = (start: number, end: number, confidence: number) =>
    found.push({ start, end, text: cps.slice(start, end).join(''), type: 'PER', source: 'segmenter', confidence });
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const length = w.end - w.start;
    // One word tagged a name, of a surname and one or two characters.
    if (/^nr/.test(w.tag) && looksLikeChineseName(cps, w.start, w.end) && !isCommonTaggedWord(w.word)) {
      const titled = next !== undefined && next.start === w.end && TITLES_AFTER.has(next.word);
      const ended = !(tagger && givenNameIsOrdinaryWord(cps.slice(w.start, w.end), tagger)) && next?.tag !== 'm' && (next === undefined || next.start !== w.end || !isHan(cps[w.end]) || (next.end - next.start >= 2 && !next.tag.startsWith('nr')) || AFTER_NAME.has(cps[w.end]!));
      if (titled) add(w.start, w.end, TITLED_NAME_CONFIDENCE);
      else if (length === 3 && ended) add(w.start, w.end, SEGMENTED_NAME_CONFIDENCE);
      if (titled || (length === 3 && ended)) continue;
    }
    // A name split into single characters and closed by a title: 梅/方/权 教授, 李/培/之 同志.
    const split = splitNameBefore(words, i, cps);
    if (split > i) {
      add(w.start, words[split]!.end, TITLED_NAME_CONFIDENCE);
      i = split;
      continue;
    }
    // A surname the segmenter tags nr on its own, then one or two single characters up to a clear end (陈/伊/玲 的,
    // 刘/杰 。): the segmenter did not know the name but saw its surname.
    const bare = bareSplitName(words, i, cps);
    if (bare > i) {
      add(w.start, words[bare]!.end, SEGMENTED_NAME_CONFIDENCE);
      i = bare;
    }
  }
  bylineLists(cps, add);
  return found;
}

/// Forms of address and roles that the dictionary tags as names after a surname (徐师傅, 李女士).
const ADDRESSES = new Set(['师傅', '先生', '女士', '小姐', '老师', '大爷', '大妈', '阿姨', '大哥', '大姐', '同志', '老板', '老汉', '大娘', '大伯', '医生', '总', '某', '某某', '老', '家', '氏', '师范', '范生']);
/// Last characters of village and landscape names, which end no given name (雷洞坪, 王家庄).
const PLACE_ENDINGS = new Set(Array.from('坪村镇岭坡沟湾庄屯寨桥堡垭'));

// True when cps[start, end) is a surname and one or two more Chinese characters, none a function character, not a
// form of address or a village's name.
function looksLikeChineseName(cps: readonly string[], start: number, end: number): boolean {
  const surname = surnameLength(cps, start);
  const given = end - start - surname;
  if (surname === 0 || given < 1 || given > 2) return false;
  if (ADDRESSES.has(cps.slice(start + surname, end).join('')) || PLACE_ENDINGS.has(cps[end - 1]!)) return false;
  for (let k = start; k < end; k++) if (!isHan(cps[k]) || (k > start && NAME_BREAKERS.has(cps[k]!))) return false;
  return true;
}

// The index of the last word of a name split into single characters from word `i` and followed by a title; i when
// there is none. The name starts a word after a non-name word or punctuation.
function splitNameBefore(words: readonly PlacedWord[], i: number, cps: readonly string[]): number {
  const w = words[i]!;
  if (w.end - w.start !== 1 || surnameLength(cps, w.start) !== 1) return i;
  for (const parts of [2, 1]) {
    const last = i + parts;
    const title = words[last + 1];
    if (last >= words.length || title === undefined || !TITLES_AFTER.has(title.word)) continue;
    const pieces = words.slice(i + 1, last + 1);
    if (pieces.some((p) => p.end - p.start !== 1 || !PIECE_TAGS.test(p.tag) || NAME_BREAKERS.has(p.word) || !isHan(p.word))) continue;
    if (title.start !== words[last]!.end) continue;
    return last;
  }
  return i;
}

// Tags of single characters that cannot be part of a name: numerals, measure words, pronouns, prepositions,
// conjunctions, particles, adverbs, punctuation.
const NOT_PIECE = /^(m|mq|q|r|rr|rz|p|c|u|uj|ul|uz|uv|ud|ug|d|x|y|e|o|k|h)$/;

// The index of the last word of a name from a lone surname word tagged nr at `i`, followed by one or two single
// characters and then the end of the name (not a Chinese character, or a word of two or more characters); i when
// there is none.
function bareSplitName(words: readonly PlacedWord[], i: number, cps: readonly string[]): number {
  const w = words[i]!;
  if (w.tag !== 'nr' || w.end - w.start !== 1 || surnameLength(cps, w.start) !== 1) return i;
  if (isHan(cps[w.start - 1]) && !NAME_BREAKERS.has(cps[w.start - 1]!) && words[i - 1]?.end !== w.start) return i;
  let j = i;
  while (j - i < 3 && words[j + 1] !== undefined && words[j + 1]!.end - words[j + 1]!.start === 1 && isHan(words[j + 1]!.word) && words[j + 1]!.start === words[j]!.end) {
    const piece = words[j + 1]!;
    if (NOT_PIECE.test(piece.tag) || NAME_BREAKERS.has(piece.word)) break;
    j++;
  }
  const given = j - i;
  if (given < 1 || given > 2) return i;
  const after = words[j + 1];
  const closed = after === undefined || !isHan(cps[words[j]!.end]) || (after.end - after.start >= 2 && !after.tag.startsWith('n')) || AFTER_NAME.has(after.word);
  return closed ? j : i;
}

// Names between a byline word and 报道 (记者陶世安、徐运平报道): each two to four characters from a surname,
// separated by 、 or a space.
function bylineLists(cps: readonly string[], add: (start: number, end: number, confidence: number) => void): void {
  for (let at = 0; at < cps.length; at++) {
    // The first character first: this runs over every character of the page.
    if (!BYLINE_FIRST.has(cps[at]!)) continue;
    const start = BYLINE_STARTS.find((b) => matches(cps, at, b));
    if (start === undefined) continue;
    let pos = at + start.length;
    const names: [number, number][] = [];
    for (;;) {
      let end = pos;
      while (end - pos < 5 && isHan(cps[end]) && !BYLINE_ENDS.some((b) => matches(cps, end, b) && end - pos >= 2)) end++;
      if (end - pos < 2 || end - pos > 4 || surnameLength(cps, pos) === 0) break;
      names.push([pos, end]);
      if (cps[end] === '、' || cps[end] === ' ') pos = end + 1;
      else {
        if (BYLINE_ENDS.some((b) => matches(cps, end, b))) for (const [s, e] of names) add(s, e, TITLED_NAME_CONFIDENCE);
        break;
      }
    }
    at = pos;
  }
}

function matches(cps: readonly string[], at: number, word: string): boolean {
  let k = 0;
  for (const ch of word) if (cps[at + k++] !== ch) return false;
  return true;
}
