/// Entity-suggestion bench: quality on the hand-annotated gold pages and speed on a large synthetic page.
///
/// Run: `npm run bench:entities` (`-- --errors` lists the misses and wrong suggestions on the DEV page only;
/// `-- --quality-only` skips the speed part; `-- --conll <file> [--dev]` measures a two-column BIO file instead,
/// see entities-conll.ts; `-- --dev-only` measures the dev pages alone, for use while revising rules). Quality is measured on every page of
/// tests/fixtures/entities/gold-pages.ts — 000_… is the dev page, 003_… the test page (see NOTE.md) — with strict
/// matching (same start, end and type) and lenient matching (same type, overlapping). Speed is measured on a
/// 200,000-character page built from both corpus pages with 5,000 tagged spans.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOccurrences } from '../../shared/entities/occurrences';
import { mapSpans } from '../../shared/entities/spans';
import { knownEntityMap } from '../../shared/entities/suggest/known';
import { suggestEntities } from '../../shared/entities/suggest/index';
import { refreshSuggestions } from '../../shared/entities/suggest/refresh';
import type { EntitySuggestion } from '../../shared/entities/suggest/types';
import type { EntitySpan } from '../../shared/model/sidecar-schema';
import { normalizeOriginal } from '../../shared/text/normalize';
import { JiebaTagger } from '../../electron/services/entities/jieba-tagger';
import { GOLD_PAGES } from '../fixtures/entities/gold-pages';
import { conllQuality } from './entities-conll';
import { goldPageSentences, learningCurve } from './entities-learn-bench';
import { readBioSentences } from './bio-sentences';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, 'tests/fixtures/corpus');

interface GoldEntity {
  start: number;
  end: number;
  type: string;
  text: string;
}
interface Gold {
  file: string;
  sha256: string;
  entities: GoldEntity[];
}

const TYPES = ['PER', 'LOC', 'ORG', 'DATE'];

function readPage(name: string, folder = corpus): string {
  return normalizeOriginal(readFileSync(path.join(folder, name), 'utf8')).text;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}

function score(gold: GoldEntity[], found: EntitySuggestion[], types: string[], lenient: boolean): Score {
  const g = gold.filter((e) => types.includes(e.type));
  const f = found.filter((e) => types.includes(e.type));
  const matches = (a: GoldEntity, b: EntitySuggestion) =>
    a.type === b.type && (lenient ? a.start < b.end && b.start < a.end : a.start === b.start && a.end === b.end);
  const usedGold = new Set<number>();
  let tp = 0;
  for (const s of f) {
    const i = g.findIndex((e, k) => !usedGold.has(k) && matches(e, s));
    if (i >= 0) {
      usedGold.add(i);
      tp++;
    }
  }
  return { tp, fp: f.length - tp, fn: g.length - tp };
}

