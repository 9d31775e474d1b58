/// WebAnno TSV 3.3 (INCEpTION's "WebAnno TSV 3" format): one `<base>.tsv` per page with the DKPro Core NamedEntity
/// layer, shaped as INCEpTION's own writer (Tsv3XSerializer) writes it: the format line, the layer line, two blank
/// lines, then per sentence a blank line, `#Text=` lines and one row per token, `sentence-token<TAB>begin-end<TAB>
/// token<TAB>label<TAB>`. Stacked and multi-token entities carry `[n]` disambiguation ids; values are escaped as
/// the format's spec says.
///
/// Offsets count UTF-16 code units from the start of the document: the spec says so ("the offsets used in the TSV
/// format currently represent offsets of the 16bit units in UTF-16 strings", WebAnno is Java), so 𠮷 counts 2.
import type { EntitySpan } from '../../model/sidecar-schema';
import { ByteOut, piece } from '../byte-out';
import { pageView } from '../page-view';
import type { ExportedBytes, ExportPage, PerPageExporter } from '../types';
import { codePoints, cpText, entityCuts, sentences, tokens, type Range } from './segment';
import { NAMED_ENTITY_TYPE } from './typesystem';

/// The WebAnno TSV exporter: `<base>.tsv` per page, built as UTF-8 bytes.
export const webannoTsvExporter: PerPageExporter<ExportedBytes> = {
  kind: 'per-page',
  exportPage: (page) => ({ ok: true, files: [{ path: `${page.base}.tsv`, content: pageTsvBytes(page) }] }),
};

const decoder = new TextDecoder();

/// The TSV document of one page, as text.
export function pageTsv(page: ExportPage): string {
  return decoder.decode(pageTsvBytes(page));
}

// The pieces every row repeats, encoded once.
const HEAD = piece(`#FORMAT=WebAnno TSV 3.3\n#T_SP=${NAMED_ENTITY_TYPE}|value\n\n`);
const NEWLINE = piece('\n');
const TEXT_LINE = piece('#Text=');
const DASH = piece('-');
const TAB = piece('\t');
const NO_LABEL_END = piece('\t_\t\n');
const ROW_END = piece('\t\n');

/// The TSV document of one page, as UTF-8 bytes (about 60 KB a page: a row per Han character). Rows are written
/// straight into the buffer, token text from the code points already split, instead of a template string a row.
export function pageTsvBytes(page: ExportPage): Uint8Array {
  const view = pageView(page);
  const cp = codePoints(view.corrected);
  const { codes, utf16: u } = cp;
  const cuts = entityCuts(view.entities);
  const sentenceList = sentences(cp, view.entities).map((sentence) => ({ sentence, tokens: tokens(cp, sentence, cuts) }));
  // A plain loop: Array.prototype.flatMap is several times slower here, and this runs for every page.
  const allTokens: Range[] = [];
  for (const entry of sentenceList) for (const token of entry.tokens) allTokens.push(token);
  const covered = coveredTokens(allTokens, view.entities);
  const ids = disambiguationIds(covered);
  // Labels per token, in entity order (sorted by start, longer first).
  const labels = new Array<string[] | undefined>(allTokens.length);
  covered.forEach((indices, n) => {
    const span = view.entities[n]!;
    const value = escapeValue(span.type) + (ids.has(n) ? `[${ids.get(n)!}]` : '');
    for (const index of indices) (labels[index] ??= []).push(value);
  });

  const out = new ByteOut(24 * cp.length + 4096);
  out.piece(HEAD);
  let tokenIndex = 0;
  for (let s = 0; s < sentenceList.length; s++) {
    const { sentence, tokens: sentenceTokens } = sentenceList[s]!;
    out.piece(NEWLINE);
    for (const line of cpText(cp, sentence.start, sentence.end).split('\n')) {
      out.piece(TEXT_LINE);
      out.text(escapeText(line));
      out.piece(NEWLINE);
    }
    for (let t = 0; t < sentenceTokens.length; t++) {
      const token = sentenceTokens[t]!;
      out.int(s + 1);
      out.piece(DASH);
      out.int(t + 1);
      out.piece(TAB);
      out.int(u[token.start]!);
      out.piece(DASH);
      out.int(u[token.end]!);
      out.piece(TAB);
      for (let c = token.start; c < token.end; c++) out.codePoint(codes[c]!);
      const label = labels[tokenIndex++];
      if (label === undefined) out.piece(NO_LABEL_END);
      else {
        out.piece(TAB);
        out.text(label.join('|'));
        out.piece(ROW_END);
      }
    }
  }
  return out.bytes();
}

// For each entity (by index in `entities`), the indices of the tokens it covers. Tokens are cut at every entity
// boundary, so a token is either wholly inside an entity or wholly outside; an entity over whitespace only covers
// none (the format cannot address the space between tokens, and INCEpTION's writer drops such a span too).
function coveredTokens(all: readonly Range[], entities: readonly EntitySpan[]): number[][] {
  return entities.map((span) => {
    const indices: number[] = [];
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.end <= span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < all.length && all[i]!.start < span.end; i++) if (all[i]!.start >= span.start && all[i]!.end <= span.end) indices.push(i);
    return indices;
  });
}

// The spec's disambiguation ids: an entity gets `[n]` when it covers more than one token, or when another entity
// shares one of its tokens (stacked). Numbered from 1 in entity order.
function disambiguationIds(covered: readonly number[][]): Map<number, number> {
  const perToken = new Map<number, number>();
  for (const indices of covered) for (const index of indices) perToken.set(index, (perToken.get(index) ?? 0) + 1);
  const ids = new Map<number, number>();
  let next = 1;
  covered.forEach((indices, n) => {
    if (indices.length > 1 || indices.some((index) => perToken.get(index)! > 1)) ids.set(n, next++);
  });
  return ids;
}

/// Escapes a feature value as the format does (Escaping.escapeValue): `\ [ ] | _ -> ; * tab newline` get a
/// backslash (tab and newline as `\t`, `\n`).
export function escapeValue(value: string): string {
  return value.replace(/\\|\[|\]|\||_|->|;|\t|\n|\*/gu, (match) => VALUE_ESCAPES[match] ?? `\\${match}`);
}

const VALUE_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n' };

/// Escapes a `#Text=` line as the format does (Escaping.escapeText): tab, line feed, form feed, carriage return,
/// backspace and backslash as `\t \n \f \r \b \\`; other C0 controls except U+000B get a backslash before them.
export function escapeText(text: string): string {
  if (!needsTextEscape(text)) return text;
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const named = TEXT_ESCAPES[char];
    if (named !== undefined) out += named;
    else if (code < 32 && (code <= 7 || code >= 14)) out += `\\${char}`;
    else out += char;
  }
  return out;
}

// Most lines hold no control character and no backslash: they are written as they are.
function needsTextEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 32 || unit === 0x5c) return true;
  }
  return false;
}

const TEXT_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '\b': '\\b', '\\': '\\\\' };
