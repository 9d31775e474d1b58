/// Quality and speed benchmark of the OCR-correction assistant (`npm run bench:ocr`, run with tsx).
///
/// On tests/fixtures/samples (Tesseract text + ground truth): character error rate before and after the safe fixes
/// (line breaks ignored); recall of the character suggestions per kind of error (misread, extra, missing;
/// reading-order damage counted apart, see `coverage`) and their precision, on the plain text and with the
/// engine's hOCR confidences; then as the app works on a .txt page with its scan (`suggestForText`: confidences
/// and line regions from the layout file): CER after the reading-order repair and the recall of the character
/// suggestions on the repaired text, every wrong character counted; false alarms on the ground truth itself;
/// paragraph-break precision/recall/F1 after layout repair. Then paragraph breaks on a corpus page set in simulated columns, what the rules propose on
/// tests/fixtures/corpus (no ground truth), and the time to suggest on a 200,000-character page. The rules are
/// general; nothing here feeds the ground truth back into them. Last, the reliability tables of the character
/// suggestions' confidence on development material outside the repository (see ./ocr-calibration.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageModel } from '../../electron/services/ocr/language-model';
import { suggestForText } from '../../electron/services/ocr/suggest-for-text';
import { importHocr } from '../../shared/layout/hocr';
import { lookAlikesOf } from '../../shared/ocr-assist/confusion-table';
import { glyphLookAlikesOf } from '../../shared/ocr-assist/glyph-neighbours';
import { confidencesFromLayout } from '../../shared/ocr-assist/layout-confidences';
import { applySafeFixes, suggestCorrections } from '../../shared/ocr-assist/suggest';
import type { LanguageModel, OcrSuggestion } from '../../shared/ocr-assist/types';
import { normalizeOriginal } from '../../shared/text/normalize';
import { align, paragraphScores, withoutBreaks, type Alignment } from './ocr-heldout-align';
import { calibrationReport } from './ocr-calibration';
import { learningCurveReport } from './ocr-learning-curve';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const samples = path.resolve(repoRoot, 'tests/fixtures/samples');
const corpus = path.resolve(repoRoot, 'tests/fixtures/corpus');
const LAYOUT_RULES = new Set(['reading-order', 'reflow', 'vertical-headline']);
/// Runs of at least this many consecutive wrong characters are reading-order damage, counted apart.
const READING_ORDER_RUN = 6;
/// Characters that happen to match inside reading-order damage (a comma, a common word) do not end it.
const MAX_MATCH_INSIDE_DAMAGE = 2;

const read = (file: string): string => normalizeOriginal(readFileSync(file, 'utf8')).text;

function cer(ocr: string, truth: string): number {
  const t = withoutBreaks(truth).chars;
  return align(withoutBreaks(ocr).chars, t).distance / t.length;
}

function cerNoSpace(ocr: string, truth: string): number {
  const strip = (s: string) => Array.from(s.replace(/\s+/gu, ''));
  const t = strip(truth);
  return align(strip(ocr), t).distance / t.length;
}

/// Error counts of one kind (misread, extra or missing characters) and how many a suggestion covers.
interface Tally {
  errors: number;
  covered: number;
}

interface Coverage {
  /// Every wrong OCR character (misread or extra), reading-order damage included: the old headline figure.
  all: Tally;
  /// Outside reading-order damage: characters misread (one for one).
  misread: Tally;
  /// Outside reading-order damage: characters OCR added (noise, stray punctuation, split characters).
  extra: Tally;
  /// Outside reading-order damage: ground-truth characters OCR dropped.
  missing: Tally;
  suggestions: number;
  pointing: number;
}

