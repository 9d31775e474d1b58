import { placeNameStartingAt } from '../suggest/gazetteer';
import { isHan } from '../suggest/han';
import type { EntitySuggestion } from '../suggest/types';
import { hashAdd, hashStart, hashString } from './hash';

/// One segmenter word on a sentence, in code points.
export interface SentenceWord {
  start: number;
  end: number;
  tag: string;
}

/// What the labeller reads of one sentence besides its characters.
export interface SentenceEvidence {
  /// jieba's words with their part-of-speech tags; empty when no segmenter ran (a keystroke's refresh).
  words: readonly SentenceWord[];
  /// The suggestions of the rules and the segmenter source on this sentence (offsets on the sentence).
  votes: readonly Pick<EntitySuggestion, 'start' | 'end' | 'type' | 'source'>[];
}

/// Feature slots per character. Slots from `SEGMENTER_SLOTS` on come from the segmenter; training leaves them out
/// of some sentences so the model also works where no segmenter words are at hand.
export const SLOTS = 21;
/// The first slot that depends on the segmenter.
export const SEGMENTER_SLOTS = 15;

// Sentinels for characters beyond the sentence's ends.
const BEFORE = -1;
const AFTER = -2;

/// Character class: 0 Han, 1 digit (ASCII or full-width), 2 Latin letter, 3 punctuation or symbol, 4 space, 5 out.
export function charClass(cp: number): number {
  if (cp < 0) return 5;
  const ch = String.fromCodePoint(cp);
  if (isHan(ch)) return 0;
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19) || '〇零一二三四五六七八九十百千万亿'.includes(ch)) return 1;
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xff21 && cp <= 0xff5a)) return 2;
  if (cp === 0x20 || cp === 0x3000 || cp === 0x09 || cp === 0x0a) return 4;
  return 3;
}

const tagHashes = new Map<string, number>();
function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) tagHashes.set(tag, (h = hashString(tag)));
  return h;
}

/// The feature hashes of every character of a sentence: `SLOTS` per character, 0 where a slot has no feature.
///
/// Templates: the character and its neighbours within two, the four bigrams and the trigram around it, the
/// character classes around it, its place in a gazetteer name, the rules' votes (B or I of a type), the vote of the
/// corpus's tagged strings (on other pages, when training), and from the
/// segmenter: its place in its word (B/M/E/S) with the word's tag, with the character, with the word's length, with
/// the neighbouring words' tags, the word itself when it is short, and the segmenter source's vote.
export function sentenceFeatures(cps: readonly number[], evidence: SentenceEvidence): Int32Array {
  const n = cps.length;
  const out = new Int32Array(n * SLOTS);
  const at = (i: number) => (i < 0 ? BEFORE : i >= n ? AFTER : cps[i]!);
  const gazetteer = gazetteerPositions(cps);
  const ruleVote = voteLabels(n, evidence.votes, (s) => s !== 'segmenter' && s !== 'known');
  const knownVote = voteLabels(n, evidence.votes, (s) => s === 'known');
  const segmenterVote = voteLabels(n, evidence.votes, (s) => s === 'segmenter');
  const word = wordPositions(n, evidence.words);
  for (let i = 0; i < n; i++) {
    const c0 = at(i);
    const cm1 = at(i - 1);
    const cp1 = at(i + 1);
    const cm2 = at(i - 2);
    const cp2 = at(i + 2);
    const f = i * SLOTS;
    out[f] = nonZero(hashStart(1));
    out[f + 1] = nonZero(hashAdd(hashStart(2), c0));
    out[f + 2] = nonZero(hashAdd(hashStart(3), cm1));
    out[f + 3] = nonZero(hashAdd(hashStart(4), cp1));
    out[f + 4] = nonZero(hashAdd(hashStart(5), cm2));
    out[f + 5] = nonZero(hashAdd(hashStart(6), cp2));
    out[f + 6] = nonZero(hashAdd(hashAdd(hashStart(7), cm1), c0));
    out[f + 7] = nonZero(hashAdd(hashAdd(hashStart(8), c0), cp1));
    out[f + 8] = nonZero(hashAdd(hashAdd(hashStart(9), cm2), cm1));
    out[f + 9] = nonZero(hashAdd(hashAdd(hashStart(10), cp1), cp2));
    out[f + 10] = nonZero(hashAdd(hashAdd(hashAdd(hashStart(11), cm1), c0), cp1));
    out[f + 11] = nonZero(hashAdd(hashStart(12), charClass(cm1) * 36 + charClass(c0) * 6 + charClass(cp1)));
    out[f + 12] = nonZero(hashAdd(hashAdd(hashStart(13), gazetteer[i]!), ruleVote[i]!));
    out[f + 13] = ruleVote[i] === 0 ? 0 : nonZero(hashAdd(hashStart(14), ruleVote[i]!));
    out[f + 14] = knownVote[i] === 0 ? 0 : nonZero(hashAdd(hashAdd(hashStart(21), knownVote[i]!), ruleVote[i]!));
    if (evidence.words.length > 0) {
      const w = word.index[i]!;
      const position = word.position[i]!;
      const tag = w >= 0 ? tagHash(evidence.words[w]!.tag) : 0;
      const length = w >= 0 ? Math.min(5, evidence.words[w]!.end - evidence.words[w]!.start) : 0;
      const prevTag = w > 0 ? tagHash(evidence.words[w - 1]!.tag) : 1;
      const nextTag = w >= 0 && w + 1 < evidence.words.length ? tagHash(evidence.words[w + 1]!.tag) : 1;
      out[f + 15] = nonZero(hashAdd(hashAdd(hashStart(15), position), tag));
      out[f + 16] = nonZero(hashAdd(hashAdd(hashAdd(hashStart(16), position), tag), c0));
      out[f + 17] = nonZero(hashAdd(hashAdd(hashAdd(hashStart(17), position), tag), length));
      out[f + 18] = nonZero(hashAdd(hashAdd(hashAdd(hashAdd(hashStart(18), position), prevTag), tag), nextTag));
      out[f + 19] = w >= 0 && length <= 4 ? nonZero(hashAdd(hashAdd(wordHash(cps, evidence.words[w]!), position), tag)) : 0;
      out[f + 20] = nonZero(hashAdd(hashAdd(hashStart(20), segmenterVote[i]!), ruleVote[i]!));
    }
  }
  return out;
}

