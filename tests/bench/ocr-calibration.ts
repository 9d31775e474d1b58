/// Fitting and checking the calibration of the OCR character suggestions (the language-model gate).
///
/// Development material only, outside the repository: the MSRA dev sentences (real People's Daily text,
/// `/work/heldout/msra-dev.bio`, or JIAODUI_MSRA_DEV) with look-alike misreadings injected, and Tesseract pages of
/// the held-out dev set (`/work/heldout/ocr/dev`, or JIAODUI_OCR_DEV: NAME.txt beside NAME.gt.txt). Sentences
/// that also stand on those pages are left out of the fit. Half of the remaining sentences fit the gates
/// (`--fit` writes shared/ocr-assist/calibration-data.ts); the other half, and the real pages, check them.
/// `npm run bench:ocr` prints the reliability tables (shown confidence → observed precision). Nothing here
/// prints a sentence of a file unless it is given as dev (`--show` on dev material).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookAlikesOf } from '../../shared/ocr-assist/confusion-table';
import { createRuleContext } from '../../shared/ocr-assist/context';
import { glyphLookAlikesOf } from '../../shared/ocr-assist/glyph-neighbours';
import { CANDIDATE_GAIN, FEATURE_NAMES, logisticScore, lookAlikeFeatures, type GateKind } from '../../shared/ocr-assist/lm-gate';
import { improbableFindings } from '../../shared/ocr-assist/rules/improbable-char';
import { lookAlikeFindings } from '../../shared/ocr-assist/rules/look-alike';
import { suggestCorrections } from '../../shared/ocr-assist/suggest';
import type { LanguageModel, OcrSuggestion } from '../../shared/ocr-assist/types';
import { normalizeOriginal } from '../../shared/text/normalize';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MSRA_DEV = process.env.JIAODUI_MSRA_DEV ?? '/work/heldout/msra-dev.bio';
const OCR_DEV = process.env.JIAODUI_OCR_DEV ?? '/work/heldout/ocr/dev';
/// Share of Han characters misread in the injected material: about the rate of look-alike misreadings in the
/// Tesseract pages of the dev set (see the real-page table), so that the fitted probabilities carry that prior.
const INJECTION_RATE = 0.01;
const CHARACTER_RULES = new Set(['doubled-char', 'look-alike', 'improbable-char', 'traditional', 'low-confidence']);
/// Confidence bins of the reliability tables.
const BINS = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

/// A text with misreadings put in: what each changed place held.
interface Injected {
  text: string;
  truth: Map<number, string>;
}

/// The MSRA dev sentences, split into the fitting half and the checking half (alternate blocks of 50), without
/// the sentences that the real dev pages were made from.
export function devSentences(): { fit: string[]; check: string[] } | undefined {
  if (!existsSync(MSRA_DEV)) return undefined;
  const onPages = realPages().map((p) => p.truth).join('\n');
  const sentences: string[] = [];
  let current = '';
  for (const line of readFileSync(MSRA_DEV, 'utf8').split('\n')) {
    if (line.trim() === '') {
      if (current !== '') sentences.push(current.normalize('NFC'));
      current = '';
    } else current += line.split(/\s+/u)[0];
  }
  if (current !== '') sentences.push(current.normalize('NFC'));
  const kept = sentences.filter((s) => !onPages.includes(s));
  return { fit: kept.filter((_, i) => Math.floor(i / 50) % 2 === 0), check: kept.filter((_, i) => Math.floor(i / 50) % 2 === 1) };
}

/// Swaps one Han character in INJECTION_RATE for a look-alike in print: the glyph table's neighbours (closer ones
/// more often) and the hand-written confusion table's. A fixed seed makes runs repeatable.
export function inject(sentences: readonly string[], seed: number): Injected {
  let state = seed;
  const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const chars = Array.from(sentences.join('\n'));
  const truth = new Map<number, string>();
  chars.forEach((ch, i) => {
    if (!/\p{Script=Han}/u.test(ch) || random() >= INJECTION_RATE) return;
    const options: [string, number][] = [...glyphLookAlikesOf(ch).map((c, k): [string, number] => [c, 1 / (k + 1)]), ...lookAlikesOf(ch).map((c): [string, number] => [c, 1])];
    if (options.length === 0) return;
    let pick = random() * options.reduce((sum, [, w]) => sum + w, 0);
    const [replacement] = options.find(([, w]) => (pick -= w) < 0) ?? options[options.length - 1]!;
    chars[i] = replacement;
    truth.set(i, ch);
  });
  return { text: chars.join(''), truth };
}

/// Sentences per simulated page: about the length of a newspaper article, as the rules see one page at a time.
const PAGE_SENTENCES = 30;

