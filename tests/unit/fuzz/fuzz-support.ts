// Shared pieces of the fuzz tests: how many runs, random text pieces, and the "clean result" checks.
import fc from 'fast-check';
import { expect } from 'vitest';

/// Runs per property: small in the ordinary suite (a few seconds), more with `npm run fuzz` (FUZZ_RUNS, default 2000).
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 25);

/// Longest one generated case may take (ms) before it counts as a hang; generous, the machine may be busy.
export const CASE_MS = 5000;

/// A test's time limit for `runs` cases of `perCaseMs` each, for vitest's timeout argument.
export const timeoutFor = (runs: number, perCaseMs: number) => Math.max(20_000, runs * perCaseMs);

// Literal pieces of OCR text: CJK, an Extension B character, Latin, punctuation, line breaks (CRLF too), tabs, a
// non-breaking space, a decomposed "é" (NFC composes it), quote marks and markup characters that need escaping.
const LITERALS = ['中', '文', '报', '𠮷', 'a', 'Z', '7', ' ', '  ', '\r\n', '\n', '\t', '\u00a0', 'e\u0301', '，', '。', '"', "'", '<', '>', '&', ']]>'];
// Entity references XML defines, written as they appear in a file.
const ENTITIES = ['&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#x20BB7;', '&#12354;'];

/// Escapes text for an XML text node or a double-quoted attribute value.
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/// Random word text as written in a file (escaped; entity references kept), possibly empty.
export const fileText = (extraEntities: readonly string[] = []): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...LITERALS).map(escapeXml), fc.constantFrom(...ENTITIES, ...extraEntities), fc.string({ maxLength: 3 }).map(escapeXml)), {
      maxLength: 6,
    })
    .map((pieces) => pieces.join(''));

/// Random plain page text (unescaped): lines of the literal pieces and random characters.
export const pageText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...LITERALS), fc.string({ maxLength: 4, unit: 'grapheme' })), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

/// One change to a well-formed document that makes it odd or malformed.
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'drop-attribute'; which: number }
  | { kind: 'swap-tags'; which: number; other: number }
  | { kind: 'nest'; at: number; depth: number }
  | { kind: 'huge-text'; at: number; length: number; piece: string }
  | { kind: 'insert'; at: number; text: string };

/// Random mutations: truncation, a removed attribute, a start tag renamed, deep nesting, a huge word, stray markup.
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop-attribute' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('swap-tags' as const), which: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 100, max: 3000 }) }),
  fc.record({ kind: fc.constant('huge-text' as const), at: fc.nat(), length: fc.integer({ min: 10_000, max: 150_000 }), piece: fc.constantFrom('字', '𠮷', 'x ', '&amp;') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('<', '&', '&nbsp;', '</span>', '<div>', ']]>', '<?x?>', '<!--', '"', '\u0000', '&#0;') }),
);

/// Applies a mutation; positions are taken modulo what the document has.
export function mutate(doc: string, m: Mutation): string {
  const tagEnds = positionsOf(doc, />/g).map((i) => i + 1);
  const after = (k: number) => (tagEnds.length === 0 ? 0 : tagEnds[k % tagEnds.length]!);
  switch (m.kind) {
    case 'truncate':
      return doc.slice(0, m.at % (doc.length + 1));
    case 'drop-attribute': {
      const attrs = [...doc.matchAll(/\s[\w:-]+=("[^"]*"|'[^']*')/g)];
      const hit = attrs[m.which % Math.max(1, attrs.length)];
      return hit ? doc.slice(0, hit.index) + doc.slice(hit.index + hit[0].length) : doc;
    }
    case 'swap-tags': {
      const starts = [...doc.matchAll(/<([A-Za-z][\w:.-]*)/g)];
      if (starts.length < 2) return doc;
      const hit = starts[m.which % starts.length]!;
      const name = starts[m.other % starts.length]![1]!;
      return `${doc.slice(0, hit.index + 1)}${name}${doc.slice(hit.index + 1 + hit[1]!.length)}`;
    }
    case 'nest': {
      const at = after(m.at);
      return doc.slice(0, at) + '<div>'.repeat(m.depth) + '</div>'.repeat(m.depth) + doc.slice(at);
    }
    case 'huge-text': {
      const at = after(m.at);
      return doc.slice(0, at) + m.piece.repeat(Math.ceil(m.length / m.piece.length)) + doc.slice(at);
    }
    case 'insert': {
      const at = m.at % (doc.length + 1);
      return doc.slice(0, at) + m.text + doc.slice(at);
    }
  }
}

function positionsOf(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((match) => match.index);
}

/// Runs `fn`, failing when it throws (the importer must return a Result) or takes longer than `CASE_MS`.
export function timed<T>(fn: () => T): T {
  const started = performance.now();
  const value = fn();
  expect(performance.now() - started, 'one case took too long').toBeLessThan(CASE_MS);
  return value;
}

/// A failed result's message is plain words: not empty, no stack trace, no "[object Object]".
export function expectCleanMessage(message: string): void {
  expect(message.trim()).not.toBe('');
  expect(message).not.toMatch(/\n\s+at\s|\bat .*\(.*:\d+:\d+\)/);
  expect(message).not.toContain('[object Object]');
  expect(message).not.toMatch(/Maximum call stack|RangeError|TypeError/);
}
