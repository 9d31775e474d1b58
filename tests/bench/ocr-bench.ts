/// Quality and speed benchmark of the OCR-correction assistant (`npm run bench:ocr`, run with tsx).
///
/// On ../shared/samples (Tesseract text + ground truth): character error rate before and after the safe fixes
/// (line breaks ignored), recall and precision of the character suggestions, paragraph-break precision/recall/F1
/// after layout repair, and the same suggestions with the engine's hOCR confidences. On ../shared/corpus (no
/// ground truth): what the rules propose. Then the time to suggest on a 200,000-character page. The rules are
/// general; nothing here feeds the ground truth back into them.
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageModel } from '../../electron/services/language-model';
import { importHocr } from '../../shared/layout/hocr';
import { confidencesFromLayout } from '../../shared/ocr-assist/layout-confidences';
import { applySafeFixes, suggestCorrections } from '../../shared/ocr-assist/suggest';
import type { LanguageModel, OcrSuggestion } from '../../shared/ocr-assist/types';
import { normalizeOriginal } from '../../shared/text/normalize';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const samples = path.resolve(repoRoot, '../shared/samples');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const LAYOUT_RULES = new Set(['reflow', 'vertical-headline']);
/// Runs of at least this many consecutive wrong characters are reading-order damage, counted apart.
const READING_ORDER_RUN = 6;

const read = (file: string): string => normalizeOriginal(readFileSync(file, 'utf8')).text;

/// How one character of the OCR text lines up with the ground truth.
interface Alignment {
  /// Per OCR character: true when it is substituted or inserted (not in the ground truth at that place).
  wrong: boolean[];
  /// Per OCR character: true when ground-truth characters are missing right before it (or at the end, index n).
  gapBefore: boolean[];
  /// Per OCR character (and index n): the ground-truth index it lines up with.
  toTruth: number[];
  distance: number;
}

/// Levenshtein alignment of OCR code points against ground-truth code points, with a full backtrace.
function align(ocr: readonly string[], truth: readonly string[]): Alignment {
  const n = ocr.length;
  const m = truth.length;
  const d = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = 0; i <= n; i++) d[i]![0] = i;
  for (let j = 0; j <= m; j++) d[0]![j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const sub = d[i - 1]![j - 1]! + (ocr[i - 1] === truth[j - 1] ? 0 : 1);
      d[i]![j] = Math.min(sub, d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
    }
  }
  const wrong = new Array<boolean>(n).fill(false);
  const gapBefore = new Array<boolean>(n + 1).fill(false);
  const toTruth = new Array<number>(n + 1).fill(m);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (ocr[i - 1] === truth[j - 1] ? 0 : 1)) {
      wrong[i - 1] = ocr[i - 1] !== truth[j - 1];
      toTruth[i - 1] = j - 1;
      i--;
      j--;
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) {
      wrong[i - 1] = true;
      toTruth[i - 1] = j;
      i--;
    } else {
      gapBefore[i] = true;
      j--;
    }
  }
  return { wrong, gapBefore, toTruth, distance: d[n]![m]! };
}

/// The text without line breaks, plus for each original code point its index in that text (or -1 for a break).
function withoutBreaks(text: string): { chars: string[]; index: number[] } {
  const chars: string[] = [];
  const index: number[] = [];
  for (const ch of text) {
    index.push(ch === '\n' ? -1 : chars.length);
    if (ch !== '\n') chars.push(ch);
  }
  return { chars, index };
}

function cer(ocr: string, truth: string): number {
  const t = withoutBreaks(truth).chars;
  return align(withoutBreaks(ocr).chars, t).distance / t.length;
}

function cerNoSpace(ocr: string, truth: string): number {
  const strip = (s: string) => Array.from(s.replace(/\s+/gu, ''));
  const t = strip(truth);
  return align(strip(ocr), t).distance / t.length;
}

interface Coverage {
  errors: number;
  covered: number;
  charErrors: number;
  charCovered: number;
  suggestions: number;
  pointing: number;
}

