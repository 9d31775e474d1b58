/// The language signal for the OCR assistant: word frequencies from @node-rs/jieba's dictionary.
///
/// Lives on the Node side because the dictionary is read from the package's files; `shared/ocr-assist` only
/// sees the `LanguageModel` interface.
import { dict } from '@node-rs/jieba/dict';
import { characterStatistics, compositionalSupport } from '../../../shared/ocr-assist/char-statistics';
import { createWordFrequencyModel, parseWordFrequencyList } from '../../../shared/ocr-assist/word-frequency-model';
import type { LanguageModel } from '../../../shared/ocr-assist/types';

let cached: LanguageModel | undefined;

/// The word-frequency model built from jieba's dictionary (≈350,000 words), built once and then reused.
///
/// The first call parses the dictionary and indexes what the language-model gate reads (character statistics,
/// two-character partners): a few hundred milliseconds; later calls return the same model.
export function loadLanguageModel(): LanguageModel {
  if (cached === undefined) {
    cached = createWordFrequencyModel(parseWordFrequencyList(new TextDecoder('utf-8').decode(dict)));
    // Built now, while the model loads, rather than during the first suggestion request that needs them.
    characterStatistics(cached, '的');
    compositionalSupport(cached, '的', '的');
  }
  return cached;
}
