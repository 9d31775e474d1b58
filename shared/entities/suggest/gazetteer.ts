import { isHan } from './han';
import { PLACE_NAMES } from './place-names.generated';
import type { EntitySuggestion } from './types';
import { maxOf } from '../../push-all';

/// Confidence of a province, prefecture or county named without its suffix (义乌, 杭州), found in the gazetteer.
export const GAZETTEER_SHORT_CONFIDENCE = 0.6;

// Suffixes that news writing drops once the place is known (义乌市 → 义乌, 广西壮族自治区 → 广西).
const SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '林区', '新区', '矿区', '盟', '旗', '省', '市', '县', '区'];

// The peoples named in autonomous areas' names (广西壮族自治区, 恩施土家族苗族自治州), longest first.
const PEOPLES = [
  '维吾尔族', '柯尔克孜族', '哈萨克族', '塔吉克族', '土家族', '布依族', '哈尼族', '傈僳族', '拉祜族', '仡佬族', '鄂温克族',
  '达斡尔族', '鄂伦春族', '毛南族', '撒拉族', '保安族', '东乡族', '锡伯族', '普米族', '独龙族', '怒族', '蒙古族', '朝鲜族',
  '壮族', '回族', '藏族', '苗族', '彝族', '侗族', '瑶族', '白族', '傣族', '黎族', '畲族', '水族', '纳西族', '羌族', '土族',
  '景颇族', '佤族', '满族', '各族', '柯尔克孜', '哈萨克', '蒙古', '维吾尔',
].sort((a, b) => b.length - a.length);

// Short forms that are also common words or stand for something else far more often than for the place (公安 is
// the police before it is a county in Hubei); picked from the short forms that jieba's dictionary lists as frequent
// ordinary words.
const NOT_SHORT_NAMES = new Set([
  '城关', '城中', '城东', '城西', '城南', '城北', '市中', '新华', '和平', '长安', '朝阳', '白云', '太平', '永和', '安定',
  '安宁', '东区', '西区', '南区', '北区', '中区', '鼓楼', '红旗', '向阳', '新城', '吉利', '青山', '红星', '东风', '胜利',
  '解放', '友谊', '光明', '团结', '新兴', '建设', '高新', '开发', '经济', '金山', '宝山', '东山', '西山', '南山', '北山',
  '中山', '江南', '江北', '河东', '河西', '城区', '郊区', '铁西', '铁东', '新市', '平安', '长寿', '永安', '安居', '东方',
  '公安', '同心', '仁和', '合作', '万年', '三元', '中方', '二七', '会同', '光泽', '六合', '共和', '凤凰', '前进', '前锋',
  '南岸', '南部', '友好', '台前', '名山', '复兴', '大名', '大方', '大观', '太和', '太康', '威信', '宏伟', '富裕', '工农',
  '平和', '平定', '应城', '延长', '建华', '建安', '建平', '当阳', '振兴', '桃源', '比如', '洞口', '清水', '温泉', '港口',
  '石门', '芙蓉', '莲花', '资源', '运河', '金台', '长子', '高明', '武功', '龙泉', '新区', '矿区', '林区',
]);

// Region codes that name no country (联合国, 欧盟 …), and a country name that is mostly a word (中非: China–Africa).
const NOT_COUNTRIES = new Set(['UN', 'EU', 'EZ', 'QO', 'XA', 'XB', 'ZZ', 'CF']);

const FULL = new Set(PLACE_NAMES);
const SHORT = new Set<string>();
for (const name of PLACE_NAMES) {
  const short = shortFormOf(name);
  if (short !== null && !NOT_SHORT_NAMES.has(short)) SHORT.add(short);
}
// Countries and territories, which have no suffix to drop (美国, 也门): read as short forms.
for (const name of countryNames()) SHORT.add(name);
const MAX_LENGTH = maxOf([...FULL, ...SHORT].map((name) => Array.from(name).length));

/// The Simplified Chinese names of the world's countries and territories, from the runtime's Unicode CLDR data
/// (`Intl.DisplayNames`), without bracketed variants such as 刚果（金）; empty where the runtime lacks the data.
export function countryNames(): string[] {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames(['zh-Hans'], { type: 'region' });
  } catch {
    return [];
  }
  const found = new Set<string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (name !== undefined && name !== code && /^[\u4e00-\u9fff]{2,}$/u.test(name)) found.add(name);
    }
  }
  return [...found];
}

/// The name without its administrative suffix and, for autonomous areas, without the peoples named before it
/// (恩施土家族苗族自治州 → 恩施); null when fewer than two characters would remain.
export function shortFormOf(name: string): string | null {
  const suffix = SUFFIXES.find((s) => name.endsWith(s));
  if (suffix === undefined) return null;
  let stem = name.slice(0, -suffix.length);
  if (suffix.startsWith('自治')) {
    for (let people = PEOPLES.find((p) => stem.endsWith(p)); people !== undefined; people = PEOPLES.find((p) => stem.endsWith(p))) {
      stem = stem.slice(0, -people.length);
    }
  }
  return Array.from(stem).length >= 2 ? stem : null;
}

/// True when `text` is the name of a province, prefecture or county, with its suffix or without it.
export function isGazetteerName(text: string): boolean {
  return FULL.has(text) || SHORT.has(text);
}

// Every name as code points, by first and by last character, longest first: the rules look names up at each
// character of a page, and comparing code points in place is far cheaper than slicing strings.
// Keyed by the first (or last) two characters: every name has at least two, and one character alone (新, 安) starts
// dozens of names.
const BY_FIRST = groupNames((cps) => [cps[0]!, cps[1]!]);
const BY_LAST = groupNames((cps) => [cps.at(-2)!, cps.at(-1)!]);
const SHORT_BY_FIRST = groupNames((cps) => [cps[0]!, cps[1]!], SHORT);

