/// Paragraph breaks on held-out scanned pages, per page, as the editor gets them in the app (part of
/// `npm run bench:ocr`; alone: `npx tsx tests/bench/ocr-paragraphs.ts [--heldout <dir>]`, a few seconds).
///
/// For each page: F1 of the paragraph breaks of the raw OCR lines, after the safe fixes on the .txt alone, and in the
/// app with the scan: the reading-order repair accepted (recorded as block moves, as the editor records it, so
/// the line regions follow the moved lines), then the noise removals, then the joins. A break counts when it falls
/// within one character of a true one (`paragraphScores`).
///
/// Reading-order damage is counted in, and also shown apart: where the OCR engine pasted text of one column into
/// the other (two columns read line by line as one, a line's halves put far apart, a headline's half dropped into a
/// column) and no rule moved it back, the aligned text has runs of at least six wrong characters; a true or
/// predicted break touching such a run is "in damage". The second figure is F1 on the breaks outside damage, and
/// `damaged` the share of the page's characters inside it. Only totals per page are printed, never text, so a
/// blind test folder stays blind.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggestForText } from '../../electron/services/ocr/suggest-for-text';
import { arrangedPieces, composeMoves, type TextMove } from '../../shared/model/moves';
import { applySafeFixes } from '../../shared/ocr-assist/suggest';
import type { LanguageModel, OcrSuggestion } from '../../shared/ocr-assist/types';
import { normalizeOriginal } from '../../shared/text/normalize';
import { alignPage, breakPositions, matchBreaks, paragraphScores, type Aligned } from './ocr-heldout-align';

/// Break matches of one page: all of them, and those outside reading-order damage.
interface BreakScores {
  tp: number;
  predicted: number;
  actual: number;
}

const f1 = (s: BreakScores): number => (s.actual + s.predicted === 0 ? 1 : (2 * s.tp) / (s.predicted + s.actual));

/// The page as the editor leaves it after accepting, in turn, the reading-order repairs, the noise removals and
/// the joins; each step asks again with the moves so far, so the line regions follow the edits.
export async function repairedInApp(dir: string, name: string, ocr: string): Promise<string> {
  let text = ocr;
  let moves: TextMove[] = [];
  for (const rules of [['reading-order'], ['ocr-noise'], ['reflow', 'vertical-headline']]) {
    const suggested = await suggestForText(dir, { text, path: `${name}.txt`, ...(moves.length > 0 ? { moves } : {}) });
    if (!suggested.ok) break;
    let end = Number.POSITIVE_INFINITY;
    for (const s of suggested.value.filter((x) => rules.includes(x.rule)).sort((a, b) => b.start - a.start)) {
      if (s.end > end) continue;
      moves = movedBy(text, moves, s);
      const chars = Array.from(text);
      text = [...chars.slice(0, s.start), s.replacement, ...chars.slice(s.end)].join('');
      end = s.start;
    }
  }
  return text;
}

/// The page's moves after accepting `s` on `text`: a reading-order repair rearranges its stretch (accepted before
/// any other edit, so the text is the arranged original and its offsets are the arranged original's).
function movedBy(text: string, moves: TextMove[], s: OcrSuggestion): TextMove[] {
  if (!s.moves || s.moves.length === 0) return moves;
  const length = Array.from(text).length;
  const pieces = arrangedPieces(s.end - s.start, s.moves);
  if (!pieces.ok) return moves;
  const ranges = [{ from: 0, to: s.start }, ...pieces.value.map((p) => ({ from: p.from + s.start, to: p.to + s.start })), { from: s.end, to: length }];
  const composed = composeMoves(length, moves, ranges.filter((r) => r.to > r.from));
  return composed.ok ? composed.value : moves;
}

/// Per truth character: whether it lies in reading-order damage (aligned to a damaged OCR character, or missing
/// next to one).
function truthDamage(a: Aligned): boolean[] {
  const damaged = new Array<boolean>(a.truth.length + 1).fill(false);
  for (let p = 0; p <= a.chars.length; p++) {
    const near = (p < a.chars.length && a.damaged[p]) || (p > 0 && a.damaged[p - 1]);
    if (p < a.chars.length && a.damaged[p]) damaged[a.toTruth[p]!] = true;
    if (near) for (let t = a.toTruth[p]! - a.gapBefore[p]!; t < a.toTruth[p]!; t++) damaged[t] = true;
  }
  return damaged;
}

