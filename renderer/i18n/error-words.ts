import type { Language } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import { ERROR_MESSAGES } from '../../shared/errors/codes';
import { formatDateTime, formatNumber } from './format';
import { translate } from './messages';
import { regexReasonWords } from './regex-reasons';
import { REASON_ID_SUFFIX, reasonIn } from '../../shared/errors/reasons';

// Values that are counts or sizes (shown with the UI language's digit grouping) and dates (shown in its format).
const NUMBER_VALUES = new Set(['count', 'limit', 'size', 'groups', 'seconds', 'line', 'min', 'max', 'width']);
const DATE_VALUES = new Set(['since', 'at']);

/// An error or problem as passed by the main process: its English message, its code (problems listed after a run
/// have none) and, when registered, its message id and values.
export type WordedError = Pick<AppError, 'message' | 'messageId' | 'values'> & { code?: AppError['code'] };

/// Fills a message's values for the UI language: counts grouped, dates in its format.
export function localValues(language: Language, values: Record<string, string | number> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (NUMBER_VALUES.has(name) && typeof value === 'number') out[name] = formatNumber(language, value, 1);
    else if (DATE_VALUES.has(name) && value !== '') out[name] = formatDateTime(language, value);
    else out[name] = value;
  }
  return out;
}

/// A main-process error in the UI language: its registered wording (`err.<messageId>`) filled with its values, or
/// failing that (an unregistered failure) the wording of its code, or for a problem without either its English text.
export function errorWords(language: Language, error: WordedError): string {
  if (error.messageId !== undefined && Object.hasOwn(ERROR_MESSAGES, error.messageId)) {
    const values = wordReasons(language, error.values ?? {});
    if (error.messageId === 'batch.invalidRegex' && typeof values.reason === 'string') values.reason = regexReasonWords(language, values.reason);
    return translate(language, `err.${error.messageId}`, values);
  }
  return error.code === undefined ? error.message : translate(language, `errcode.${error.code}`);
}

/// A message's values for the UI language, each reason among them (shared/errors/reasons.ts) worded in it.
export function wordReasons(language: Language, values: Record<string, string | number>): Record<string, string | number> {
  const out = localValues(language, values);
  for (const key of Object.keys(values)) {
    if (!key.endsWith(REASON_ID_SUFFIX)) continue;
    const name = key.slice(0, -REASON_ID_SUFFIX.length);
    const reason = reasonIn(values, name);
    if (reason !== undefined) out[name] = translate(language, `reason.${reason.id}`, localValues(language, reason.values));
  }
  return out;
}

/// The parts of an error the renderer words, copied off a Result's error (for state kept outside React).
export function wordedOf(error: WordedError): WordedError {
  return {
    ...(error.code !== undefined && { code: error.code }),
    message: error.message,
    ...(error.messageId !== undefined && { messageId: error.messageId }),
    ...(error.values !== undefined && { values: error.values }),
  };
}
