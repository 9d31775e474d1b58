import { labelCount } from './labels';
import { reason, reasonEnglish, type Reason } from '../../errors/reasons';

/// The version of the stored model format; a model of another version is refused (and retrained).
export const MODEL_VERSION = 2;

/// What a model was trained on, shown in the entity panel.
export interface ModelStats {
  /// Entity spans it learned from.
  tags: number;
  /// Pages those came from.
  pages: number;
  /// Sentences it was trained on.
  sentences: number;
  /// When training ended (ISO 8601).
  trainedAt: string;
  /// How long training took, in milliseconds.
  trainingMs: number;
}

/// A trained character labeller, ready to use.
///
/// `weights` holds one row of `labelCount(types.length)` weights per feature, found through `rows` (feature hash →
/// row); `transitions` one row per previous label plus a last row for the start of a sentence.
export interface LearnedModel {
  version: typeof MODEL_VERSION;
  types: readonly string[];
  rows: ReadonlyMap<number, number>;
  weights: Float32Array;
  transitions: Float32Array;
  /// Scores are divided by it before they become probabilities (fitted on held-back sentences).
  temperature: number;
  /// The score added to the labels of the rules' and the segmenter's suggestions (see `priorLabels`).
  prior: number;
  /// What it was trained on.
  stats: ModelStats;
}

/// A model as stored (JSON): typed arrays as base64.
export interface StoredModel {
  format: 'jiaodui-entity-model';
  version: number;
  types: string[];
  /// Int32 feature hashes, base64; row k of the weights belongs to hash k.
  hashes: string;
  /// Float32 weights, base64.
  weights: string;
  transitions: number[];
  temperature: number;
  prior: number;
  stats: ModelStats;
}

/// The model as JSON-ready data.
export function storeModel(model: LearnedModel): StoredModel {
  const hashes = new Int32Array(model.rows.size);
  for (const [hash, row] of model.rows) hashes[row] = hash;
  return {
    format: 'jiaodui-entity-model',
    version: model.version,
    types: [...model.types],
    hashes: toBase64(new Uint8Array(hashes.buffer)),
    weights: toBase64(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength)),
    transitions: Array.from(model.transitions),
    temperature: model.temperature,
    prior: model.prior,
    stats: model.stats,
  };
}

/// Reads a stored model back; why not instead (a reason, worded on screen in the UI language, and its English) when
/// it is not one, is of another version or is damaged.
export function loadModel(data: unknown): { ok: true; model: LearnedModel } | { ok: false; reason: Reason; message: string } {
  if (typeof data !== 'object' || data === null || (data as StoredModel).format !== 'jiaodui-entity-model') {
    return refused(reason('learned.notModel'));
  }
  const stored = data as StoredModel;
  if (stored.version !== MODEL_VERSION) return refused(reason('learned.version', { found: String(stored.version), expected: MODEL_VERSION }));
  try {
    if (!Array.isArray(stored.types) || !stored.types.every((t) => typeof t === 'string')) throw new Error('types');
    const labels = labelCount(stored.types.length);
    const hashBytes = fromBase64(stored.hashes);
    const weightBytes = fromBase64(stored.weights);
    if (hashBytes.length % 4 !== 0 || weightBytes.length % 4 !== 0) throw new Error('lengths');
    const hashes = new Int32Array(hashBytes.buffer, hashBytes.byteOffset, hashBytes.length / 4);
    const weights = new Float32Array(weightBytes.buffer, weightBytes.byteOffset, weightBytes.length / 4);
    if (weights.length !== hashes.length * labels) throw new Error('weights');
    if (!Array.isArray(stored.transitions) || stored.transitions.length !== (labels + 1) * labels) throw new Error('transitions');
    if (!(typeof stored.temperature === 'number' && stored.temperature > 0)) throw new Error('temperature');
    if (!(typeof stored.prior === 'number' && stored.prior >= 0 && Number.isFinite(stored.prior))) throw new Error('prior');
    const rows = new Map<number, number>();
    hashes.forEach((hash, row) => rows.set(hash, row));
    return {
      ok: true,
      model: {
        version: MODEL_VERSION,
        types: stored.types,
        rows,
        weights,
        transitions: Float32Array.from(stored.transitions),
        temperature: stored.temperature,
        prior: stored.prior,
        stats: stored.stats,
      },
    };
  } catch (error) {
    // The part that does not fit is named by the checks above (`types`, `weights`, …), in the file's own terms.
    return refused(reason('learned.damaged', { part: (error as Error).message }));
  }
}

function refused(why: Reason): { ok: false; reason: Reason; message: string } {
  return { ok: false, reason: why, message: reasonEnglish(why) };
}

const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Bounded: each call spreads at most CHUNK bytes.
  // eslint-disable-next-line no-restricted-syntax
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string') throw new Error('base64');
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    // atob's own sentence is English; the part is what the model names.
    throw new Error('base64');
  }
  // A fresh, aligned buffer, so typed arrays of 4-byte elements can view it.
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
