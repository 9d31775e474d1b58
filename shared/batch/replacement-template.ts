import { ok, type Result } from '../result';
import { failWith } from '../errors/fail-with';

/// What a regular-expression match offers to a replacement template: the whole match and its groups.
export interface TemplateMatch {
  match: string;
  /// Capture groups 1..n in order; null for a group that took no part in the match.
  groups: readonly (string | null)[];
  /// Named groups, when the expression has any.
  named?: Readonly<Record<string, string | null>>;
}

/// Checks a replacement template for the regular-expression mode before it is used.
///
/// `$$`, `$&`, `$1`…`$99` and `$<name>` are understood as in JavaScript's `String.prototype.replace`; `` $` ``
/// and `$'` (the text before and after the match) are refused, because in a corpus-wide batch they would paste
/// whole pages. `groupCount` is the number of capture groups of the expression.
export function checkReplacementTemplate(template: string, groupCount: number, groupNames: readonly string[]): Result<null> {
  for (const token of template.matchAll(/\$(\$|&|`|'|\d{1,2}|<([^>]*)>)/g)) {
    const what = token[1]!;
    if (what === '`' || what === "'") {
      return failWith('batch.contextToken', { token: token[0] });
    }
    if (/^\d+$/.test(what) && groupReferenced(what, groupCount) === null) {
      return failWith('batch.noSuchGroup', { token: `$${what}`, groups: groupCount });
    }
    if (token[2] !== undefined && !groupNames.includes(token[2])) {
      return failWith('batch.noSuchNamedGroup', { token: token[0], name: token[2] });
    }
  }
  return ok(null);
}

/// Fills a replacement template with one match, as `String.prototype.replace` would.
///
/// `$$` is a dollar sign, `$&` the whole match, `$n`/`$nn` capture group n (a group that did not take part gives
/// ""), `$<name>` a named group. `$nn` falls back to `$n` followed by a digit when there are fewer than nn groups,
/// and anything else after `$` stays as written.
export function expandReplacement(template: string, m: TemplateMatch): string {
  return template.replace(/\$(\$|&|\d{1,2}|<([^>]*)>)/g, (whole, what: string, name: string | undefined) => {
    if (what === '$') return '$';
    if (what === '&') return m.match;
    if (name !== undefined) {
      if (m.named === undefined || !Object.hasOwn(m.named, name)) return whole;
      return m.named[name] ?? '';
    }
    const group = groupReferenced(what, m.groups.length);
    if (group === null) return whole;
    return (m.groups[group.index - 1] ?? '') + group.rest;
  });
}

// Which group `$digits` names (1-based) and the digits left over, as JavaScript reads it, or null for none.
function groupReferenced(digits: string, groupCount: number): { index: number; rest: string } | null {
  const two = Number(digits);
  if (digits.length === 2 && two >= 1 && two <= groupCount) return { index: two, rest: '' };
  const one = Number(digits[0]);
  if (one >= 1 && one <= groupCount) return { index: one, rest: digits.slice(1) };
  return null;
}
