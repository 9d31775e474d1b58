import { isHan } from '../char-class';
import type { PageLine } from '../lines';
import type { OcrSuggestion, RuleContext } from '../types';
import { explain } from '../explain';

/// Shortest run of one-character lines taken for a headline set vertically.
const MIN_RUN = 3;

/// Runs of consecutive lines that each hold a single Han character: a headline set one character per line.
///
/// Returns each run as its lines, first to last. Two one-character lines are too few to tell a vertical
/// headline from two stray fragments, so a run needs at least three.
export function findVerticalRuns(lines: readonly PageLine[]): PageLine[][] {
  const runs: PageLine[][] = [];
  let current: PageLine[] = [];
  const close = (): void => {
    if (current.length >= MIN_RUN) runs.push(current);
    current = [];
  };
  for (const line of lines) {
    if (line.length === 1 && isHan(line.trimmed)) current.push(line);
    else close();
  }
  close();
  return runs;
}

/// Proposes joining a vertical headline (`我` `市` `第` …, one per line) into one line.
///
/// Safe: it only removes line breaks between the characters.
export function verticalHeadlineRule(context: RuleContext): OcrSuggestion[] {
  return findVerticalRuns(context.lines).map((run) => {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const replacement = run.map((line) => line.trimmed).join('');
    return {
      start: first.start,
      end: last.end,
      replacement,
      rule: 'vertical-headline',
      confidence: 0.9,
      ...explain('vertical-headline', { lines: run.length, replacement }),
      safe: true,
    };
  });
}
