import { ok, type Result } from './result';
import { failWith } from './errors/fail-with';
import { formatCount, MAX_LINE_CODE_POINTS, MAX_PAGE_CODE_POINTS } from './limits';
import { cpLength } from './text/codepoints';

/// Checks a page text against the page and line limits (`shared/limits.ts`).
///
/// Fails with 'too-large' naming `what` (such as `"a.txt"`), the limit and the value found; the detail carries
/// the numbers. Fast on ordinary pages: code points are only counted where the UTF-16 length could pass a limit.
export function checkTextLimits(text: string, what: string): Result<void> {
  if (text.length > MAX_PAGE_CODE_POINTS) {
    const points = cpLength(text);
    if (points > MAX_PAGE_CODE_POINTS) {
      return failWith('page.tooManyChars', { path: what, count: formatCount(points), limit: formatCount(MAX_PAGE_CODE_POINTS) }, `page-code-points=${points}/${MAX_PAGE_CODE_POINTS}`);
    }
  }
  if (text.length <= MAX_LINE_CODE_POINTS) return ok(undefined);
  let lineNumber = 1;
  for (let start = 0; start <= text.length; lineNumber++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > MAX_LINE_CODE_POINTS) {
      const points = cpLength(text.slice(start, end));
      if (points > MAX_LINE_CODE_POINTS) {
        return failWith(
          'page.lineTooLong',
          { path: what, line: formatCount(lineNumber), count: formatCount(points), limit: formatCount(MAX_LINE_CODE_POINTS) },
          `line-code-points=${points}/${MAX_LINE_CODE_POINTS}; line=${lineNumber}`,
        );
      }
    }
    start = end + 1;
  }
  return ok(undefined);
}
