import { suggestEntities } from '../suggest/index';
import { placeWords } from '../suggest/segmenter';
import { codePoints } from '../suggest/han';
import { suggestKnown } from '../suggest/known';
import type { EntitySuggestion, PosTagger, TaggedWord } from '../suggest/types';
import { decodeWithConfidence, emissions } from './decode';
import { sentenceEvidence, type TextEvidence } from './evidence';
import { SLOTS, sentenceFeatures, type SentenceEvidence } from './features';
import { encodeSpans } from './labels';
import { MODEL_VERSION, type LearnedModel } from './model';
import { trainPerceptron, type LabelledSentence, type PerceptronOptions } from './perceptron';
import { modelScorer } from './predict';
import { addPrior, priorLabels } from './prior';
import { trainingSentences, type TrainingPage, type TrainingSentence } from './training-data';

export type { TrainingPage } from './training-data';

/// Settings of `trainModel`.
export interface TrainOptions extends PerceptronOptions {
  /// The segmenter whose words are features (jieba in the app); without it the model learns without them.
  tagger?: PosTagger;
  /// Holds back every tenth sentence to fit the confidence on (default true when there are at least 40 sentences).
  /// The model is then trained on the other nine tenths only: training twice would double the time.
  calibrate?: boolean;
  /// Page text → its segmenter words and votes, kept between trainings (the worker keeps one), so retraining after
  /// a save runs jieba and the rules only on pages whose text changed.
  evidenceCache?: Map<string, TextEvidence>;
  /// The score the rules' and the segmenter's labels start with (default `PRIOR`; see `priorLabels`).
  prior?: number;
  /// The clock (tests).
  now?: () => number;
}

/// A sentence's features with where it came from, before labels are attached.
interface Prepared {
  source: TrainingSentence;
  features: Int32Array;
  /// The sentence's length in code points.
  length: number;
  /// The other suggesters' votes on the sentence (sentence offsets).
  votes: SentenceEvidence['votes'];
}

/// Trains a model on the accepted tags of `pages` (see `trainingSentences` for which sentences count), or gives
/// null when they hold no tags.
export function trainModel(pages: readonly TrainingPage[], options: TrainOptions = {}): LearnedModel | null {
  const now = options.now ?? Date.now;
  const began = now();
  const sentences = trainingSentences(pages);
  const tags = sentences.reduce((sum, s) => sum + s.spans.length, 0);
  if (tags === 0) return null;
  const prepared = prepareSentences(pages, sentences, options.tagger, options.evidenceCache);
  return trainPrepared(prepared, {
    ...options,
    began,
    pages: new Set(sentences.filter((s) => s.spans.length > 0).map((s) => s.page)).size,
  });
}

/// Features for each training sentence: the segmenter's words and the other suggesters' votes are computed once
/// per page, as the app computes them when it suggests.
function prepareSentences(
  pages: readonly TrainingPage[],
  sentences: readonly TrainingSentence[],
  tagger: PosTagger | undefined,
  cache: Map<string, TextEvidence> | undefined,
): Prepared[] {
  const used = new Set<string>();
  const knownVotes = knownVotesByPage(pages);
  const out: Prepared[] = [];
  let p = 0;
  while (p < sentences.length) {
    const pageIndex = sentences[p]!.page;
    const text = pages[pageIndex]!.text;
    const cps = codePoints(text);
    const numbers = cps.map((c) => c.codePointAt(0)!);
    let evidence = cache?.get(text);
    if (!evidence) {
      evidence = textEvidence(text, tagger);
      cache?.set(text, evidence);
    }
    used.add(text);
    // The corpus's tagged strings as the app passes them, but those of other pages only: this page's own tags would
    // vote for exactly the answer.
    const known = knownVotes[pageIndex]!;
    if (known.length > 0) evidence = { ...evidence, votes: [...evidence.votes, ...known].sort((a, b) => a.start - b.start) };
    const cursor = { word: 0, vote: 0 };
    for (; p < sentences.length && sentences[p]!.page === pageIndex; p++) {
      const s = sentences[p]!;
      const local = sentenceEvidence(evidence, s.extent, cursor);
      out.push({ source: s, features: sentenceFeatures(numbers.slice(s.extent.start, s.extent.end), local), length: s.extent.end - s.extent.start, votes: local.votes });
    }
  }
  // Pages whose text changed or that lost their tags leave the cache.
  if (cache) for (const text of cache.keys()) if (!used.has(text)) cache.delete(text);
  return out;
}

/// Per page, the corpus-string suggestions the app would make on it, counting only tags on the other pages: every
/// occurrence of a string tagged elsewhere, with its most frequent type there. One pass over all pages' texts joined
/// (a corpus of 10,000 pages and thousands of strings would otherwise build the string index 10,000 times).
function knownVotesByPage(pages: readonly TrainingPage[]): EntitySuggestion[][] {
  const counts = new Map<string, Map<string, number>>();
  const own = pages.map((page) => {
    const cps = codePoints(page.text);
    const mine = new Map<string, Map<string, number>>();
    for (const s of page.spans) {
      const text = cps.slice(s.start, s.end).join('');
      for (const into of [counts, mine]) {
        const types = into.get(text) ?? new Map<string, number>();
        types.set(s.type, (types.get(s.type) ?? 0) + 1);
        into.set(text, types);
      }
    }
    return { mine, length: cps.length };
  });
  const top = (types: ReadonlyMap<string, number>, minus: ReadonlyMap<string, number> | undefined): string | undefined => {
    let best: string | undefined;
    let bestCount = 0;
    for (const [type, count] of types) {
      const left = count - (minus?.get(type) ?? 0);
      if (left > bestCount) {
        best = type;
        bestCount = left;
      }
    }
    return best;
  };
  const all = new Map<string, string>();
  for (const [text, types] of counts) all.set(text, top(types, undefined)!);
  const starts: number[] = [];
  let at = 0;
  for (const { length } of own) {
    starts.push(at);
    at += length + 1;
  }
  const votes: EntitySuggestion[][] = pages.map(() => []);
  let p = 0;
  for (const s of suggestKnown(pages.map((page) => page.text).join('\n'), all)) {
    while (p + 1 < starts.length && starts[p + 1]! <= s.start) p++;
    const base = starts[p]!;
    if (s.end - base > own[p]!.length) continue;
    const type = top(counts.get(s.text)!, own[p]!.mine.get(s.text));
    if (type !== undefined) votes[p]!.push({ ...s, type, start: s.start - base, end: s.end - base });
  }
  return votes;
}

