import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSpanProblems } from '../../../shared/entities/spans';
import { normalizeOriginal } from '../../../shared/text/normalize';
import { GOLD_PAGES } from '../../fixtures/entities/gold-pages';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

for (const page of GOLD_PAGES) {
  const gold = JSON.parse(readFileSync(path.join(repoRoot, page.gold), 'utf8')) as {
    file: string;
    sha256: string;
    entities: { start: number; end: number; type: string; text: string }[];
  };

  describe(`the entity gold set ${page.id} (${page.role})`, () => {
    const bytes = readFileSync(path.resolve(repoRoot, page.folder, gold.file));
    const text = normalizeOriginal(bytes.toString('utf8')).text;

    it('refers to the page as it was annotated', () => {
      expect(gold.file).toBe(page.file);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(gold.sha256);
    });

    it('quotes exactly the page text at every code-point span, in order and without overlaps', () => {
      const spans = gold.entities.map((e, i) => ({ ...e, id: `g${i}` }));
      expect(findSpanProblems(spans, text)).toEqual([]);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
      expect(new Set(spans.map((s) => s.type))).toEqual(new Set(['PER', 'LOC', 'ORG', 'DATE']));
    });
  });
}
