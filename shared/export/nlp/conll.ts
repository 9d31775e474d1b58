/// CoNLL character-level NER files: one character a line (`character<TAB>tag`), BIO or BIOES tags, a blank line
/// after each sentence, `-DOCSTART- -X- O O` before each page. One file for the whole selection.
///
/// Comment lines start with `# ` (hash, space): a header naming the format, the scheme and the nested-span policy,
/// and a `# page = <path>` line after each `-DOCSTART-`. A token line never holds a space (whitespace is not a
/// token), so `#` as a character (`#<TAB>O`) is never mistaken for a comment by a reader told that comments start
/// with `# ` (flair: `comment_symbol="# "`); readers without comment support (spaCy's `convert -c ner`) need the
/// `# ` lines removed first (docs/exports/nlp.md).
import { pageView } from '../page-view';
import type { CollectionExporter, ExportContext, ExportPage } from '../types';
import { codePoints, cpText, isTokenCode, sentences } from './segment';
import { flattenSpans } from './span-policy';

/// BIO (B- first, I- the rest) or BIOES (S- single character, B- first, I- inside, E- last).
export type ConllScheme = 'bio' | 'bioes';

const DOCSTART = '-DOCSTART- -X- O O';

/// The CoNLL exporter for one tag scheme.
export function conllExporter(scheme: ConllScheme): CollectionExporter {
  return {
    kind: 'collection',
    fileName: () => `corpus.${scheme}.conll`,
    start: (context) => header(scheme, context),
    page: (page, _index, context) => ({ ok: true, chunk: conllPage(page, scheme, context) }),
    end: () => '',
  };
}

function header(scheme: ConllScheme, context: ExportContext): string {
  const policy =
    context.options.nestedSpans === 'outermost'
      ? 'outermost (where entities nest or overlap, the longest is kept; the entities inside or overlapping it are left out)'
      : 'innermost (where entities nest or overlap, the shortest is kept; the entities around or overlapping it are left out)';
  return [
    `# format = CoNLL, character level: one character a line, character<TAB>tag; a blank line ends a sentence`,
    `# scheme = ${scheme.toUpperCase()}`,
    `# nested spans = ${policy}`,
    `# sentences = split after 。！？； ! ? ; and at line ends, never inside an entity; whitespace is not a token`,
    `# comments = lines starting with "# "; "-DOCSTART- -X- O O" starts each page`,
    `# app = Jiaodui ${oneLine(context.appVersion)}`,
    `# date = ${oneLine(context.startedAt)}`,
    '',
    '',
  ].join('\n');
}

/// The chunk for one page: `-DOCSTART-`, the page's path (and how many entities the policy left out), then its
/// sentences, each followed by a blank line.
export function conllPage(page: ExportPage, scheme: ConllScheme, context: ExportContext): string {
  const view = pageView(page);
  const cp = codePoints(view.corrected);
  const { kept, dropped } = flattenSpans(view.entities, context.options.nestedSpans);
  // The tag of each code point, null for O (most characters).
  const tags = new Array<string | null>(cp.length).fill(null);
  for (const span of kept) {
    const label = tagLabel(span.type);
    const positions: number[] = [];
    for (let i = span.start; i < Math.min(span.end, cp.length); i++) if (isTokenCode(cp.codes[i]!)) positions.push(i);
    positions.forEach((pos, n) => {
      tags[pos] = `${prefix(scheme, n, positions.length)}-${label}`;
    });
  }
  const parts: string[] = [`${DOCSTART}\n# page = ${oneLine(page.path)}\n`];
  if (dropped.length > 0) parts.push(`# left out = ${dropped.length} nested or overlapping entit${dropped.length === 1 ? 'y' : 'ies'}\n`);
  parts.push('\n');
  for (const sentence of sentences(cp, view.entities)) {
    for (let i = sentence.start; i < sentence.end; i++) {
      const code = cp.codes[i]!;
      if (!isTokenCode(code)) continue;
      const tag = tags[i];
      parts.push(tag == null ? outsideLine(code) : `${cpText(cp, i, i + 1)}\t${tag}\n`);
    }
    parts.push('\n');
  }
  return parts.join('');
}

// `<character><TAB>O` lines by code point: most lines of a file are one of a few thousand such lines.
const outsideLines = new Map<number, string>();

function outsideLine(code: number): string {
  let line = outsideLines.get(code);
  if (line === undefined) {
    line = `${String.fromCodePoint(code)}\tO\n`;
    if (outsideLines.size < 100_000) outsideLines.set(code, line);
  }
  return line;
}

function prefix(scheme: ConllScheme, n: number, count: number): string {
  if (scheme === 'bio') return n === 0 ? 'B' : 'I';
  if (count === 1) return 'S';
  if (n === 0) return 'B';
  return n === count - 1 ? 'E' : 'I';
}

// A tag must not hold whitespace: column readers split lines on it.
function tagLabel(type: string): string {
  return type.replace(/\s+/gu, '_');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/gu, ' ');
}

/// CoNLL with BIO tags (`corpus.bio.conll`).
export const conllBioExporter = conllExporter('bio');
/// CoNLL with BIOES tags (`corpus.bioes.conll`).
export const conllBioesExporter = conllExporter('bioes');