/// The segmenter words and rule and segmenter suggestions of a text, as a whole-page suggestion run sees them.
export function textEvidence(text: string, tagger: PosTagger | undefined): TextEvidence {
  if (!tagger) return { votes: suggestEntities(text, { sources: ['rule'] }) };
  // One tagging serves both the features and the suggesters.
  let last: { text: string; words: TaggedWord[] } | null = null;
  const once: PosTagger = {
    tag: (t) => {
      if (last?.text !== t) last = { text: t, words: tagger.tag(t) };
      return last.words;
    },
  };
  const words = placeWords(text, once);
  return { words, votes: suggestEntities(text, { sources: ['rule', 'segmenter'], tagger: once }) };
}

/// Trains on prepared sentences: fits the confidence temperature on held-back sentences first when asked.
export function trainPrepared(
  prepared: readonly Prepared[],
  options: TrainOptions & { began: number; pages: number },
): LearnedModel {
  const now = options.now ?? Date.now;
  const types = [...new Set(prepared.flatMap((s) => s.source.spans.map((x) => x.type)))].sort();
  const typeIndex = new Map(types.map((t, i) => [t, i]));
  const prior = options.prior ?? PRIOR;
  const labelled: LabelledSentence[] = prepared.map((s) => ({
    features: s.features,
    labels: encodeSpans(s.length, s.source.spans.map((x) => ({ start: x.start, end: x.end, type: typeIndex.get(x.type)! }))),
    ...(prior > 0 && { prior: priorLabels(s.length, s.votes, types) }),
  }));
  const settings = { ...options, prior };
  let model: LearnedModel;
  if (options.calibrate ?? labelled.length >= 40) {
    model = build(labelled.filter((_, i) => i % 10 !== 9), types, settings, 1);
    const heldBack = labelled.filter((_, i) => i % 10 === 9);
    // At most CALIBRATION_SENTENCES of them, spread over the corpus: forward–backward at ten temperatures over all
    // of a large corpus's held-back sentences would take longer than the training.
    const step = Math.max(1, Math.ceil(heldBack.length / CALIBRATION_SENTENCES));
    model.temperature = fitTemperature(model, heldBack.filter((_, i) => i % step === 0));
  } else {
    model = build(labelled, types, settings, 1);
  }
  const tags = prepared.reduce((sum, s) => sum + s.source.spans.length, 0);
  model.stats = { tags, pages: options.pages, sentences: prepared.length, trainedAt: new Date(now()).toISOString(), trainingMs: Math.round(now() - options.began) };
  return model;
}

function build(sentences: readonly LabelledSentence[], types: readonly string[], options: PerceptronOptions, temperature: number): LearnedModel {
  const trained = trainPerceptron(sentences, types.length, options);
  return {
    version: MODEL_VERSION,
    types,
    rows: trained.rows,
    weights: trained.weights,
    transitions: trained.transitions,
    temperature,
    prior: options.prior ?? 0,
    stats: { tags: 0, pages: 0, sentences: sentences.length, trainedAt: '', trainingMs: 0 },
  };
}

/// The score added by default to the labels the rules and the segmenter give (chosen on the MSRA dev file's
/// folded learning curve, docs/entities-learned.md).
export const PRIOR = 15;

/// Held-back sentences the confidence is fitted on, at most.
const CALIBRATION_SENTENCES = 1500;

const TEMPERATURES = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16];

/// The temperature under which the model's span probabilities best predict which of its spans on held-back
/// sentences are right (highest log-likelihood).
function fitTemperature(model: LearnedModel, heldBack: readonly LabelledSentence[]): number {
  const scorer = modelScorer(model);
  const decoded = heldBack.map((s) => {
    const n = s.labels.length;
    const emit = emissions(scorer, s.features, n, SLOTS);
    addPrior(emit, s.prior, scorer.labels, model.prior);
    return { s, n, emit };
  });
  let best = 1;
  let bestScore = -Infinity;
  for (const temperature of TEMPERATURES) {
    let score = 0;
    for (const { s, n, emit } of decoded) {
      for (const span of decodeWithConfidence(scorer, emit, n, temperature)) {
        const right = s.labels[span.start] === 1 + 2 * span.type && (span.end === n || s.labels[span.end] !== 2 + 2 * span.type) && insideRight(s.labels, span);
        const p = Math.min(1 - 1e-6, Math.max(1e-6, span.probability));
        score += right ? Math.log(p) : Math.log(1 - p);
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = temperature;
    }
  }
  return best;
}

function insideRight(labels: Uint8Array, span: { start: number; end: number; type: number }): boolean {
  for (let i = span.start + 1; i < span.end; i++) if (labels[i] !== 2 + 2 * span.type) return false;
  return true;
}
