import type { EntitySuggestion } from './types';
import { AFTER_NAME, NAME_BREAKERS, codePoints, indexWords, isHan, surnameLength, wordAt } from './han';

/// Words that introduce a byline: the names after them are the authors.
const BYLINE_WORDS = ['本版责任编辑', '本版编辑', '本报记者', '特约记者', '见习记者', '记者', '通讯员', '实习生', '摄影', '摄', '责任编辑', '编辑', '校对', '美编'];

// Occupations, roles and kinship words that also stand before ordinary words (市民温暖过冬, 代表大会): after them a
// name that runs into the next word is taken only when what follows confirms its end (说, 已经, 出席 …).
const WEAK_TITLES_LIST = [
  // Other occupations and roles news puts before a name.
  '法官', '检察官', '律师', '演员', '学生', '村医', '教练', '运动员', '指导员', '农民', '市民', '游客', '店主',
  '老板', '业主', '患者', '家属', '代表', '专家', '传承人', '技术员', '会计', '厨师', '船长', '机长', '作家', '画家',
  // Kinship: 儿子钟建林, 丈夫雷小军.
  '儿子', '女儿', '丈夫', '妻子', '父亲', '母亲', '爷爷', '奶奶', '孙子', '孙女', '哥哥', '姐姐', '弟弟', '妹妹', '老伴',
  '老人', '花农', '菜农', '果农', '茶农', '渔民', '牧民', '农户', '摊主', '车主', '快递员', '保安', '环卫工', '村干部',
];
const WEAK_TITLES = new Set(WEAK_TITLES_LIST);

/// Job titles and roles that Chinese news writes directly before a person's name (主任冯云龙, 民警武卫平).
const TITLES = [
  '副主任', '主任', '副书记', '书记', '副局长', '局长', '副市长', '市长', '副县长', '县长', '区长', '镇长', '乡长', '村长',
  '副主席', '主席', '委员', '部长', '厅长', '处长', '科长', '股长', '所长', '院长', '校长', '站长', '大队长', '队长',
  '组长', '班长', '社长', '馆长', '行长', '董事长', '总经理', '经理', '主管', '总监', '厂长', '矿长', '民警', '辅警',
  '警官', '交警', '医生', '大夫', '护士长', '护士', '教师', '老师', '教授', '师傅', '村民', '居民', '志愿者', '党员',
  '负责人', '工作人员', '秘书长', '司机', '队员', '职工', '员工', '战士', '干部', '医师', '主任医师', '护师', '讲师', '研究员',
  ...WEAK_TITLES_LIST,
];

/// Two-character verbs that often follow a name straight after a title (秘书长傅强出席): when one starts right after
/// a two-character name, the name ends there.
const VERBS_AFTER_NAME = new Set([
  '出席', '参加', '主持', '带领', '陪同', '介绍', '表示', '指出', '强调', '要求', '调研', '检查', '看望', '慰问', '讲话',
  '一行', '率队', '深入', '前往', '来到', '告诉', '坦言', '回忆', '说道', '认为', '正在', '已经', '每天', '每月', '每年',
  '今年', '当时', '曾经', '一直', '立即', '随即', '马上', '迅速', '主动', '通过', '先后', '共同', '分别', '作为', '负责',
  '伙同', '拦下', '发现', '接到', '看到', '带着', '赶到', '找到',
]);

/// Speech and report verbs that follow a quoted or reported person's name (钟建林说, 黄晓丽提醒).
const SPEECH_VERBS = [
  '笑着说', '告诉记者', '对记者说', '说道', '说', '表示', '介绍', '告诉', '坦言', '回忆', '感慨', '指出', '强调', '认为',
  '提醒', '透露', '解释', '补充', '建议', '直言', '笑道', '答道', '问道', '感叹', '称',
];

/// Forms of address and roles that look like a given name after a surname (王大妈说, 李师傅说) but are not one.
const NOT_GIVEN_NAMES = new Set([
  '先生', '女士', '小姐', '大爷', '大妈', '大娘', '大姐', '大哥', '阿姨', '叔叔', '师傅', '老师', '医生', '大夫', '书记',
  '主任', '局长', '所长', '队长', '经理', '老板', '总', '某', '某某', '家', '氏', '姓', '同志', '警官', '奶奶', '爷爷',
  '老人', '老汉', '大伯', '阿婆', '婆婆', '老太', '小伙', '同学', '女孩', '男孩', '师傅们', '家人',
]);