function nonZero(hash: number): number {
  return hash === 0 ? 1 : hash;
}

function wordHash(cps: readonly number[], w: SentenceWord): number {
  let h = hashStart(19);
  for (let i = w.start; i < w.end; i++) h = hashAdd(h, cps[i]!);
  return h;
}

// Per character: 0 outside any gazetteer name, else 1 B, 2 M, 3 E, 4 S of the longest name starting there.
function gazetteerPositions(cps: readonly number[]): Uint8Array {
  const chars = cps.map((c) => String.fromCodePoint(c));
  const out = new Uint8Array(cps.length);
  for (let i = 0; i < chars.length; i++) {
    const length = placeNameStartingAt(chars, i);
    if (length === 0) continue;
    for (let k = 0; k < length; k++) {
      if (out[i + k] !== 0) continue;
      out[i + k] = length === 1 ? 4 : k === 0 ? 1 : k === length - 1 ? 3 : 2;
    }
  }
  return out;
}

// Per character: 0 no vote, else a number standing for B or I of the vote's type (the longest vote wins).
function voteLabels(n: number, votes: SentenceEvidence['votes'], use: (source: string) => boolean): Int32Array {
  const out = new Int32Array(n);
  const sorted = votes.filter((v) => use(v.source)).sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const v of sorted) {
    const type = tagHash(v.type);
    for (let i = Math.max(0, v.start); i < Math.min(n, v.end); i++) {
      if (out[i] !== 0) continue;
      out[i] = nonZero(hashAdd(type, i === v.start ? 1 : 2));
    }
  }
  return out;
}

// Per character: the index of its word (-1 none) and its place in it (1 B, 2 M, 3 E, 4 S).
function wordPositions(n: number, words: readonly SentenceWord[]): { index: Int32Array; position: Uint8Array } {
  const index = new Int32Array(n).fill(-1);
  const position = new Uint8Array(n);
  words.forEach((w, k) => {
    for (let i = Math.max(0, w.start); i < Math.min(n, w.end); i++) {
      index[i] = k;
      position[i] = w.end - w.start === 1 ? 4 : i === w.start ? 1 : i === w.end - 1 ? 3 : 2;
    }
  });
  return { index, position };
}
