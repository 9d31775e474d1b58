import { SEGMENTER_SLOTS, SLOTS } from './features';
import { allowed, labelCount } from './labels';
import { viterbi, type Scorer } from './decode';
import { addPrior } from './prior';

/// One sentence ready for training: its feature hashes (`SLOTS` per character) and gold labels.
export interface LabelledSentence {
  features: Int32Array;
  labels: Uint8Array;
  /// The other suggesters' labels for the sentence (see `priorLabels`), scored `PerceptronOptions.prior` higher.
  prior?: Uint8Array;
}

/// Settings of `trainPerceptron`.
export interface PerceptronOptions {
  epochs?: number;
  /// Every how many sentences one is shown without its segmenter features (0: never), so the model also reads
  /// text for which no segmenter words are at hand.
  segmenterDropEvery?: number;
  seed?: number;
  /// The score added to the other suggesters' labels (`LabelledSentence.prior`); 0 learns without them.
  prior?: number;
}

/// Trained weights: rows by feature hash, `labelCount(types)` weights a row, and transitions.
export interface TrainedWeights {
  rows: Map<number, number>;
  weights: Float32Array;
  transitions: Float32Array;
}

/// Trains an averaged structured perceptron over BIO label sequences of `types` entity types (Collins 2002):
/// each sentence is decoded with the current weights and, where the best sequence differs from the gold one, the
/// gold features gain and the predicted ones lose. The averaged weights are returned, features whose averaged
/// weights are all zero left out.
///
/// The sentences' `features` are overwritten (with row numbers): pass sentences that are not needed afterwards.
export function trainPerceptron(sentences: readonly LabelledSentence[], types: number, options: PerceptronOptions = {}): TrainedWeights {
  const L = labelCount(types);
  // Fewer passes over a large corpus: averaging over many sentences settles sooner, and time grows with both (a
  // corpus of 1,000 pages of 3,000 characters has some 150,000 sentences).
  const epochs = options.epochs ?? (sentences.length > 50_000 ? 2 : sentences.length > 5000 ? 4 : 15);
  const dropEvery = options.segmenterDropEvery ?? 5;
  const priorWeight = options.prior ?? 0;
  // Feature hashes become row numbers once, in place (a corpus of 3 million characters has 60 million of them, and a
  // copy would double the memory), so the loop below does no map look-ups. The sentences are spent afterwards.
  const rows = new Map<number, number>();
  const rowed = sentences.map((s) => {
    const r = s.features;
    for (let i = 0; i < r.length; i++) {
      const hash = r[i]!;
      if (hash === 0) {
        r[i] = -1;
        continue;
      }
      let row = rows.get(hash);
      if (row === undefined) rows.set(hash, (row = rows.size));
      r[i] = row;
    }
    return r;
  });
  const w = new Float64Array(rows.size * L);
  const u = new Float64Array(rows.size * L);
  const t = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  const scorer: Scorer = { labels: L, row: () => undefined, weights: w, transitions: t };
  let c = 1;
  let random = (options.seed ?? 1) >>> 0 || 1;
  const next = () => {
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    return (random >>> 0) / 0x100000000;
  };
  const order = sentences.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const sentence = sentences[k]!;
      const r = rowed[k]!;
      const n = sentence.labels.length;
      if (n === 0) continue;
      const slots = dropEvery > 0 && next() * dropEvery < 1 ? SEGMENTER_SLOTS : SLOTS;
      const emit = new Float64Array(n * L);
      for (let i = 0; i < n; i++) {
        for (let s = 0; s < slots; s++) {
          const row = r[i * SLOTS + s]!;
          if (row < 0) continue;
          const base = row * L;
          for (let y = 0; y < L; y++) emit[i * L + y]! += w[base + y]!;
        }
      }
      addPrior(emit, sentence.prior, L, priorWeight);
      const predicted = viterbi(scorer, emit, n);
      const gold = sentence.labels;
      let prevGold = L;
      let prevPredicted = L;
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = predicted[i]!;
        if (g !== p) {
          for (let s = 0; s < slots; s++) {
            const row = r[i * SLOTS + s]!;
            if (row < 0) continue;
            w[row * L + g]! += 1;
            u[row * L + g]! += c;
            w[row * L + p]! -= 1;
            u[row * L + p]! -= c;
          }
        }
        if (g !== p || prevGold !== prevPredicted) {
          t[prevGold * L + g]! += 1;
          tu[prevGold * L + g]! += c;
          t[prevPredicted * L + p]! -= 1;
          tu[prevPredicted * L + p]! -= c;
        }
        prevGold = g;
        prevPredicted = p;
      }
      c++;
    }
  }
  // Averaged weights (w − u / c), keeping only rows that carry weight.
  const kept = new Map<number, number>();
  const keptWeights: number[] = [];
  for (const [hash, row] of rows) {
    let any = false;
    for (let y = 0; y < L; y++) if (Math.abs(w[row * L + y]! - u[row * L + y]! / c) > 1e-6) any = true;
    if (!any) continue;
    kept.set(hash, kept.size);
    for (let y = 0; y < L; y++) keptWeights.push(w[row * L + y]! - u[row * L + y]! / c);
  }
  const transitions = new Float32Array((L + 1) * L);
  for (let i = 0; i < transitions.length; i++) transitions[i] = t[i]! - tu[i]! / c;
  // Impossible transitions stay impossible whatever the weights (the decoder also forbids them).
  for (let p = 0; p <= L; p++) for (let y = 0; y < L; y++) if (!allowed(p === L ? -1 : p, y)) transitions[p * L + y] = -1e4;
  return { rows: kept, weights: Float32Array.from(keptWeights), transitions };
}
