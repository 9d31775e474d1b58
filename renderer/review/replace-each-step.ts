import { Fragment, Slice, type Node as PmNode, type Schema } from 'prosemirror-model';
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';

/// One replacement of a ReplaceEachStep: positions in the document before the step.
export interface ReplacePart {
  from: number;
  to: number;
  slice: Slice;
}

const STEP_ID = 'jiaodui.replaceEach';

/// One step that makes many separate replacements at once, as accept-all does.
///
/// The same edit as one ReplaceStep per replacement (made from the last to the first), with the same position
/// map, but one step: a transaction of 10,000 ReplaceSteps keeps 10,000 documents (each with its own list of
/// every line) and every plugin maps through 10,000 maps, which took seconds. The parts are sorted, do not
/// overlap and are given in positions of the document before the step. Parts may touch; a position exactly
/// between two touching parts then maps by the first one alone (one StepMap), where separate steps would also
/// pass it through the second. Undo inverts it into another ReplaceEachStep.
export class ReplaceEachStep extends Step {
  constructor(readonly parts: readonly ReplacePart[]) {
    super();
  }

  apply(doc: PmNode): StepResult {
    try {
      return StepResult.ok(withinLines(doc, this.parts) ?? oneByOne(doc, this.parts));
    } catch (error) {
      return StepResult.fail((error as Error).message);
    }
  }

  override getMap(): StepMap {
    const ranges: number[] = [];
    for (const { from, to, slice } of this.parts) ranges.push(from, to - from, slice.size);
    return new StepMap(ranges);
  }

  invert(doc: PmNode): Step {
    // What each part replaced, cut from its line where it lies in one (doc.slice resolves both ends from the
    // document's first line, which on a long page costs more than the rest of the step).
    const lines = linesOf(doc, this.parts);
    let shift = 0;
    const parts: ReplacePart[] = this.parts.map(({ from, to, slice }, i) => {
      const at = from + shift;
      shift += slice.size - (to - from);
      const line = lines[i];
      const old = from === to ? Slice.empty : line ? new Slice(line.node.content.cut(from - line.contentStart, to - line.contentStart), 0, 0) : doc.slice(from, to);
      return { from: at, to: at + slice.size, slice: old };
    });
    return new ReplaceEachStep(parts);
  }

  map(mapping: Mappable): Step | null {
    const parts: ReplacePart[] = [];
    for (const { from, to, slice } of this.parts) {
      const start = mapping.mapResult(from, 1);
      const end = mapping.mapResult(to, -1);
      // As ReplaceStep: a replacement whose whole range was deleted by the other change has nothing to replace.
      if (start.deletedAcross && end.deletedAcross) return null;
      parts.push({ from: start.pos, to: Math.max(start.pos, end.pos), slice });
    }
    return new ReplaceEachStep(parts);
  }

  override toJSON(): { stepType: string; parts: { from: number; to: number; slice: unknown }[] } {
    return { stepType: STEP_ID, parts: this.parts.map(({ from, to, slice }) => ({ from, to, slice: slice.toJSON() })) };
  }

  /// The step from its JSON form (registered under "jiaodui.replaceEach").
  static override fromJSON(schema: Schema, json: { parts?: { from: number; to: number; slice: unknown }[] }): ReplaceEachStep {
    if (!Array.isArray(json.parts)) throw new RangeError('Invalid input for ReplaceEachStep.fromJSON');
    return new ReplaceEachStep(json.parts.map((part) => ({ from: part.from, to: part.to, slice: Slice.fromJSON(schema, part.slice as Parameters<typeof Slice.fromJSON>[1]) })));
  }
}

Step.jsonID(STEP_ID, ReplaceEachStep);

// For each part (sorted), the line holding it, or null when it does not lie inside one line.
function linesOf(doc: PmNode, parts: readonly ReplacePart[]): ({ index: number; node: PmNode; contentStart: number } | null)[] {
  const found: ({ index: number; node: PmNode; contentStart: number } | null)[] = [];
  let index = 0;
  let lineStart = 0; // position before line `index`
  for (const { from, to } of parts) {
    while (index < doc.childCount && lineStart + doc.child(index).nodeSize <= from) lineStart += doc.child(index++).nodeSize;
    const node = index < doc.childCount ? doc.child(index) : null;
    const contentStart = lineStart + 1;
    found.push(node && from >= contentStart && to <= contentStart + node.content.size ? { index, node, contentStart } : null);
  }
  return found;
}

// The inline content a part puts in, when it adds no line break: a slice of one line's text (open on both sides,
// as sliceFromText makes), inline content cut from a line (as invert makes), or nothing. Else null.
function inlineContent(slice: Slice): Fragment | null {
  if (slice.size === 0) return Fragment.empty;
  if (slice.openStart === 1 && slice.openEnd === 1 && slice.content.childCount === 1) return slice.content.firstChild!.content;
  if (slice.openStart === 0 && slice.openEnd === 0 && slice.content.firstChild?.isInline === true) return slice.content;
  return null;
}

// The usual case, every part inside one line and no line break put in: each changed line is rebuilt once, then the
// document once. Null when some part crosses or adds a line break.
function withinLines(doc: PmNode, parts: readonly ReplacePart[]): PmNode | null {
  const lines = linesOf(doc, parts);
  const edits = new Map<number, { node: PmNode; list: { from: number; to: number; content: Fragment }[] }>();
  for (const [i, { from, to, slice }] of parts.entries()) {
    const line = lines[i];
    const content = inlineContent(slice);
    if (!line || content === null) return null;
    let entry = edits.get(line.index);
    if (!entry) edits.set(line.index, (entry = { node: line.node, list: [] }));
    entry.list.push({ from: from - line.contentStart, to: to - line.contentStart, content });
  }
  const children: PmNode[] = [];
  doc.forEach((child) => children.push(child));
  for (const [index, { node, list }] of edits) {
    // The line's text cut around the parts, with each part's content between (append joins neighbouring text
    // nodes of the same marks); cheaper than a Node.replace per part, which resolves and checks each time.
    let content = Fragment.empty;
    let at = 0;
    for (const { from, to, content: put } of list) {
      content = content.append(node.content.cut(at, from)).append(put);
      at = to;
    }
    children[index] = node.copy(content.append(node.content.cut(at)));
  }
  return doc.copy(Fragment.fromArray(children));
}

// Any parts: applied one by one from the last to the first, as separate ReplaceSteps would be.
function oneByOne(doc: PmNode, parts: readonly ReplacePart[]): PmNode {
  let result = doc;
  for (let i = parts.length - 1; i >= 0; i--) result = result.replace(parts[i]!.from, parts[i]!.to, parts[i]!.slice);
  return result;
}
