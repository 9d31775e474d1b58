import { isWorldPlace } from './world-places';
import { AFTER_NAME, NAME_BREAKERS, codePoints, isHan, surnameLength } from './han';
import type { EntitySuggestion, PosTagger } from './types';
import { givenNameIsOrdinaryWord } from './given-name';
import { isGazetteerName } from './gazetteer';

/// Confidence of a segmenter-only suggestion: a weak signal, below every rule.
export const SEGMENTER_CONFIDENCE = 0.3;
/// Confidence of a known region read out of a segmenter word X地区 (亚洲地区 → 亚洲).
const REGION_STEM_CONFIDENCE = 0.55;

const TYPE_BY_TAG: Record<string, string> = { nr: 'PER', ns: 'LOC', nt: 'ORG' };

/// One tagged word with its code-point offsets on the text.
export interface PlacedWord {
  start: number;
  end: number;
  word: string;
  tag: string;
}

/// Runs the tagger and places each word on the text in code points.
///
/// A word the tagger changed (not found at the cursor) is looked up forward so one mismatch does not shift
/// everything after it; a word not found at all is skipped.
export function placeWords(text: string, tagger: PosTagger): PlacedWord[] {
  const placed: PlacedWord[] = [];
  let utf16 = 0;
  let cp = 0;
  for (const { word, tag } of tagger.tag(text)) {
    if (word.length === 0) continue;
    const at = text.startsWith(word, utf16) ? utf16 : text.indexOf(word, utf16);
    if (at === -1) continue;
    cp += countCodePoints(text, utf16, at);
    const length = countCodePoints(text, at, at + word.length);
    placed.push({ start: cp, end: cp + length, word, tag });
    utf16 = at + word.length;
    cp += length;
  }
  return placed;
}

/// Suggests people, places and organisations from a part-of-speech tagger's nr/ns/nt words.
///
/// Adjacent nr words are joined (jieba often splits 王鹏 into 王 + 鹏). Single-character words are ignored, a
/// person must look like a name (a common surname plus one or two characters), and every word must pass
/// `plausibleSegmenterName`, because jieba's dictionary tags many ordinary words nr or ns.
export function suggestFromSegmenter(text: string, tagger: PosTagger, words = placeWords(text, tagger)): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  const cps = codePoints(text);
  let pending: { start: number; end: number; text: string; type: string } | undefined;
  const flush = () => {
    if (
      pending &&
      pending.end - pending.start >= 2 &&
      (pending.type !== 'PER' || (looksLikeName(pending.text) && !givenNameIsOrdinaryWord(codePoints(pending.text), tagger))) &&
      plausibleSegmenterName(pending.text, pending.type, pending.end, cps)
    ) {
      found.push({ ...pending, source: 'segmenter', confidence: SEGMENTER_CONFIDENCE });
    }
    pending = undefined;
  };
  for (const { start, end, word, tag } of words) {
    // Abbreviations (j) are organisations only when they are the few well-known ones (欧盟).
    const type = TYPE_BY_TAG[tag] ?? (tag === 'j' && ORGANISATION_WORDS.has(word) ? 'ORG' : undefined);
    if (type === 'PER' && pending?.type === 'PER' && pending.end === start) {
      pending = { ...pending, end, text: pending.text + word };
    } else {
      flush();
      if (type !== undefined) pending = { start, end, text: word, type };
      // 亚洲地区, 东北地区: 地区 ("region") after a known region or country is a generic word; the place is the stem.
      if (type === 'LOC' && word.endsWith('地区') && word.length >= 4 && isWorldPlace(word.slice(0, -2)) && !isWorldPlace(word)) {
        found.push({ start, end: end - 2, text: word.slice(0, -2), type, source: 'segmenter', confidence: REGION_STEM_CONFIDENCE });
        pending = undefined;
      }
    }
  }
  flush();
  return found;
}

