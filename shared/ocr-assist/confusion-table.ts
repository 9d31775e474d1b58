/// Groups of characters that look alike in print (形近字) and that OCR engines mistake for one another.
///
/// A general list of well-known confusable shapes, not drawn from any page Jiaodui checks. The table only
/// proposes candidates; the language model decides whether a swap is a real correction.
const GROUPS: readonly string[] = [
  '己已巳',
  '未末',
  '人入八',
  '日曰',
  '土士',
  '千干于',
  '后好',
  '大太犬',
  '木本术',
  '王玉主',
  '天夭',
  '刀力',
  '免兔',
  '折拆析',
  '侯候',
  '戊戌戍',
  '贝见',
  '间问',
  '住往',
  '拔拨',
  '辩辨辫',
  '即既',
  '洒酒',
  '鸟乌',
  '扬杨',
  '崇祟',
  '历厉',
  '亨享',
  '令今',
  '处外',
  '代伐',
  '壁璧',
  '情睛请晴',
  '侍待持',
  '陪倍培',
  '今令',
  '冶治',
  '汩汨',
  '籍藉',
  '斤斥',
  '设没',
  '仓仑',
  '准淮',
  '炙灸',
  '母毋',
  '由甲申',
  '白自',
  '目且',
  '办为',
  '儿几',
  '工土',
  '口日',
  '己巳',
];

const TABLE: ReadonlyMap<string, readonly string[]> = buildTable(GROUPS);

function buildTable(groups: readonly string[]): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const group of groups) {
    const members = Array.from(group);
    for (const member of members) {
      const others = table.get(member) ?? [];
      for (const other of members) if (other !== member && !others.includes(other)) others.push(other);
      table.set(member, others);
    }
  }
  return table;
}

/// Matches any character that has a look-alike in the table; scanning with it skips all other characters.
export const CONFUSABLE = new RegExp(`[${[...TABLE.keys()].join('')}]`, 'gu');

/// The characters that look like `ch` in print, or an empty list.
export function lookAlikesOf(ch: string): readonly string[] {
  return TABLE.get(ch) ?? [];
}
