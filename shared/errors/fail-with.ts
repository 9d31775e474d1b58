import type { AppError, Result } from '../result';
import { ERROR_MESSAGES, type MessageId } from './codes';

/// Values that fill a message's `{name}` placeholders.
export type MessageValues = Record<string, string | number>;

/// Fills `{name}` placeholders of `template` from `values` (a missing value stays as `{name}`).
export function fillTemplate(template: string, values: MessageValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/// The English sentence of message `id` with `values` filled in (logs, the CLI, nested problems).
export function englishOf(id: MessageId, values: MessageValues = {}): string {
  return fillTemplate(ERROR_MESSAGES[id].en, values);
}

/// A page a run left alone or only partly changed, and why: the English sentence and, when registered, its message
/// id and values for the renderer.
export interface WordedProblem {
  path: string;
  message: string;
  messageId?: MessageId;
  values?: MessageValues;
}

/// A message that is not tied to one page: its English sentence (logs, the CLI) and, when registered, its id and
/// values for the renderer. Results and events carry it where they used to carry an English `message`.
export type Worded = Omit<WordedProblem, 'path'>;

/// A message worded by id; `message` replaces the registry's English when that says more (a technical reason).
export function worded(id: MessageId, values: MessageValues = {}, message?: string): Worded {
  return { message: message ?? englishOf(id, values), messageId: id, ...(Object.keys(values).length > 0 && { values }) };
}

/// The worded parts of a failure (its message, id and values).
export function wordedOfError(error: AppError): Worded {
  return { message: error.message, ...(error.messageId !== undefined && { messageId: error.messageId }), ...(error.values !== undefined && { values: error.values }) };
}

/// A problem with page `path` worded by message id (see `failWith`).
export function problemWith(path: string, id: MessageId, values: MessageValues = {}): WordedProblem {
  return { path, message: englishOf(id, values), messageId: id, ...(Object.keys(values).length > 0 && { values }) };
}

/// A problem with page `path` from a failure: its message, and its message id and values when it has them.
export function problemOf(path: string, error: AppError): WordedProblem {
  return { path, message: error.message, ...(error.messageId !== undefined && { messageId: error.messageId }), ...(error.values !== undefined && { values: error.values }) };
}

/// A failed result worded by message id: the registry's error code, the English message (for logs and the CLI), and
/// `messageId` + `values` so that the renderer words it in the UI language. `detail` is technical text (an OS error)
/// shown as it is.
export function failWith(id: MessageId, values: MessageValues = {}, detail?: string): Result<never> {
  const { code } = ERROR_MESSAGES[id];
  const message = englishOf(id, values);
  const error: AppError = { code, message, messageId: id };
  if (Object.keys(values).length > 0) error.values = values;
  if (detail !== undefined) error.detail = detail;
  return { ok: false, error };
}
