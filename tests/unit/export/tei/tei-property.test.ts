/// Property: for any page (random original with 𠮷, line breaks, markup characters and a control character; random
/// corrections; random, freely overlapping entity spans), the TEI export is well-formed, its corrected reading is
/// the corrected text, its original reading is the original, and each entity's pieces hold exactly its text.
/// A sample of the documents is validated by one jing run against tei_all.rng.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCorrections } from '../../../../shared/model/corrections';
import { teiCorpusExporter, teiPerPageExporter } from '../../../../shared/export/tei/tei-exporters';
import { entityElement } from '../../../../shared/export/tei/body-render';
import { cpSlice } from '../../../../shared/text/codepoints';
import { elementTexts, jingErrorsApartFromAWrongOne, makeContext, makePage, readings, wellFormed, type SpanSpec } from './tei-helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const ALPHABET = ['甲', '乙', '𠮷', 'a', 'b', ' ', '\n', '\n', '\n', '&', '<', '>', '"', '\u0001'];
const TYPES = ['PER', 'LOC', 'ORG', 'DATE', 'MISC', 'work of art'];

const character = fc.constantFrom(...ALPHABET);
// Per original character: keep it, drop it, replace it, or keep it and insert one after it.
const edit = fc.record({ ch: character, op: fc.constantFrom('keep', 'keep', 'keep', 'drop', 'replace', 'insert'), other: character });

const pageInput = fc
  .record({
    edits: fc.array(edit, { maxLength: 40 }),
    spans: fc.array(fc.record({ type: fc.constantFrom(...TYPES), a: fc.nat(), b: fc.nat() }), { maxLength: 8 }),
    rules: fc.array(fc.constantFrom(undefined, 'look-alike', 'reflow rule'), { maxLength: 10 }),
    lineBreaks: fc.constantFrom('original' as const, 'paragraphs' as const),
    oneDocument: fc.boolean(),
  })
  .map((input) => {
    const original = input.edits.map((e) => e.ch).join('');
    const corrected = input.edits.map((e) => (e.op === 'keep' ? e.ch : e.op === 'drop' ? '' : e.op === 'replace' ? e.other : e.ch + e.other)).join('');
    const length = [...corrected].length;
    const spans: SpanSpec[] = length === 0 ? [] : input.spans.map(({ type, a, b }) => {
      const start = a % length;
      return [type, start, start + 1 + (b % (length - start))];
    });
    const corrections = computeCorrections(original, corrected).map((c, i) => {
      const rule = input.rules[i];
      return rule === undefined ? c : { ...c, rule };
    });
    return { original, corrected, spans, corrections, lineBreaks: input.lineBreaks, oneDocument: input.oneDocument };
  });

// Each entity's text, as the chains of pieces in the document give it: pieces without @prev start a chain that
// @next continues. Line breaks are left out (a paragraph break between pieces belongs to no element).
function entityTexts(xml: string): string[] {
  const texts: string[] = [];
  for (const name of ['persName', 'placeName', 'orgName', 'date', 'name']) {
    const pieces = elementTexts(xml, name);
    const byId = new Map(pieces.map((p) => [`#${p.attributes['xml:id']}`, p]));
    for (const piece of pieces.filter((p) => p.attributes.prev === undefined)) {
      let text = piece.text;
      for (let next = piece.attributes.next; next !== undefined; next = byId.get(next)?.attributes.next) text += byId.get(next)?.text ?? '«missing piece»';
      texts.push(`${name}${piece.attributes.type ?? ''}:${text.replace(/\n/g, '')}`);
    }
  }
  return texts.sort();
}

describe('TEI export, any page', () => {
  const sample: string[] = [];

  it('is well-formed, reads as the corrected text on the corr side and the original on the sic side, and keeps every entity whole', () => {
    fc.assert(
      fc.property(pageInput, (input) => {
        const page = makePage({ original: input.original, corrected: input.corrected, spans: input.spans, corrections: input.corrections });
        const context = makeContext({ lineBreaks: input.lineBreaks, teiGrouping: input.oneDocument ? 'one-document' : 'per-page' });
        let xml: string;
        if (input.oneDocument) {
          const chunk = teiCorpusExporter.page(page, 0, context);
          if (!chunk.ok) throw new Error(chunk.problem.message);
          xml = teiCorpusExporter.start(context) + chunk.chunk + teiCorpusExporter.end(context);
        } else {
          const result = teiPerPageExporter.exportPage(page, context);
          if (!result.ok) throw new Error(result.problem.message);
          xml = result.files[0]!.content;
        }
        expect(wellFormed(xml)).toBe(true);
        if (sample.length < 150) sample.push(xml);
        const expected = input.spans.map(([type, start, end]) => {
          const element = entityElement(type);
          const typeValue = /type="([^"]*)"/.exec(element.attributes)?.[1] ?? '';
          return `${element.name}${typeValue}:${cpSlice(input.corrected, start, end).replace(/\n/g, '')}`;
        });
        if (input.lineBreaks === 'original') {
          expect(readings(xml, 'corr')).toEqual([input.corrected]);
          expect(readings(xml, 'sic')).toEqual([input.original]);
          expect(entityTexts(xml)).toEqual(expected.sort());
        } else {
          // Reflowed: line breaks become nothing or a space; every other character is there, in order.
          const squeeze = (s: string): string => s.replace(/\s/g, '');
          expect(readings(xml, 'corr').map(squeeze)).toEqual([squeeze(input.corrected)]);
          expect(readings(xml, 'sic').map(squeeze)).toEqual([squeeze(input.original)]);
          expect(entityTexts(xml).map(squeeze).sort()).toEqual(expected.map(squeeze).sort());
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the sampled documents are valid TEI (jing, tei_all.rng)', () => {
    expect(sample.length).toBeGreaterThan(50);
    expect(jingErrorsApartFromAWrongOne(sample)).toEqual([]);
  });
});
