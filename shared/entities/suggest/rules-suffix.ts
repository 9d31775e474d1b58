import type { EntitySuggestion } from './types';
import { NAME_BREAKERS, codePoints, indexWords, isHan, wordAt } from './han';

/// A name suffix and how long the name before it may be, in characters.
export interface SuffixRule {
  suffix: string;
  minStem: number;
  maxStem: number;
  /// Characters that, right after the suffix, show it is not the end of a name (市 in 市场).
  notBefore?: string;
  /// Characters that, ending the stem, make the whole a generic noun (大 in 大局, 地 in 地区).
  badStemEnd?: string;
}

/// Administrative and street suffixes of Chinese place names.
export const PLACE_SUFFIXES: SuffixRule[] = [
  { suffix: '街道', minStem: 2, maxStem: 4 },
  { suffix: '社区', minStem: 2, maxStem: 6 },
  { suffix: '小区', minStem: 2, maxStem: 6 },
  { suffix: '开发区', minStem: 2, maxStem: 6 },
  { suffix: '自治区', minStem: 2, maxStem: 4 },
  { suffix: '区', minStem: 2, maxStem: 4, notBefore: '域县划别分长委政', badStemEnd: '地辖县片园病社小景郊营' },
  { suffix: '县', minStem: 1, maxStem: 4, notBefore: '委级城区长政' },
  { suffix: '市', minStem: 2, maxStem: 4, notBefore: '场民区委直级长政属' },
  { suffix: '省', minStem: 2, maxStem: 3, notBefore: '委级长政' },
  { suffix: '镇', minStem: 2, maxStem: 4, notBefore: '长政' },
  { suffix: '乡', minStem: 2, maxStem: 4, notBefore: '长政村亲' },
  { suffix: '村', minStem: 2, maxStem: 4, notBefore: '民委长官' },
  { suffix: '大街', minStem: 2, maxStem: 4 },
  { suffix: '路', minStem: 2, maxStem: 4, notBefore: '线上口段况径' },
];

/// Suffixes of Chinese organisation names.
export const ORGANISATION_SUFFIXES: SuffixRule[] = [
  { suffix: '常委会', minStem: 1, maxStem: 10 },
  { suffix: '委员会', minStem: 2, maxStem: 12 },
  { suffix: '联合会', minStem: 2, maxStem: 12 },
  { suffix: '派出所', minStem: 2, maxStem: 10 },
  { suffix: '医院', minStem: 2, maxStem: 12 },
  { suffix: '卫生院', minStem: 2, maxStem: 10 },
  { suffix: '药店', minStem: 2, maxStem: 8 },
  { suffix: '药房', minStem: 2, maxStem: 8 },
  { suffix: '公司', minStem: 2, maxStem: 14 },
  { suffix: '集团', minStem: 2, maxStem: 10 },
  { suffix: '分局', minStem: 2, maxStem: 12 },
  { suffix: '局', minStem: 2, maxStem: 14, notBefore: '面势限部', badStemEnd: '大格结布当时全开僵骗饭棋邮' },
  { suffix: '政府', minStem: 1, maxStem: 10 },
  { suffix: '法院', minStem: 2, maxStem: 10 },
  { suffix: '检察院', minStem: 2, maxStem: 10 },
  { suffix: '银行', minStem: 2, maxStem: 10 },
  { suffix: '大学', minStem: 2, maxStem: 10, notBefore: '生' },
  { suffix: '中学', minStem: 2, maxStem: 10, notBefore: '生' },
  { suffix: '小学', minStem: 2, maxStem: 10, notBefore: '生' },
  { suffix: '学校', minStem: 2, maxStem: 10 },
  { suffix: '协会', minStem: 2, maxStem: 10 },
  { suffix: '商会', minStem: 2, maxStem: 10 },
  { suffix: '支队', minStem: 2, maxStem: 12 },
  { suffix: '大队', minStem: 2, maxStem: 14 },
  { suffix: '统战部', minStem: 1, maxStem: 8 },
  { suffix: '宣传部', minStem: 1, maxStem: 8 },
  { suffix: '组织部', minStem: 1, maxStem: 8 },
  { suffix: '工委', minStem: 1, maxStem: 12 },
  { suffix: '街道办', minStem: 2, maxStem: 4 },
  { suffix: '办事处', minStem: 2, maxStem: 8 },
  { suffix: '日报', minStem: 2, maxStem: 6 },
  { suffix: '晚报', minStem: 2, maxStem: 6 },
  { suffix: '新闻网', minStem: 2, maxStem: 6 },
  { suffix: '电视台', minStem: 2, maxStem: 8 },
  { suffix: '报社', minStem: 2, maxStem: 6 },
  { suffix: '红十字会', minStem: 0, maxStem: 6 },
];

