/// The entity bench's CoNLL entry: `npm run bench:entities -- --conll <file> [--dev]` reads a two-column BIO file
/// (for example the MSRA NER set), runs the default suggesters on each sentence (rules + jieba, no corpus knowledge,
/// as the CLI does out of the box) and prints strict and lenient P/R/F1 per type and pooled, beside the segmenter
/// baseline (jieba's nr → PER, ns → LOC, nt → ORG words alone, unfiltered).
///
/// Without `--dev` it prints figures only, so a blind test file's errors are never seen. With `--dev` it also prints
/// the most frequent misses and wrong suggestions, for tuning rules on a development file.
import { readBioSentences, type BioSentence } from './bio-sentences';
import { addCounts, countMatches, formatRow, type Counts, type TypedSpan } from './entities-conll-score';
import { suggestEntities, type EntitySuggestion, type PosTagger } from '../../shared/entities/suggest/index';
import { placeWords } from '../../shared/entities/suggest/segmenter';
import { JiebaTagger } from '../../electron/services/entities/jieba-tagger';

const TYPES = ['PER', 'LOC', 'ORG'] as const;
const BASELINE_TYPE: Record<string, string> = { nr: 'PER', ns: 'LOC', nt: 'ORG' };

/// The segmenter baseline: every jieba word tagged nr, ns or nt, as PER, LOC, ORG.
export function segmenterBaseline(text: string, tagger: PosTagger): TypedSpan[] {
  return placeWords(text, tagger).flatMap((w) => (BASELINE_TYPE[w.tag] ? [{ start: w.start, end: w.end, type: BASELINE_TYPE[w.tag]! }] : []));
}

interface Tally {
  strict: Record<string, Counts>;
  lenient: Record<string, Counts>;
}

function emptyTally(): Tally {
  const make = () => Object.fromEntries([...TYPES, 'ALL'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  return { strict: make(), lenient: make() };
}

function tallySentence(tally: Tally, gold: readonly TypedSpan[], found: readonly TypedSpan[]): void {
  for (const lenient of [false, true]) {
    const into = lenient ? tally.lenient : tally.strict;
    for (const type of TYPES) addCounts(into[type]!, countMatches(gold, found, [type], lenient));
    addCounts(into.ALL!, countMatches(gold, found, TYPES, lenient));
  }
}

function printTally(name: string, tally: Tally): void {
  for (const lenient of [false, true]) {
    console.log(`\n  ${name}, ${lenient ? 'lenient (same type, overlapping)' : 'strict (same start, end, type)'}`);
    const from = lenient ? tally.lenient : tally.strict;
    for (const type of TYPES) console.log(`    ${formatRow(type, from[type]!)}`);
    console.log(`    ${formatRow('PER+LOC+ORG', from.ALL!)}`);
  }
}

/// Runs the CoNLL measurement on `file`; `dev` allows printing errors (never for a blind test file).
export function conllQuality(file: string, dev: boolean, limitErrors = 400): void {
  const sentences: BioSentence[] = readBioSentences(file);
  const tagger = new JiebaTagger();
  const ours = emptyTally();
  const baseline = emptyTally();
  const misses = new Map<string, number>();
  const wrong = new Map<string, number>();
  const t0 = performance.now();
  let suggestMs = 0;
  for (const sentence of sentences) {
    const s0 = performance.now();
    const found: EntitySuggestion[] = suggestEntities(sentence.text, { sources: ['rule', 'segmenter'], tagger });
    suggestMs += performance.now() - s0;
    const scored = found.filter((s) => (TYPES as readonly string[]).includes(s.type));
    tallySentence(ours, sentence.entities, scored);
    tallySentence(baseline, sentence.entities, segmenterBaseline(sentence.text, tagger));
    if (dev) collectErrors(sentence, scored, misses, wrong);
  }
  const entities = sentences.reduce((n, s) => n + s.entities.length, 0);
  console.log(`\nCoNLL quality on ${file} (${sentences.length} sentences, ${entities} gold entities; ${dev ? 'DEV: errors may be printed' : 'figures only'})`);
  printTally('rules + jieba (CLI default, no corpus)', ours);
  printTally('segmenter baseline (jieba nr/ns/nt words alone)', baseline);
  console.log(`\n  time: ${(performance.now() - t0).toFixed(0)} ms in all, suggestEntities ${suggestMs.toFixed(0)} ms`);
  if (dev) {
    printTop('misses (gold not suggested with the same span and type)', misses, limitErrors);
    printTop('wrong suggestions (no gold with the same span and type)', wrong, limitErrors);
  }
}

function collectErrors(sentence: BioSentence, found: readonly EntitySuggestion[], misses: Map<string, number>, wrong: Map<string, number>): void {
  const same = (a: TypedSpan, b: TypedSpan) => a.type === b.type && a.start === b.start && a.end === b.end;
  const cps = Array.from(sentence.text);
  const context = (s: TypedSpan) => `${cps.slice(Math.max(0, s.start - 4), s.start).join('')}[${cps.slice(s.start, s.end).join('')}]${cps.slice(s.end, s.end + 4).join('')}`;
  for (const g of sentence.entities) {
    if (found.some((s) => same(g, s))) continue;
    const near = found.find((s) => s.start < g.end && g.start < s.end);
    const key = `${g.type}\t${g.text}${near ? `\t(got ${near.type} ${near.text} ${near.source})` : ''}\t${context(g)}`;
    misses.set(key, (misses.get(key) ?? 0) + 1);
  }
  for (const s of found) {
    if (sentence.entities.some((g) => same(g, s))) continue;
    const near = sentence.entities.find((g) => s.start < g.end && g.start < s.end);
    const key = `${s.type}\t${s.text}\t${s.source} ${s.confidence.toFixed(2)}${near ? `\t(gold ${near.type} ${near.text})` : ''}\t${context(s)}`;
    wrong.set(key, (wrong.get(key) ?? 0) + 1);
  }
}

function printTop(title: string, counts: Map<string, number>, limit: number): void {
  console.log(`\n  ${title}: ${[...counts.values()].reduce((a, b) => a + b, 0)}`);
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit)) console.log(`    ${String(n).padStart(3)} ${key}`);
}
