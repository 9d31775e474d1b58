import type { OcrSuggestion, RuleContext } from '../types';
import { chooseLookAlike } from './look-alike';
import { explain } from '../explain';

/// Below this engine confidence (0..1) a stretch is worth a second look.
const LOW_CONFIDENCE = 0.6;

/// Flags characters the OCR engine itself was unsure of (hOCR `x_wconf`, ALTO `WC`/`CC`), when supplied.
///
/// For a single uncertain character with a look-alike the language model prefers (even by a small margin),
/// that look-alike is the replacement; otherwise the replacement is the text itself and the suggestion only
/// asks the editor to check it. Not safe.
export function lowConfidenceRule(context: RuleContext): OcrSuggestion[] {
  const suggestions: OcrSuggestion[] = [];
  for (const span of context.confidences ?? []) {
    if (span.confidence >= LOW_CONFIDENCE || span.end <= span.start) continue;
    const start = Math.max(0, span.start);
    const end = Math.min(context.chars.length, span.end);
    const original = context.chars.slice(start, end).join('');
    if (original.trim() === '') continue;
    const choice =
      end - start === 1 && context.model !== undefined
        ? chooseLookAlike(context.chars, start, context.model, 0)
        : undefined;
    const percent = Math.round(span.confidence * 100);
    suggestions.push({
      start,
      end,
      replacement: choice?.replacement ?? original,
      rule: 'low-confidence',
      confidence: Math.min(0.9, 1 - span.confidence),
      ...(choice === undefined
        ? explain('low-confidence.check', { percent, original })
        : explain('low-confidence.word', { percent, original, replacement: choice.replacement, word: choice.word })),
      safe: false,
    });
  }
  return suggestions;
}
