import type { BatchHit } from '../../../shared/ipc/contract';
import { expandReplacement } from '../../../shared/batch/replacement-template';
import { CodePointIndex } from '../../../shared/text/codepoints';
import type { RawMatch } from './find-matches';
import type { CompiledQuery } from '../../../shared/batch/query';

/// Code points of context shown on each side of a hit.
export const CONTEXT_CODE_POINTS = 24;

/// Turns raw matches (UTF-16 units, in text order) into keyword-in-context hits with code-point offsets.
///
/// `pages[i]` names text `texts[i]`. Line numbers count "\\n" before the hit, walking each text once; code-point
/// offsets use one index per text that has hits. The replacement is the literal one, or the regex template
/// filled with the hit's groups.
export function buildConcordance(query: CompiledQuery, pages: readonly string[], texts: readonly string[], matches: readonly RawMatch[]): BatchHit[] {
  const hits: BatchHit[] = [];
  let current = -1;
  let index: CodePointIndex | null = null;
  let line = 1;
  let lineCountedTo = 0;
  for (const m of matches) {
    const text = texts[m.text]!;
    if (m.text !== current) {
      current = m.text;
      index = new CodePointIndex(text);
      line = 1;
      lineCountedTo = 0;
    }
    for (let at = text.indexOf('\n', lineCountedTo); at >= 0 && at < m.index; at = text.indexOf('\n', at + 1)) line++;
    lineCountedTo = m.index;
    const start = index!.toCp(m.index);
    const end = index!.toCp(m.index + m.length);
    const match = text.slice(m.index, m.index + m.length);
    hits.push({
      page: pages[m.text]!,
      line,
      start,
      end,
      before: text.slice(index!.toUtf16(Math.max(0, start - CONTEXT_CODE_POINTS)), m.index),
      match,
      after: text.slice(m.index + m.length, index!.toUtf16(Math.min(index!.length, end + CONTEXT_CODE_POINTS))),
      replacement: query.mode === 'regex' ? expandReplacement(query.replacement, { match, groups: m.groups, ...(m.named ? { named: m.named } : {}) }) : query.replacement,
    });
  }
  return hits;
}