/// Recall and precision of the character suggestions (every rule but the layout ones) against the ground truth.
///
/// Both texts lose their line breaks and are aligned by edit distance. An error is one edit of that alignment: a
/// misread OCR character, an extra OCR character, or a missing ground-truth character. A suggestion covers the
/// OCR characters in its range, and a missing character when the suggestion's range touches the place of the
/// gap (an insertion there, or a range that starts or ends at it). Reading-order damage, where Tesseract pasted
/// a block of another column in, shows up as long stretches of errors; stretches of at least READING_ORDER_RUN
/// errors (allowing one or two characters that happen to match inside) are counted apart, as no character
/// suggestion can repair them. Precision is the share of suggestions whose range touches an error.
function coverage(ocrText: string, truth: string, suggestions: readonly OcrSuggestion[]): Coverage {
  const ocr = withoutBreaks(ocrText);
  const a = align(ocr.chars, withoutBreaks(truth).chars);
  const characterSuggestions = suggestions.filter((s) => !LAYOUT_RULES.has(s.rule));
  const isCovered = new Array<boolean>(ocr.chars.length).fill(false);
  const gapCovered = new Array<boolean>(ocr.chars.length + 1).fill(false);
  let pointing = 0;
  for (const s of characterSuggestions) {
    const positions: number[] = [];
    for (let cp = s.start; cp < s.end; cp++) if (ocr.index[cp]! >= 0) positions.push(ocr.index[cp]!);
    for (const p of positions) isCovered[p] = true;
    const first = positions[0] ?? nextIndex(ocr.index, s.start);
    const last = positions[positions.length - 1] ?? first - 1;
    gapCovered[first] = true;
    gapCovered[last + 1] = true;
    const hits = positions.some((p) => a.wrong[p]) || a.gapBefore[first]! > 0 || a.gapBefore[last + 1]! > 0;
    if (hits) pointing++;
  }
  const damaged = readingOrderDamage(a);
  const result: Coverage = { all: tally(), misread: tally(), extra: tally(), missing: tally(), suggestions: characterSuggestions.length, pointing };
  for (let p = 0; p <= ocr.chars.length; p++) {
    if (a.gapBefore[p]! > 0 && !damaged.gap[p]) count(result.missing, gapCovered[p]!, a.gapBefore[p]!);
    if (p === ocr.chars.length || !a.wrong[p]) continue;
    count(result.all, isCovered[p]!, 1);
    if (!damaged.char[p]) count(a.substituted[p] ? result.misread : result.extra, isCovered[p]!, 1);
  }
  return result;
}

const tally = (): Tally => ({ errors: 0, covered: 0 });

function count(t: Tally, covered: boolean, n: number): void {
  t.errors += n;
  if (covered) t.covered += n;
}

function nextIndex(index: readonly number[], cp: number): number {
  for (let k = cp; k < index.length; k++) if (index[k]! >= 0) return index[k]!;
  return Math.max(0, ...index) + 1;
}

/// Which OCR characters and gaps belong to reading-order damage: stretches of at least READING_ORDER_RUN errors
/// (wrong characters plus missing ones) in which at most two matching characters in a row occur.
function readingOrderDamage(a: Alignment): { char: boolean[]; gap: boolean[] } {
  const n = a.wrong.length;
  const char = new Array<boolean>(n).fill(false);
  const gap = new Array<boolean>(n + 1).fill(false);
  let start = -1;
  let errors = 0;
  let lastError = -1;
  const close = (): void => {
    if (start >= 0 && errors >= READING_ORDER_RUN) {
      for (let p = start; p <= lastError; p++) {
        if (p < n && a.wrong[p]) char[p] = true;
        if (a.gapBefore[p]! > 0) gap[p] = true;
      }
    }
    start = -1;
    errors = 0;
  };
  for (let p = 0; p <= n; p++) {
    const here = (p < n && a.wrong[p] ? 1 : 0) + a.gapBefore[p]!;
    if (here === 0) {
      if (start >= 0 && p - lastError > MAX_MATCH_INSIDE_DAMAGE) close();
      continue;
    }
    if (start < 0) start = p;
    errors += here;
    lastError = p;
  }
  close();
  return { char, gap };
}

