// Tesseract's own output for the sample scans (tests/fixtures/samples), proofread to the ground truth: the
// corrected ALTO and hOCR hold exactly the true text, validate, and keep the boxes of the words OCR got right.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { altoExporter } from '../../../../shared/export/layout/alto-export';
import { hocrExporter } from '../../../../shared/export/layout/hocr-export';
import type { PerPageExporter } from '../../../../shared/export/types';
import { context, layoutPage, reimport, schemaErrors } from './support';
import { repoRoot } from '../../layout/test-support';

const samples = path.join(repoRoot, 'tests/fixtures/samples');
const noSpace = (text: string): string => text.replace(/\s/g, '');

function corrected(exporter: PerPageExporter, file: string, truth: string): { out: string; original: ReturnType<typeof layoutPage> } {
  const xml = readFileSync(path.join(samples, 'scans', file), 'utf8');
  const original = layoutPage(file, xml);
  const result = exporter.exportPage(layoutPage(file, xml, { text: truth }), context);
  if (!result.ok) throw new Error(result.problem.message);
  return { out: result.files[0]!.content, original };
}

describe.each(['heating-supply', 'pharmacy-supply'])('%s', (name) => {
  const truth = readFileSync(path.join(samples, 'ground-truth', `${name}.txt`), 'utf8').trimEnd();

  test('ALTO 3.0: valid, the true text, unchanged words keep their boxes and confidences', () => {
    const { out, original } = corrected(altoExporter, `${name}.xml`, truth);
    expect(schemaErrors(out, 'alto-3-0.xsd')).toBe('');
    const back = reimport(out, `${name}.xml`);
    expect(noSpace(back.text)).toBe(noSpace(truth));
    // Every word the OCR read right comes back as it was, box and confidence included.
    const before = new Map(original.layout!.lines.flatMap((l) => l.words).map((w) => [`${w.text}@${JSON.stringify(w.region)}`, w.confidence]));
    const kept = back.lines.flatMap((l) => l.words).filter((w) => before.get(`${w.text}@${JSON.stringify(w.region)}`) === w.confidence && w.confidence !== 1);
    expect(kept.length).toBeGreaterThan(0);
    // Lines that held only OCR noise are emptied and no longer read as lines.
    expect(back.lines.length).toBeLessThanOrEqual(original.layout!.lines.length);
  });

  test('hOCR: well-formed enough to re-import, with the true text', () => {
    const { out, original } = corrected(hocrExporter, `${name}.hocr`, truth);
    const back = reimport(out, `${name}.hocr`);
    expect(noSpace(back.text)).toBe(noSpace(truth));
    // Lines that held only OCR noise are emptied and no longer read as lines.
    expect(back.lines.length).toBeLessThanOrEqual(original.layout!.lines.length);
  });
});
