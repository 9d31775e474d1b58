/// Why a rule proposes a change, in English and Simplified Chinese.
///
/// Rules give each suggestion an English `explanation` (the CLI prints it, tests read it) and a `why`: which of
/// these sentences it is, with the values filled in, so the app can show it in the user's language.
import type { OcrSuggestion, OcrSuggestionForApp } from './types';

/// The sentences rules explain their suggestions with; `{name}` is filled from the values.
const SENTENCES = {
  'cjk-spacing.number': {
    en: 'Space between a number and a Chinese character; Chinese text sets them solid.',
    zh: '数字与汉字之间有空格；中文排版二者之间不留空。',
  },
  'cjk-spacing.punctuation': {
    en: 'Space next to full-width punctuation, which already carries its own spacing.',
    zh: '全角标点旁有空格；全角标点本身已带间距。',
  },
  'cjk-spacing.letter-spaced': {
    en: 'Chinese characters spaced out one by one by the OCR engine.',
    zh: 'OCR 把汉字一个个隔开了。',
  },
  'punctuation-width.bracket': {
    en: 'Half-width “{ch}” in Chinese text; full-width “{full}” is usual, but some papers keep ASCII brackets.',
    zh: '中文里用了半角“{ch}”；通常用全角“{full}”，但有些报纸保留半角括号。',
  },
  'punctuation-width.mark': {
    en: 'Half-width “{ch}” in Chinese text; Chinese uses the full-width “{full}”.',
    zh: '中文里用了半角“{ch}”；中文应使用全角“{full}”。',
  },
  'punctuation-width.quote-close': {
    en: 'Straight quote in Chinese text; as it closes an open quotation it becomes “{replacement}”.',
    zh: '中文里用了直引号；它结束一段引语，应为“{replacement}”。',
  },
  'punctuation-width.quote-open': {
    en: 'Straight quote in Chinese text; as it opens a quotation it becomes “{replacement}”.',
    zh: '中文里用了直引号；它开始一段引语，应为“{replacement}”。',
  },
  'punctuation-width.missing-close-quote': {
    en: 'A new quotation opens while the previous one was never closed; a closing “”” is probably missing here.',
    zh: '上一段引语尚未结束又开始了新的引语；此处可能漏了后引号“””。',
  },
  'punctuation-width.unclosed-at-stop': {
    en: 'A quotation is still open where its sentence ends; the space after it is probably the closing “”” OCR missed.',
    zh: '句子结束时引语仍未关闭；其后的空格可能是 OCR 漏识的后引号“””。',
  },
  'doubled-char.phrase': {
    en: '“{ch}” appears twice in a row; the common phrase here is “{word}”.',
    zh: '“{ch}”连续出现两次；此处常见的说法是“{word}”。',
  },
  'doubled-char.extra': {
    en: '“{ch}{ch}” is not a word; one “{ch}” is probably read twice (“{word}”).',
    zh: '“{ch}{ch}”不成词；很可能一个“{ch}”被重复识别了（“{word}”）。',
  },
  'improbable-char': {
    en: '“{ch}” forms no word with the characters beside it; “{replacement}”, which looks like it in print, makes “{word}”.',
    zh: '“{ch}”与前后的字组不成词；字形相近的“{replacement}”可组成“{word}”。',
  },
  'look-alike': {
    en: '“{ch}” looks like “{replacement}”, which makes the common word “{word}” here.',
    zh: '“{ch}”与“{replacement}”形近；此处“{word}”是常见词。',
  },
  'low-confidence.check': {
    en: 'The OCR engine was only {percent}% sure of “{original}”; check it against the scan.',
    zh: 'OCR 对“{original}”的把握只有 {percent}%；请对照扫描图核对。',
  },
  'low-confidence.word': {
    en: 'The OCR engine was only {percent}% sure of “{original}”; “{replacement}” makes the word “{word}”.',
    zh: 'OCR 对“{original}”的把握只有 {percent}%；改为“{replacement}”可组成“{word}”。',
  },
  'ocr-noise.full-stop': {
    en: '“{line}” is specks the OCR engine read as characters; its circle was the full stop of the paragraph before.',
    zh: '“{line}”是 OCR 误识为文字的污点；其中的圆圈是上一段的句号。',
  },
  'ocr-noise.remove': {
    en: '“{line}” is specks the OCR engine read as characters, not text; removes the line.',
    zh: '“{line}”是 OCR 误识为文字的污点，不是正文；删除这一行。',
  },
  'reading-order': {
    en: 'The OCR engine read {moved} of these {blocks} text blocks out of order; on the scan they stand in columns, read top to bottom and left to right. Puts them in that order.',
    zh: 'OCR 把这 {blocks} 个文字块中的 {moved} 个读错了顺序；扫描图上它们分栏排列，应从上到下、从左到右阅读。按此顺序重排。',
  },
  'reading-order.rtl': {
    en: 'The OCR engine read {moved} of these {blocks} text blocks out of order; on the scan they stand in columns, read top to bottom and right to left. Puts them in that order.',
    zh: 'OCR 把这 {blocks} 个文字块中的 {moved} 个读错了顺序；扫描图上它们分栏排列，应从上到下、从右到左阅读。按此顺序重排。',
  },
  reflow: {
    en: '{lines} lines wrapped at the column edge belong to one paragraph; joins them.',
    zh: '这 {lines} 行是在栏边折行的同一段文字；将其合并。',
  },
  profile: {
    en: 'In this corpus “{original}” was corrected to “{replacement}” {count} time(s), {near} of them beside the same characters; it stands as written {kept} time(s).',
    zh: '本语料中“{original}”已被改为“{replacement}” {count} 次，其中 {near} 次前后字相同；照原样保留的有 {kept} 次。',
  },
  traditional: {
    en: '“{original}” is a traditional form; simplified text writes “{replacement}”.',
    zh: '“{original}”是繁体字；简体文本应写作“{replacement}”。',
  },
  'vertical-headline': {
    en: 'A headline set one character per line ({lines} lines); joins it into “{replacement}”.',
    zh: '竖排标题每行一个字（共 {lines} 行）；合并为“{replacement}”。',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

/// Which sentence explains a suggestion.
export type ExplanationId = keyof typeof SENTENCES;

/// A suggestion's explanation as data: the sentence and its values.
export interface Why {
  id: ExplanationId;
  values: Record<string, string | number>;
}

/// The English explanation of sentence `id` with `values`, and the same as data for translation.
export function explain(id: ExplanationId, values: Record<string, string | number> = {}): { explanation: string; why: Why } {
  return { explanation: fill(SENTENCES[id].en, values), why: { id, values } };
}

/// The explanation `why` in `language` ('zh-CN' Simplified Chinese, else English); null for a sentence this build
/// does not know (a newer main process), so the caller keeps the English text it was given.
export function explainIn(language: string, why: Why): string | null {
  const sentence = (SENTENCES as Record<string, { en: string; zh: string }>)[why.id];
  if (!sentence) return null;
  return fill(language === 'zh-CN' ? sentence.zh : sentence.en, why.values);
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/// The suggestions without the English explanations that their `why` rebuilds in any language (`explainIn`); the
/// others keep theirs.
export function compactForApp(suggestions: readonly OcrSuggestion[]): OcrSuggestionForApp[] {
  return suggestions.map((s) => {
    if (s.why === undefined || explainIn('en', s.why) === null) return s;
    const { explanation: _rebuilt, ...rest } = s;
    return rest;
  });
}