const ratio = (a: number, b: number): string => (b === 0 ? 'n/a' : (a / b).toFixed(3));
const f1 = (p: number, r: number): string => (p + r === 0 ? '0.000' : ((2 * p * r) / (p + r)).toFixed(3));

async function samplesReport(model: LanguageModel): Promise<void> {
  console.log('\n== Samples (Tesseract chi_sim vs ground truth) ==');
  const totals = { plain: zero(), hocr: zero(), app: zero(), para: { tp: 0, predicted: 0, actual: 0 }, rawPara: { tp: 0, predicted: 0, actual: 0 } };
  for (const file of readdirSync(path.join(samples, 'scans')).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/u, '');
    const raw = read(path.join(samples, 'scans', file));
    const truth = read(path.join(samples, 'ground-truth', file));
    const fixed = applySafeFixes(raw, { model }).text;
    const plain = coverage(raw, truth, suggestCorrections(raw, { model }));
    const hocr = hocrCoverage(name, truth, model);
    const app = await withScanCoverage(file, raw, truth);
    const para = paragraphScores(fixed, truth);
    const rawPara = paragraphScores(raw, truth);
    add(totals.plain, plain);
    if (hocr) add(totals.hocr, hocr);
    add(totals.app, app.coverage);
    addPara(totals.para, para);
    addPara(totals.rawPara, rawPara);
    console.log(`\n${name}`);
    console.log(`  CER raw ${cer(raw, truth).toFixed(4)} → after safe fixes ${cer(fixed, truth).toFixed(4)} (line breaks ignored)`);
    console.log(`  CER raw ${cerNoSpace(raw, truth).toFixed(4)} → after safe fixes ${cerNoSpace(fixed, truth).toFixed(4)} (all whitespace ignored)`);
    printCoverage('  suggestions on the .txt', plain);
    if (hocr) printCoverage('  with hOCR confidences  ', hocr);
    console.log(`  with its scan, as in the app: ${app.moved} reading-order suggestion(s); CER raw ${cer(raw, truth).toFixed(4)} → after reading-order repair ${cer(app.text, truth).toFixed(4)}`);
    printCoverage('  … then character suggestions', app.coverage);
    console.log(`  paragraph breaks: raw lines P ${ratio(rawPara.tp, rawPara.predicted)} R ${ratio(rawPara.tp, rawPara.actual)}; after reflow P ${ratio(para.tp, para.predicted)} R ${ratio(para.tp, para.actual)} (${para.predicted} predicted, ${para.actual} true)`);
  }
  console.log('\nAll samples');
  printCoverage('  suggestions on the .txt', totals.plain);
  printCoverage('  with hOCR confidences  ', totals.hocr);
  printCoverage('  .txt + scan after reading-order repair', totals.app);
  const p = totals.para.tp / totals.para.predicted;
  const r = totals.para.tp / totals.para.actual;
  falseAlarms(model);
  console.log(`  paragraph breaks after reflow: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1(p, r)} (raw line breaks: F1 ${f1(totals.rawPara.tp / totals.rawPara.predicted, totals.rawPara.tp / totals.rawPara.actual)})`);
}

/// The sample's .txt page as the app sees it beside its scan: the reading-order suggestion (if any) is accepted,
/// then the character suggestions the app makes on that text are measured.
async function withScanCoverage(file: string, raw: string, truth: string): Promise<{ text: string; moved: number; coverage: Coverage }> {
  const root = path.join(samples, 'scans');
  const first = await suggestForText(root, { text: raw, path: file });
  if (!first.ok) throw new Error(first.error.message);
  // Applied from the end, so earlier offsets stay valid.
  const moves = first.value.filter((s) => s.rule === 'reading-order').sort((a, b) => b.start - a.start);
  let text = raw;
  for (const s of moves) {
    const chars = Array.from(text);
    text = [...chars.slice(0, s.start), s.replacement, ...chars.slice(s.end)].join('');
  }
  const after = await suggestForText(root, { text, path: file });
  if (!after.ok) throw new Error(after.error.message);
  return { text, moved: moves.length, coverage: coverage(text, truth, after.value) };
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
  return { all: tally(), misread: tally(), extra: tally(), missing: tally(), suggestions: 0, pointing: 0 };
}