/// Common words that jieba's dictionary tags nr/ns/nt. Picked by hand from the dictionary's most frequent
/// nr/ns/nt entries (and its entries for words such as 顾客 and 上门 seen on the development page), never from
/// test text: these are ordinary nouns, verbs and adjectives, not names.
const COMMON_WORDS = new Set([
  // tagged nr
  '明白', '武功', '文明', '小姐', '和尚', '王朝', '阳光', '道德', '陆军', '卫星', '雷达', '太后', '荣誉', '古老', '丘陵',
  '汉白玉', '言语', '冷笑', '武林', '明星', '宫殿', '光荣', '权威', '老太太', '师傅', '侍卫', '维生素', '帝王', '封锁',
  '宣言', '胡同', '玉米', '师兄', '顾问', '花岗岩', '王爷', '智慧', '贡献者', '王公', '顾客', '张贴',
  // tagged ns
  '城市', '东西', '平原', '外国', '爱国', '英雄', '朝廷', '太阳', '哥哥', '海洋', '湖泊', '大桥', '高原', '上市', '建国',
  '美丽', '中原', '山区', '江湖', '大街', '王国', '开国', '共和国', '城镇', '庆典', '南路', '深度', '山脉', '回国', '治安',
  '大国', '新鲜', '古城', '海峡', '长度', '山水', '长大', '冰川', '莫非', '普及', '商城', '内河', '古典', '阴阳', '江山',
  '高山', '山坡', '河谷', '上马', '太平', '福利', '日志', '云集', '青春', '山河', '神圣', '桥头堡', '中路', '新建', '河水',
  '中断', '山洞', '都城', '关联', '海湾', '上半场', '湖水', '广义', '上山', '江水', '南门', '新城', '海关', '上门', '爱美',
  '西门', '东门', '北门',
  // tagged nt
  '国家机关', '人民公社', '联合会', '高级中学', '中南部',
]);

/// True when jieba's dictionary tags `word` nr/ns/nt although it is mostly an ordinary word (商城, 东西, 顾客).
export function isCommonTaggedWord(word: string): boolean {
  return COMMON_WORDS.has(word);
}

/// Words that turn a surname into a form of address, not a name (徐师傅, 李先生); the gold set does not tag them.
const ADDRESS_ENDINGS = ['师傅', '先生', '女士', '小姐', '老师', '大爷', '大妈', '阿姨', '大哥', '大姐', '同志', '老板'];

/// Characters that start a phrase, not a name (各乡镇, 全市, 本区).
const DETERMINERS = new Set(Array.from('各每全本该这那我此其'));

/// Last characters of organisation names (国务院, 新华社, 外交部, 解放军, 国民党 …); a dictionary nt word without one is
/// mostly a field or an activity (中医学, 统一安排).
const ORGANISATION_HEADS = new Set(Array.from('会院局部委厅所司社团队校行台报网党军署办处府组馆站厂矿店织央联协盟'));
// 联合国 and 党中央 style names end in a character that ends many ordinary words too; these few are taken whole.
const ORGANISATION_WORDS = new Set(['联合国', '党中央', '中共中央', '国务院', '欧盟', '东盟', '北约', '欧佩克']);

/// Last characters of place names (村, 路, 山, 河 …).
const PLACE_HEADS = new Set(Array.from('省市县区镇乡村庄屯寨街路道巷弄桥山岭峰河江湖海湾港岛洲州城'));

/// True when a segmenter word can be a name of `type` where it stands in the text (code points `cps`).
///
/// Drops common words the dictionary mis-tags, words starting with a determiner, organisations without an
/// organisational last character, forms of address, and people
/// whose word runs straight into another Chinese character that does not usually follow names (武卫 in 武卫平,
/// 顾客 in 顾客完成): jieba then split a longer, unknown name or read an ordinary word as a name.
export function plausibleSegmenterName(word: string, type: string, end: number, cps: readonly string[]): boolean {
  if (COMMON_WORDS.has(word) || DETERMINERS.has(Array.from(word)[0]!)) return false;
  if (type === 'ORG') return ORGANISATION_WORDS.has(word) || (ORGANISATION_HEADS.has(Array.from(word).at(-1)!) && !word.endsWith('政府'));
  // A place must be one the gazetteer knows, or a word of three characters or more with a place's last character
  // (沙塄河村, 南环路): jieba's dictionary tags directions and ordinary words ns (东南, 镇里, 长龙, 下山).
  if (type === 'LOC') return isGazetteerName(word) || (Array.from(word).length >= 3 && PLACE_HEADS.has(Array.from(word).at(-1)!));
  if (type !== 'PER') return true;
  if (ADDRESS_ENDINGS.some((ending) => word.endsWith(ending))) return false;
  // A two-character word jieba tags nr is as often an ordinary word in its dictionary (高峰, 查明, 金黄) as a name;
  // the names it finds that the rules miss are the longer ones it composes itself.
  if (Array.from(word).length < 3) return false;
  // A function character inside shows a phrase the tagger read as a name (关了门).
  if (Array.from(word).some((ch) => NAME_BREAKERS.has(ch))) return false;
  const next = cps[end];
  return !isHan(next) || AFTER_NAME.has(next!);
}

function looksLikeName(word: string): boolean {
  const cps = codePoints(word);
  const surname = surnameLength(cps, 0);
  return surname > 0 && cps.length - surname >= 1 && cps.length - surname <= 2;
}

function countCodePoints(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) i++;
    count++;
  }
  return count;
}
