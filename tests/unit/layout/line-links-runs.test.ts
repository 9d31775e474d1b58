import { describe, expect, it } from 'vitest';
import { computeLineOrigins, textLineSpans, type OriginalLineSpan } from '../../../shared/layout/line-links';
import { computeCorrections } from '../../../shared/model/corrections';
import type { Correction } from '../../../shared/model/sidecar-schema';
import { cpLength } from '../../../shared/text/codepoints';

// The character-by-character linking that the run-by-run one replaced (session 2), kept as the oracle.
function referenceLinks(
  originalLines: readonly OriginalLineSpan[],
  corrected: string,
  corrections: readonly Correction[],
): number[][] {
  const spans = [...originalLines]
    .map((line) => ({ index: line.index, start: line.textStart, end: line.textStart + cpLength(line.text) }))
    .sort((a, b) => a.start - b.start);
  const chars = Array.from(corrected);
  const origins = originRanges(chars.length, corrections);
  const links: number[][] = [];
  let current = new Set<number>();
  chars.forEach((char, position) => {
    if (char === '\n') {
      links.push(sorted(current));
      current = new Set();
      return;
    }
    const [from, to] = origins[position] ?? [0, 0];
    for (const index of linesOverlapping(spans, from, to)) current.add(index);
  });
  links.push(sorted(current));
  return links;
}

function originRanges(correctedLength: number, corrections: readonly Correction[]): [number, number][] {
  const origins: [number, number][] = [];
  let original = 0;
  const copyUnchangedUntil = (end: number): void => {
    for (; original < end && origins.length < correctedLength; original++) origins.push([original, original + 1]);
  };
  for (const correction of corrections) {
    copyUnchangedUntil(correction.start);
    const from = correction.original.split('\n');
    const to = correction.corrected.split('\n');
    if (from.length === to.length && from.length > 1) {
      // The same number of line breaks on both sides: the k-th written line replaces the k-th removed one.
      let segmentStart = correction.start;
      to.forEach((segment, k) => {
        const segmentEnd = segmentStart + cpLength(from[k]!);
        for (let i = 0; i < cpLength(segment); i++) origins.push([segmentStart, segmentEnd]);
        if (k < to.length - 1) origins.push([segmentEnd, segmentEnd + 1]);
        segmentStart = segmentEnd + 1;
      });
    } else {
      for (let i = 0; i < cpLength(correction.corrected); i++) origins.push([correction.start, correction.end]);
    }
    original = correction.end;
  }
  copyUnchangedUntil(Number.POSITIVE_INFINITY);
  return origins;
}

function linesOverlapping(spans: readonly { index: number; start: number; end: number }[], from: number, to: number): number[] {
  return spans.filter((span) => (from === to ? span.start <= from && from <= span.end : span.end > from && span.start < to)).map((span) => span.index);
}

function sorted(set: Set<number>): number[] {
  return [...set].sort((a, b) => a - b);
}

// A small deterministic generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const ALPHABET = ['字', '文', '𠮷', '\n', '\n', 'a', '，', ' '];

function randomText(next: () => number, length: number): string {
  return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]!).join('');
}

// Joins, splits, replaces and inserts at random places, as editing and reflow do.
function edited(next: () => number, text: string): string {
  const chars = Array.from(text);
  for (let n = 0; n < 1 + Math.floor(next() * 12); n++) {
    const at = Math.floor(next() * (chars.length + 1));
    const kind = next();
    if (kind < 0.3) chars.splice(at, 1 + Math.floor(next() * 3));
    else if (kind < 0.6) chars.splice(at, 0, ...Array.from(randomText(next, 1 + Math.floor(next() * 4))));
    else if (chars[at] === '\n') chars.splice(at, 1);
    else chars.splice(at, 1, ALPHABET[Math.floor(next() * ALPHABET.length)]!);
  }
  return chars.join('');
}

describe('line links computed run by run', () => {
  it('give exactly what the character-by-character linking gave, on 2,000 random edits with Extension B characters', () => {
    const next = random(20261123);
    for (let round = 0; round < 2000; round++) {
      const original = randomText(next, Math.floor(next() * 60));
      const corrected = edited(next, original);
      const corrections = computeCorrections(original, corrected);
      expect(computeLineOrigins(original, corrected, corrections), `${JSON.stringify(original)} → ${JSON.stringify(corrected)}`).toEqual(
        referenceLinks(textLineSpans(original), corrected, corrections),
      );
    }
  });

  it('give the same for corrections that replace several lines by as many lines', () => {
    const original = '甲一\n乙二\n丙三\n丁';
    const corrections: Correction[] = [{ start: 1, end: 7, original: '一\n乙二\n丙', corrected: '壹\n𠮷贰贰\n丙' }];
    const corrected = '甲壹\n𠮷贰贰\n丙三\n丁';
    expect(cpLength(corrected)).toBe(11);
    expect(computeLineOrigins(original, corrected, corrections)).toEqual([[0], [1], [2], [3]]);
    expect(computeLineOrigins(original, corrected, corrections)).toEqual(referenceLinks(textLineSpans(original), corrected, corrections));
  });
});