/// The sentences cut into pages of PAGE_SENTENCES, each with its misreadings injected (seed per page).
export function injectedPages(sentences: readonly string[], seed: number): Injected[] {
  const pages: Injected[] = [];
  for (let at = 0; at < sentences.length; at += PAGE_SENTENCES) pages.push(inject(sentences.slice(at, at + PAGE_SENTENCES), seed * 100_003 + at));
  return pages;
}

/// Feature rows of every candidate of one gate on injected pages, labelled right (it puts the truth back) or not.
function candidates(pages: readonly Injected[], model: LanguageModel, kind: GateKind): { x: number[]; y: number }[] {
  return pages.flatMap((material) => {
    const context = createRuleContext(material.text, { model });
    const findings = kind === 'look-alike' ? lookAlikeFindings(context, CANDIDATE_GAIN) : improbableFindings(context, CANDIDATE_GAIN);
    return findings.map(({ index, choice }) => ({
      x: lookAlikeFeatures(context.chars, index, choice, model),
      y: material.truth.get(index) === choice.replacement ? 1 : 0,
    }));
  });
}

/// L2-regularised logistic regression by gradient descent on standardised features; weights for raw features.
function fitLogistic(rows: readonly { x: number[]; y: number }[]): number[] {
  const d = rows[0]?.x.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of rows) r.x.forEach((v, k) => (mean[k]! += v / rows.length));
  for (const r of rows) r.x.forEach((v, k) => (sd[k]! += (v - mean[k]!) ** 2 / rows.length));
  for (let k = 0; k < d; k++) sd[k] = sd[k]! > 1e-12 ? Math.sqrt(sd[k]!) : 1;
  const w = new Array<number>(d + 1).fill(0);
  const rate = 0.5;
  const l2 = 1e-3;
  for (let step = 0; step < 3000; step++) {
    const grad = new Array<number>(d + 1).fill(0);
    for (const r of rows) {
      let z = w[0]!;
      for (let k = 0; k < d; k++) z += w[k + 1]! * ((r.x[k]! - mean[k]!) / sd[k]!);
      const error = 1 / (1 + Math.exp(-z)) - r.y;
      grad[0]! += error / rows.length;
      for (let k = 0; k < d; k++) grad[k + 1]! += (error * ((r.x[k]! - mean[k]!) / sd[k]!)) / rows.length;
    }
    for (let k = 0; k <= d; k++) w[k]! -= rate * (grad[k]! + (k > 0 ? l2 * w[k]! : 0));
  }
  // Back to raw features: z = b + Σ w_k (x_k − m_k)/s_k.
  const raw = [w[0]! - w.slice(1).reduce((sum, wk, k) => sum + (wk * mean[k]!) / sd[k]!, 0)];
  for (let k = 0; k < d; k++) raw.push(w[k + 1]! / sd[k]!);
  return raw.map((v) => Number(v.toFixed(4)));
}

/// Candidates per block of the isotonic fit: blocks of fewer would give steps of little evidence.
const ISOTONIC_BLOCK = 25;

/// Isotonic regression (pool adjacent violators) of right/wrong on the logistic score, over blocks of
/// ISOTONIC_BLOCK candidates sorted by score: [mean score, share right] per pooled block, increasing in both.
function fitIsotonic(scored: readonly [number, number][]): [number, number][] {
  const sorted = [...scored].sort((a, b) => a[0] - b[0]);
  const blocks: { x: number; y: number; n: number }[] = [];
  for (let at = 0; at < sorted.length; at += ISOTONIC_BLOCK) {
    const part = sorted.slice(at, at + ISOTONIC_BLOCK);
    blocks.push({ x: part.reduce((s, p) => s + p[0], 0) / part.length, y: part.reduce((s, p) => s + p[1], 0) / part.length, n: part.length });
    while (blocks.length >= 2 && blocks[blocks.length - 2]!.y >= blocks[blocks.length - 1]!.y) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      const n = a.n + b.n;
      blocks.push({ x: (a.x * a.n + b.x * b.n) / n, y: (a.y * a.n + b.y * b.n) / n, n });
    }
  }
  return blocks.map((b) => [Number(b.x.toFixed(4)), Number(b.y.toFixed(4))]);
}

