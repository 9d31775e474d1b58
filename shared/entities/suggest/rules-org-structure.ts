/// Organisations by structure rather than by one suffix list: an owner (a place or an organisation the segmenter
/// recognises: 古巴, 青岛, 共青团), then up to four nouns, ending in a head word (代表团, 足球队, 市委, 日报社, 学会,
/// 女队 …), as the segmenter splits them: 古巴/ns 代表团/n, 青岛/ns 海牛/nz 队/n, 中国/ns 检察/vn 日报社/nt 影视/n 部/n.
/// The chain is the longest that ends in a head; the owner alone stays a place only when no head follows.
import { isGazetteerName, placeNameStartingAt } from './gazetteer';
import { NAME_BREAKERS, isHan } from './han';
import type { PlacedWord } from './segmenter';
import type { EntitySuggestion } from './types';
import { isWorldPlace } from './world-places';

/// Confidence of an organisation found by its structure.
export const ORG_STRUCTURE_CONFIDENCE = 0.62;

/// Last characters of an organisation's head word (代表团, 市委, 外交部, 足协, 妇联 …).
const HEAD_CHARACTERS = new Set(Array.from('队部局院会社所党委署办处团校行报军厂司协联'));
/// Head words that do not end in one of those characters.
const HEAD_WORDS = new Set([
  '公司', '集团', '大学', '中学', '小学', '学校', '银行', '议会', '国会', '内阁', '政协', '人大', '编队', '舰队', '联盟',
  '基金', '电视台', '电台', '通讯社', '周刊', '杂志', '俱乐部', '组委会', '代表团', '商场', '总公司', '集团公司',
]);
/// Words ending in a head character that name no organisation: events, directions, places within, ordinary nouns.
const NOT_HEADS = new Set([
  '大会', '运动会', '博览会', '展览会', '交易会', '晚会', '峰会', '年会', '例会', '盛会', '宴会', '聚会', '酒会', '茶话会', '座谈会',
  '研讨会', '报告会', '招待会', '发布会', '音乐会', '演唱会', '全会', '机会', '社会', '体会', '都会', '学会', '开会', '会', '内部',
  '全部', '东部', '南部', '西部', '北部', '中部', '局部', '东南部', '西南部', '东北部', '西北部', '腹部', '干部', '部', '格局',
  '结局', '大局', '时局', '全局', '布局', '当局', '场所', '住所', '厕所', '诊所', '处', '好处', '到处', '各处', '长处', '难处',
  '用处', '情报', '预报', '汇报', '简报', '通报', '海报', '画报', '警报', '捷报', '喜报', '举报', '报', '团', '行', '进行', '旅行',
  '运行', '银行业', '同行', '步行', '冠军', '亚军', '季军', '庭院', '所',
]);
// Of those, the ones that also end longer words (合理布局, 国际博览会).
const LONG_NOT_HEADS = [...NOT_HEADS].filter((h) => h.length >= 2);
/// Words naming a kind of body rather than one body: right after the owner (南美球队, 美国军队, 纽约总部) they say
/// "the owner's teams / army / headquarters", and the owner alone is the entity (news annotation tags the place).
const KINDS = new Set(['球队', '军队', '部队', '总部', '工厂', '机关', '党政机关', '大部', '两院']);
/// Word tags of the nouns allowed between owner and head.
const MODIFIER_TAGS = new Set(['n', 'nz', 'vn', 'ns', 'nt', 'j', 'b', 'ng', 'an', 'nrt']);

/// Suggests organisations from the segmenter's words (in order, covering the text; `cps` its code points).
export function suggestOrganisationsByStructure(cps: readonly string[], words: readonly PlacedWord[]): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isOwner(words[i]!, cps)) continue;
    let last = -1;
    for (let j = i + 1; j < words.length && j <= i + 5; j++) {
      const w = words[j]!;
      if (w.start !== words[j - 1]!.end || w.end - words[i]!.start > 16) break;
      // A head that names its own owner (捷克队, 南非队) is an organisation of its own, not the end of this chain.
      if (j > i + 1 && startsWithPlace(w)) break;
      if (isHead(w)) last = j;
      if (!MODIFIER_TAGS.has(w.tag) && !isHead(w)) break;
    }
    if (last < 0) continue;
    if (last === i + 1 && KINDS.has(words[last]!.word)) continue;
    const start = words[i]!.start;
    const end = words[last]!.end;
    // A head followed by 长 or 员 is a person's title (外交部长 split as 外交部/长).
    if (cps[end] === '长' || cps[end] === '员') continue;
    found.push({ start, end, text: cps.slice(start, end).join(''), type: 'ORG', source: 'rule', confidence: ORG_STRUCTURE_CONFIDENCE });
    i = last;
  }
  return found;
}

// An owner: a place the segmenter tags or a gazetteer knows, or an organisation it tags that starts a phrase (an
// nt word glued to a character before it, 市 + 公安局, is the end of a longer name, not an owner).
function isOwner(w: PlacedWord, cps: readonly string[]): boolean {
  if (w.end - w.start < 2) return false;
  if (w.tag === 'nt') return !isHan(cps[w.start - 1]) || NAME_BREAKERS.has(cps[w.start - 1]!);
  return w.tag === 'ns' || isGazetteerName(w.word) || isWorldPlace(w.word);
}

function startsWithPlace(w: PlacedWord): boolean {
  const chars = Array.from(w.word);
  const n = placeNameStartingAt(chars, 0);
  return n >= 2 && n < chars.length;
}

function isHead(w: PlacedWord): boolean {
  // 行 ends an organisation's name only as a bank (银行, 分行, 支行, 总行); 航行 and 出版发行 are actions.
  if (w.word.endsWith('行') && !/(银|分|支|总)行$/.test(w.word)) return false;
  if (NOT_HEADS.has(w.word) || LONG_NOT_HEADS.some((h) => w.word.endsWith(h))) return false;
  if (w.tag === 'nt') return true;
  if (HEAD_WORDS.has(w.word)) return /^(n|nz|j)$/.test(w.tag);
  if (!/^(n|nz|j|ng|vn)$/.test(w.tag) && !(w.word.length === 1 && HEAD_CHARACTERS.has(w.word))) return false;
  return HEAD_CHARACTERS.has(Array.from(w.word).at(-1)!) || [...HEAD_WORDS].some((h) => w.word.endsWith(h));
}