function add(total: Coverage, c: Coverage): void {
  for (const key of ['all', 'misread', 'extra', 'missing'] as const) {
    total[key].errors += c[key].errors;
    total[key].covered += c[key].covered;
  }
  total.suggestions += c.suggestions;
  total.pointing += c.pointing;
}

function addPara(total: { tp: number; predicted: number; actual: number }, p: { tp: number; predicted: number; actual: number }): void {
  total.tp += p.tp;
  total.predicted += p.predicted;
  total.actual += p.actual;
}

function printCoverage(label: string, c: Coverage): void {
  const outside = [c.misread, c.extra, c.missing].reduce((t, x) => ({ errors: t.errors + x.errors, covered: t.covered + x.covered }), tally());
  const part = (name: string, t: Tally): string => `${name} ${t.covered}/${t.errors}`;
  console.log(
    `${label}: recall ${ratio(outside.covered, outside.errors)} of ${outside.errors} errors outside reading-order damage ` +
      `(${part('misread', c.misread)}, ${part('extra', c.extra)}, ${part('missing', c.missing)}); ` +
      `precision ${ratio(c.pointing, c.suggestions)} of ${c.suggestions} suggestions; ` +
      `all wrong OCR chars incl. reading-order damage: recall ${ratio(c.all.covered, c.all.errors)} of ${c.all.errors}`,
  );
}

/// Character suggestions made on the ground truth itself: clean text, so each one is a false alarm.
function falseAlarms(model: LanguageModel): void {
  let chars = 0;
  const byRule = new Map<string, number>();
  for (const file of readdirSync(path.join(samples, 'ground-truth')).filter((f) => f.endsWith('.txt'))) {
    const truth = read(path.join(samples, 'ground-truth', file));
    chars += Array.from(truth).length;
    for (const s of suggestCorrections(truth, { model })) {
      if (!LAYOUT_RULES.has(s.rule)) byRule.set(s.rule, (byRule.get(s.rule) ?? 0) + 1);
    }
  }
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  const rules = [...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ');
  console.log(`  false alarms on the ground truth (${chars} chars of clean text): ${total}${rules ? ` (${rules})` : ''}`);
}

/// Column widths (characters per line) the simulated columns cycle through, as in the corpus's narrow columns.
const SIMULATED_WIDTHS = [13, 15, 17, 19, 14, 16, 18];
/// A column ends (a blank line in the OCR text) after this many lines.
const SIMULATED_COLUMN_LINES = 23;

/// Closing marks that may not begin a line: typesetters hang them at the end of the line before (禁则).
const NO_LINE_START = new Set(Array.from('，。、；：！？”’）》」』…'));

/// Breaks a paragraph into lines of `width` characters, keeping closing marks off the start of a line.
function wrap(chars: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at < chars.length) {
    let end = Math.min(chars.length, at + width);
    while (end < chars.length && NO_LINE_START.has(chars[end]!)) end++;
    lines.push(chars.slice(at, end).join(''));
    at = end;
  }
  return lines;
}

