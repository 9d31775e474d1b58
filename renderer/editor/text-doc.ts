import { Fragment, Slice, type Node as PmNode, type Schema } from 'prosemirror-model';
import { cpLength, cpToUtf16, utf16ToCp } from '../../shared/text/codepoints';
import { editorSchema } from './schema';

/// Builds an editor document from page text, one `line` node per `\n`-separated line.
///
/// Empty lines become empty line nodes, so `textFromDoc(docFromText(t)) === t` for every `t`. The text must
/// already be normalised (LF line endings); a stray `\r` stays an ordinary character of its line.
export function docFromText(text: string, schema: Schema = editorSchema): PmNode {
  return schema.node('doc', null, linesFromText(text, schema));
}

/// Builds a paste slice from plain text: its lines become line nodes, open at both ends.
///
/// Opening the slice lets the first and last pasted lines join the lines around the cursor, as typed text would.
export function sliceFromText(text: string, schema: Schema = editorSchema): Slice {
  return new Slice(Fragment.from(linesFromText(text, schema)), 1, 1);
}

function linesFromText(text: string, schema: Schema): PmNode[] {
  const lineType = schema.nodes['line']!;
  return text.split('\n').map((line) => lineType.create(null, line === '' ? null : schema.text(line)));
}

const textCache = new WeakMap<PmNode, string>();

/// The page text of an editor document: its lines joined with `\n`.
///
/// Cached per document (documents are immutable), so repeated calls for the same state cost nothing.
export function textFromDoc(doc: PmNode): string {
  let text = textCache.get(doc);
  if (text === undefined) {
    const lines: string[] = [];
    doc.forEach((line) => lines.push(line.textContent));
    text = lines.join('\n');
    textCache.set(doc, text);
  }
  return text;
}

/// Where each line of a document starts, in ProseMirror positions and in code points of the page text.
interface LineIndex {
  /// ProseMirror position of the first character inside line i (the position just after its opening token).
  pmStart: Int32Array;
  /// Code-point offset in the page text where line i starts.
  cpStart: Int32Array;
  /// Code-point length of line i.
  cpLen: Int32Array;
  /// Code-point length of the whole page text.
  cpTotal: number;
}

// Line nodes are shared between successive documents, so a per-line cache makes rebuilding a document's index
// after a keystroke cost one lookup per line instead of recounting 200,000 characters.
const lineCpLength = new WeakMap<PmNode, number>();
const indexCache = new WeakMap<PmNode, LineIndex>();

function cpLengthOfLine(line: PmNode): number {
  let n = lineCpLength.get(line);
  if (n === undefined) {
    n = cpLength(line.textContent);
    lineCpLength.set(line, n);
  }
  return n;
}

function lineIndex(doc: PmNode): LineIndex {
  let index = indexCache.get(doc);
  if (index !== undefined) return index;
  const count = doc.childCount;
  const pmStart = new Int32Array(count);
  const cpStart = new Int32Array(count);
  const cpLen = new Int32Array(count);
  let pos = 0;
  let cp = 0;
  for (let i = 0; i < count; i++) {
    const line = doc.child(i);
    const n = cpLengthOfLine(line);
    pmStart[i] = pos + 1;
    cpStart[i] = cp;
    cpLen[i] = n;
    pos += line.nodeSize;
    cp += n + 1; // + 1 for the `\n` that ends the line in the page text
  }
  index = { pmStart, cpStart, cpLen, cpTotal: Math.max(0, cp - 1) };
  indexCache.set(doc, index);
  return index;
}

/// The last index i with values[i] <= target (0 when target is below values[0]).
function lastAtOrBelow(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]! <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/// Converts a ProseMirror position to a code-point offset in the page text (`textFromDoc(doc)`).
///
/// A position between two lines (outside both) counts as the end of the line before it, position 0 as the start
/// of the text, so the mapping never decreases. A position inside a surrogate pair (impossible for
/// positions taken from a selection) counts as before that character.
export function pmPosToCp(doc: PmNode, pos: number): number {
  const index = lineIndex(doc);
  if (index.pmStart.length === 0) return 0;
  const i = lastAtOrBelow(index.pmStart, pos);
  const line = doc.child(i);
  const inLine = Math.min(Math.max(pos - index.pmStart[i]!, 0), line.content.size);
  if (inLine === 0) return index.cpStart[i]!;
  if (inLine === line.content.size) return index.cpStart[i]! + index.cpLen[i]!;
  // A line without astral characters has as many code points as UTF-16 units: no need to look at its text.
  if (index.cpLen[i] === line.content.size) return index.cpStart[i]! + inLine;
  return index.cpStart[i]! + utf16ToCp(line.textContent, inLine);
}

/// Converts a code-point offset in the page text to a ProseMirror position inside the matching line.
///
/// The offset of a `\n` (the end of a line) maps to the end of that line's content; offsets outside the text
/// clamp to its start or end.
export function cpToPmPos(doc: PmNode, cp: number): number {
  const index = lineIndex(doc);
  if (index.pmStart.length === 0) return 0;
  const target = Math.min(Math.max(cp, 0), index.cpTotal);
  const i = lastAtOrBelow(index.cpStart, target);
  const inLine = Math.min(target - index.cpStart[i]!, index.cpLen[i]!);
  if (inLine === 0) return index.pmStart[i]!;
  const line = doc.child(i);
  if (inLine === index.cpLen[i]) return index.pmStart[i]! + line.content.size;
  if (index.cpLen[i] === line.content.size) return index.pmStart[i]! + inLine; // no astral characters
  return index.pmStart[i]! + cpToUtf16(line.textContent, inLine);
}

/// The code-point length of a document's page text, from the cached line index.
///
/// Equal to `cpLength(textFromDoc(doc))` without building the string.
export function docCpLength(doc: PmNode): number {
  return lineIndex(doc).cpTotal;
}

/// The code-point offset in the page text where line `line` (0-based) of a document starts.
///
/// Read from the cached line index; `line` equal to the line count gives the text's length.
export function lineStartCp(doc: PmNode, line: number): number {
  const index = lineIndex(doc);
  return line < index.cpStart.length ? index.cpStart[line]! : index.cpTotal;
}
