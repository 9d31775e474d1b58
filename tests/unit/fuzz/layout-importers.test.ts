// Fuzzing the layout importers: random well-formed hOCR, ALTO and PAGE XML import with consistent offsets; the same
// documents mutated (truncated, attributes dropped, tags renamed, nested thousands deep, huge words, stray markup)
// give a result or a clean error, never a throw, a hang or a stack trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAlto } from '../../../shared/layout/alto';
import { importLayout } from '../../../shared/layout/detect';
import { importHocr } from '../../../shared/layout/hocr';
import { importPageXml } from '../../../shared/layout/page-xml';
import type { LayoutError, LayoutPage } from '../../../shared/layout/types';
import type { Result } from '../../../shared/result';
import { expectOffsetsConsistent } from '../layout/test-support';
import { CASE_MS, expectCleanMessage, FUZZ_RUNS, mutate, mutation, timed, timeoutFor } from './fuzz-support';
import { altoDocument, hocrDocument, pageShape, pageXmlDocument, type PageShape } from './layout-documents';

type Importer = (xml: string, fileName: string) => Result<LayoutPage, LayoutError>;

const formats: { name: string; importer: Importer; document: (shape: PageShape) => string; entities: string[] }[] = [
  { name: 'hOCR', importer: importHocr, document: hocrDocument, entities: ['&nbsp;', '&eacute;'] },
  { name: 'ALTO', importer: importAlto, document: altoDocument, entities: [] },
  { name: 'PAGE', importer: importPageXml, document: pageXmlDocument, entities: [] },
];

// A result is a page whose lines and words sit where they claim, or an error in plain words.
function expectCleanResult(result: Result<LayoutPage, LayoutError>): void {
  if (result.ok) {
    expectOffsetsConsistent(result.value);
    expect(result.value.text).toBe(result.value.text.normalize('NFC'));
    expect(result.value.text).not.toContain('\r');
  } else {
    expectCleanMessage(result.error.message);
    expect(result.error.line).toBeGreaterThanOrEqual(0);
    expect(result.error.column).toBeGreaterThanOrEqual(0);
  }
}

describe.each(formats)('fuzzing the $name importer', ({ importer, document, entities }) => {
  it(
    'imports random well-formed documents with every line and word at its offsets',
    () => {
      fc.assert(
        fc.property(pageShape(entities), (shape) => {
          const result = timed(() => importer(document(shape), 'fuzz.xml'));
          if (!result.ok) throw new Error(`a well-formed document was refused: ${result.error.message}`);
          expectCleanResult(result);
          // Every word with visible text is in the page text.
          const words = result.value.lines.flatMap((line) => line.words.map((word) => word.text));
          for (const word of words) expect(result.value.text).toContain(word);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeoutFor(FUZZ_RUNS, 200),
  );

  it(
    'gives a result or a clean error for mutated documents, through its own entry and importLayout',
    () => {
      fc.assert(
        fc.property(pageShape(entities), fc.array(mutation, { minLength: 1, maxLength: 3 }), (shape, mutations) => {
          const xml = mutations.reduce(mutate, document(shape));
          expectCleanResult(timed(() => importer(xml, 'fuzz.xml')));
          expectCleanResult(timed(() => importLayout(xml, 'fuzz.xml')));
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeoutFor(FUZZ_RUNS, CASE_MS / 5),
  );
});
