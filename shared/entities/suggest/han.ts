/// Character classes the rule-based suggesters share.

/// True when `ch` (one code point) is a Chinese character (CJK unified ideographs, extensions A–H, compatibility).
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.codePointAt(0)!;
  // Ranges checked by hand: a Unicode property regex per character made the rules ten times slower.
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x20000 && c <= 0x323af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x2f800 && c <= 0x2fa1f) ||
    c === 0x3007
  );
}

/// Words grouped by their first character, longest first, for fast "which word starts here" look-ups.
export type WordIndex = ReadonlyMap<string, readonly string[][]>;

/// Builds a `WordIndex`; each word is stored as its code points.
export function indexWords(words: Iterable<string>): WordIndex {
  const index = new Map<string, string[][]>();
  for (const word of words) {
    const cps = Array.from(word);
    if (cps.length === 0) continue;
    const list = index.get(cps[0]!) ?? [];
    list.push(cps);
    index.set(cps[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  return index;
}

/// The longest indexed word starting at `at`, as code points, or undefined.
export function wordAt(cps: readonly string[], at: number, index: WordIndex): readonly string[] | undefined {
  const candidates = index.get(cps[at]!);
  if (candidates === undefined) return undefined;
  outer: for (const word of candidates) {
    for (let i = 1; i < word.length; i++) if (cps[at + i] !== word[i]) continue outer;
    return word;
  }
  return undefined;
}

/// Splits text into code points, the unit every rule walks in.
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/// Single-character surnames of mainland China: the first ~250 of the usual frequency lists and ~120 rarer ones.
export const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜' +
      '崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施' +
      '文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛' +
      '曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席' +
      '卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝郜郗亢薄智' +
      // Less frequent ones, regional ones (楼 and 郦 in Zhejiang, 税 in Sichuan) among them; characters that are
      // mostly common words (和, 都, 国, 东 …) are left out even where they are surnames.
      '楼税郁冀鄢隆练萧揭栗腾湛蔺钮晋邰仝厉阚储嵇贝逄荆奚扈雍昌谈竺羊闻茅寿伏浦鄂琚钭楚帅匡晁宣贲封糜富巴牧宓' +
      '蓬班仰暴戎祖束幸韶蓟索籍赖屠胥苍莘贡劳扶堵宰郦濮燕郏慕茹宦庾暨衡弘禄阙殳蔚訾鞠巢蒯权逯桓',
  ),
);

/// Two-character surnames.
export const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒', '端木',
  // Clan names of the Yi people, written before a two-character given name (吉克伍呷, 沙马拉古).
  '阿西', '阿苏', '阿于', '阿牛', '阿侯', '阿尔', '吉克', '吉木', '吉伍', '沙马', '马海', '海来', '曲比', '俄木', '勒格',
  '瓦扎', '巴莫', '木乃', '加拉', '井曲', '阿鲁', '比尔', '罗洪', '金古', '的日', '苏呷', '阿约', '俄底',
]);

/// Function characters that do not occur inside place or organisation names, so a name's left edge is after them.
export const NAME_BREAKERS = new Set(Array.from('的在到至于与及是了从向对为由把被将等各全这那该其我你他她们也都就又很并则给让用以之和过'));

/// Characters that commonly follow a person's name (verbs, conjunctions), used to decide between a two- and a
/// three-character given name when no punctuation marks the end.
export const AFTER_NAME = new Set(
  Array.from('说等在是和与的也还已就都正把将被对从向到为带表告介称指认坚今一又再便了同及负接立主巡每所这那通他她很并则得给让用以于深率早'),
);

/// True when `cps` from `at` starts with a surname; returns its length in code points (0 when not).
export function surnameLength(cps: readonly string[], at: number): number {
  const two = (cps[at] ?? '') + (cps[at + 1] ?? '');
  if (COMPOUND_SURNAMES.has(two)) return 2;
  return SURNAMES.has(cps[at] ?? '') ? 1 : 0;
}
