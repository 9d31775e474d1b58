import type { EntitySuggestion } from './types';
import { NAME_BREAKERS, codePoints, indexWords, isHan, wordAt } from './han';
import { coveredByGazetteerName, insideGazetteerName, isGazetteerName, isPlaceChain, placeNameEndingAt, placeNameStartingAt } from './gazetteer';

/// A name suffix and how long the name before it may be, in characters.
export interface SuffixRule {
  suffix: string;
  minStem: number;
  maxStem: number;
  /// Characters that, right after the suffix, show it is not the end of a name (市 in 市场).
  notBefore?: string;
  /// Characters that, ending the stem, make the whole a generic noun (大 in 大局, 地 in 地区).
  badStemEnd?: string;
  /// The name must start with its owner: a level (市急救中心) or a place (浙江婺剧艺术研究院), because the suffix
  /// alone also ends generic nouns (指挥中心).
  needsOwner?: boolean;
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
  { suffix: '公园', minStem: 2, maxStem: 4 },
  { suffix: '公路', minStem: 2, maxStem: 4 },
  { suffix: '高速', minStem: 2, maxStem: 3, notBefore: '公路上行' },
  { suffix: '河', minStem: 2, maxStem: 3, notBefore: '道流水边岸床谷段堤畔', badStemEnd: '大小长运护冰银黄' },
  { suffix: '商务区', minStem: 2, maxStem: 6 },
  { suffix: '江', minStem: 1, maxStem: 3, notBefore: '湖南北西东山苏省市', badStemEnd: '大长过渡沿跨一两三几各入出' },
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
  { suffix: '局', minStem: 2, maxStem: 14, notBefore: '面势限部', badStemEnd: '大格结布当时全开僵骗饭棋邮局' },
  // The owner must start the name (市政府, 浙江省人民政府): 提高政府, 地方政府 are phrases.
  { suffix: '政府', minStem: 1, maxStem: 10, needsOwner: true },
  { suffix: '法院', minStem: 2, maxStem: 10 },
  { suffix: '检察院', minStem: 2, maxStem: 10 },
  { suffix: '银行', minStem: 2, maxStem: 10 },
  { suffix: '大学', minStem: 2, maxStem: 10, notBefore: '生' },
  { suffix: '师范大学', minStem: 2, maxStem: 8 },
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
  { suffix: '红十字会', minStem: 1, maxStem: 6 },
  { suffix: '合作社', minStem: 2, maxStem: 14 },
  { suffix: '研究院', minStem: 2, maxStem: 12 },
  { suffix: '研究所', minStem: 2, maxStem: 12 },
  { suffix: '学院', minStem: 2, maxStem: 10, notBefore: '生' },
  { suffix: '中心', minStem: 2, maxStem: 10, needsOwner: true },
  { suffix: '卫生健康委', minStem: 1, maxStem: 6, notBefore: '员' },
  { suffix: '卫健委', minStem: 1, maxStem: 6, notBefore: '员' },
  { suffix: '发改委', minStem: 1, maxStem: 6, notBefore: '员' },
  { suffix: '改革委', minStem: 2, maxStem: 8, notBefore: '员' },
  { suffix: '都市报', minStem: 2, maxStem: 6 },
  { suffix: '图书馆', minStem: 2, maxStem: 10 },
  { suffix: '博物馆', minStem: 2, maxStem: 10 },
  { suffix: '文化馆', minStem: 2, maxStem: 10 },
  { suffix: '纪念馆', minStem: 2, maxStem: 10 },
  { suffix: '美术馆', minStem: 2, maxStem: 10 },
];

/// Verbs and prepositions that often stand right before a place or organisation name; a name starts after them.
const LEADING_WORDS = [
  '深入', '位于', '来自', '负责', '包联', '支援', '前往', '赶赴', '进入', '走进', '回到', '返回', '途经', '地处', '包括',
  '涉及', '覆盖', '抵达', '居住', '家住', '住在', '入驻', '进驻', '下沉', '驰援', '奔赴', '发往', '联系', '协调', '组织',
  '成立', '召开', '参加', '举办', '开展', '发布', '通过', '配合', '指导', '检查', '走访', '慰问', '看望', '调研', '督导',
  '除了', '根据', '按照', '经过', '针对', '围绕', '关于', '就是', '还有', '以及', '企业', '单位', '部门', '制定',
  '协助', '通知', '送达', '记',
  // Verbs of motion before a place (绕行宾虹路, 通往多湖中央商务区).
  '通往', '绕行', '驶入', '驶向', '驶往', '开往', '来到', '去往', '飞往', '途径', '邀请',
];

const LEADING_INDEX = indexWords(LEADING_WORDS);

