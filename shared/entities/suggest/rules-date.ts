import { CodePointIndex } from '../../text/codepoints';
import type { EntitySuggestion } from './types';

const DIGIT = '[0-9０-９]';
const CN_NUMBER = '[〇零一二三四五六七八九十]';
const YEAR = `(?:${DIGIT}{4}|${CN_NUMBER}{4})年`;
const MONTH = `(?:${DIGIT}{1,2}|${CN_NUMBER}{1,2})月`;
const DAY = `(?:${DIGIT}{1,2}|${CN_NUMBER}{1,3})[日号]`;
const PART_OF_DAY = '(?:上午|下午|中午|晚上|早上|傍晚|凌晨|夜间|晚间|清晨|早晨|夜里|晚|早)';
const CLOCK = `(?:${DIGIT}{1,2}|${CN_NUMBER}{1,3})(?:时|点)(?:${DIGIT}{1,2}分|半)?`;

// Longest forms first: 2022年12月1日下午3时, 12月1日, 11月30日下午, 2022年, 12月.
const FULL_DATE = new RegExp(
  `${YEAR}(?:${MONTH}(?:${DAY})?)?(?:${PART_OF_DAY})?(?:${CLOCK})?|${MONTH}${DAY}(?:${PART_OF_DAY})?(?:${CLOCK})?|${MONTH}(?![份0-9０-９])`,
  'gu',
);
// A clock time on its own: 20时, 22时40分, 16:30, 凌晨3点, 七点半 (not durations such as 24小时 or 3个小时). With
// Chinese numerals and no part of day before it, 一时/一点 are mostly words (第一时间, 一时难以, 有一点): such a
// time must not follow an ordinal or quantity word nor run into a word (时间, 时期, 点儿).
const DIGIT_CLOCK = `${DIGIT}{1,2}(?:时|点)(?:${DIGIT}{1,2}分|半)?`;
const CN_CLOCK = `${CN_NUMBER}{1,3}(?:时|点)(?:${CN_NUMBER}{1,3}分|半)?`;
const LONE_CLOCK = new RegExp(
  [
    `${PART_OF_DAY}(?:${DIGIT_CLOCK}|${CN_CLOCK})(?![0-9０-９])`,
    `(?<![0-9０-９个小])(?:${DIGIT_CLOCK}|[0-9０-９]{1,2}[:：][0-5][0-9])(?![0-9０-９])`,
    `(?<![第同当临这那此一准按每有快慢多少差${CN_NUMBER.slice(1, -1)}])${CN_CLOCK}(?![间期候刻段代节光空辰儿点滴])`,
  ].join('|'),
  'gu',
);
// A date written with a middle dot, as news names days by them (“12·4”宪法日, “11·9”消防日, 5·12).
const DOT_DATE = /(?<![0-9０-９.·])(?:1[0-2]|[1-9])[·・•](?:3[01]|[12][0-9]|[1-9])(?![0-9０-９])/gu;
// A day on its own ("从16日到28日") is a date only next to a range word, otherwise too ambiguous.
const LONE_DAY = new RegExp(`(?<=[从至到、—-]|^)${DAY}(?:${PART_OF_DAY})?|${DAY}(?=[至到—-])`, 'gmu');

/// Suggests dates and times: 2022年, 12月1日, 11月30日下午, 2022年12月1日下午3时, 十一月三十日, dotted dates (12·4),
/// days in ranges and clock times (20时, 16:30, 凌晨3点, 七点半).
export function suggestDates(text: string): EntitySuggestion[] {
  const index = new CodePointIndex(text);
  const found: EntitySuggestion[] = [];
  // UTF-16 ranges already suggested, so a weaker pattern never re-suggests part of a stronger match.
  const taken: [number, number][] = [];
  for (const [regex, confidence] of [
    [FULL_DATE, 0.9],
    [DOT_DATE, 0.7],
    [LONE_DAY, 0.7],
    [LONE_CLOCK, 0.6],
  ] as const) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const at = match.index;
      const to = at + match[0].length;
      if (taken.some(([a, b]) => a < to && at < b)) continue;
      // A month alone (12月) is weaker than a full date.
      const weak = /^[^年日号]*月$/u.test(match[0]);
      taken.push([at, to]);
      found.push({
        start: index.toCp(at),
        end: index.toCp(at + match[0].length),
        text: match[0],
        type: 'DATE',
        source: 'rule',
        confidence: weak ? 0.6 : confidence,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
