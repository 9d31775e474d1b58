import { isHan } from './han';
import type { EntitySuggestion } from './types';

/// Last characters of the units inside an organisation: 指挥中心, 药品股, 东露天矿, 五大队.
const UNIT_HEADS = ['中心', '大队', '中队', '支队', '股', '科', '处', '矿', '厂', '站', '室'];

/// How many characters a unit's name may have after the organisation, its head included.
const MAX_UNIT = 6;

/// Words that begin with a one-character unit head but are not the end of a unit (科学, 处理, 股份 …).
const HEAD_WORDS = new Set([
  '科学', '科技', '科研', '科普', '处理', '处置', '处分', '处罚', '处于', '处在', '矿产', '矿物', '矿泉', '矿井', '矿工',
  '厂商', '厂家', '厂区', '厂房', '站立', '站点', '站台', '站稳', '室内', '室外', '股份', '股票', '股东', '股市', '股权',
  '股民',
]);

/// For each organisation found by a rule, also suggests it extended by a unit written straight after it
/// (市公安局 + 指挥中心, 朔城区市场监督管理局 + 药品股), which is how Chinese news names a department.
///
/// The unit is the shortest run of three to six Chinese characters after the organisation that ends in a unit
/// head, where the head does not start a longer word (科学, 处理, 股份). The extended suggestion is longer, so it
/// wins over the bare organisation when merged.
export function suggestSubunits(organisations: readonly EntitySuggestion[], cps: readonly string[]): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  for (const org of organisations) {
    if (org.type !== 'ORG') continue;
    if (!isHan(cps[org.end]) || !isHan(cps[org.end + 1])) continue;
    for (let length = 3; length <= MAX_UNIT; length++) {
      const end = org.end + length;
      if (!isHan(cps[end - 1])) break;
      const unit = cps.slice(org.end, end).join('');
      const head = UNIT_HEADS.find((h) => unit.endsWith(h));
      if (head === undefined) continue;
      if (head.length === 1 && HEAD_WORDS.has(head + (cps[end] ?? ''))) continue;
      found.push({ ...org, end, text: cps.slice(org.start, end).join('') });
      break;
    }
  }
  return found;
}
