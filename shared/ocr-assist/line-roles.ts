import { isInlineSpace } from './char-class';
import type { PageLine } from './lines';

const BYLINE_LEAD = /^[（(]?(本报)?(记者|通讯员|实习生|特约记者|摄影|本报讯)[\s\u3000]/u;
const NAME_LIST = /^[（(]?\p{Script=Han}{2,4}([\s\u3000]+(\p{Script=Han}{2,4}|摄))+[）)]?$/u;

/// True for a byline or credit line: `记者 刘淑花`, `王泽 刘晓娟`, `（丁海云 王慧玲）`, `本通 摄`.
///
/// Such lines stand on their own; reflow never joins them to the text around them.
export function isByline(line: PageLine): boolean {
  if (line.length === 0 || line.length > 24) return false;
  const cached = bylineCache.get(line);
  if (cached !== undefined) return cached;
  const result = matchesByline(line);
  bylineCache.set(line, result);
  return result;
}

/// Each line is asked about several times while its neighbours are judged.
const bylineCache = new WeakMap<PageLine, boolean>();

function matchesByline(line: PageLine): boolean {
  if (BYLINE_LEAD.test(line.trimmed) && !hasClausePunctuation(line)) return true;
  return NAME_LIST.test(line.trimmed);
}

/// True when the line contains a comma, full stop, enumeration comma or similar clause mark.
export function hasClausePunctuation(line: PageLine): boolean {
  return CLAUSE_MARK.test(line.trimmed);
}

/// The clause marks of `isClausePunctuation`, as one pattern so a line is tested natively.
const CLAUSE_MARK = /[，。、；！？,;!?]/u;

/// True when the line begins with spaces, as an indented first line of a paragraph does.
export function isIndented(line: PageLine): boolean {
  return line.length > 0 && isInlineSpace(line.text[0]);
}

/// True when the line opens with a quotation mark or title bracket, as many paragraphs do.
export function opensWithQuote(line: PageLine): boolean {
  const first = line.trimmed[0];
  return first === '“' || first === '「' || first === '『' || first === '《' || first === '"';
}
