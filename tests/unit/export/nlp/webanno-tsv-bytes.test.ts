import { describe, expect, it } from 'vitest';
import { pageTsvBytes, webannoTsvExporter } from '../../../../shared/export/nlp/webanno-tsv';
import { context, textPage, type SpanSpec } from './pages';
import { referencePageTsv } from './webanno-tsv-reference';

// Pieces a generated page is made of: Han, Extension B, kana, Latin words and digits, full-width and ASCII
// punctuation (sentence ends and closers), spaces, line ends, and the characters the format escapes.
const PIECES = ['张', '三', '北', '京', '𠮷', '野', '家', 'の', 'カ', 'Zhang', 'San', '1936', 'é', '。', '！', '」', '；', '?', ' ', '　', '\n', '\n', '\t', '\\', '_', '|', '[', '\u0001', ','];
const TYPES = ['PER', 'LOC', 'ORG', 'NE_X', 'a|b', 'x[1]', 'c->d'];

// A small seeded generator, so the pages are the same on every run.
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function generatedPage(seed: number): { text: string; spans: SpanSpec[] } {
  const random = generator(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let text = '';
  const pieces = 20 + Math.floor(random() * 400);
  for (let i = 0; i < pieces; i++) text += pick(PIECES);
  const length = [...text].length;
  const spans: SpanSpec[] = [];
  const count = Math.floor(random() * 30);
  for (let i = 0; i < count && length > 1; i++) {
    const start = Math.floor(random() * (length - 1));
    const end = Math.min(length, start + 1 + Math.floor(random() * 12));
    spans.push([start, end, pick(TYPES)]);
    // Now and then the same span again (stacked) or one inside it (nested).
    if (random() < 0.2) spans.push([start, end, pick(TYPES)]);
    if (random() < 0.2 && end - start > 2) spans.push([start + 1, end - 1, pick(TYPES)]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return { text, spans };
}

describe('WebAnno TSV written as bytes', () => {
  it('gives the same bytes as the string writer it replaced, on 300 generated pages with 𠮷, escapes and stacked spans', () => {
    let rows = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { text, spans } = generatedPage(seed);
      const page = textPage(`p${seed}.txt`, text, spans);
      const expected = Buffer.from(referencePageTsv(page), 'utf8');
      const actual = Buffer.from(pageTsvBytes(page));
      expect(actual.equals(expected), `page ${seed}`).toBe(true);
      rows += expected.toString('utf8').split('\n').filter((line) => /^\d+-\d+\t/u.test(line)).length;
    }
    // The pages are not empty: thousands of token rows were compared.
    expect(rows).toBeGreaterThan(10_000);
  });

  it('gives the same bytes on a fixed page with 𠮷 inside an entity and a lone surrogate', () => {
    const text = '吉野家𠮷野家在北京。\n张\ud842三说：「好！」';
    const page = textPage('q.txt', text, [[3, 6, 'ORG'], [3, 4, 'PER'], [7, 9, 'LOC']]);
    const bytes = pageTsvBytes(page);
    expect(Buffer.from(bytes).equals(Buffer.from(referencePageTsv(page), 'utf8'))).toBe(true);
    expect(new TextDecoder().decode(bytes)).toContain('1-4\t3-5\t𠮷\tORG[1]|PER[2]\t\n');
    const result = webannoTsvExporter.exportPage(page, context());
    expect(result.ok && result.files[0]!.content).toEqual(bytes);
  });
});