/// Stems that make a generic noun, not a name (风险区, 连锁药店, 大局).
const GENERIC_STEMS = new Set([
  '风险', '高风险', '中风险', '低风险', '封控', '管控', '防范', '重点', '所在', '居民', '相关', '有关', '城', '市', '辖',
  '片', '园', '病', '山', '老旧', '周边', '附近', '各个', '全国', '连锁', '保供', '各大', '定点', '方舱', '这家', '那家',
  '大', '格', '结', '布', '当', '时', '全', '开', '僵', '骗', '饭', '棋', '邮', '分', '总', '本', '该', '此', '各',
  '城乡', '农村', '乡村', '城市', '县城', '郊', '景', '社', '小', '街', '道', '马', '公', '线', '思', '出', '一',
  '隔离病', '发展', '经济', '开发', '工业', '安全', '行政', '管理', '服务', '监管', '执法',
  '高速', '县级', '市级', '省级', '乡级', '村级',
  // Kinds of company, not names (证券公司, 物业公司).
  '证券', '保险', '物业', '快递', '物流', '外卖', '网络', '运输', '房地产', '建筑', '装修', '中介',
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
    const edge = leftEdge(cps, at, rule.maxStem, isPlace, ADMINISTRATIVE.has(rule.suffix));
    const stemStart = edge === undefined || isPlace ? edge : ownerStart(cps, edge, at, rule.maxStem);
    if (stemStart !== undefined && (!rule.needsOwner || hasOwner(cps, stemStart, at))) {
      const stem = cps.slice(stemStart, at).join('');
      const stemLength = Array.from(stem).length;
      const usable =
        stemLength >= rule.minStem &&
        (stemLength > 0 || rule.minStem === 0) &&
        !isGenericStem(stem) &&
        !(rule.badStemEnd !== undefined && stemLength > 0 && rule.badStemEnd.includes(cps[at - 1]!)) &&
        !endsInGenericWord(cps, stemStart, at, suffixLength, isPlace);
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

/// True when a one-character place suffix makes a generic word with the stem's last character (大城市, 中心城市,
/// 贫困山区) and the whole is no name of the gazetteer (晋城市 is one).
function endsInGenericWord(cps: readonly string[], start: number, at: number, suffixLength: number, isPlace: boolean): boolean {
  if (!isPlace || suffixLength !== 1 || at - start < 1) return false;
  return LEVEL_WORDS.has(cps[at - 1]! + cps[at]!) && !isGazetteerName(cps.slice(start, at + 1).join(''));
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
function leftEdge(cps: readonly string[], suffixAt: number, maxStem: number, isPlace: boolean, administrative = false): number | undefined {
  let start = suffixAt;
  let bounded = false;
  while (suffixAt - start < maxStem + 1) {
    const ch = cps[start - 1];
    // A village's name right before 镇 or 乡 is the town's name (马村镇), not a neighbour of it.
    const townNamedByVillage = start === suffixAt && ch === '村';
    if (!isHan(ch) || isBreaker(cps, start - 1) || (isPlace && !townNamedByVillage && endsPlace(cps, start, administrative && start < suffixAt))) {
      bounded = true;
      break;
    }
    start--;
  }
  // A walk that ran the whole allowed length has a clear edge only at a leading verb inside the window, or, for an
  // organisation, at its owner (传回兰溪市人民医院 → 兰溪市人民医院).
  const windowStart = suffixAt - maxStem;
  const owned = !bounded && !isPlace && hasOwnerWithin(cps, windowStart, suffixAt) ? ownerStart(cps, windowStart, suffixAt, maxStem) : undefined;
  const edge = bounded ? (lastLeadingWordEnd(cps, start, suffixAt) ?? start) : (lastLeadingWordEnd(cps, windowStart, suffixAt) ?? (owned !== windowStart ? owned : undefined));
  if (edge === undefined) return undefined;
  // A count right before the name (41家保供药店, 一名) is not part of it.
  const counted = COUNTING.exec(cps.slice(edge, suffixAt).join(''));
  const numeralBefore = edge === 0 || !isHan(cps[edge - 1]);
  if (counted && (numeralBefore || counted[0].length > 1)) return edge + Array.from(counted[0]).length;
  return edge;
}

/// True when the character at `at` ends any name to its left: a function character (的, 在, 和 …) that is not part
/// of a name itself.
function isBreaker(cps: readonly string[], at: number): boolean {
  const ch = cps[at]!;
  if (!NAME_BREAKERS.has(ch)) return false;
  // 和平, 永和镇: 和 inside a name; 犍为县, 太和县: a function character inside a place of the gazetteer.
  if (ch === '和' && '平顺谐美镇乡村街路'.includes(cps[at + 1] ?? '')) return false;
  // 全国 opens the names of national bodies (全国人大常委会, 全国政协, 全国妇联); 全 alone (全市) still breaks.
  if (ch === '全' && cps[at + 1] === '国') return false;
  return !coveredByGazetteerName(cps, at);
}

// Suffixes of administrative units, which follow the unit above them without a break (杭州萧山区, 义乌稠城街道).
const ADMINISTRATIVE = new Set(['街道', '自治区', '区', '县', '市', '省', '镇', '乡', '村']);

/// True when a place name ends just before `at` (区, 县, 市, 镇, 乡, 村, 街道, 省, or a name of the gazetteer
/// such as 杭州 in 杭州萧山区), so a new one starts there.
function endsPlace(cps: readonly string[], at: number, administrative: boolean): boolean {
  const prev = cps[at - 1];
  // Only an administrative unit starts after a place of the gazetteer: 杭州萧山区 is two places, but 朔州经济开发区
  // is one.
  // 柳城畲族镇 is one place: a people's name (畲族, 土家族) after a county's name is part of a township's name.
  const ethnic = cps[at + 1] === '族' || cps[at + 2] === '族' || cps[at + 3] === '族';
  if (administrative && !ethnic && placeNameEndingAt(cps, at) > 0 && isHan(cps[at]) && !isLevelWordAt(cps, at)) return true;
  if (prev === '道') return cps[at - 2] === '街';
  if (prev === '办') return cps[at - 2] === '道' && cps[at - 3] === '街';
  // 市 followed by 场/民/区 is part of a word, not a place ending; 市府 is the city government (市府小区).
  return prev !== undefined && '区县市镇乡村省'.includes(prev) && !'场民区委直府'.includes(cps[at] ?? '');
}

// Level characters: an organisation named by its level (市水务局, 县卫健局) starts with one.
const LEVELS = '省市县区';
// Words that end in a level character without being a level (城市, 超市, 社区 …).
const LEVEL_WORDS = new Set([
  '城市', '都市', '超市', '门市', '股市', '上市', '夜市', '省市', '县区', '社区', '小区', '园区', '景区', '城区', '郊区',
  '辖区', '地区', '片区', '街区', '新区', '山区', '市区', '省区', '灾区', '牧区', '矿区', '营区', '校区', '厂区', '盲区',
]);

// True when the character at `at` is a level character that starts a word with the next one (市场, 区域), or
// ends one with the previous (城市): then it is not the level of an organisation's name.
function isLevelWordAt(cps: readonly string[], at: number): boolean {
  return LEVEL_WORDS.has((cps[at - 1] ?? '') + (cps[at] ?? ''));
}

/// Where an organisation's name starts within the stem `edge`…`suffixAt`: at the last level character (市, 县 …)
/// that what stands before it in the stem does not own (要求市水务局 → 市水务局, 市教育局联合市文化广电旅游局 → 市文化广电
/// 旅游局), so a verb or another organisation before the level is cut off; places before a level own it
/// (兰溪市人民医院, 浙江省金华市公安局). Across 和 (市自然资源和规划局) the name extends back to a level that starts a phrase.
function ownerStart(cps: readonly string[], edge: number, suffixAt: number, maxStem: number): number {
  let start = edge;
  for (let p = edge + 1; p < suffixAt; p++) {
    const level = LEVELS.includes(cps[p]!) && !isLevelWordAt(cps, p) && !LEVEL_WORDS.has(cps[p]! + (cps[p + 1] ?? '')) && !endsPlaceSuffix(cps, p);
    if ((!level && !startsGazetteerName(cps, p, suffixAt)) || insideGazetteerName(cps, start, p)) continue;
    const owner = cps.slice(start, p).filter((ch) => isHan(ch)).join('');
    if (!isPlaceChain(owner)) start = p;
  }
  if (start === edge && cps[edge - 1] === '和' && LEVELS.includes(cps[edge] ?? '') === false) {
    for (let j = edge - 2; j >= 0 && suffixAt - j <= maxStem && (isHan(cps[j]) || cps[j] === '\n'); j--) {
      if (LEVELS.includes(cps[j]!) && (!isHan(cps[j - 1]) || NAME_BREAKERS.has(cps[j - 1]!)) && cps[j - 1] !== '和') return j;
      if (NAME_BREAKERS.has(cps[j]!)) break;
    }
  }
  return start;
}

// True when the level character at `p` ends a longer place suffix (开发区, 商务区, 自治区): it closes a place there.
function endsPlaceSuffix(cps: readonly string[], p: number): boolean {
  return PLACE_SUFFIXES.some((rule) => rule.suffix.length > 1 && rule.suffix.endsWith(cps[p]!) && cps.slice(p + 1 - rule.suffix.length, p + 1).join('') === rule.suffix);
}

// True when a gazetteer place starts at `p` and ends before `limit` (浙江 in 学校邀请浙江婺剧艺术研究院).
function startsGazetteerName(cps: readonly string[], p: number, limit: number): boolean {
  return placeNameStartingAt(cps, p, limit - 1) > 0;
}

// True when a level character or a gazetteer place stands in the window, after its first character.
function hasOwnerWithin(cps: readonly string[], from: number, to: number): boolean {
  for (let p = from + 1; p < to; p++) if (LEVELS.includes(cps[p]!) || startsGazetteerName(cps, p, to)) return true;
  return false;
}

/// True when the name from `start` to the suffix begins with its owner: a level character or a gazetteer place.
function hasOwner(cps: readonly string[], start: number, suffixAt: number): boolean {
  if (LEVELS.includes(cps[start] ?? '') && !LEVEL_WORDS.has((cps[start] ?? '') + (cps[start + 1] ?? ''))) return true;
  return startsGazetteerName(cps, start, suffixAt);
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