/// Recall (erroneous OCR characters covered by a character suggestion) and precision (suggestions touching an error).
function coverage(ocrText: string, truth: string, suggestions: readonly OcrSuggestion[]): Coverage {
  const ocr = withoutBreaks(ocrText);
  const a = align(ocr.chars, withoutBreaks(truth).chars);
  const characterSuggestions = suggestions.filter((s) => !LAYOUT_RULES.has(s.rule));
  const isCovered = new Array<boolean>(ocr.chars.length).fill(false);
  let pointing = 0;
  for (const s of characterSuggestions) {
    const positions: number[] = [];
    for (let cp = s.start; cp < s.end; cp++) if (ocr.index[cp]! >= 0) positions.push(ocr.index[cp]!);
    for (const p of positions) isCovered[p] = true;
    const first = positions[0] ?? nextIndex(ocr.index, s.start);
    const last = positions[positions.length - 1] ?? first - 1;
    const hits = positions.some((p) => a.wrong[p]) || a.gapBefore[first]! || a.gapBefore[last + 1]!;
    if (hits) pointing++;
  }
  const inLongRun = longRuns(a.wrong);
  let errors = 0;
  let covered = 0;
  let charErrors = 0;
  let charCovered = 0;
  a.wrong.forEach((w, p) => {
    if (!w) return;
    errors++;
    if (isCovered[p]) covered++;
    if (inLongRun[p]) return;
    charErrors++;
    if (isCovered[p]) charCovered++;
  });
  return { errors, covered, charErrors, charCovered, suggestions: characterSuggestions.length, pointing };
}

function nextIndex(index: readonly number[], cp: number): number {
  for (let k = cp; k < index.length; k++) if (index[k]! >= 0) return index[k]!;
  return Math.max(0, ...index) + 1;
}

function longRuns(wrong: readonly boolean[]): boolean[] {
  const result = new Array<boolean>(wrong.length).fill(false);
  let start = 0;
  for (let p = 0; p <= wrong.length; p++) {
    if (p < wrong.length && wrong[p]) continue;
    if (p - start >= READING_ORDER_RUN) result.fill(true, start, p);
    start = p + 1;
  }
  return result;
}

/// Paragraph breaks as positions in the break-free text (a run of line breaks is one break).
function breakPositions(text: string): number[] {
  const positions: number[] = [];
  let offset = 0;
  for (const line of text.split(/\n+/u)) {
    if (line.trim() === '') continue;
    if (offset > 0) positions.push(offset);
    offset += Array.from(line).length;
  }
  return positions;
}

function paragraphScores(fixed: string, truth: string): { tp: number; predicted: number; actual: number } {
  const a = align(withoutBreaks(fixed).chars, withoutBreaks(truth).chars);
  const predicted = breakPositions(fixed).map((p) => a.toTruth[p]!);
  const actual = breakPositions(truth);
  const used = new Set<number>();
  let tp = 0;
  for (const p of predicted) {
    const match = actual.find((t) => !used.has(t) && Math.abs(t - p) <= 1);
    if (match !== undefined) {
      used.add(match);
      tp++;
    }
  }
  return { tp, predicted: predicted.length, actual: actual.length };
}

const ratio = (a: number, b: number): string => (b === 0 ? 'n/a' : (a / b).toFixed(3));
const f1 = (p: number, r: number): string => (p + r === 0 ? '0.000' : ((2 * p * r) / (p + r)).toFixed(3));

function samplesReport(model: LanguageModel): void {
  console.log('\n== Samples (Tesseract chi_sim vs ground truth) ==');
  const totals = { plain: zero(), hocr: zero(), para: { tp: 0, predicted: 0, actual: 0 }, rawPara: { tp: 0, predicted: 0, actual: 0 } };
  for (const file of readdirSync(path.join(samples, 'scans')).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/u, '');
    const raw = read(path.join(samples, 'scans', file));
    const truth = read(path.join(samples, 'ground-truth', file));
    const fixed = applySafeFixes(raw, { model }).text;
    const plain = coverage(raw, truth, suggestCorrections(raw, { model }));
    const hocr = hocrCoverage(name, truth, model);
    const para = paragraphScores(fixed, truth);
    const rawPara = paragraphScores(raw, truth);
    add(totals.plain, plain);
    if (hocr) add(totals.hocr, hocr);
    addPara(totals.para, para);
    addPara(totals.rawPara, rawPara);
    console.log(`\n${name}`);
    console.log(`  CER raw ${cer(raw, truth).toFixed(4)} → after safe fixes ${cer(fixed, truth).toFixed(4)} (line breaks ignored)`);
    console.log(`  CER raw ${cerNoSpace(raw, truth).toFixed(4)} → after safe fixes ${cerNoSpace(fixed, truth).toFixed(4)} (all whitespace ignored)`);
    printCoverage('  suggestions on the .txt', plain);
    if (hocr) printCoverage('  with hOCR confidences  ', hocr);
    console.log(`  paragraph breaks: raw lines P ${ratio(rawPara.tp, rawPara.predicted)} R ${ratio(rawPara.tp, rawPara.actual)}; after reflow P ${ratio(para.tp, para.predicted)} R ${ratio(para.tp, para.actual)} (${para.predicted} predicted, ${para.actual} true)`);
  }
  console.log('\nAll samples');
  printCoverage('  suggestions on the .txt', totals.plain);
  printCoverage('  with hOCR confidences  ', totals.hocr);
  const p = totals.para.tp / totals.para.predicted;
  const r = totals.para.tp / totals.para.actual;
  console.log(`  paragraph breaks after reflow: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1(p, r)} (raw line breaks: F1 ${f1(totals.rawPara.tp / totals.rawPara.predicted, totals.rawPara.tp / totals.rawPara.actual)})`);
}