/// Suggests people: authors after 记者/通讯员/实习生, names on a byline-only line, and names after a job title.
///
/// A name is a common surname plus one or two characters. After a byline word or alone on a line it must end at
/// punctuation, a space or the line's end (high confidence). After a title it may run into the next word; then
/// a three-character name is assumed unless its third character is one that usually follows names (说, 在, 巡 …).
/// `cps` may pass the text's code points when the caller already has them.
export function suggestPersons(text: string, cps: readonly string[] = codePoints(text)): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  const add = (start: number, end: number, confidence: number) =>
    found.push({ start, end, text: cps.slice(start, end).join(''), type: 'PER', source: 'rule', confidence });

  bylines(cps, add);
  bylineOnlyLines(cps, add);
  trailingBylines(cps, add);
  titledNames(cps, add);
  anonymisedNames(cps, add);
  speakerNames(cps, add);
  kinOfNames(cps, add);
  foreignNames(cps, add);
  return dedupe(found);
}

const BYLINE_INDEX = indexWords(BYLINE_WORDS);
const TITLE_INDEX = indexWords(TITLES);
const TITLE_SET = new Set(TITLES);

type Add = (start: number, end: number, confidence: number) => void;

function bylines(cps: readonly string[], add: Add): void {
  for (let at = 0; at < cps.length; at++) {
    if (isHan(cps[at - 1])) continue;
    const word = wordAt(cps, at, BYLINE_INDEX);
    if (word === undefined) continue;
    let pos = at + word.length;
    // A list of names separated by spaces or 、 follows the byline word, on the same line or wrapped to the next.
    for (;;) {
      while (cps[pos] === ' ' || cps[pos] === '\u3000' || cps[pos] === '、' || (cps[pos] === '\n' && isHan(cps[pos + 1]))) pos++;
      let run = hanRunLength(cps, pos);
      let covered = run;
      // A name cut by a column wrap (邵一⏎鸣）): its end is on the next line.
      const rest = cps[pos + run] === '\n' ? hanRunLength(cps, pos + run + 1) : 0;
      if (rest > 0 && run + rest <= (surnameLength(cps, pos) === 2 ? 4 : 3) && !isHan(cps[pos + run + 1 + rest])) {
        covered = run + 1 + rest;
        run += rest;
      }
      const nameLength = run >= 2 && run <= 4 && surnameLength(cps, pos) > 0 ? run : 0;
      if (nameLength === 0 || (run === 4 && surnameLength(cps, pos) === 1)) break;
      add(pos, pos + covered, 0.9);
      pos += covered;
    }
  }
}

function bylineOnlyLines(cps: readonly string[], add: Add): void {
  let lineStart = 0;
  for (let i = 0; i <= cps.length; i++) {
    if (i < cps.length && cps[i] !== '\n') continue;
    const names = namesOnlyLine(cps, lineStart, i);
    for (const [start, end] of names) add(start, end, 0.6);
    lineStart = i + 1;
  }
}

/// The names of a line made only of one to three short names separated by spaces, such as "王泽 刘晓娟", possibly
/// in brackets ("（王泽 刘晓娟）").
function namesOnlyLine(cps: readonly string[], lineFrom: number, lineTo: number): [number, number][] {
  const names: [number, number][] = [];
  let from = lineFrom;
  let to = lineTo;
  while (from < to && (cps[from] === ' ' || cps[from] === '\u3000')) from++;
  while (to > from && (cps[to - 1] === ' ' || cps[to - 1] === '\u3000')) to--;
  if (to - from >= 2 && OPENING.includes(cps[from]!) && CLOSING.includes(cps[to - 1]!)) {
    from++;
    to--;
  }
  let pos = from;
  for (;;) {
    while (pos < to && (cps[pos] === ' ' || cps[pos] === '\u3000')) pos++;
    if (pos >= to) break;
    const run = hanRunLength(cps, pos);
    const after = cps[pos + run];
    const endsToken = pos + run >= to || after === ' ' || after === '\u3000';
    if (run < 2 || run > 3 || !endsToken || surnameLength(cps, pos) === 0) return [];
    names.push([pos, pos + run]);
    pos += run;
  }
  return names.length <= 3 ? names : [];
}

const OPENING = '（(';
const CLOSING = '）)';

/// A byline at the end of a paragraph: sentence-final punctuation, spaces, then a name ending the line
/// ("……安全感。 何永航").
function trailingBylines(cps: readonly string[], add: Add): void {
  for (let i = 0; i < cps.length; i++) {
    if (!'。！？”'.includes(cps[i]!) || (cps[i + 1] !== ' ' && cps[i + 1] !== '\u3000')) continue;
    let pos = i + 1;
    while (cps[pos] === ' ' || cps[pos] === '\u3000') pos++;
    const run = hanRunLength(cps, pos);
    const lineEnds = pos + run >= cps.length || cps[pos + run] === '\n';
    if (run >= 2 && run <= 3 && lineEnds && surnameLength(cps, pos) > 0) add(pos, pos + run, 0.6);
  }
}

