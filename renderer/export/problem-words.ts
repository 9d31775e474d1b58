/// Words for what an export reports, in the UI language, from the codes the main process sends.
import type { ExportProblem } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import type { MessageKey } from '../i18n/messages';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

// Problem codes with words of their own; any other code shows the main process's English message.
const PROBLEM_KEYS: Record<string, MessageKey> = {
  'not-applicable': 'exportProblem.not-applicable',
  'layout-mismatch': 'exportProblem.layout-mismatch',
  'invalid-page': 'exportProblem.invalid-page',
  'sidecar-unusable': 'exportProblem.sidecar-unusable',
  'write-failed': 'exportProblem.write-failed',
  'read-failed': 'exportProblem.read-failed',
};

/// One problem of an export in words: what went wrong, by its code.
export function problemWords(t: Translate, problem: Pick<ExportProblem, 'code' | 'message'>): string {
  const key = Object.hasOwn(PROBLEM_KEYS, problem.code) ? PROBLEM_KEYS[problem.code] : undefined;
  return key ? t(key) : t('exportProblem.other', { message: problem.message });
}

/// Why export.run refused to run, in words, by its error code.
export function runErrorWords(t: Translate, error: Pick<AppError, 'code' | 'message'>): string {
  if (error.code === 'busy') return t('export.error.busy');
  if (error.code === 'no-corpus') return t('export.error.no-corpus');
  return t('export.error.other', { message: error.message });
}
