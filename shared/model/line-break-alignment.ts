/// Line breaks must not decide which characters are "the same": joining wrapped lines removes only "\n"s, yet a
/// character diff that may pair line breaks with line breaks instead of letters with letters (or that gives up on
/// a long stretch and replaces it whole) turns the join into the deletion of a paragraph and its insertion as new
/// text: highlights over unchanged text, nonsense "OCR:" originals, scan links on the wrong block. Stretches of
/// corrections that touch line breaks are diffed again on their visible characters alone, and the line breaks
/// placed around that alignment.
import { diffCodePoints } from './diff-codepoints';
import type { Correction } from './sidecar-schema';
import { CodePointIndex, cpLength } from '../text/codepoints';

/// Corrections (sorted, on `original`, turning it into `corrected`) where every cluster of corrections involving a
/// line break is replaced by the corrections of a diff of its visible characters when that keeps more of them
/// (or as many, with fewer line breaks changed), so an unchanged character is never reported as changed because
/// line breaks moved around it.
///
/// A cluster is a run of corrections whose gaps of unchanged text hold no whole line with text, which is what a
/// changed block of lines between unchanged lines gives.
export function alignOnVisibleCharacters(original: string, corrected: string, corrections: readonly Correction[]): Correction[] {
  // Nothing to do unless a correction involves a line break or two corrections have one between them.
  if (!corrections.some(touchesBreak) && (corrections.length < 2 || !original.includes('\n'))) return [...corrections];
  const origIndex = new CodePointIndex(original);
  const corrIndex = new CodePointIndex(corrected);
  const out: Correction[] = [];
  let delta = 0; // corrected offset minus original offset before the current correction
  let i = 0;
  while (i < corrections.length) {
    let j = i;
    let clusterDelta = delta;
    let touches = touchesBreak(corrections[i]!);
    clusterDelta += cpLength(corrections[i]!.corrected) - (corrections[i]!.end - corrections[i]!.start);
    for (;;) {
      if (j + 1 >= corrections.length) break;
      const gap = gapBetween(original, origIndex, corrections[j]!.end, corrections[j + 1]!.start);
      if (gap === 'whole-line') break;
      j++;
      // A line break kept between two corrections may be one the diff kept instead of a character.
      touches ||= gap === 'breaks' || touchesBreak(corrections[j]!);
      clusterDelta += cpLength(corrections[j]!.corrected) - (corrections[j]!.end - corrections[j]!.start);
    }
    const start = corrections[i]!.start;
    const end = corrections[j]!.end;
    if (!touches) {
      out.push(...corrections.slice(i, j + 1));
    } else {
      const r = original.slice(origIndex.toUtf16(start), origIndex.toUtf16(end));
      const c = corrected.slice(corrIndex.toUtf16(start + delta), corrIndex.toUtf16(end + clusterDelta));
      const realigned = visibleFirst(r, c).map((x) => ({ ...x, start: x.start + start, end: x.end + start }));
      // The alignment that changes fewer visible characters wins; on a tie (the same characters kept), the one that
      // changes fewer line breaks too.
      const kept = corrections.slice(i, j + 1);
      out.push(...(compareCost(cost(realigned), cost(kept)) < 0 ? realigned : kept));
    }
    delta = clusterDelta;
    i = j + 1;
  }
  return out;
}

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
