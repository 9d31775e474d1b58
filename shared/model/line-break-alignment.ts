/// Line breaks must not decide which characters are "the same": joining wrapped lines removes only "\n"s, yet a
/// character diff that may pair line breaks with line breaks instead of letters with letters (or that gives up on
/// a long stretch and replaces it whole) turns the join into the deletion of a paragraph and its insertion as new
/// text: highlights over unchanged text, nonsense "OCR:" originals, scan links on the wrong block. Stretches of
/// corrections that touch line breaks are diffed again on their visible characters alone, and the line breaks
/// placed around that alignment.
import { diffCodePoints } from './diff-codepoints';
import { pushAll } from '../push-all';
import type { Correction } from './sidecar-schema';
import { CodePointIndex, cpLength } from '../text/codepoints';

/// Corrections (sorted, on `original`, turning it into `corrected`) where every block of corrections involving line
/// breaks is replaced by the corrections of a diff of its visible characters when that keeps more of them (or as
/// many, with fewer line breaks changed), so an unchanged character is never reported as changed because line
/// breaks moved around it.
///
/// A block is a run of corrections whose gaps of unchanged text hold no whole line with text: what a changed block
/// of lines between unchanged lines gives. It is realigned when a correction in it adds or removes a line break,
/// or when line breaks stand between its corrections and it removes a character it also writes (the diff kept a
/// line break instead of that character). A block longer than 5,000 code points (a page with fixes on every line)
/// is split at its line breaks instead, and only the parts that add or remove line breaks are realigned: a
/// character diff over all of it could take seconds.
export function alignOnVisibleCharacters(original: string, corrected: string, corrections: readonly Correction[]): Correction[] {
  // Nothing to do unless a correction involves a line break or two corrections have one between them.
  if (!corrections.some(touchesBreak) && (corrections.length < 2 || !original.includes('\n'))) return [...corrections];
  const origIndex = new CodePointIndex(original);
  let corrIndex: CodePointIndex | null = null; // built when a block is realigned
  const out: Correction[] = [];
  let delta = 0; // corrected offset minus original offset before the current correction
  const realign = (block: readonly Correction[]): void => {
    const start = block[0]!.start;
    const end = block[block.length - 1]!.end;
    const blockDelta = delta + block.reduce((sum, c) => sum + cpLength(c.corrected) - (c.end - c.start), 0);
    const r = original.slice(origIndex.toUtf16(start), origIndex.toUtf16(end));
    corrIndex ??= new CodePointIndex(corrected);
    const c = corrected.slice(corrIndex.toUtf16(start + delta), corrIndex.toUtf16(end + blockDelta));
    const realigned = visibleFirst(r, c).map((x) => ({ ...x, start: x.start + start, end: x.end + start }));
    // The alignment that changes fewer visible characters wins; on a tie (the same characters kept), the one that
    // changes fewer line breaks too.
    pushAll(out, compareCost(cost(realigned), cost(block)) < 0 ? realigned : block);
    delta = blockDelta;
  };
  const keep = (block: readonly Correction[]): void => {
    pushAll(out, block);
    for (const c of block) delta += cpLength(c.corrected) - (c.end - c.start);
  };
  for (const block of runs(corrections, (a, b) => gapBetween(original, origIndex, a.end, b.start) !== 'whole-line')) {
    const span = block[block.length - 1]!.end - block[0]!.start;
    if (span <= MAX_REALIGNED) {
      if (block.some(touchesBreak) || (hasBreaksBetween(original, origIndex, block) && removesWhatItWrites(block))) realign(block);
      else keep(block);
      continue;
    }
    for (const part of runs(block, (a, b) => gapBetween(original, origIndex, a.end, b.start) === 'none')) {
      const partSpan = part[part.length - 1]!.end - part[0]!.start;
      if (partSpan <= MAX_REALIGNED && part.some(touchesBreak)) realign(part);
      else keep(part);
    }
  }
  return out;
}