/// Break scores of the repaired text outside reading-order damage, and the damaged share of the truth.
function outsideDamage(fixed: string, truth: string): { scores: BreakScores; damagedShare: number } {
  const a = alignPage(fixed, truth);
  const damaged = truthDamage(a);
  const inDamage = (t: number): boolean => damaged[t - 1] === true || damaged[t] === true;
  const predicted = breakPositions(fixed)
    .filter((p) => !(a.damaged[p - 1] === true || a.damaged[p] === true))
    .map((p) => a.toTruth[p]!)
    .filter((t) => !inDamage(t));
  const actual = breakPositions(truth).filter((t) => !inDamage(t));
  const damagedShare = damaged.slice(0, a.truth.length).filter(Boolean).length / Math.max(1, a.truth.length);
  return { scores: matchBreaks(predicted, actual), damagedShare };
}

/// Prints the per-page table and the lowest figures.
export async function paragraphsPerPage(dir: string, pages: readonly { name: string; ocr: string; truth: string }[], model: LanguageModel): Promise<void> {
  console.log(
    'paragraph breaks per page (F1: raw lines / after safe fixes on the .txt / in the app with the scan; ' +
      'then, with the scan, F1 outside reading-order damage and the share of the text in damage):',
  );
  const worst = { text: 1, scan: 1, outside: 1 };
  let atAim = 0;
  for (const page of pages) {
    const raw = paragraphScores(page.ocr, page.truth);
    const fixed = paragraphScores(applySafeFixes(page.ocr, { model }).text, page.truth);
    const repaired = await repairedInApp(dir, page.name, page.ocr);
    const scan = paragraphScores(repaired, page.truth);
    const outside = outsideDamage(repaired, page.truth);
    worst.text = Math.min(worst.text, f1(fixed));
    worst.scan = Math.min(worst.scan, f1(scan));
    worst.outside = Math.min(worst.outside, f1(outside.scores));
    if (f1(scan) >= 0.95) atAim++;
    console.log(
      `  ${page.name}: ${f1(raw).toFixed(3)} / ${f1(fixed).toFixed(3)} / ${f1(scan).toFixed(3)} (${scan.tp} right of ${scan.predicted} predicted, ${scan.actual} true); ` +
        `outside damage ${f1(outside.scores).toFixed(3)} (${outside.scores.tp}/${outside.scores.predicted}/${outside.scores.actual}), damaged ${(100 * outside.damagedShare).toFixed(1)} %`,
    );
  }
  console.log(
    `  with the scan, ${atAim} of ${pages.length} pages at F1 ≥ 0.95; lowest F1: ${worst.text.toFixed(3)} on the .txt, ${worst.scan.toFixed(3)} with the scan, ` +
      `${worst.outside.toFixed(3)} with the scan outside reading-order damage (aim: 0.95 on every page)`,
  );
}

/// The held-out pages of `dir` (those with a ground truth and an OCR text), in name order.
export function heldoutPages(dir: string): { name: string; ocr: string; truth: string }[] {
  const read = (file: string): string => normalizeOriginal(readFileSync(file, 'utf8')).text;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gt.txt') && existsSync(path.join(dir, f.replace(/\.gt\.txt$/u, '.txt'))))
    .sort()
    .map((f) => {
      const name = f.replace(/\.gt\.txt$/u, '');
      return { name, ocr: read(path.join(dir, `${name}.txt`)), truth: read(path.join(dir, f)) };
    });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--heldout');
  const dir = at >= 0 ? process.argv[at + 1] : (process.env.OCR_HELDOUT ?? '/work/heldout/ocr/dev');
  if (!dir || !existsSync(dir)) {
    console.log('no held-out folder: pass --heldout <dir> or set OCR_HELDOUT');
  } else {
    const { loadLanguageModel } = await import('../../electron/services/ocr/language-model');
    console.log(`== Paragraph breaks on the held-out scanned pages of ${dir} ==`);
    await paragraphsPerPage(dir, heldoutPages(dir), loadLanguageModel());
  }
}
