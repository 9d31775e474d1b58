import type { Node as PmNode } from 'prosemirror-model';
import { expandReplacement } from '../../shared/batch/replacement-template';
import type { CompiledFind } from './find-query';

/// One hit on the page, in ProseMirror positions (UTF-16 units, so 𠮷 spans two positions).
export interface FindMatch {
  from: number;
  to: number;
}

/// A hit with what a replacement needs: the text the replacement template makes of it.
export interface ReplaceableMatch extends FindMatch {
  matched: string;
  replacement: string;
}

/// Finds every non-empty, non-overlapping hit of `query` on the page, line by line, left to right.
///
/// Hits never cross a line break (the editor keeps one line per node): `^` and `$` of a regular expression match
/// at each line's start and end. Running an expression one line at a time also bounds how long a backtracking
/// pattern can run on one line of a newspaper page. Empty matches (of `a*`) are skipped.
export function findInDoc(doc: PmNode, query: CompiledFind): FindMatch[] {
  const matches: FindMatch[] = [];
  eachHit(doc, query, (from, to) => matches.push({ from, to }));
  return matches;
}

/// Like `findInDoc`, with each hit's text and its replacement (`$1`, `$<name>`, `$&` filled in the regex mode;
/// the replacement as written in the literal modes).
export function replaceableMatches(doc: PmNode, query: CompiledFind): ReplaceableMatch[] {
  const matches: ReplaceableMatch[] = [];
  eachHit(doc, query, (from, to, m) => {
    const matched = m ? m[0] : query.pattern;
    const replacement = m ? expandReplacement(query.replacement, { match: m[0], groups: m.slice(1).map((g) => g ?? null), ...(m.groups && { named: { ...m.groups } }) }) : query.replacement;
    matches.push({ from, to, matched, replacement });
  });
  return matches;
}

function eachHit(doc: PmNode, query: CompiledFind, found: (from: number, to: number, m: RegExpExecArray | null) => void): void {
  const regex = query.mode === 'regex' ? new RegExp(query.pattern, 'gu') : null;
  const literal = query.pattern;
  let lineStart = 0;
  doc.forEach((line) => {
    const text = line.textContent;
    const base = lineStart + 1; // inside the line node, before its first character
    lineStart += line.nodeSize;
    if (text === '') return;
    if (regex === null) {
      for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length)) found(base + at, base + at + literal.length, null);
      return;
    }
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) {
      if (m[0].length === 0) {
        // Step over an empty match by one code point (two units for a surrogate pair).
        const code = text.charCodeAt(m.index);
        regex.lastIndex = m.index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
        continue;
      }
      found(base + m.index, base + m.index + m[0].length, m);
    }
  });
}
