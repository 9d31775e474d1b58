/// Held-out scanned pages in `npm run bench:ocr`: the learning curve of the corpus error profile, and paragraph
/// breaks per page.
///
/// The pages are a folder of `NAME.jpg` + Tesseract's `NAME.txt`/`.hocr`/`.xml` + ground truth `NAME.gt.txt`
/// (scripts/make-ocr-heldout.ts makes them): `--heldout <dir>` or OCR_HELDOUT, else /work/heldout/ocr/dev when
/// present. Learning curve: the pages in name order, their ground-truth sentences in that order; after the editor
/// has corrected the first 50, 100, 200 and 400 sentences (simulated: those sentences' ground truth replaces the OCR
/// text in the sidecars the profile is built from, the rest of the text stays as read), the suggestions on the rest
/// of the pages are scored: recall of the errors outside reading-order damage and precision, with and without the
/// profile rule, and the profile rule's own precision (share of its suggestions that bring the text closer to the ground truth). Only totals are printed, never an error or a
/// sentence, so a blind test folder stays blind.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { computeCorrections } from '../../shared/model/corrections';
import { buildErrorProfile, type ErrorProfile, type ProfilePage } from '../../shared/ocr-assist/error-profile';
import { suggestCorrections } from '../../shared/ocr-assist/suggest';
import type { LanguageModel, OcrSuggestion } from '../../shared/ocr-assist/types';
import { normalizeOriginal } from '../../shared/text/normalize';
import { alignPage, improves, suggestionSpan, touchesError, type Aligned } from './ocr-heldout-align';
import { paragraphsPerPage } from './ocr-paragraphs';

const LAYOUT_RULES = new Set(['reading-order', 'reflow', 'vertical-headline']);
/// Sentences corrected before each measurement (0: out of the box).
const STEPS = [0, 50, 100, 200, 400];

interface HeldoutPage {
  name: string;
  ocr: string;
  truth: string;
  aligned: Aligned;
  /// Break-free truth offsets where each sentence ends.
  sentenceEnds: number[];
  /// Suggestions without a profile (the same at every step).
  baseline: OcrSuggestion[];
}

const read = (file: string): string => normalizeOriginal(readFileSync(file, 'utf8')).text;

/// The folder of held-out pages: `--heldout <dir>`, OCR_HELDOUT, or the default DEV folder when it exists.
function heldoutDir(): string | null {
  const at = process.argv.indexOf('--heldout');
  const dir = at >= 0 ? process.argv[at + 1] : (process.env.OCR_HELDOUT ?? '/work/heldout/ocr/dev');
  return dir && existsSync(dir) ? dir : null;
}

function sentenceEnds(truth: string): number[] {
  const chars = Array.from(truth.replace(/\n/gu, ''));
  const ends: number[] = [];
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    if (/[。！？]/u.test(ch) && !(next !== undefined && /[”’』」]/u.test(next))) ends.push(i + 1);
    else if (/[”’』」]/u.test(ch) && /[。！？]/u.test(chars[i - 1] ?? '')) ends.push(i + 1);
  });
  if (ends[ends.length - 1] !== chars.length) ends.push(chars.length);
  return ends;
}

/// The first `count` break-free code points of `text`, with its line breaks, and the rest.
function splitAtVisible(text: string, count: number): [string, string] {
  let seen = 0;
  let at = 0;
  for (const ch of text) {
    if (seen === count) break;
    if (ch !== '\n') seen++;
    at += ch.length;
  }
  return [text.slice(0, at), text.slice(at)];
}

/// The sidecars after `sentences` corrected sentences, and where the rest starts (page index, break-free OCR offset).
function trainingPages(pages: readonly HeldoutPage[], sentences: number): { train: ProfilePage[]; restPage: number; restFrom: number } {
  const train: ProfilePage[] = [];
  let left = sentences;
  for (const [k, page] of pages.entries()) {
    if (left === 0) return { train, restPage: k, restFrom: 0 };
    if (left >= page.sentenceEnds.length) {
      train.push({ path: page.name, text: page.truth, corrections: computeCorrections(page.ocr, page.truth) });
      left -= page.sentenceEnds.length;
      continue;
    }
    // Part of this page corrected: the truth up to the sentence's end, then the OCR text from the matching place.
    const truthEnd = page.sentenceEnds[left - 1]!;
    let ocrFrom = page.aligned.chars.length;
    for (let p = 0; p < page.aligned.chars.length; p++) {
      if (page.aligned.toTruth[p]! >= truthEnd) {
        ocrFrom = p;
        break;
      }
    }
    const text = splitAtVisible(page.truth, truthEnd)[0] + splitAtVisible(page.ocr, ocrFrom)[1];
    train.push({ path: page.name, text, corrections: computeCorrections(page.ocr, text) });
    return { train, restPage: k, restFrom: ocrFrom };
  }
  return { train, restPage: pages.length, restFrom: 0 };
}

interface Score {
  errors: number;
  covered: number;
  suggestions: number;
  pointing: number;
}

