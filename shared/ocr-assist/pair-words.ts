import type { LanguageModel } from './types';

/// Frequency of a two-character word: `(first, second) => frequency`, 0 for pairs the model does not know.
export type PairFrequency = (first: string, second: string) => number;

/// Frequency of a two-character word given as two UTF-16 code units of the main ideograph block (see
/// `inIdeographBlock`).
export type PairCodeFrequency = (first: number, second: number) => number;

/// Two-character words of each model, built once per model.
const indexes = new WeakMap<LanguageModel, PairFrequency>();
const codeIndexes = new WeakMap<LanguageModel, PairCodeFrequency>();

/// True for a UTF-16 code unit in the main block of unified ideographs (U+4E00–U+9FFF).
export function inIdeographBlock(code: number): boolean {
  return code >= BLOCK_START && code < BLOCK_START + BLOCK_SIZE;
}

/// Like `pairFrequencies`, for callers that walk the text by code units: both arguments must be in the main
/// ideograph block.
export function pairCodeFrequencies(model: LanguageModel): PairCodeFrequency {
  pairFrequencies(model);
  return codeIndexes.get(model)!;
}

/// First code point of the block of unified ideographs that nearly all running text uses (U+4E00).
export const IDEOGRAPH_BLOCK_START = 0x4e00;
/// Number of code points in that block (up to U+9FFF); pairs inside it get small integer keys.
export const IDEOGRAPH_BLOCK_SIZE = 0xa000 - IDEOGRAPH_BLOCK_START;
const BLOCK_START = IDEOGRAPH_BLOCK_START;
const BLOCK_SIZE = IDEOGRAPH_BLOCK_SIZE;

/// A fast lookup of two-character word frequencies, for rules that ask about every pair of neighbours on a page.
///
/// Concatenating two characters and hashing the new string for every position of a 200,000-character page is
/// slow. Pairs of characters from the main ideograph block are keyed by one integer in an open-addressing hash
/// table of typed arrays instead; other pairs, and models that cannot list their words (`forEachWord` absent),
/// are asked through `wordFrequency`.
export function pairFrequencies(model: LanguageModel): PairFrequency {
  const cached = indexes.get(model);
  if (cached !== undefined) return cached;
  const slow: PairFrequency = (first, second) => model.wordFrequency(first + second);
  let lookup = slow;
  let byCodes: PairCodeFrequency = (first, second) => model.wordFrequency(String.fromCharCode(first, second));
  if (model.forEachWord !== undefined) {
    const entries: [number, number][] = [];
    model.forEachWord((word, frequency) => {
      if (word.length !== 2) return;
      const key = pairKey(word.charCodeAt(0), word.charCodeAt(1));
      if (key >= 0) entries.push([key, frequency]);
    });
    const table = new PairTable(entries);
    byCodes = (first, second) => table.get(pairKey(first, second));
    lookup = (first, second) => {
      const key = first.length === 1 && second.length === 1 ? pairKey(first.charCodeAt(0), second.charCodeAt(0)) : -1;
      return key >= 0 ? table.get(key) : slow(first, second);
    };
  }
  indexes.set(model, lookup);
  codeIndexes.set(model, byCodes);
  return lookup;
}

/// A small integer for two code units of the main ideograph block, or -1 when either lies outside it.
function pairKey(first: number, second: number): number {
  const a = first - BLOCK_START;
  const b = second - BLOCK_START;
  if (a < 0 || a >= BLOCK_SIZE || b < 0 || b >= BLOCK_SIZE) return -1;
  return a * BLOCK_SIZE + b;
}

/// Integer key → frequency, with linear probing in typed arrays (keys are non-negative; -1 marks a free slot).
class PairTable {
  private readonly keys: Int32Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(entries: readonly (readonly [number, number])[]) {
    let size = 1024;
    let bits = 10;
    while (size < entries.length * 2) {
      size *= 2;
      bits++;
    }
    this.shift = 32 - bits;
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Float64Array(size);
    this.mask = size - 1;
    for (const [key, value] of entries) {
      let slot = this.slotOf(key);
      while (this.keys[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = value;
    }
  }

  get(key: number): number {
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!;
      if (found === key) return this.values[slot]!;
      if (found === -1) return 0;
    }
  }

  private slotOf(key: number): number {
    // Multiplicative (Fibonacci) hashing: the top bits of the product spread neighbouring keys over the table.
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }
}