/// Verbs and prepositions that often stand right before a place or organisation name; a name starts after them.
const LEADING_WORDS = [
  '深入', '位于', '来自', '负责', '包联', '支援', '前往', '赶赴', '进入', '走进', '回到', '返回', '途经', '地处', '包括',
  '涉及', '覆盖', '抵达', '居住', '家住', '住在', '入驻', '进驻', '下沉', '驰援', '奔赴', '发往', '联系', '协调', '组织',
  '成立', '召开', '参加', '举办', '开展', '发布', '通过', '配合', '指导', '检查', '走访', '慰问', '看望', '调研', '督导',
  '除了', '根据', '按照', '经过', '针对', '围绕', '关于', '就是', '还有', '以及', '企业', '单位', '部门', '制定',
  '协助', '通知', '送达', '记',
];

const LEADING_INDEX = indexWords(LEADING_WORDS);

/// Stems that make a generic noun, not a name (风险区, 连锁药店, 大局).
const GENERIC_STEMS = new Set([
  '风险', '高风险', '中风险', '低风险', '封控', '管控', '防范', '重点', '所在', '居民', '相关', '有关', '城', '市', '辖',
  '片', '园', '病', '山', '老旧', '周边', '附近', '各个', '全国', '连锁', '保供', '各大', '定点', '方舱', '这家', '那家',
  '大', '格', '结', '布', '当', '时', '全', '开', '僵', '骗', '饭', '棋', '邮', '分', '总', '本', '该', '此', '各',
  '城乡', '农村', '乡村', '城市', '县城', '郊', '景', '社', '小', '街', '道', '马', '公', '线', '思', '出', '一',
  '隔离病', '发展', '经济', '开发', '工业', '安全', '行政', '管理', '服务', '监管', '执法',
]);

/// Words that, ending a stem, make it generic whatever comes before (高风险区, 各大连锁药店).
const GENERIC_ENDINGS = ['风险', '保供', '连锁', '重点', '部分', '兄弟', '顾客', '下沉', '所在', '周边', '附近', '相关'];

/// Finds names that end in one of the suffixes, e.g. 朔城区 or 众鑫药店, and gives them `type`.
///
/// From each suffix the rule walks left over Chinese characters and stops at punctuation, digits, spaces, a
/// function character (的, 在, 到 …) or, for places, the end of an earlier place name (so 朔城区北城街道 gives
/// 北城街道). A walk that reaches `maxStem` without such a stop is dropped, because the left edge is then
/// a guess. A leading verb (深入, 位于 …) is cut off and generic stems (风险区, 连锁药店) are dropped.
export function suggestBySuffix(
  text: string,
  rules: readonly SuffixRule[],
  type: string,
  confidence: number,
  cps: readonly string[] = codePoints(text),
): EntitySuggestion[] {
  const bySuffix = new Map(rules.map((r) => [r.suffix, r]));
  const suffixes = indexWords(bySuffix.keys());
  const isPlace = type === 'LOC';
  const found: EntitySuggestion[] = [];
  for (let at = 0; at < cps.length; at++) {
    const suffix = wordAt(cps, at, suffixes);
    if (suffix === undefined) continue;
    const rule = bySuffix.get(suffix.join(''))!;
    const suffixLength = suffix.length;
    const after = cps[at + suffixLength];
    if (after !== undefined && rule.notBefore?.includes(after)) continue;
    const stemStart = leftEdge(cps, at, rule.maxStem, isPlace);
    if (stemStart !== undefined) {
      const stem = cps.slice(stemStart, at).join('');
      const stemLength = Array.from(stem).length;
      const usable =
        stemLength >= rule.minStem &&
        (stemLength > 0 || rule.minStem === 0) &&
        !isGenericStem(stem) &&
        !(rule.badStemEnd !== undefined && stemLength > 0 && rule.badStemEnd.includes(cps[at - 1]!));
      if (usable) {
        const end = at + suffixLength;
        found.push({ start: stemStart, end, text: cps.slice(stemStart, end).join(''), type, source: 'rule', confidence });
      }
    }
    // Skip over a multi-character suffix so 小区 is not also read as 区.
    at += suffixLength - 1;
  }
  return found;
}