// Splits a sorted list into runs of neighbours that `together` keeps together.
function runs(list: readonly Correction[], together: (a: Correction, b: Correction) => boolean): Correction[][] {
  const out: Correction[][] = [];
  for (const c of list) {
    const last = out[out.length - 1];
    if (last && together(last[last.length - 1]!, c)) last.push(c);
    else out.push([c]);
  }
  return out;
}

function hasBreaksBetween(text: string, index: CodePointIndex, block: readonly Correction[]): boolean {
  for (let k = 1; k < block.length; k++) if (gapBetween(text, index, block[k - 1]!.end, block[k]!.start) !== 'none') return true;
  return false;
}

// Whether a visible character the block removes is one it also writes.
function removesWhatItWrites(block: readonly Correction[]): boolean {
  const removed = new Set<string>();
  for (const c of block) for (const ch of c.original) if (ch !== '\n') removed.add(ch);
  return block.some((c) => Array.from(c.corrected).some((ch) => removed.has(ch)));
}

// Above this many code points a block is realigned in parts: its character diff could take seconds.
const MAX_REALIGNED = 5_000;

// Code points a correction list changes: visible ones, and all.
function cost(corrections: readonly Correction[]): [number, number] {
  let visible = 0;
  let all = 0;
  for (const c of corrections) {
    const length = cpLength(c.original) + cpLength(c.corrected);
    all += length;
    visible += length - countBreaks(c.original) - countBreaks(c.corrected);
  }
  return [visible, all];
}

function compareCost(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

function countBreaks(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

function touchesBreak(c: Correction): boolean {
  return c.original.includes('\n') || c.corrected.includes('\n');
}

// What the unchanged original code points [from, to) between two corrections hold: a whole line with text
// (two line breaks with something between them: the diff found it unchanged, a firm anchor), only other line
// breaks (blank lines are all alike: weak anchors), or none.
function gapBetween(text: string, index: CodePointIndex, from: number, to: number): 'whole-line' | 'breaks' | 'none' {
  const end = index.toUtf16(to);
  let previous = -1;
  for (let at = text.indexOf('\n', index.toUtf16(from)); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) {
    if (previous >= 0 && at > previous + 1) return 'whole-line';
    previous = at;
  }
  return previous >= 0 ? 'breaks' : 'none';
}

// The corrections of `a` into `b` (offsets on `a`) that keep every visible character the two share in order:
// the visible characters are aligned first; between two aligned characters what differs is one correction
// (trimmed of what both sides share at its ends, line breaks included).
function visibleFirst(a: string, b: string): Correction[] {
  const ca = Array.from(a);
  const cb = Array.from(b);
  const va: number[] = []; // code-point index in `a` of each visible character
  const vb: number[] = [];
  ca.forEach((ch, k) => ch !== '\n' && va.push(k));
  cb.forEach((ch, k) => ch !== '\n' && vb.push(k));
  const pairs: [number, number][] = [];
  let ia = 0;
  let ib = 0;
  for (const run of diffCodePoints(va.map((k) => ca[k]).join(''), vb.map((k) => cb[k]).join(''))) {
    const n = cpLength(run.text);
    if (run.op === 'equal') for (let k = 0; k < n; k++) pairs.push([va[ia++]!, vb[ib++]!]);
    else if (run.op === 'delete') ia += n;
    else ib += n;
  }
  pairs.push([ca.length, cb.length]);
  const out: Correction[] = [];
  let pa = 0;
  let pb = 0;
  for (const [na, nb] of pairs) {
    let s = pa;
    let t = pb;
    let ea = na;
    let eb = nb;
    while (s < ea && t < eb && ca[s] === cb[t]) {
      s++;
      t++;
    }
    while (ea > s && eb > t && ca[ea - 1] === cb[eb - 1]) {
      ea--;
      eb--;
    }
    if (s < ea || t < eb) out.push({ start: s, end: ea, original: ca.slice(s, ea).join(''), corrected: cb.slice(t, eb).join('') });
    pa = na + 1;
    pb = nb + 1;
  }
  return out;
}