/// Paragraph breaks on a page with one paragraph per line (tests/fixtures/corpus/000…, which holds its paragraphs
/// that way), after setting it in simulated narrow columns: each column has its width, paragraphs wrap at it,
/// closing marks never begin a line, a blank line marks every column end (mid-paragraph too), and lines without
/// clause punctuation (headlines, bylines) stay whole, as papers set them across columns. Safe fixes then have
/// to find the paragraphs again. A few of that page's own line breaks are column breaks inside a sentence
/// (`核酸检` / `测`), which the reflow rightly joins, so recall cannot reach 1 here.
function simulatedColumnsReport(model: LanguageModel): void {
  const file = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[0]!;
  const paragraphs = read(path.join(corpus, file)).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const out: string[] = [];
  let linesSoFar = 0;
  paragraphs.forEach((paragraph) => {
    const chars = Array.from(paragraph);
    const width = SIMULATED_WIDTHS[Math.floor(linesSoFar / SIMULATED_COLUMN_LINES) % SIMULATED_WIDTHS.length]!;
    const wrapped = /[，。、；！？]/u.test(paragraph) ? wrap(chars, width) : [paragraph];
    for (const line of wrapped) {
      out.push(line);
      if (++linesSoFar % SIMULATED_COLUMN_LINES === 0) out.push('');
    }
  });
  const columns = out.join('\n');
  const truth = paragraphs.join('\n');
  const fixed = applySafeFixes(columns, { model }).text;
  const scores = paragraphScores(fixed, truth);
  const p = scores.tp / scores.predicted;
  const r = scores.tp / scores.actual;
  console.log(
    `\n== Paragraph breaks on ${file} set in simulated columns (${out.length} lines, widths ${Math.min(...SIMULATED_WIDTHS)}–${Math.max(...SIMULATED_WIDTHS)}) ==\n` +
      `after reflow: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1(p, r)} (${scores.predicted} predicted, ${scores.actual} true)`,
  );
}

/// One character in this many Han characters that have a look-alike is swapped for one in the injected test.
const INJECTION_RATE = 50;

/// Misreadings injected into a nearly clean corpus page: recall and precision of the character rules on them.
///
/// Every INJECTION_RATE-th Han character that has a look-alike (a fixed stride, so the run is repeatable) is
/// swapped for one: from the hand-written confusion table in one run, from the glyph table in the other. The
/// second run shares its candidates with the improbable-character rule, so it shows how well the language model
/// judges them, not how complete the table is. A suggestion counts when it puts the original character back;
/// suggestions elsewhere are false alarms (the page's own few errors included).
function injectedMisreadsReport(model: LanguageModel): void {
  const file = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[1]!;
  const clean = Array.from(read(path.join(corpus, file)));
  console.log(`\n== Look-alike misreads injected into ${file} (1 in ${INJECTION_RATE} eligible characters) ==`);
  for (const [source, alikes] of [['confusion table', lookAlikesOf], ['glyph table', glyphLookAlikesOf]] as const) {
    const chars = [...clean];
    const injected = new Map<number, string>();
    let eligible = 0;
    chars.forEach((ch, i) => {
      const options = alikes(ch);
      if (options.length === 0 || !/\p{Script=Han}/u.test(ch)) return;
      if (++eligible % INJECTION_RATE !== 0) return;
      chars[i] = options[eligible % options.length]!;
      injected.set(i, ch);
    });
    const text = chars.join('');
    const suggestions = suggestCorrections(text, { model, rules: ['doubled-char', 'look-alike', 'improbable-char', 'traditional'] });
    const baseline = suggestCorrections(clean.join(''), { model, rules: ['doubled-char', 'look-alike', 'improbable-char', 'traditional'] });
    const fixed = suggestions.filter((s) => s.end === s.start + 1 && injected.get(s.start) === s.replacement).length;
    const byRule = (rule: string) => suggestions.filter((s) => s.rule === rule && injected.get(s.start) === s.replacement).length;
    console.log(
      `${source}: ${injected.size} injected; ${fixed} put back (look-alike ${byRule('look-alike')}, improbable-char ${byRule('improbable-char')}): ` +
        `recall ${ratio(fixed, injected.size)}, precision ${ratio(fixed, suggestions.length)} of ${suggestions.length} suggestions ` +
        `(${baseline.length} on the page before injection)`,
    );
  }
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
await samplesReport(model);
simulatedColumnsReport(model);
injectedMisreadsReport(model);
corpusReport(model);
timingReport(model);
calibrationReport(model);
await learningCurveReport(model);
