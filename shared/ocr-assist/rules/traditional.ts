import { Converter } from 'opencc-js/t2cn';
import type { OcrSuggestion, RuleContext } from '../types';
import { explain } from '../explain';

/// opencc-js converter from traditional characters to mainland simplified, built once on first use.
let toSimplified: ((text: string) => string) | undefined;
/// Matches any character opencc changes on its own; only lines holding one of them are converted.
let convertible: RegExp | undefined;

function convert(text: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

/// Han ranges scanned once to find the characters the converter changes (BMP ideographs, Extension A and
/// the compatibility block; traditional forms outside them are too rare to pay for).
const SCANNED_RANGES: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

function convertibleCharacters(): RegExp {
  if (convertible !== undefined) return convertible;
  const all: string[] = [];
  for (const [from, to] of SCANNED_RANGES) for (let cp = from; cp <= to; cp++) all.push(String.fromCodePoint(cp));
  // A newline after each character stops phrase tables from joining neighbours, so each is converted alone.
  const converted = convert(all.join('\n')).split('\n');
  const found = new Set<string>();
  all.forEach((ch, i) => {
    if (converted[i] !== ch) found.add(ch);
  });
  // A character class tests a whole line natively, far faster than looking up each character.
  convertible = new RegExp(`[${[...found].join('')}]`, 'u');
  return convertible;
}

/// Proposes simplified forms for traditional characters in simplified text (`马騫` → `马骞`).
///
/// Uses opencc-js, whose phrase tables keep characters that are also correct in simplified text (著名, 乾坤).
/// Only lines that hold a character opencc would change are converted, each as a whole so phrases are seen,
/// then compared character by character; adjacent changed characters form one suggestion. Not safe: names
/// are sometimes written in traditional characters on purpose.
export function traditionalRule(context: RuleContext): OcrSuggestion[] {
  const pattern = convertibleCharacters();
  const suggestions: OcrSuggestion[] = [];
  for (const line of context.lines) {
    if (!pattern.test(line.text)) continue;
    const chars = context.chars.slice(line.start, line.end);
    const whole = Array.from(convert(line.text));
    // A phrase that changed length cannot be aligned; convert such a line character by character instead.
    const converted = whole.length === chars.length ? whole : chars.map((ch) => convert(ch));
    let i = 0;
    while (i < chars.length) {
      if (converted[i] === chars[i]) {
        i++;
        continue;
      }
      const from = i;
      while (i < chars.length && converted[i] !== chars[i]) i++;
      const original = chars.slice(from, i).join('');
      const replacement = converted.slice(from, i).join('');
      suggestions.push({
        start: line.start + from,
        end: line.start + i,
        replacement,
        rule: 'traditional',
        confidence: 0.8,
        ...explain('traditional', { original, replacement }),
        safe: false,
      });
    }
  }
  return suggestions;
}
