/// Learned-model bench: a learning curve and the training speed.
///
/// `npx tsx tests/bench/entities-learn-bench.ts` (also run at the end of `npm run bench:entities`):
/// - learning curve on the repository's gold pages (their sentences in page order), or with `--conll <file>` on a
///   two-column BIO file: train on the first 50, 100, 200 and 400 sentences (grouped 20 to a page, as an editor
///   tags pages), then suggest on a fixed later block (sentences 400–699, or the last 300 when there are fewer than
///   700) and print strict and lenient P/R/F1 for PER+LOC+ORG, beside the out-of-the-box suggesters, with the
///   training time. Figures only: no sentence or error is printed, so a blind file can be measured.
/// - `--speed`: training time for 1,000 tagged pages of 3,000 characters, synthetic from the corpus pages.
/// - `--conll <DEV file> --folds`: the curve pooled over blocks of 700 sentences, per type (for choosing settings on a
///   development file; see `foldedCurve`).
/// - `--refresh`: suggestion refresh after a keystroke on a 200,000-character page with a model on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBioSentences, type BioSentence } from './bio-sentences';
import { addCounts, countMatches, formatRow, prf, type Counts, type TypedSpan } from './entities-conll-score';
import { suggestEntities } from '../../shared/entities/suggest/index';
import { LEARNED_POLICY, type LearnedPolicy } from '../../shared/entities/suggest/learned-combine';
import { refreshSuggestions } from '../../shared/entities/suggest/refresh';
import { trainModel, type TrainOptions, type TrainingPage } from '../../shared/entities/learn/train';
import { loadModel, storeModel, type LearnedModel } from '../../shared/entities/learn/model';
import type { TextEvidence } from '../../shared/entities/learn/evidence';
import { normalizeOriginal } from '../../shared/text/normalize';
import { JiebaTagger } from '../../electron/services/entities/jieba-tagger';
import { GOLD_PAGES } from '../fixtures/entities/gold-pages';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = ['PER', 'LOC', 'ORG'];
const SIZES = [50, 100, 200, 400];
const PAGE_SENTENCES = 20;

/// The gold pages' sentences (split as the learner splits them), in page order, with their gold entities.
export function goldPageSentences(): BioSentence[] {
  const out: BioSentence[] = [];
  for (const page of GOLD_PAGES) {
    const text = normalizeOriginal(readFileSync(path.join(repoRoot, page.folder, page.file), 'utf8')).text;
    const gold = JSON.parse(readFileSync(path.join(repoRoot, page.gold), 'utf8')) as { entities: { start: number; end: number; type: string; text: string }[] };
    const cps = Array.from(text);
    let start = 0;
    const flush = (end: number) => {
      if (end > start && cps.slice(start, end).join('').trim() !== '') {
        const entities = gold.entities.filter((e) => e.start >= start && e.end <= end).map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
        out.push({ text: cps.slice(start, end).join(''), entities });
      }
    };
    for (let i = 0; i < cps.length; i++) {
      if (cps[i] === '\n') {
        flush(i);
        start = i + 1;
      } else if ('。！？；'.includes(cps[i]!)) {
        flush(i + 1);
        start = i + 1;
      }
    }
    flush(cps.length);
  }
  return out;
}

/// Sentences grouped into pages of `PAGE_SENTENCES`, one sentence a line, with their entities as accepted tags.
export function asPages(sentences: readonly BioSentence[]): TrainingPage[] {
  const pages: TrainingPage[] = [];
  for (let i = 0; i < sentences.length; i += PAGE_SENTENCES) {
    let text = '';
    let at = 0;
    const spans: TrainingPage['spans'][number][] = [];
    for (const s of sentences.slice(i, i + PAGE_SENTENCES)) {
      for (const e of s.entities) spans.push({ start: at + e.start, end: at + e.end, type: e.type });
      text += `${s.text}\n`;
      at += Array.from(s.text).length + 1;
    }
    pages.push({ text, spans });
  }
  return pages;
}

function knownOf(sentences: readonly BioSentence[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const s of sentences) for (const e of s.entities) if (!known.has(e.text)) known.set(e.text, e.type);
  return known;
}

function tally(test: readonly BioSentence[], suggest: (text: string) => TypedSpan[], types: readonly string[] = TYPES): { strict: Counts; lenient: Counts; ms: number } {
  const strict = { tp: 0, fp: 0, fn: 0 };
  const lenient = { tp: 0, fp: 0, fn: 0 };
  const t0 = performance.now();
  for (const s of test) {
    const found = suggest(s.text);
    addCounts(strict, countMatches(s.entities, found, types, false));
    addCounts(lenient, countMatches(s.entities, found, types, true));
  }
  return { strict, lenient, ms: performance.now() - t0 };
}

function report(label: string, t: { strict: Counts; lenient: Counts }): void {
  console.log(`    ${formatRow(`${label} strict`.padEnd(13), t.strict)}`);
  console.log(`    ${formatRow(`${label} lenient`.padEnd(13), t.lenient)}`);
}