/// Names anonymised in the news as surname + 某 (孙某), with one more character when punctuation follows (刘某柱。).
function anonymisedNames(cps: readonly string[], add: Add): void {
  for (let i = 1; i < cps.length; i++) {
    if (cps[i] !== '某' || surnameLength(cps, i - 1) !== 1 || cps[i - 2] === '某') continue;
    // 刘某柱。 and 郑某平等6人: a third character is part of the name when the name ends after it.
    const third = isHan(cps[i + 1]) && !AFTER_NAME.has(cps[i + 1]!) && (!isHan(cps[i + 2]) || endsName(cps, i + 2));
    add(i - 1, third ? i + 2 : i + 1, 0.6);
  }
}

function titledNames(cps: readonly string[], add: Add): void {
  for (let at = 0; at < cps.length; at++) {
    const title = wordAt(cps, at, TITLE_INDEX);
    if (title === undefined) continue;
    let pos = at + title.length;
    for (;;) {
      const surname = surnameLength(cps, pos);
      // 孙某 and 刘某柱 are read by `anonymisedNames`; 李女士 is a form of address.
      if (surname === 0 || cps[pos + surname] === '某' || NOT_GIVEN_NAMES.has(cps.slice(pos + surname, pos + surname + 2).join(''))) break;
      const run = hanRunLength(cps, pos);
      // A surname that is also a preposition (向过往群众) needs its end confirmed, as after an ordinary noun.
      const weak = WEAK_TITLES.has(title.join('')) || NAME_BREAKERS.has(cps[pos]!);
      let length: number;
      let confidence = 0.8;
      // 院长黄勇说，: a speech verb after a two-character name ends it.
      if (run === 3 && wordAt(cps, pos + surname + 1, SPEECH_INDEX) !== undefined && surname === 1) length = 2;
      else if (run === 2 || run === 3) length = weak && NAME_BREAKERS.has(cps[pos]!) ? 0 : run;
      else if (run === 4 && surname === 2) length = 4;
      else if (run >= 4) {
        // The name runs into the next word: guess its length from what follows a two-character name.
        const endsAfter = (given: number) => endsName(cps, pos + surname + given);
        if (endsAfter(1)) length = surname + 1;
        else if (!weak || endsAfter(2)) length = surname + 2;
        else break;
        confidence = 0.65;
      } else break;
      // A title word is no name (市民游客).
      if (length === 0 || TITLE_SET.has(cps.slice(pos, pos + length).join(''))) break;
      add(pos, pos + length, confidence);
      pos += length;
      // Names listed after one title: 副主任吴晓斌、王帆、蒋丽梅.
      if (cps[pos] !== '、') break;
      pos++;
    }
    at += title.length - 1;
  }
}

const SPEECH_INDEX = indexWords(SPEECH_VERBS);

/// True when a name without a title before it may start at `at`: after punctuation, a space, a line start or a
/// function character (对, 和, 与 …), not inside a run of other Chinese characters.
function nameMayStartAt(cps: readonly string[], at: number): boolean {
  return !isHan(cps[at - 1]) || NAME_BREAKERS.has(cps[at - 1]!);
}

/// True when what stands at `at` usually follows a person's name: a character such as 说 or 在, a two-character
/// verb such as 出席, or a speech verb.
function endsName(cps: readonly string[], at: number): boolean {
  const next = cps[at];
  return next !== undefined && (AFTER_NAME.has(next) || VERBS_AFTER_NAME.has(next + (cps[at + 1] ?? '')) || wordAt(cps, at, SPEECH_INDEX) !== undefined);
}

/// People named right before a speech or report verb (，钟建林说 / 承办法官黄晓丽提醒 is found by its title): a surname
/// and a one- or two-character given name, starting after punctuation, a space, a line start or a function
/// character (对, 和, 与 …), and not a form of address (王大妈说).
function speakerNames(cps: readonly string[], add: Add): void {
  for (let at = 0; at < cps.length; at++) {
    if (!nameMayStartAt(cps, at)) continue;
    const surname = surnameLength(cps, at);
    if (surname === 0) continue;
    for (const given of [2, 1]) {
      const end = at + surname + given;
      // The verb first: it is rare, and the cheapest test.
      if (wordAt(cps, end, SPEECH_INDEX) === undefined) continue;
      if (!isHan(cps[end - 1]) || (given === 2 && (!isHan(cps[end - 2]) || AFTER_NAME.has(cps[end - 1]!)))) continue;
      if (NOT_GIVEN_NAMES.has(cps.slice(at + surname, end).join(''))) continue;
      add(at, end, 0.7);
      break;
    }
  }
}

