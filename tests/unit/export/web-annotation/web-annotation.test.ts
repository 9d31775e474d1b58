// W3C Web Annotation export: one tagging annotation per entity, TextPositionSelector in code points (as the W3C
// model requires) and TextQuoteSelector with context, beside the exact corrected text they refer to; 𠮷 throughout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORTERS } from '../../../../shared/export/registry';
import type { ExportedFile, PageExportResult } from '../../../../shared/export/types';
import { iriPart, QUOTE_CONTEXT, type WebAnnotation } from '../../../../shared/export/web-annotation/annotation';
import { exportWebAnnotations, webAnnotationExporter } from '../../../../shared/export/web-annotation/exporter';
import type { EntitySpan } from '../../../../shared/model/sidecar-schema';
import { context, exportPage, span } from './page-fixture';

function files(result: PageExportResult): ExportedFile[] {
  if (!result.ok) throw new Error(result.problem.message);
  return result.files;
}

function annotationsOf(result: PageExportResult): WebAnnotation[] {
  return JSON.parse(files(result).find((f) => f.path.endsWith('.jsonld'))!.content) as WebAnnotation[];
}

// Code points [start, end) of text, counted the way the W3C model counts characters.
const codePoints = (text: string, start: number, end: number): string => Array.from(text).slice(start, end).join('');

const CORRECTED = '𠮷报讯：王𠮷明昨日抵达北京，\n会见上海商务印书馆同人。';

describe('web-annotation export', () => {
  it('is registered under its format id', () => {
    expect(EXPORTERS['web-annotation']).toBe(webAnnotationExporter);
  });

  it('writes one tagging annotation per entity with code-point positions and quotes, beside the corrected text', () => {
    const entities = [span(CORRECTED, 'e1', 4, 7, 'PER'), span(CORRECTED, 'e2', 11, 13, 'LOC'), span(CORRECTED, 'e3', 17, 24, 'ORG'), span(CORRECTED, 'e4', 17, 19, 'LOC')];
    const page = exportPage('scans/第1版.txt', CORRECTED.replace('王', '玉'), CORRECTED, entities);
    const out = files(exportWebAnnotations(page, context));
    expect(out.map((f) => f.path)).toEqual(['scans/第1版.annotations.jsonld', 'scans/第1版.annotations.txt']);
    expect(out[1]!.content).toBe(CORRECTED);
    const annotations = annotationsOf(exportWebAnnotations(page, context));
    expect(annotations).toHaveLength(4);
    expect(annotations[0]).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: '第1版.annotations.jsonld#e1',
      type: 'Annotation',
      motivation: 'tagging',
      generator: { type: 'Software', name: 'Jiaodui 9.9.9' },
      generated: '2026-12-07T12:00:00.000Z',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'PER', format: 'text/plain' },
      target: {
        source: '第1版.annotations.txt',
        selector: [
          // 𠮷 before the name counts one: 王 is the fifth character, not the sixth UTF-16 unit.
          { type: 'TextPositionSelector', start: 4, end: 7 },
          { type: 'TextQuoteSelector', exact: '王𠮷明', prefix: '𠮷报讯：', suffix: '昨日抵达北京，\n会见上海商务印书馆同人。' },
        ],
      },
    });
    for (const annotation of annotations) {
      const [position, quote] = annotation.target.selector;
      expect(codePoints(out[1]!.content, position.start, position.end)).toBe(quote.exact);
    }
    expect(annotations.map((a) => [a.body.value, a.target.selector[1].exact])).toEqual([
      ['PER', '王𠮷明'],
      ['LOC', '北京'],
      ['ORG', '上海商务印书馆'],
      ['LOC', '上海'],
    ]);
  });

  it('exports the layout file tags of a page without a sidecar, on its original text', () => {
    const original = '王𠮷明访问北京';
    const layout = { format: 'alto' as const, formatVersion: '4.4', image: null, text: original, lines: [], entities: [{ start: 0, end: 3, type: 'PER', text: '王𠮷明' }] };
    const annotations = annotationsOf(exportWebAnnotations(exportPage('p.xml', original, null, [], layout), context));
    expect(annotations.map((a) => [a.id, a.target.selector[0].start, a.target.selector[0].end, a.target.selector[1].exact])).toEqual([['p.annotations.jsonld#layout-1', 0, 3, '王𠮷明']]);
  });

  it('writes an empty list for a page without entities', () => {
    expect(annotationsOf(exportWebAnnotations(exportPage('a.txt', 'x', 'y', []), context))).toEqual([]);
  });

  it('refuses a page whose span does not quote the corrected text, naming it', () => {
    const bad: EntitySpan = { id: 'e1', start: 0, end: 2, type: 'PER', text: '不对' };
    const result = exportWebAnnotations(exportPage('a.txt', '𠮷报', '𠮷报', [bad]), context);
    expect(result.ok ? null : result.problem).toEqual({ code: 'invalid-page', message: expect.stringContaining('"不对"') as unknown as string });
  });

  it('makes file names and ids safe as relative IRIs', () => {
    expect(iriPart('第 1#版?.txt')).toBe('第%201%23版%3F.txt');
    const page = exportPage('x/a b#.txt', '甲乙', '甲乙', [span('甲乙', 'id with space', 0, 1, 'PER')]);
    const [annotation] = annotationsOf(exportWebAnnotations(page, context));
    expect(annotation!.id).toBe('a%20b%23.annotations.jsonld#id%20with%20space');
    expect(annotation!.target.source).toBe('a%20b%23.annotations.txt');
  });

  it('every selector anchors on the written text, whatever the astral characters and spans (property)', () => {
    const char = fc.constantFrom('𠮷', '𠀀', '王', '明', 'a', ' ', '\n', '。', 'é');
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 120 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('PER', 'LOC')), { maxLength: 8 }), (chars, raw) => {
        const text = chars.join('');
        const length = chars.length;
        const entities = raw.flatMap(([a, b, type], i) => {
          const start = a % length;
          const end = start + 1 + (b % (length - start));
          return [span(text, `e${i}`, start, end, type)];
        });
        const out = files(exportWebAnnotations(exportPage('p.txt', text, text, entities), context));
        const written = out[1]!.content;
        for (const annotation of JSON.parse(out[0]!.content) as WebAnnotation[]) {
          const [position, quote] = annotation.target.selector;
          expect(codePoints(written, position.start, position.end)).toBe(quote.exact);
          expect(codePoints(written, Math.max(0, position.start - QUOTE_CONTEXT), position.start)).toBe(quote.prefix);
          expect(codePoints(written, position.end, position.end + QUOTE_CONTEXT)).toBe(quote.suffix);
        }
      }),
      { numRuns: 200 },
    );
  });
});