/// Prints the learning curve over `sentences` (figures only).
export function learningCurve(sentences: readonly BioSentence[], label: string): void {
  const tagger = new JiebaTagger();
  const testStart = sentences.length >= 700 ? 400 : Math.max(0, sentences.length - 300);
  const test = sentences.slice(testStart, testStart + 300);
  console.log(`\nLearning curve on ${label}: ${sentences.length} sentences; suggestions on sentences ${testStart}–${testStart + test.length - 1}`);
  console.log('  out of the box (rules + jieba, no corpus)');
  report('PER+LOC+ORG', tally(test, (text) => suggestEntities(text, { tagger, sources: ['rule', 'segmenter'] })));
  for (const size of SIZES.filter((n) => n <= testStart)) {
    const training = sentences.slice(0, size);
    const t0 = performance.now();
    const model = trainModel(asPages(training), { tagger });
    const trainMs = performance.now() - t0;
    if (!model) continue;
    const known = knownOf(training);
    console.log(`  after ${size} tagged sentences (${model.stats.tags} tags, ${model.rows.size.toLocaleString('en')} features, temperature ${model.temperature}; trained in ${(trainMs / 1000).toFixed(2)} s)`);
    report('learned only', tally(test, (text) => suggestEntities(text, { tagger, model, sources: ['learned'] })));
    report('all + learned', tally(test, (text) => suggestEntities(text, { tagger, model, known })));
    calibration(test, (text) => suggestEntities(text, { tagger, model, sources: ['learned'] }));
  }
}

/// The learning curve pooled over several blocks of a DEV file (`--folds`): block k trains on sentences
/// [700k, 700k + N) and suggests on [700k + 400, 700k + 700), so each point is measured on 300 sentences a block
/// instead of one set of 300 (less noise when choosing settings). Figures per type, strict and lenient.
export function foldedCurve(sentences: readonly BioSentence[], label: string, settings: TrainOptions & Partial<LearnedPolicy> = {}): void {
  const tagger = new JiebaTagger();
  const folds = Math.floor(sentences.length / 700);
  const { takeOverAt, overruleAt, dropBelow, addFrom, ...training } = settings;
  const policy: LearnedPolicy = {
    ...LEARNED_POLICY,
    ...(takeOverAt !== undefined && { takeOverAt }),
    ...(overruleAt !== undefined && { overruleAt }),
    ...(dropBelow !== undefined && { dropBelow }),
    ...(addFrom !== undefined && { addFrom }),
  };
  console.log(`\nFolded learning curve on ${label} ${JSON.stringify(settings)}: ${folds} blocks of 700 sentences (train on the block's first N, suggest on its 400–699)`);
  const run = (name: string, suggest: (fold: number) => (text: string) => TypedSpan[]) => {
    const byType = new Map<string, { strict: Counts; lenient: Counts }>();
    for (let k = 0; k < folds; k++) {
      const test = sentences.slice(700 * k + 400, 700 * k + 700);
      const fn = suggest(k);
      for (const type of [...TYPES, TYPES.join('+')]) {
        const t = tally(test, fn, type === TYPES.join('+') ? TYPES : [type]);
        const into = byType.get(type) ?? { strict: { tp: 0, fp: 0, fn: 0 }, lenient: { tp: 0, fp: 0, fn: 0 } };
        addCounts(into.strict, t.strict);
        addCounts(into.lenient, t.lenient);
        byType.set(type, into);
      }
    }
    console.log(`  ${name}`);
    for (const [type, t] of byType) console.log(`    ${formatRow(`${type}`.padEnd(11), t.strict)}   lenient F1 ${prf(t.lenient).f1.toFixed(2)}`);
  };
  run('out of the box (rules + jieba, no corpus)', () => (text) => suggestEntities(text, { tagger, sources: ['rule', 'segmenter'] }));
  for (const size of SIZES) {
    const models: { model: LearnedModel; known: Map<string, string> }[] = [];
    let ms = 0;
    for (let k = 0; k < folds; k++) {
      const t0 = performance.now();
      models.push({ model: trainModel(asPages(sentences.slice(700 * k, 700 * k + size)), { tagger, ...training })!, known: knownOf(sentences.slice(700 * k, 700 * k + size)) });
      ms += performance.now() - t0;
    }
    const tags = models.map((m) => m.model.stats.tags).join('/');
    run(`after ${size} tagged sentences (${tags} tags; training ${(ms / folds / 1000).toFixed(2)} s a block): learned only`, (k) => (text) => suggestEntities(text, { tagger, model: models[k]!.model, sources: ['learned'] }));
    run(`after ${size}: all + learned (the app)`, (k) => (text) => suggestEntities(text, { tagger, model: models[k]!.model, known: models[k]!.known, learnedPolicy: policy }));
  }
}