/// Fits both gates on the fitting half and writes shared/ocr-assist/calibration-data.ts.
function fit(model: LanguageModel): void {
  const sentences = devSentences();
  if (sentences === undefined) throw new Error(`no dev material at ${MSRA_DEV}`);
  const lines: string[] = [];
  for (const kind of ['look-alike', 'improbable-char'] as const) {
    // Several injections of the fitting half: more candidates, the same prior.
    const rows = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) => candidates(injectedPages(sentences.fit, seed), model, kind));
    const weights = fitLogistic(rows);
    const isotonic = fitIsotonic(rows.map((r) => [logisticScore({ weights }, r.x), r.y]));
    console.log(`${kind}: ${rows.length} candidates, ${rows.filter((r) => r.y === 1).length} right; weights ${weights.join(', ')}; isotonic ${JSON.stringify(isotonic)}`);
    lines.push(`  '${kind}': {\n    weights: [${weights.join(', ')}],\n    isotonic: ${JSON.stringify(isotonic)},\n  },`);
  }
  const file = path.join(repoRoot, 'shared/ocr-assist/calibration-data.ts');
  writeFileSync(
    file,
    `// Generated by tests/bench/ocr-calibration.ts --fit; do not edit by hand.\n` +
      `import type { GateKind, GateWeights } from './lm-gate';\n\n` +
      `/// Logistic weights of the language-model gates (intercept, then ${FEATURE_NAMES.join(', ')}), fitted on\n` +
      `/// development text (MSRA dev sentences of People's Daily 1998, look-alike misreadings injected in 1 % of the Han\n` +
      `/// characters); see docs/ocr-language-model.md.\n` +
      `export const CALIBRATION: Record<GateKind, GateWeights> = {\n${lines.join('\n')}\n};\n`,
  );
  console.log(`wrote ${path.relative(repoRoot, file)}`);
}

/// One page of the real dev set: Tesseract's text and the true text.
interface RealPage {
  name: string;
  ocr: string;
  truth: string;
}

function realPages(): RealPage[] {
  if (!existsSync(OCR_DEV)) return [];
  const read = (file: string): string => normalizeOriginal(readFileSync(file, 'utf8')).text;
  return readdirSync(OCR_DEV)
    .filter((f) => f.endsWith('.gt.txt') && existsSync(path.join(OCR_DEV, f.replace(/\.gt\.txt$/u, '.txt'))))
    .sort()
    .map((f) => ({ name: f.replace(/\.gt\.txt$/u, ''), truth: read(path.join(OCR_DEV, f)), ocr: read(path.join(OCR_DEV, f.replace(/\.gt\.txt$/u, '.txt'))) }))
    .filter((p) => p.ocr.trim() !== '');
}

/// Per OCR code point: the true character it stands for when it is a one-for-one misreading (undefined when it
/// is right, extra, or the alignment says otherwise). Levenshtein alignment, line breaks and spaces kept out.
export function misreadings(ocr: string, truth: string): { wrong: boolean[]; substitutedBy: (string | undefined)[] } {
  const o = Array.from(ocr);
  const keep = o.map((ch, i) => (/\s/u.test(ch) ? -1 : i)).filter((i) => i >= 0);
  const t = Array.from(truth).filter((ch) => !/\s/u.test(ch));
  const n = keep.length;
  const m = t.length;
  const d = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = 0; i <= n; i++) d[i]![0] = i;
  for (let j = 0; j <= m; j++) d[0]![j] = j;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) d[i]![j] = Math.min(d[i - 1]![j - 1]! + (o[keep[i - 1]!] === t[j - 1] ? 0 : 1), d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
  const wrong = new Array<boolean>(o.length).fill(false);
  const substitutedBy = new Array<string | undefined>(o.length).fill(undefined);
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const same = o[keep[i - 1]!] === t[j - 1];
    if (d[i]![j] === d[i - 1]![j - 1]! + (same ? 0 : 1)) {
      if (!same) {
        wrong[keep[i - 1]!] = true;
        substitutedBy[keep[i - 1]!] = t[j - 1];
      }
      i--;
      j--;
    } else if (d[i]![j] === d[i - 1]![j]! + 1) {
      wrong[keep[i - 1]!] = true;
      i--;
    } else j--;
  }
  for (; i > 0; i--) wrong[keep[i - 1]!] = true;
  return { wrong, substitutedBy };
}

/// Shown confidence → observed precision, per bin, for suggestions judged right or wrong.
function reliability(label: string, judged: readonly { confidence: number; right: boolean }[]): void {
  console.log(`  ${label}: ${judged.length} suggestions, ${judged.filter((j) => j.right).length} right`);
  for (let b = 0; b + 1 < BINS.length; b++) {
    const inBin = judged.filter((j) => j.confidence >= BINS[b]! && j.confidence < BINS[b + 1]!);
    if (inBin.length === 0) continue;
    const shown = inBin.reduce((sum, j) => sum + j.confidence, 0) / inBin.length;
    const right = inBin.filter((j) => j.right).length;
    console.log(`    shown ${BINS[b]!.toFixed(1)}–${Math.min(1, BINS[b + 1]!).toFixed(1)} (mean ${shown.toFixed(2)}): ${right}/${inBin.length} right = ${(right / inBin.length).toFixed(2)}`);
  }
}