// The terms the anno.jsonld context defines (w3c/web-annotation, jsonld/anno.jsonld; W3C Software and Document
// licence), keyword and value terms together. A key or value outside them would be dropped or misread by a JSON-LD
// processor, since no other context is in force.
const ANNO_CONTEXT_TERMS = new Set(
  (
    'id type Annotation Dataset Image Video Audio Text Content TextualBody ResourceSelection SpecificResource FragmentSelector ' +
    'CssSelector XPathSelector TextQuoteSelector TextPositionSelector DataPositionSelector SvgSelector RangeSelector TimeState ' +
    'HttpState CssStylesheet Choice Person Software Organization AnnotationCollection AnnotationPage Audience Motivation ' +
    'bookmarking classifying commenting describing editing highlighting identifying linking moderating questioning replying ' +
    'reviewing tagging body target source selector state scope refinedBy startSelector endSelector renderedVia creator ' +
    'generator rights motivation purpose homepage via canonical stylesheet cached conformsTo items partOf first last next prev ' +
    'audience bodyText format language created modified generated text value start end exact prefix suffix sourceDate ' +
    'sourceDateStart sourceDateEnd styleClass name email email_sha1 account label total startIndex'
  ).split(' '),
);

describe('web-annotation JSON-LD terms', () => {
  it('writes only keys the anno.jsonld context defines, and vocabulary values (type, motivation, purpose) from it', () => {
    const text = '王𠮷明';
    const [annotation] = annotationsOf(exportWebAnnotations(exportPage('p.txt', text, text, [span(text, 'e1', 0, 3, 'PER')]), context));
    const visit = (value: unknown, key: string | null): void => {
      if (Array.isArray(value)) return value.forEach((item) => visit(item, key));
      if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k !== '@context') expect(ANNO_CONTEXT_TERMS.has(k), k).toBe(true);
          visit(v, k);
        }
      } else if (key === 'type' || key === 'motivation' || key === 'purpose') {
        expect(ANNO_CONTEXT_TERMS.has(String(value)), String(value)).toBe(true);
      }
    };
    visit(annotation, null);
  });
});
