/// The WebAnno TSV writer as it was before it wrote bytes (a JavaScript string built from template pieces), kept for
/// tests only: the byte writer must give the very same bytes as this one on every page.
import type { EntitySpan } from '../../../../shared/model/sidecar-schema';
import { pageView } from '../../../../shared/export/page-view';
import type { ExportPage } from '../../../../shared/export/types';
import { codePoints, cpText, entityCuts, sentences, tokens, type Range } from '../../../../shared/export/nlp/segment';
import { NAMED_ENTITY_TYPE } from '../../../../shared/export/nlp/typesystem';
import { escapeText, escapeValue } from '../../../../shared/export/nlp/webanno-tsv';

/// The TSV document of one page, as the string writer made it.
export function referencePageTsv(page: ExportPage): string {
  const view = pageView(page);
  const cp = codePoints(view.corrected);
  const u = cp.utf16;
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

  const parts: string[] = [`#FORMAT=WebAnno TSV 3.3\n#T_SP=${NAMED_ENTITY_TYPE}|value\n\n`];
  let tokenIndex = 0;
  for (let s = 0; s < sentenceList.length; s++) {
    const { sentence, tokens: sentenceTokens } = sentenceList[s]!;
    parts.push('\n');
    for (const line of cpText(cp, sentence.start, sentence.end).split('\n')) parts.push(`#Text=${escapeText(line)}\n`);
    const prefix = `${s + 1}-`;
    for (let t = 0; t < sentenceTokens.length; t++) {
      const token = sentenceTokens[t]!;
      const begin = u[token.start]!;
      const end = u[token.end]!;
      const label = labels[tokenIndex++]?.join('|') ?? '_';
      parts.push(`${prefix}${t + 1}\t${begin}-${end}\t${view.corrected.slice(begin, end)}\t${label}\t\n`);
    }
  }
  return parts.join('');
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