/// The reliability tables: injected misreadings in the checking half, and the real Tesseract dev pages.
///
/// On injected text a suggestion is right when it puts the injected character back. On a real page a character
/// suggestion is right when its range holds a wrong OCR character and, for a one-character replacement, it is
/// the true one (a flag that only asks for a check counts when it points at an error). `show` prints each
/// suggestion of the dev material with its verdict.
export function calibrationReport(model: LanguageModel, show = false): void {
  console.log('\n== Calibration of the character suggestions (development material only) ==');
  const sentences = devSentences();
  if (sentences === undefined) console.log(`  (no MSRA dev file at ${MSRA_DEV}: injected-misreading table skipped)`);
  else {
    let injected = 0;
    let chars = 0;
    const judged: { confidence: number; right: boolean; s: OcrSuggestion; chars: string[] }[] = [];
    for (const seed of [101, 102]) {
      for (const material of injectedPages(sentences.check, seed)) {
        injected += material.truth.size;
        const pageChars = Array.from(material.text);
        chars += pageChars.length;
        for (const s of suggestCorrections(material.text, { model }).filter((x) => CHARACTER_RULES.has(x.rule))) {
          judged.push({ confidence: s.confidence, right: s.end === s.start + 1 && material.truth.get(s.start) === s.replacement, s, chars: pageChars });
        }
      }
    }
    // Only the swap rules can put an injected look-alike back; the others are counted apart.
    const swaps = judged.filter((j) => j.s.rule === 'look-alike' || j.s.rule === 'improbable-char');
    reliability(`MSRA dev checking half, twice: ${injected} look-alike misreadings injected in ${chars} chars (recall ${(swaps.filter((j) => j.right).length / injected).toFixed(3)}); look-alike and improbable-char`, swaps);
    for (const rule of ['look-alike', 'improbable-char']) reliability(`  ${rule}`, judged.filter((j) => j.s.rule === rule));
    const others = judged.filter((j) => !swaps.includes(j));
    const byRule = [...new Set(others.map((j) => j.s.rule))].map((rule) => `${rule} ${others.filter((j) => j.s.rule === rule).length}`);
    console.log(`  other character suggestions on that text (no such errors injected: false alarms or errors of the source): ${others.length}${byRule.length > 0 ? ` (${byRule.join(', ')})` : ''}`);
    if (show) for (const j of judged) console.log(`    ${j.right ? 'RIGHT' : 'WRONG'} ${j.s.rule} ${j.confidence.toFixed(2)} ${context(j.chars, j.s)}`);
  }
  const pages = realPages();
  if (pages.length === 0) {
    console.log(`  (no real dev pages at ${OCR_DEV})`);
    return;
  }
  const judged: { confidence: number; right: boolean; s: OcrSuggestion; chars: string[] }[] = [];
  let misread = 0;
  let fixed = 0;
  for (const page of pages) {
    const { wrong, substitutedBy } = misreadings(page.ocr, page.truth);
    misread += substitutedBy.filter((c) => c !== undefined).length;
    const chars = Array.from(page.ocr);
    for (const s of suggestCorrections(page.ocr, { model }).filter((x) => CHARACTER_RULES.has(x.rule))) {
      const single = s.end === s.start + 1 && s.replacement !== chars[s.start];
      const right = single ? substitutedBy[s.start] === s.replacement : wrong.slice(s.start, s.end).some(Boolean);
      if (single && right) fixed++;
      judged.push({ confidence: s.confidence, right, s, chars });
    }
  }
  reliability(`real Tesseract dev pages (${pages.length}): ${misread} characters misread one for one, ${fixed} put back`, judged);
  if (show) for (const j of judged) console.log(`    ${j.right ? 'RIGHT' : 'WRONG'} ${j.s.rule} ${j.confidence.toFixed(2)} ${context(j.chars, j.s)}`);
}

function context(chars: readonly string[], s: OcrSuggestion): string {
  return `${chars.slice(Math.max(0, s.start - 6), s.start).join('')}[${chars.slice(s.start, s.end).join('')}→${s.replacement}]${chars.slice(s.end, s.end + 6).join('')}`.replace(/\n/gu, '⏎');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { loadLanguageModel } = await import('../../electron/services/ocr/language-model');
  const model = loadLanguageModel();
  if (process.argv.includes('--fit')) fit(model);
  else calibrationReport(model, process.argv.includes('--show'));
}