// How often the learned suggestions are right (strict) at each confidence band.
function calibration(test: readonly BioSentence[], suggest: (text: string) => { start: number; end: number; type: string; confidence: number }[]): void {
  const bands = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01];
  const right = new Array<number>(bands.length - 1).fill(0);
  const all = new Array<number>(bands.length - 1).fill(0);
  for (const s of test) {
    for (const f of suggest(s.text)) {
      if (!TYPES.includes(f.type)) continue;
      const b = bands.findIndex((lo, i) => f.confidence >= lo && f.confidence < bands[i + 1]!);
      all[b]!++;
      if (s.entities.some((g) => g.start === f.start && g.end === f.end && g.type === f.type)) right[b]!++;
    }
  }
  const cells = all.map((n, i) => `[${bands[i]!.toFixed(2)},${Math.min(1, bands[i + 1]!).toFixed(2)}) ${n === 0 ? '–' : (right[i]! / n).toFixed(2)} of ${n}`);
  console.log(`    learned confidence → share right: ${cells.join('  ')}`);
}

/// 1,000 tagged pages of 3,000 characters built from the gold pages' sentences and tags.
function trainingSpeed(): void {
  const sentences = goldPageSentences();
  const pages: TrainingPage[] = [];
  let k = 0;
  for (let p = 0; p < 1000; p++) {
    const page: BioSentence[] = [];
    let length = 0;
    while (length < 3000) {
      const s = sentences[k++ % sentences.length]!;
      page.push(s);
      length += Array.from(s.text).length + 1;
    }
    pages.push(...asPages(page).map((x) => x));
  }
  const chars = pages.reduce((sum, p) => sum + Array.from(p.text).length, 0);
  const tagger = new JiebaTagger();
  const evidenceCache = new Map<string, TextEvidence>();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const model = trainModel(pages, { tagger, evidenceCache })!;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // After a save: one page changed, the others' jieba words and rule votes come from the cache (as in the worker).
  pages[0] = { ...pages[0]!, spans: pages[0]!.spans.slice(1) };
  const cpu1 = process.cpuUsage();
  const t1r = performance.now();
  trainModel(pages, { tagger, evidenceCache });
  const retrainMs = performance.now() - t1r;
  const retrainCpu = process.cpuUsage(cpu1);
  const stored = JSON.stringify(storeModel(model));
  const t1 = performance.now();
  const loaded = loadModel(JSON.parse(stored));
  const loadMs = performance.now() - t1;
  console.log(`\nTraining speed: ${pages.length} pages (${chars.toLocaleString('en')} characters, ${model.stats.tags.toLocaleString('en')} tags, ${model.stats.sentences.toLocaleString('en')} sentences)`);
  console.log(`  first training ${(ms / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); again after one page changed ${(retrainMs / 1000).toFixed(1)} s (CPU ${((retrainCpu.user + retrainCpu.system) / 1e6).toFixed(1)} s)`);
  console.log(`  model ${(stored.length / 1e6).toFixed(1)} MB as JSON, ${model.rows.size.toLocaleString('en')} features; loads in ${loadMs.toFixed(0)} ms (${loaded.ok ? 'ok' : loaded.message})`);
}

/// A keystroke's refresh on a 200,000-character page, the model on (as the editor's thread runs it: no jieba).
function refreshSpeed(): void {
  const sentences = goldPageSentences();
  const tagger = new JiebaTagger();
  // A model of 300 tags or more, well past the take-over point; the refresh runs with the app's own policy.
  const OVERRULE_AT = 300;
  let size = 400;
  let model: LearnedModel = trainModel(asPages(sentences.slice(0, size)), { tagger })!;
  while (model.stats.tags < OVERRULE_AT && size < sentences.length) {
    size += 400;
    model = trainModel(asPages(sentences.slice(0, size)), { tagger })!;
  }
  let text = '';
  for (let k = 0; Array.from(text).length < 200_000; k++) text += `${sentences[k % sentences.length]!.text}\n`;
  text = Array.from(text).slice(0, 200_000).join('');
  const whole0 = performance.now();
  const whole = suggestEntities(text, { model });
  const wholeMs = performance.now() - whole0;
  const cps = Array.from(text);
  const times: number[] = [];
  for (let r = 0; r < 21; r++) {
    const at = 100_000 + r * 17;
    const edited = cps.slice(0, at).join('') + '林' + cps.slice(at).join('');
    const t0 = performance.now();
    refreshSuggestions(edited, whole, { start: at, end: at, insertedLength: 1 }, { model });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`\nRefresh with the model (${model.stats.tags} tags) on a 200,000-character page: whole page (no jieba) ${wholeMs.toFixed(0)} ms; one keystroke median ${times[10]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
}

const args = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('entities-learn-bench.ts')) {
  const conllAt = args.indexOf('--conll');
  if (args.includes('--speed')) trainingSpeed();
  else if (args.includes('--refresh')) refreshSpeed();
  else if (conllAt >= 0) {
    const file = args[conllAt + 1];
    if (file === undefined || file.startsWith('--')) throw new Error('--conll needs a file path');
    // `--set prior=4 --set epochs=10`: training settings to compare (numbers).
    const settings = Object.fromEntries(args.flatMap((a, i) => (args[i - 1] === '--set' ? [[a.split('=')[0]!, Number(a.split('=')[1])]] : [])));
    if (args.includes('--folds')) foldedCurve(readBioSentences(file), path.basename(file), settings as TrainOptions);
    else learningCurve(readBioSentences(file), path.basename(file));
  } else learningCurve(goldPageSentences(), 'the gold pages');
}
