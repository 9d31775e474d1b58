import { decideLineJoins, joinSeparator, type LineJoin } from '../paragraph-breaks';
import type { OcrSuggestion, RuleContext } from '../types';
import { findVerticalRuns } from './vertical-headline';
import { explain } from '../explain';
import { minOf } from '../../push-all';

/// Proposes joining lines that a newspaper column wrapped, one suggestion per paragraph block.
///
/// Each suggestion covers the whole block, from its first line to its last, with the joined paragraph as the
/// replacement, so the editor can show it before and after. Blank lines inside the block (a column ended
/// there) go too; paragraph breaks, headlines, bylines and captions stay; with the scan's line regions, a line set
/// in from the one above it opens a paragraph. Safe: only line breaks change.
export function reflowRule(context: RuleContext): OcrSuggestion[] {
  const lines = context.lines;
  const vertical = new Set(findVerticalRuns(lines).flatMap((run) => run.map((line) => line.index)));
  const suggestions: OcrSuggestion[] = [];
  let block: LineJoin[] = [];
  const flush = (): void => {
    if (block.length > 0) suggestions.push(blockSuggestion(block));
    block = [];
  };
  for (const decision of decideLineJoins(lines, vertical, context.lineBoxes)) {
    if (decision.join) block.push(decision);
    else flush();
  }
  flush();
  return suggestions;
}

function blockSuggestion(block: readonly LineJoin[]): OcrSuggestion {
  const first = block[0]!.before;
  const last = block[block.length - 1]!.after;
  // Keep the first line's indentation; trim only where lines meet.
  let replacement = first.text.trimEnd();
  for (const join of block) replacement += joinSeparator(join.before, join.after) + join.after.trimmed;
  const confidence = minOf(block.map((join) => join.confidence));
  const lineCount = block.length + 1;
  return {
    start: first.start,
    end: last.end,
    replacement,
    rule: 'reflow',
    confidence,
    ...explain('reflow', { lines: lineCount }),
    safe: true,
  };
}
