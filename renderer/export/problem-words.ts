/// Words for what an export reports, in the UI language, from the codes the main process sends.
import type { ExportProblem } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import type { MessageKey } from '../i18n/messages';
import type { WordedError } from '../i18n/error-words';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

// Problem codes with words of their own (the codes of shared/export/problem-codes.ts); any other code shows the
// main process's English message.
const PROBLEM_KEYS: Record<string, MessageKey> = {
  'sidecar-unusable': 'exportProblem.sidecar-unusable',
  'not-applicable': 'exportProblem.not-applicable',
  'layout-mismatch': 'exportProblem.layout-mismatch',
  'invalid-page': 'exportProblem.invalid-page',
  unreadable: 'exportProblem.unreadable',
  'write-failed': 'exportProblem.write-failed',
  'inside-corpus': 'exportProblem.inside-corpus',
  'duplicate-path': 'exportProblem.duplicate-path',
  'unknown-format': 'exportProblem.unknown-format',
  'exporter-failed': 'exportProblem.exporter-failed',
};

/// One problem of an export in words: what went wrong, by its code, or when the main process says exactly what (a
/// registered message with its reason: why the sidecar cannot be used, why the page cannot be read) that message,
/// worded by `errorWords` in the UI language. A format that does not apply to many pages comes as one problem of
/// the run (path '') for that format.
export function problemWords(
  t: Translate,
  problem: Pick<ExportProblem, 'path' | 'code' | 'message' | 'messageId' | 'values'>,
  errorWords?: (error: WordedError) => string,
): string {
  if (problem.code === 'not-applicable' && problem.path === '') return t('exportProblem.not-applicable-many');
  // The registered message says what the code's words say, and why: it stands alone.
  if (errorWords && problem.messageId !== undefined) return errorWords({ message: problem.message, messageId: problem.messageId, ...(problem.values && { values: problem.values }) });
  const key = Object.hasOwn(PROBLEM_KEYS, problem.code) ? PROBLEM_KEYS[problem.code] : undefined;
  return key ? t(key) : t('exportProblem.other', { message: problem.message });
}

/// Where a problem happened, in words: its page, several pages (a summary), or the whole run.
export function problemPlace(t: Translate, problem: Pick<ExportProblem, 'path' | 'code' | 'format'>): string {
  if (problem.path !== '') return problem.path;
  return problem.code === 'not-applicable' && problem.format !== undefined ? t('export.problemPages') : t('export.problemRun');
}

/// Why export.run refused to run, in words, by its error code.
export function runErrorWords(t: Translate, error: Pick<AppError, 'code' | 'message'>): string {
  if (error.code === 'busy') return t('export.error.busy');
  if (error.code === 'no-corpus') return t('export.error.no-corpus');
  return t('export.error.other', { message: error.message });
}
