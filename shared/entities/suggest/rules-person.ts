import type { EntitySuggestion } from './types';
import { AFTER_NAME, codePoints, indexWords, isHan, surnameLength, wordAt } from './han';

/// Words that introduce a byline: the names after them are the authors.
const BYLINE_WORDS = ['本报记者', '特约记者', '见习记者', '记者', '通讯员', '实习生', '摄影', '摄'];

/// Job titles and roles that Chinese news writes directly before a person's name (主任冯云龙, 民警武卫平).
const TITLES = [
  '副主任', '主任', '副书记', '书记', '副局长', '局长', '副市长', '市长', '副县长', '县长', '区长', '镇长', '乡长', '村长',
  '副主席', '主席', '委员', '部长', '厅长', '处长', '科长', '股长', '所长', '院长', '校长', '站长', '大队长', '队长',
  '组长', '班长', '社长', '馆长', '行长', '董事长', '总经理', '经理', '主管', '总监', '厂长', '矿长', '民警', '辅警',
  '警官', '交警', '医生', '大夫', '护士长', '护士', '教师', '老师', '教授', '师傅', '村民', '居民', '志愿者', '党员',
  '负责人', '工作人员', '秘书长', '司机', '队员', '职工', '员工', '战士', '干部', '医师', '主任医师', '护师', '讲师', '研究员',
];

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
  return dedupe(found);
}

const BYLINE_INDEX = indexWords(BYLINE_WORDS);
const TITLE_INDEX = indexWords(TITLES);

type Add = (start: number, end: number, confidence: number) => void;

function bylines(cps: readonly string[], add: Add): void {
  for (let at = 0; at < cps.length; at++) {
    if (isHan(cps[at - 1])) continue;
    const word = wordAt(cps, at, BYLINE_INDEX);
    if (word === undefined) continue;
    let pos = at + word.length;
    // A list of names separated by spaces or 、 follows the byline word.
    for (;;) {
      while (cps[pos] === ' ' || cps[pos] === '\u3000' || cps[pos] === '、') pos++;
      const run = hanRunLength(cps, pos);
      const nameLength = run >= 2 && run <= 4 && surnameLength(cps, pos) > 0 ? run : 0;
      if (nameLength === 0 || (run === 4 && surnameLength(cps, pos) === 1)) break;
      add(pos, pos + nameLength, 0.9);
      pos += nameLength;
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
    const third = isHan(cps[i + 1]) && !isHan(cps[i + 2]) && !AFTER_NAME.has(cps[i + 1]!);
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
      if (surname === 0) break;
      const run = hanRunLength(cps, pos);
      let length: number;
      let confidence = 0.8;
      if (run === 2 || run === 3) length = run;
      else if (run === 4 && surname === 2) length = 4;
      else if (run >= 4) {
        // The name runs into the next word: guess its length from the character after a two-character name.
        length = surname + (AFTER_NAME.has(cps[pos + surname + 1]!) ? 1 : 2);
        confidence = 0.65;
      } else break;
      add(pos, pos + length, confidence);
      pos += length;
      // Names listed after one title: 副主任吴晓斌、王帆、蒋丽梅.
      if (cps[pos] !== '、') break;
      pos++;
    }
    at += title.length - 1;
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