/// Kinship words that follow a person's name with 的 (蓝美芳的丈夫).
const KIN = indexWords(['丈夫', '妻子', '儿子', '女儿', '父亲', '母亲', '爱人', '孩子', '家人', '老伴', '女婿', '儿媳']);

/// People named before 的 and a kinship word (蓝美芳的丈夫), starting where `speakerNames` allows a name to start.
function kinOfNames(cps: readonly string[], add: Add): void {
  for (let at = 0; at < cps.length; at++) {
    if (cps[at] !== '的' || wordAt(cps, at + 1, KIN) === undefined) continue;
    for (const length of [3, 2]) {
      const start = at - length;
      if (start < 0 || !nameMayStartAt(cps, start)) continue;
      const surname = surnameLength(cps, start);
      const name = cps.slice(start, at);
      if (surname === 0 || surname >= length || !name.every((ch) => isHan(ch)) || NOT_GIVEN_NAMES.has(name.slice(surname).join(''))) continue;
      add(start, at, 0.65);
      break;
    }
  }
}

const NAME_DOT = new Set(['·', '・', '•', '‧']);

// Characters that transliterations of foreign names are written with (after the Xinhua name-translation usage):
// a dotted pair of ordinary words (综合·民生, a page header) is not a name.
const TRANSLITERATION = new Set(
  Array.from(
    '阿埃艾爱安昂奥澳巴拜班邦鲍贝本比彼宾波伯勃博布卜查达戴丹道德登迪蒂丁东杜敦多厄恩尔法凡菲芬费丰弗福夫盖甘冈高戈' +
      '格葛根贡古瓜圭哈海汉豪赫亨洪胡华怀惠霍基吉加贾杰捷金卡凯坎康考柯科克肯库夸奎昆拉腊莱赖兰朗劳勒雷蕾里利莉丽' +
      '连林琳灵卢鲁路伦罗洛马玛迈麦曼毛梅门蒙孟米密明摩莫姆穆纳娜奈南内尼妮宁纽努诺欧帕派潘庞佩彭皮珀普齐奇恰乔切钦' +
      '琼丘萨塞赛桑森沙莎尚舍什施史斯松苏索塔泰坦汤唐特提蒂廷通图托瓦万旺威韦维温沃乌吾西希锡夏谢辛休雅亚扬耶伊' +
      '因英尤于约泽扎詹兹佐杜赫萨利胥丝黛娅妮芙薇琪娃琴蒂克里姆哲伯',
  ),
);

/// Transliterated foreign and minority names, written with a middle dot between their parts (阿卜杜拉·萨利赫,
/// 戴维·米勒): two or more runs of one to five transliteration characters joined by dots, the first of two or more.
function foreignNames(cps: readonly string[], add: Add): void {
  let consumed = 0;
  for (let dot = 0; dot < cps.length; dot++) {
    if (!NAME_DOT.has(cps[dot]!) || dot < consumed) continue;
    // The first part: two to five transliteration characters before the dot, with none before them.
    let start = dot;
    while (start > dot - 5 && TRANSLITERATION.has(cps[start - 1] ?? '')) start--;
    if (dot - start < 2 || TRANSLITERATION.has(cps[start - 1] ?? '') || NAME_DOT.has(cps[start - 1] ?? '')) continue;
    let end = dot;
    let parts = 1;
    while (NAME_DOT.has(cps[end] ?? '')) {
      // A column wrap may follow the dot (戴维·⏎米勒).
      const next = cps[end + 1] === '\n' ? end + 2 : end + 1;
      let run = 0;
      while (run < 6 && TRANSLITERATION.has(cps[next + run] ?? '')) run++;
      if (run < 1 || run > 5) break;
      end = next + run;
      parts++;
    }
    if (parts >= 2) {
      add(start, end, 0.7);
      consumed = end;
    }
  }
}

function hanRunLength(cps: readonly string[], at: number): number {
  let end = at;
  while (end < cps.length && isHan(cps[end])) end++;
  return end - at;
}

function dedupe(found: EntitySuggestion[]): EntitySuggestion[] {
  const best = new Map<string, EntitySuggestion>();
  for (const s of found) {
    const key = `${s.start}:${s.end}`;
    const seen = best.get(key);
    if (seen === undefined || seen.confidence < s.confidence) best.set(key, s);
  }
  return [...best.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