/// Errors at break-free positions from `from` on (outside reading-order damage) and the suggestions there.
function score(a: Aligned, suggestions: readonly OcrSuggestion[], from: number, total: Score): void {
  const inRest = suggestions.filter((s) => !LAYOUT_RULES.has(s.rule) && suggestionSpan(a, s).from >= from);
  const covered = new Array<boolean>(a.chars.length + 1).fill(false);
  for (const s of inRest) {
    const span = suggestionSpan(a, s);
    for (let p = span.from; p <= span.to; p++) covered[p] = true;
    total.suggestions++;
    if (touchesError(a, s)) total.pointing++;
  }
  for (let p = from; p <= a.chars.length; p++) {
    const nearDamage = (p < a.chars.length && a.damaged[p]) || (p > 0 && a.damaged[p - 1]);
    if (a.gapBefore[p]! > 0 && !nearDamage) {
      total.errors += a.gapBefore[p]!;
      if (covered[p]) total.covered += a.gapBefore[p]!;
    }
    if (p < a.chars.length && a.wrong[p] && !a.damaged[p]) {
      total.errors++;
      if (covered[p]) total.covered++;
    }
  }
}

const zero = (): Score => ({ errors: 0, covered: 0, suggestions: 0, pointing: 0 });
const ratio = (a: number, b: number): string => (b === 0 ? 'n/a' : (a / b).toFixed(3));

function curve(pages: readonly HeldoutPage[], model: LanguageModel): void {
  const totalSentences = pages.reduce((n, p) => n + p.sentenceEnds.length, 0);
  console.log(`learning curve (${pages.length} pages, ${totalSentences} sentences; scores on the pages' rest after the first N corrected):`);
  for (const step of STEPS.filter((n) => n < totalSentences)) {
    const { train, restPage, restFrom } = trainingPages(pages, step);
    const profile: ErrorProfile = buildErrorProfile(train);
    const before = zero();
    const after = zero();
    let profileCount = 0;
    let profileExact = 0;
    let profileTouching = 0;
    for (let k = restPage; k < pages.length; k++) {
      const page = pages[k]!;
      const from = k === restPage ? restFrom : 0;
      const withProfile = step === 0 ? page.baseline : suggestCorrections(page.ocr, { model, errorProfile: { profile } });
      score(page.aligned, page.baseline, from, before);
      score(page.aligned, withProfile, from, after);
      for (const s of withProfile) {
        if (s.rule !== 'profile' || suggestionSpan(page.aligned, s).from < from) continue;
        profileCount++;
        if (improves(page.aligned, s)) profileExact++;
        if (touchesError(page.aligned, s)) profileTouching++;
      }
    }
    console.log(
      `  N=${String(step).padStart(3)}: profile ${profile.entries.length} readings from ${profile.replacements} replacements; ` +
        `rest ${before.errors} errors; without profile recall ${ratio(before.covered, before.errors)} precision ${ratio(before.pointing, before.suggestions)} (${before.suggestions}); ` +
        `with profile recall ${ratio(after.covered, after.errors)} precision ${ratio(after.pointing, after.suggestions)} (${after.suggestions}); ` +
        `profile rule ${profileCount} suggestions, ${ratio(profileExact, profileCount)} of them bring the text closer to the truth, ${ratio(profileTouching, profileCount)} on an error`,
    );
  }
}

/// The held-out report: the learning curve and paragraph breaks per page (skipped when no folder is found).
export async function learningCurveReport(model: LanguageModel): Promise<void> {
  const dir = heldoutDir();
  console.log(`\n== Held-out scanned pages ${dir ?? '(none: pass --heldout <dir> or set OCR_HELDOUT)'} ==`);
  if (dir === null) return;
  const pages: HeldoutPage[] = readdirSync(dir)
    .filter((f) => f.endsWith('.gt.txt') && existsSync(path.join(dir, f.replace(/\.gt\.txt$/u, '.txt'))))
    .sort()
    .map((f) => {
      const name = f.replace(/\.gt\.txt$/u, '');
      const ocr = read(path.join(dir, `${name}.txt`));
      const truth = read(path.join(dir, f));
      return { name, ocr, truth, aligned: alignPage(ocr, truth), sentenceEnds: sentenceEnds(truth), baseline: suggestCorrections(ocr, { model }) };
    });
  curve(pages, model);
  await paragraphsPerPage(dir, pages, model);
  profileTiming(pages, model);
}

/// What the profile rule adds to one suggestion pass on a 200,000-character page (the OCR pages repeated), with the
/// profile learned from every page; CPU figures beside the load, as the machine may be shared.
function profileTiming(pages: readonly HeldoutPage[], model: LanguageModel): void {
  const profile = buildErrorProfile(pages.map((p) => ({ path: p.name, text: p.truth, corrections: computeCorrections(p.ocr, p.truth) })));
  let big = '';
  while (Array.from(big).length < 200_000) big += pages.map((p) => p.ocr).join('\n\n') + '\n\n';
  big = Array.from(big).slice(0, 200_000).join('');
  const cpu = (): number => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const median = (run: () => void): number => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = cpu();
      run();
      times.push(cpu() - start);
    }
    return times.sort((a, b) => a - b)[2]!;
  };
  const without = median(() => suggestCorrections(big, { model }));
  const withProfile = median(() => suggestCorrections(big, { model, errorProfile: { profile } }));
  console.log(
    `suggestCorrections on 200,000 chars, median CPU: ${without.toFixed(0)} ms without the profile, ${withProfile.toFixed(0)} ms with it ` +
      `(${profile.entries.length} readings; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
  );
}
