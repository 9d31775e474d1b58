import type { BatchMode } from '../../shared/ipc/contract';
import { compileQuery } from '../../shared/batch/query';
import { wordedOf, type WordedError } from '../i18n/error-words';

/// What the find bar asks for: a mode, a pattern and, for replacing, a replacement template.
export interface FindRequest {
  mode: BatchMode;
  pattern: string;
  replacement: string;
}

/// A find request checked and ready to run on a page.
export interface CompiledFind {
  mode: BatchMode;
  /// The literal to find (plain and character modes) or the expression's source, in NFC.
  pattern: string;
  /// The replacement (a template with $1 … in the regex mode), in NFC.
  replacement: string;
}

/// Why a request cannot run, for the renderer to word: one character expected, an invalid expression (with the
/// engine's reason, which V8 gives in English), or a replacement that names a group the expression lacks.
export type FindProblem =
  | { kind: 'one-character'; length: number }
  | { kind: 'invalid-regex'; reason: string }
  | { kind: 'replacement'; message: string; error: WordedError };

/// Checks a find request as the corpus-wide batch search does (shared/batch/query.ts), so both take the same
/// patterns: the character mode wants exactly one character, the regex mode a valid expression (`u` flag) and a
/// replacement whose `$n` and `$<name>` exist. An empty pattern gives null (nothing to find). Never throws.
export function compileFind(request: FindRequest): { ok: true; value: CompiledFind | null } | { ok: false; problem: FindProblem } {
  if (request.pattern === '') return { ok: true, value: null };
  const compiled = compileQuery({ mode: request.mode, pattern: request.pattern, replacement: request.replacement, scope: 'corrected' });
  if (compiled.ok) return { ok: true, value: { mode: compiled.value.mode, pattern: compiled.value.pattern, replacement: compiled.value.replacement } };
  if (request.mode === 'character' && compiled.error.detail !== 'invalid-regex') {
    return { ok: false, problem: { kind: 'one-character', length: [...request.pattern.normalize('NFC')].length } };
  }
  if (compiled.error.detail === 'invalid-regex') return { ok: false, problem: { kind: 'invalid-regex', reason: regexReason(request.pattern) } };
  return { ok: false, problem: { kind: 'replacement', message: compiled.error.message, error: wordedOf(compiled.error) } };
}

// The engine's own words for why an expression does not compile ("Unterminated group", …).
function regexReason(pattern: string): string {
  try {
    new RegExp(pattern.normalize('NFC'), 'gu');
    return '';
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '');
  }
}