function row(label: string, s: Score): string {
  const p = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
  const r = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `${label.padEnd(13)} P ${p.toFixed(2)}  R ${r.toFixed(2)}  F1 ${f1.toFixed(2)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

function loadGold(file: string, folder: string): Gold {
  const gold = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Gold;
  const bytes = readFileSync(path.join(folder, gold.file));
  if (createHash('sha256').update(bytes).digest('hex') !== gold.sha256) {
    throw new Error(`${gold.file} changed since the gold set was annotated`);
  }
  return gold;
}

// Printed with --errors: the misses and wrong suggestions of the default configuration, for DEV pages only, so
// that rules are never revised against the test page's errors.
function printErrors(gold: GoldEntity[], found: EntitySuggestion[]): void {
  const scored = found.filter((s) => TYPES.includes(s.type));
  const same = (a: GoldEntity, b: EntitySuggestion) => a.type === b.type && a.start === b.start && a.end === b.end;
  for (const g of gold) if (!scored.some((s) => same(g, s))) console.log(`    miss   ${g.type}\t${JSON.stringify(g.text)} @${g.start}`);
  for (const s of scored) {
    if (!gold.some((g) => same(g, s))) console.log(`    wrong  ${s.type}\t${JSON.stringify(s.text)} @${s.start} (${s.source})`);
  }
}

function quality(showErrors: boolean, devOnly: boolean): void {
  const tagger = new JiebaTagger();
  // The blind test pages together (written after the rules and measured once), for the quality aim.
  const pooled = { pages: [] as string[], strict: { tp: 0, fp: 0, fn: 0 }, lenient: { tp: 0, fp: 0, fn: 0 } };
  const configs: [string, Parameters<typeof suggestEntities>[1]][] = [
    ['rules', { sources: ['rule'] }],
    ['rules checked by jieba', { sources: ['rule'], tagger }],
    ['rules + jieba (CLI default)', { sources: ['rule', 'segmenter'], tagger }],
    ['jieba only', { sources: ['segmenter'], tagger }],
  ];
  for (const page of GOLD_PAGES) {
    if (devOnly && page.role !== 'dev') continue;
    const folder = path.resolve(repoRoot, page.folder);
    const gold = loadGold(page.gold, folder);
    const text = readPage(gold.file, folder);
    const role = page.role === 'test' ? 'TEST page: held out, measured only' : 'DEV page: rules are revised against it';
    console.log(`\nQuality on ${gold.file} (${gold.entities.length} gold entities; ${role})`);
    for (const [name, options] of configs) {
      const found = suggestEntities(text, options);
      for (const lenient of [false, true]) {
        console.log(`\n  ${name}, ${lenient ? 'lenient (same type, overlapping)' : 'strict (same start, end, type)'}`);
        for (const type of TYPES) console.log(`    ${row(type, score(gold.entities, found, [type], lenient))}`);
        console.log(`    ${row('PER+LOC+ORG', score(gold.entities, found, ['PER', 'LOC', 'ORG'], lenient))}`);
      }
    }
    if ('blind' in page && page.blind) {
      const found = suggestEntities(text, { sources: ['rule', 'segmenter'], tagger });
      for (const lenient of [false, true]) {
        const scored = score(gold.entities, found, ['PER', 'LOC', 'ORG'], lenient);
        const sum = lenient ? pooled.lenient : pooled.strict;
        sum.tp += scored.tp;
        sum.fp += scored.fp;
        sum.fn += scored.fn;
      }
      pooled.pages.push(page.id);
    }
    if (showErrors && page.role === 'dev') {
      console.log(`\n  errors of "rules + jieba (CLI default)" on this dev page (strict)`);
      printErrors(gold.entities, suggestEntities(text, { sources: ['rule', 'segmenter'], tagger }));
    }
  }
  if (pooled.pages.length > 0) {
    console.log(`\nBlind held-out pages pooled (${pooled.pages.join(', ')}), rules + jieba (CLI default)`);
    console.log(`    ${row('PER+LOC+ORG', pooled.strict)}   strict`);
    console.log(`    ${row('PER+LOC+ORG', pooled.lenient)}   lenient`);
  }
}

function time<T>(label: string, runs: number, fn: () => T): T {
  let result = fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`  ${label.padEnd(58)} median ${median.toFixed(1).padStart(7)} ms  max ${times.at(-1)!.toFixed(1).padStart(7)} ms`);
  return result;
}

function speed(): void {
  const source = `${readPage('000_bf7c7d8a6a23f1a9.txt')}\n𠮷\n${readPage('003_0c30f1900352050f.txt')}\n`;
  let text = '';
  while (Array.from(text).length < 200_000) text += source;
  text = Array.from(text).slice(0, 200_000).join('');
  const length = Array.from(text).length;

  // 5,000 tagged spans: the rule suggestions, cycled with small shifts where needed to reach the count.
  const ruleFound = suggestEntities(text, { sources: ['rule'] });
  const spans: EntitySpan[] = ruleFound.slice(0, 5000).map((s, i) => ({ id: `e${i}`, start: s.start, end: s.end, type: s.type, text: s.text }));
  const cps = Array.from(text);
  for (let i = spans.length; i < 5000; i++) {
    const start = (i * 37) % (length - 4);
    spans.push({ id: `e${i}`, start, end: start + 3, type: 'MISC', text: cps.slice(start, start + 3).join('') });
  }
  spans.sort((a, b) => a.start - b.start);
  const known = knownEntityMap(spans.filter((s) => s.type !== 'MISC'));
  const tagger = new JiebaTagger();

  console.log(`\nSpeed on a ${length.toLocaleString('en')}-character page with ${spans.length} spans (${known.size} distinct known strings)`);
  time('suggestions, whole page: known + rules', 5, () => suggestEntities(text, { known, sources: ['known', 'rule'], existing: spans }));
  const whole = time('suggestions, whole page: known + rules + jieba', 3, () => suggestEntities(text, { known, tagger, existing: spans }));
  // Per keystroke the editor only needs to refresh the paragraph that changed.
  const paragraphStart = text.indexOf('\n', 100_000) + 1;
  const paragraphEnd = text.indexOf('\n', paragraphStart + 1);
  const paragraph = text.slice(paragraphStart, paragraphEnd);
  time(`suggestions, one paragraph (${Array.from(paragraph).length} chars), all sources`, 20, () =>
    suggestEntities(paragraph, { known, tagger }),
  );
  const editAt = 100_000;
  const newText = cps.slice(0, editAt).join('') + '林' + cps.slice(editAt).join('');
  const typed = { start: editAt, end: editAt, insertedLength: 1 };
  time('suggestion refresh after one typed character, all sources', 20, () =>
    refreshSuggestions(newText, whole, typed, { known, tagger, existing: spans }),
  );
  time('map 5,000 spans through one typed character', 20, () => mapSpans(spans, { start: editAt, end: editAt, insertedLength: 1 }, newText));
  // A frequent word gives the worst case: thousands of occurrences with context.
  const needle = '疫情';
  const found = time(`propagation preview: all occurrences of "${needle}"`, 20, () => findOccurrences(text, needle, { existing: spans }));
  console.log(`    (${found.length} untagged occurrences)`);
}

const args = process.argv.slice(2);
const conllAt = args.indexOf('--conll');
if (conllAt >= 0) {
  // A CoNLL/BIO file instead of the gold pages (see entities-conll.ts); errors only with --dev.
  const file = args[conllAt + 1];
  if (file === undefined || file.startsWith('--')) throw new Error('--conll needs a file path');
  conllQuality(file, args.includes('--dev'));
  // The learned model's learning curve on the same file (figures only; see entities-learn-bench.ts).
  learningCurve(readBioSentences(file), path.basename(file));
} else {
  quality(args.includes('--errors'), args.includes('--dev-only'));
  learningCurve(goldPageSentences(), 'the gold pages');
  if (!args.includes('--quality-only')) speed();
}
