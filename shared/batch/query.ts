import type { BatchMode, BatchQuery } from '../ipc/contract';
import { checkReplacementTemplate } from './replacement-template';
import { ok, type Result } from '../result';
import { failWith } from '../errors/fail-with';
import { cpLength } from '../text/codepoints';

/// A batch query checked and ready to run: the pattern in NFC, and for the regex mode what the expression has.
export interface CompiledQuery {
  mode: BatchMode;
  /// The literal to find (plain and character modes) or the expression's source (regex mode), in NFC.
  pattern: string;
  replacement: string;
  /// Number of capture groups and the names of named groups (regex mode; 0 and [] otherwise).
  groupCount: number;
  groupNames: string[];
}

/// Checks a query and prepares it, or says in plain words what is wrong with it.
///
/// The character mode takes exactly one character (not a space). The regex mode compiles the pattern with the
/// `u` flag; an invalid expression (detail 'invalid-regex'), or a replacement that names a group the
/// expression lacks, fails with 'invalid-argument'. Pattern and replacement are put in NFC, like the page texts.
export function compileQuery(query: BatchQuery): Result<CompiledQuery> {
  const pattern = query.pattern.normalize('NFC');
  const replacement = query.replacement.normalize('NFC');
  const base = { mode: query.mode, pattern, replacement, groupCount: 0, groupNames: [] };
  if (query.mode === 'plain') return ok(base);
  if (query.mode === 'character') {
    if (cpLength(pattern) !== 1 || /^\s$/u.test(pattern)) {
      return failWith('batch.oneCharacter', { pattern, count: cpLength(pattern) });
    }
    return ok(base);
  }
  try {
    new RegExp(pattern, 'gu');
  } catch (error) {
    // V8 says "Invalid regular expression: /source/flags: reason"; the reason is what helps.
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '');
    return failWith('batch.invalidRegex', { pattern, reason }, 'invalid-regex');
  }
  // An empty alternative makes the expression match "" so exec reports every group (undefined) and name.
  const probe = new RegExp(`(?:${pattern})|`, 'u').exec('');
  const groupCount = (probe?.length ?? 1) - 1;
  const groupNames = Object.keys(probe?.groups ?? {});
  const template = checkReplacementTemplate(replacement, groupCount, groupNames);
  if (!template.ok) return template;
  return ok({ ...base, groupCount, groupNames });
}