/// True when a stem is a generic word, or ends in a generic word of two or more characters, or is a leading verb.
function isGenericStem(stem: string): boolean {
  if (GENERIC_STEMS.has(stem) || LEADING_WORDS.includes(stem)) return true;
  for (const word of GENERIC_ENDINGS) if (stem.endsWith(word)) return true;
  for (const word of LEADING_WORDS) if (word.length >= 2 && stem.endsWith(word)) return true;
  return false;
}

/// Numerals and measure words that can precede a name (41家, 一名) but are not part of it.
const COUNTING = /^[0-9０-９一二两三四五六七八九十百千几数多]*[家名个位座所条]/u;

/// The left edge of the name whose suffix starts at `suffixAt`, or undefined when no clear edge is found.
function leftEdge(cps: readonly string[], suffixAt: number, maxStem: number, isPlace: boolean): number | undefined {
  let start = suffixAt;
  let bounded = false;
  while (suffixAt - start < maxStem + 1) {
    const ch = cps[start - 1];
    if (!isHan(ch) || isBreaker(cps, start - 1) || (isPlace && endsPlace(cps, start))) {
      bounded = true;
      break;
    }
    start--;
  }
  // A walk that ran the whole allowed length has a clear edge only at a leading verb inside the window.
  const edge = bounded ? (lastLeadingWordEnd(cps, start, suffixAt) ?? start) : lastLeadingWordEnd(cps, suffixAt - maxStem, suffixAt);
  if (edge === undefined) return undefined;
  // A count right before the name (41家保供药店, 一名) is not part of it.
  const counted = COUNTING.exec(cps.slice(edge, suffixAt).join(''));
  const numeralBefore = edge === 0 || !isHan(cps[edge - 1]);
  if (counted && (numeralBefore || counted[0].length > 1)) return edge + Array.from(counted[0]).length;
  return edge;
}

/// True when the character at `at` ends any name to its left; 和 does so unless it starts 和平 or 和顺.
function isBreaker(cps: readonly string[], at: number): boolean {
  const ch = cps[at]!;
  if (ch === '和' && '平顺谐美'.includes(cps[at + 1] ?? '')) return false;
  return NAME_BREAKERS.has(ch);
}

/// True when a place name ends just before `at` (区, 县, 市, 镇, 乡, 村, 街道, 省), so a new one starts there.
function endsPlace(cps: readonly string[], at: number): boolean {
  const prev = cps[at - 1];
  if (prev === '道') return cps[at - 2] === '街';
  if (prev === '办') return cps[at - 2] === '道' && cps[at - 3] === '街';
  // 市 followed by 场/民/区 is part of a word, not a place ending; 市府 is the city government (市府小区).
  return prev !== undefined && '区县市镇乡村省'.includes(prev) && !'场民区委直府'.includes(cps[at] ?? '');
}

/// The position right after the last leading verb (深入, 位于 …) between `from` and `to`, if there is one.
function lastLeadingWordEnd(cps: readonly string[], from: number, to: number): number | undefined {
  let cut: number | undefined;
  for (let i = Math.max(0, from); i < to; i++) {
    const word = wordAt(cps, i, LEADING_INDEX);
    // Shorter leading words at the same place could also fit before `to`; the longest that fits wins.
    if (word !== undefined && i + word.length < to) cut = i + word.length;
    else if (word !== undefined) {
      for (const shorter of LEADING_INDEX.get(cps[i]!) ?? []) {
        if (shorter.length < word.length && i + shorter.length < to && shorter.every((ch, k) => cps[i + k] === ch)) {
          cut = i + shorter.length;
          break;
        }
      }
    }
  }
  return cut;
}