// Names by a pair of their characters (two nested maps, so a look-up builds no string), longest first.
type NameGroups = Map<string, Map<string, string[][]>>;

function groupNames(key: (cps: string[]) => [string, string], names: Iterable<string> = [...FULL, ...SHORT]): NameGroups {
  const groups: NameGroups = new Map();
  for (const name of names) {
    const cps = Array.from(name);
    const [a, b] = key(cps);
    const inner = groups.get(a) ?? new Map<string, string[][]>();
    groups.set(a, inner);
    const list = inner.get(b) ?? [];
    list.push(cps);
    inner.set(b, list);
  }
  for (const inner of groups.values()) for (const list of inner.values()) list.sort((x, y) => y.length - x.length);
  return groups;
}

const NONE: readonly string[][] = [];

// The names of `groups` under the characters `a` and `b`.
function named(groups: NameGroups, a: string | undefined, b: string | undefined): readonly string[][] {
  return (a === undefined || b === undefined ? undefined : groups.get(a)?.get(b)) ?? NONE;
}

function matchesAt(cps: readonly string[], at: number, name: readonly string[]): boolean {
  for (let i = 0; i < name.length; i++) if (cps[at + i] !== name[i]) return false;
  return true;
}

/// The length (code points) of the longest gazetteer name that ends just before `at`, or 0.
export function placeNameEndingAt(cps: readonly string[], at: number): number {
  for (const name of named(BY_LAST, cps[at - 2], cps[at - 1])) {
    if (name.length <= at && matchesAt(cps, at - name.length, name)) return name.length;
  }
  return 0;
}

/// The length of the longest gazetteer name that starts at `at` and ends at or before `limit`, or 0.
export function placeNameStartingAt(cps: readonly string[], at: number, limit = cps.length): number {
  for (const name of named(BY_FIRST, cps[at], cps[at + 1])) {
    if (at + name.length <= limit && matchesAt(cps, at, name)) return name.length;
  }
  return 0;
}

/// True when a gazetteer name starting at or after `from`, before `p`, runs past `p` (义县 inside 武义县 is not a
/// name of its own).
export function insideGazetteerName(cps: readonly string[], from: number, p: number): boolean {
  for (let q = Math.max(from, p - MAX_LENGTH + 1); q < p; q++) {
    for (const name of named(BY_FIRST, cps[q], cps[q + 1])) {
      if (q + name.length > p && matchesAt(cps, q, name)) return true;
    }
  }
  return false;
}

/// True when a gazetteer name covers the character at `at` (为 in 犍为县, 和 in 太和县).
export function coveredByGazetteerName(cps: readonly string[], at: number): boolean {
  for (let q = Math.max(0, at - MAX_LENGTH + 1); q <= at; q++) {
    for (const name of named(BY_FIRST, cps[q], cps[q + 1])) {
      if (q + name.length > at && matchesAt(cps, q, name)) return true;
    }
  }
  return false;
}

/// True when `text` is one or more gazetteer names written one after another (浙江, 浙江省金华, 金华市婺城).
export function isPlaceChain(text: string): boolean {
  const cps = Array.from(text);
  const reachable = new Array<boolean>(cps.length + 1).fill(false);
  reachable[0] = true;
  for (let from = 0; from < cps.length; from++) {
    if (!reachable[from]) continue;
    for (const name of named(BY_FIRST, cps[from], cps[from + 1])) {
      if (from + name.length <= cps.length && matchesAt(cps, from, name)) reachable[from + name.length] = true;
    }
  }
  return cps.length > 0 && reachable[cps.length]!;
}

// Characters that, right after a short form, make it part of a longer name or word (金华江, 义乌人, 杭州湾).
const EXTENDS_NAME = new Set(Array.from('江河湖山岭峰路街道巷桥村镇乡区县市省州城港湾站口人籍地方园馆报台网队局院校所'));

// Function characters and verbs of motion that stand right before a place (在杭州, 回右玉, 赴义乌).
const FREE_BEFORE = new Set(Array.from('在到至于与及从向对和的是了为由等回去来往赴住离返经进出入'));

/// Suggests provinces, prefectures and counties written without their suffix (杭州萧山区 → 杭州, 义乌稠城街道 → 义乌).
///
/// The short form must not be glued to a Chinese character before it, other than a place's own end, a function
/// character or a verb of motion (so 浙江 in 大浙江 is skipped), nor followed by a character that makes it part of a longer name (金华江, 义乌人). Names with
/// their suffix are found by the suffix rules. Offsets are code points.
export function suggestGazetteerPlaces(cps: readonly string[]): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  for (let at = 0; at < cps.length; at++) {
    const candidates = named(SHORT_BY_FIRST, cps[at], cps[at + 1]);
    if (candidates.length === 0) continue;
    const name = candidates.find((candidate) => matchesAt(cps, at, candidate));
    if (name === undefined) continue;
    const length = name.length;
    const text = name.join('');
    const before = cps[at - 1];
    const after = cps[at + length];
    const freeBefore = !isHan(before) || placeNameEndingAt(cps, at) > 0 || FREE_BEFORE.has(before!);
    if (freeBefore && !EXTENDS_NAME.has(after ?? '') && !FULL.has(text + (after ?? ''))) {
      found.push({ start: at, end: at + length, text, type: 'LOC', source: 'rule', confidence: GAZETTEER_SHORT_CONFIDENCE });
      at += length - 1;
    }
  }
  return found;
}
