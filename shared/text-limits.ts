import { fail, ok, type Result } from './result';
import { formatCount, MAX_LINE_CODE_POINTS, MAX_PAGE_CODE_POINTS } from './limits';

/// Checks a page text against the page and line limits (`shared/limits.ts`) in one pass over its code units.
///
/// Fails with 'too-large' naming `what` (such as `"a.txt"`), the limit and the value found; the detail carries
/// the numbers as `name=value/limit`.
export function checkTextLimits(text: string, what: string): Result<void> {
  // Code points: UTF-16 units minus the low halves of surrogate pairs.
  if (text.length > 2 * MAX_PAGE_CODE_POINTS) return pageTooLarge(text.length / 2, what, 'at least ');
  let points = 0;
  let line = 0;
  let lineNumber = 1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 10) {
      line = 0;
      lineNumber++;
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))) continue;
    points++;
    if (++line > MAX_LINE_CODE_POINTS) {
      return fail(
        'too-large',
        `${what}: line ${formatCount(lineNumber)} is longer than ${formatCount(MAX_LINE_CODE_POINTS)} characters, the most Jiaodui edits in one line.`,
        `line-code-points>${MAX_LINE_CODE_POINTS}; line=${lineNumber}`,
      );
    }
  }
  if (points > MAX_PAGE_CODE_POINTS) return pageTooLarge(points, what, '');
  return ok(undefined);
}

function pageTooLarge(points: number, what: string, qualifier: string): Result<never> {
  return fail(
    'too-large',
    `${what} has ${qualifier}${formatCount(Math.floor(points))} characters; Jiaodui handles pages of up to ${formatCount(MAX_PAGE_CODE_POINTS)}.`,
    `page-code-points=${Math.floor(points)}/${MAX_PAGE_CODE_POINTS}`,
  );
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