function hocrCoverage(name: string, truth: string, model: LanguageModel): Coverage | undefined {
  let xml: string;
  try {
    xml = readFileSync(path.join(samples, 'scans', `${name}.hocr`), 'utf8');
  } catch {
    return undefined;
  }
  const page = importHocr(xml, `${name}.hocr`);
  if (!page.ok) return undefined;
  const text = page.value.text;
  return coverage(text, truth, suggestCorrections(text, { model, confidences: confidencesFromLayout(page.value) }));
}

function zero(): Coverage {
  return { errors: 0, covered: 0, charErrors: 0, charCovered: 0, suggestions: 0, pointing: 0 };
}

function add(total: Coverage, c: Coverage): void {
  for (const key of Object.keys(total) as (keyof Coverage)[]) total[key] += c[key];
}

function addPara(total: { tp: number; predicted: number; actual: number }, p: { tp: number; predicted: number; actual: number }): void {
  total.tp += p.tp;
  total.predicted += p.predicted;
  total.actual += p.actual;
}

function printCoverage(label: string, c: Coverage): void {
  console.log(
    `${label}: recall ${ratio(c.covered, c.errors)} of ${c.errors} wrong chars (${ratio(c.charCovered, c.charErrors)} of ${c.charErrors} outside reading-order runs ≥${READING_ORDER_RUN}); precision ${ratio(c.pointing, c.suggestions)} of ${c.suggestions} suggestions`,
  );
}

function corpusReport(model: LanguageModel): void {
  console.log('\n== Corpus (no ground truth: what the rules propose) ==');
  for (const file of readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()) {
    const text = read(path.join(corpus, file));
    const suggestions = suggestCorrections(text, { model });
    const byRule = new Map<string, number>();
    for (const s of suggestions) byRule.set(s.rule, (byRule.get(s.rule) ?? 0) + 1);
    const fixed = applySafeFixes(text, { model }).text;
    const lines = (t: string) => t.split('\n').filter((l) => l.trim() !== '').length;
    console.log(`${file}: ${Array.from(text).length} chars, ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}; non-blank lines ${lines(text)} → ${lines(fixed)} after safe fixes`);
  }
}

function timingReport(model: LanguageModel): void {
  console.log('\n== Speed ==');
  const pages = readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => read(path.join(corpus, f)));
  let big = '';
  while (Array.from(big).length < 200_000) big += pages.join('\n\n') + '\n\n';
  big = Array.from(big).slice(0, 200_000).join('');
  // CPU time is reported beside wall time: on a shared machine other processes stretch the wall clock.
  const cpu = (): number => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const wall: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < 6; run++) {
    const startWall = performance.now();
    const startCpu = cpu();
    suggestCorrections(big, { model });
    cpuTimes.push(cpu() - startCpu);
    wall.push(performance.now() - startWall);
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    `suggestCorrections on 200,000 chars: first run ${wall[0]!.toFixed(0)} ms wall / ${cpuTimes[0]!.toFixed(0)} ms CPU; ` +
      `warm median ${median(wall.slice(1)).toFixed(0)} ms wall / ${median(cpuTimes.slice(1)).toFixed(0)} ms CPU ` +
      `(load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
  );
  const start = performance.now();
  applySafeFixes(big, { model });
  console.log(`applySafeFixes on 200,000 chars: ${(performance.now() - start).toFixed(0)} ms`);
}

const loadStart = performance.now();
const model = loadLanguageModel();
console.log(`language model (jieba dictionary) loaded in ${(performance.now() - loadStart).toFixed(0)} ms`);
samplesReport(model);
corpusReport(model);
timingReport(model);
