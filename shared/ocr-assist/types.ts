import type { Why } from './explain';
import type { PageLine } from './lines';
import type { TextMove } from '../model/moves';
import type { ProfileInput } from './error-profile-score';

/// Which rule proposed a suggestion.
///
/// Layout rules (`reading-order`, `reflow`, `vertical-headline`) repair the order of text blocks and line breaks; `cjk-spacing` and `punctuation-width` fix
/// typography; `ocr-noise` removes specks read as characters; the others point at characters the OCR engine
/// probably misread.
export type RuleId =
  | 'reading-order'
  | 'reflow'
  | 'vertical-headline'
  | 'cjk-spacing'
  | 'punctuation-width'
  | 'ocr-noise'
  | 'doubled-char'
  | 'look-alike'
  | 'improbable-char'
  | 'traditional'
  | 'profile'
  | 'low-confidence';

/// Every rule id, in the order rules run and suggestions are listed for equal positions.
export const RULE_IDS: readonly RuleId[] = [
  'reading-order',
  'reflow',
  'vertical-headline',
  'cjk-spacing',
  'punctuation-width',
  'ocr-noise',
  'doubled-char',
  'look-alike',
  'improbable-char',
  'traditional',
  'profile',
  'low-confidence',
];

/// One proposed change to a page's text.
///
/// `start`/`end` are code-point offsets on the text the suggestion was computed on (end exclusive); the editor
/// replaces that range with `replacement`. `safe` marks fixes that `applySafe` may make without review: layout,
/// spacing and punctuation width. `confidence` is in 0..1.
export interface OcrSuggestion {
  start: number;
  end: number;
  replacement: string;
  rule: RuleId;
  confidence: number;
  /// Why, in English (the CLI prints it).
  explanation: string;
  /// The same as a sentence id and values, for the app to show in the user's language (`explainIn`).
  why?: Why;
  safe: boolean;
  /// When the replacement only rearranges the suggestion's text (a reading-order repair): the block moves that
  /// give it, code points relative to `start` (see `shared/model/moves.ts`). The editor records them as moves, so
  /// every moved character keeps its tie to its original.
  moves?: TextMove[];
}

/// An OCR suggestion as the app receives it: the English explanation is left out when `why` rebuilds it (see
/// `compactForApp`), which makes the answer for a page with thousands of suggestions a third smaller.
export type OcrSuggestionForApp = Omit<OcrSuggestion, 'explanation'> & { explanation?: string };

/// The language signal that look-alike and doubled-character rules ask for a choice.
///
/// Injected so that `shared/` stays free of native modules: the Node side builds it from a segmenter's
/// dictionary, tests build small ones from a handful of words.
export interface LanguageModel {
  /// How often `word` occurs in the model's corpus; 0 for unknown words.
  wordFrequency(word: string): number;
  /// Sum of all word frequencies, to turn frequencies into probabilities.
  readonly totalFrequency: number;
  /// Length in code points of the longest word the model knows (bounds the segmentation search).
  readonly maxWordLength: number;
  /// Visits every word with its frequency, when the model can list them; rules use it to build faster indexes
  /// (two-character words keyed by number) and fall back to `wordFrequency` without it.
  forEachWord?(visit: (word: string, frequency: number) => void): void;
}

/// How sure the OCR engine was about a stretch of the page, e.g. from hOCR `x_wconf` or ALTO `WC`/`CC`.
///
/// `start`/`end` are code-point offsets on the page text; `confidence` is in 0..1.
export interface CharConfidence {
  start: number;
  end: number;
  confidence: number;
}

/// A suggestion the editor turned down, remembered so it is not proposed again.
export interface RejectedSuggestion {
  start: number;
  end: number;
  replacement: string;
  rule: RuleId;
}

/// What a rule sees: the page text, its code points, its lines, and the optional inputs.
export interface RuleContext {
  text: string;
  /// `text` split into code points; index i is code-point offset i.
  chars: readonly string[];
  /// `text` split into lines, computed once for all rules.
  lines: readonly PageLine[];
  model?: LanguageModel;
  confidences?: readonly CharConfidence[];
  /// Per line of `text`, where it is on the scan (null where unknown); absent without a scan or once the lines
  /// of the text no longer are the OCR's lines.
  lineBoxes?: readonly (LineBox | null)[];
  /// The corpus's error profile for the `profile` rule (absent: the rule stays silent).
  errorProfile?: ProfileInput;
}

/// Where a line or block of text is on the scan, in image pixels.
export interface LineBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/// A suggestion rule: a pure function from the page to its proposals.
export type Rule = (context: RuleContext) => OcrSuggestion[];
