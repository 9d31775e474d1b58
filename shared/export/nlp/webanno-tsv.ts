/// WebAnno TSV 3.3 (INCEpTION's "WebAnno TSV 3" format): one `<base>.tsv` per page with the DKPro Core NamedEntity
/// layer, shaped as INCEpTION's own writer (Tsv3XSerializer) writes it: the format line, the layer line, two blank
/// lines, then per sentence a blank line, `#Text=` lines and one row per token, `sentence-token<TAB>begin-end<TAB>
/// token<TAB>label<TAB>`. Stacked and multi-token entities carry `[n]` disambiguation ids; values are escaped as
/// the format's spec says.
///
/// Offsets count UTF-16 code units from the start of the document: the spec says so ("the offsets used in the TSV
/// format currently represent offsets of the 16bit units in UTF-16 strings", WebAnno is Java), so 𠮷 counts 2.
import type { EntitySpan } from '../../model/sidecar-schema';
import { pageView } from '../page-view';
import type { ExportPage, PerPageExporter } from '../types';
import { codePoints, entityCuts, sentences, tokens, type Range } from './segment';
import { NAMED_ENTITY_TYPE } from './typesystem';

/// The WebAnno TSV exporter: `<base>.tsv` per page.
export const webannoTsvExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: (page) => ({ ok: true, files: [{ path: `${page.base}.tsv`, content: pageTsv(page) }] }),
};

/// The TSV document of one page.
export function pageTsv(page: ExportPage): string {
  const view = pageView(page);
  const cp = codePoints(view.corrected);
  const u = cp.utf16;
  const cuts = entityCuts(view.entities);
  const sentenceList = sentences(cp, view.entities).map((sentence) => ({ sentence, tokens: tokens(cp, sentence, cuts) }));
  const allTokens = sentenceList.flatMap((s) => s.tokens);
  const covered = coveredTokens(allTokens, view.entities);
  const ids = disambiguationIds(covered);
  // Labels per token, in entity order (sorted by start, longer first).
  const labels = allTokens.map(() => [] as string[]);
  covered.forEach((indices, n) => {
    const span = view.entities[n]!;
    const value = escapeValue(span.type) + (ids.has(n) ? `[${ids.get(n)!}]` : '');
    for (const index of indices) labels[index]!.push(value);
  });

  const out: string[] = ['#FORMAT=WebAnno TSV 3.3', `#T_SP=${NAMED_ENTITY_TYPE}|value`, ''];
  let tokenIndex = 0;
  sentenceList.forEach(({ sentence, tokens: sentenceTokens }, s) => {
    out.push('');
    for (const line of cp.chars.slice(sentence.start, sentence.end).join('').split('\n')) out.push(`#Text=${escapeText(line)}`);
    sentenceTokens.forEach((token, t) => {
      const label = labels[tokenIndex]!.length > 0 ? labels[tokenIndex]!.join('|') : '_';
      const text = cp.chars.slice(token.start, token.end).join('');
      out.push(`${s + 1}-${t + 1}\t${u[token.start]!}-${u[token.end]!}\t${text}\t${label}\t`);
      tokenIndex++;
    });
  });
  return out.join('\n') + '\n';
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

const TEXT_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '\b': '\\b', '\\': '\\\\' };
