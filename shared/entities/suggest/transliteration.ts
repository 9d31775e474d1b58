/// Characters Chinese uses to transliterate foreign names (克林顿, 叶利钦, 基里延科, 布宜诺斯艾利斯): the syllables of
/// the standard transliteration tables (Xinhua's 外国人名译名 conventions), written out from those tables, plus the
/// feminine forms (娃, 娜, 莉, 丽, 黛 …). A word made only of them that the segmenter tags as a name is taken as a
/// foreign name even though it has no Chinese surname.

const CHARACTERS =
  '阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕边别宾波伯博布查达戴丹德登迪蒂丁东杜敦顿多厄恩尔法范菲斐费芬丰佛弗夫福' +
  '富盖甘冈高戈格根贡古瓜圭哈海汉豪赫黑亨洪胡华霍基吉加贾杰捷金喀卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里' +
  '利莉丽连列林琳铃隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙孟米密敏明摩莫墨默姆穆纳娜奈南内妮尼宁纽努诺欧帕潘庞培佩彭' +
  '皮珀普奇齐恰乔切钦琼丘萨塞桑瑟森沙莎尚绍舍什施史斯松苏索塔泰坦汤唐陶特滕提廷图托瓦万旺威韦维温沃乌伍西希锡' +
  '夏谢辛休修雅亚延扬耶伊因英尤于约扎詹珍兹朱卓茨泽黛娃娅茜珊妮琪薇蒂凡芭';

const SET = new Set(Array.from(CHARACTERS));

/// True when every character of `word` is a transliteration character and it has at least `min` of them.
export function isTransliterated(word: string, min = 2): boolean {
  // A loop over the string, not Array.from: this runs on every word of a page.
  let n = 0;
  for (const ch of word) {
    if (!SET.has(ch)) return false;
    n++;
  }
  return n >= min;
}

/// True when `ch` is one transliteration character.
export function isTransliterationCharacter(ch: string | undefined): boolean {
  return ch !== undefined && SET.has(ch);
}
