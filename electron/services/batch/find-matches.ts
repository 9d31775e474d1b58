import vm from 'node:vm';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import type { CompiledQuery } from '../../../shared/batch/query';
import type { MatchList, RawMatch } from '../../../shared/batch/match-list';

export type { MatchList, RawMatch } from '../../../shared/batch/match-list';

/// How long a regular expression may run over the whole corpus before it is stopped.
export const REGEX_TIME_LIMIT_MS = 10_000;

/// Finds every non-overlapping, non-empty match of a compiled query in each text, left to right.
///
/// Literal modes use `indexOf`. A regular expression runs inside a `vm` context with a time limit, because a
/// pattern with catastrophic backtracking would otherwise freeze the main process; past the limit the search
/// fails with 'invalid-argument' (detail 'regex-timeout'). Empty matches (e.g. of `a*`) are skipped.
export function findMatches(query: CompiledQuery, texts: readonly string[], limit: number, timeLimitMs = REGEX_TIME_LIMIT_MS): Result<MatchList> {
  if (query.mode !== 'regex') return ok(findLiteral(query.pattern, texts, limit));
  try {
    const context = vm.createContext({ texts, source: query.pattern, limit, result: null });
    vm.runInContext(REGEX_LOOP, context, { timeout: timeLimitMs });
    const found = context.result as { matches: RawMatch[]; total: number };
    // Objects made inside the context have its prototypes; copy them into plain objects of this realm.
    return ok({ total: found.total, matches: found.matches.map((m) => ({ ...m, groups: [...m.groups], ...(m.named ? { named: { ...m.named } } : {}) })) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      return failWith('batch.regexTimeout', { seconds: timeLimitMs / 1000 }, 'regex-timeout');
    }
    throw error;
  }
}

function findLiteral(pattern: string, texts: readonly string[], limit: number): MatchList {
  const matches: RawMatch[] = [];
  let total = 0;
  texts.forEach((text, t) => {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + pattern.length)) {
      if (total < limit) matches.push({ text: t, index: at, length: pattern.length, groups: [] });
      total++;
    }
  });
  return { matches, total };
}

// Runs inside the vm context: `texts`, `source` and `limit` in, `result` out.
const REGEX_LOOP = `
'use strict';
const re = new RegExp(source, 'gu');
const matches = [];
let total = 0;
for (let t = 0; t < texts.length; t++) {
  const text = texts[t];
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      // Step over an empty match by one code point (two units for a surrogate pair).
      const code = text.charCodeAt(m.index);
      re.lastIndex = m.index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
      continue;
    }
    if (total < limit) {
      const groups = [];
      for (let g = 1; g < m.length; g++) groups.push(m[g] === undefined ? null : m[g]);
      const found = { text: t, index: m.index, length: m[0].length, groups };
      if (m.groups) {
        const named = {};
        for (const name of Object.keys(m.groups)) named[name] = m.groups[name] === undefined ? null : m.groups[name];
        found.named = named;
      }
      matches.push(found);
    }
    total++;
  }
}
result = { matches, total };
`;
