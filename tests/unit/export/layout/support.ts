// Helpers for the layout exporter tests: a page read from a layout fixture with an editor's work on it, the
// official schema check (xmllint, offline through the local catalog) and a re-import of the output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importLayout } from '../../../../shared/layout/detect';
import type { LayoutPage } from '../../../../shared/layout/types';
import { computeCorrections } from '../../../../shared/model/corrections';
import { arrangeText, type TextMove } from '../../../../shared/model/moves';
import type { EntitySpan, Sidecar, SourceFormat } from '../../../../shared/model/sidecar-schema';
import { DEFAULT_EXPORT_OPTIONS, type ExportContext, type ExportPage } from '../../../../shared/export/types';
import { repoRoot } from '../../layout/test-support';

export { readFixtureSync } from '../../layout/test-support';

/// The export run every test uses.
export const context: ExportContext = { appVersion: '0.1.0', startedAt: '2026-12-07T10:00:00.000Z', options: DEFAULT_EXPORT_OPTIONS };

/// What the editor did: the corrected text (on the arranged original), moves, entities.
export interface Edits {
  text?: string;
  moves?: TextMove[];
  entities?: Omit<EntitySpan, 'text'>[];
}

const SOURCE: Record<LayoutPage['format'], SourceFormat> = { alto: 'alto', hocr: 'hocr', page: 'page-xml' };

/// The layout file `xml` as the export reads it, with `edits` saved in its sidecar (no sidecar when none).
export function layoutPage(file: string, xml: string, edits?: Edits): ExportPage {
  const imported = importLayout(xml, file);
  if (!imported.ok) throw new Error(imported.error.message);
  const layout = imported.value;
  const original = layout.text;
  let sidecar: Sidecar | null = null;
  if (edits) {
    const moves = edits.moves ?? [];
    const arranged = arrangeText(original, moves);
    if (!arranged.ok) throw new Error(arranged.error.message);
    const text = edits.text ?? arranged.value;
    const cps = Array.from(text);
    sidecar = {
      schemaVersion: 3,
      format: 'jiaodui-sidecar',
      app: { name: 'jiaodui', version: '0.1.0' },
      status: 'in-progress',
      created: '2026-12-01T00:00:00.000Z',
      modified: '2026-12-01T00:00:00.000Z',
      text,
      corrections: computeCorrections(arranged.value, text),
      entities: (edits.entities ?? []).map((e) => ({ ...e, text: cps.slice(e.start, e.end).join('') })),
      source: { file, format: SOURCE[layout.format], bytes: xml.length, sha256: '0'.repeat(64), encoding: 'UTF-8', bom: false, lineEnding: 'LF' },
      lineOrigins: [],
      rejectedEntities: [],
      rejectedCorrections: [],
      moves,
    };
  }
  const dot = file.lastIndexOf('.');
  return {
    path: file,
    base: dot < 0 ? file : file.slice(0, dot),
    originalText: original,
    source: { format: SOURCE[layout.format], sha256: '0'.repeat(64), bytes: xml.length, encoding: 'UTF-8', lineEnding: 'LF' },
    layoutXml: xml,
    layout,
    sidecar,
    scan: null,
  };
}

/// Code points [start, end) of `text`'s first occurrence of `needle` (after `from`), for writing entity spans.
export function spanOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const cps = Array.from(text);
  const want = Array.from(needle);
  for (let i = from; i + want.length <= cps.length; i++) {
    if (want.every((c, k) => cps[i + k] === c)) return { start: i, end: i + want.length };
  }
  throw new Error(`"${needle}" is not in the text`);
}

/// Validates `xml` against `schema` (a file in tests/fixtures/schemas) with xmllint, offline; returns xmllint's
/// report ('' when valid).
export function schemaErrors(xml: string, schema: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jiaodui-layout-'));
  const file = path.join(dir, 'out.xml');
  writeFileSync(file, xml, 'utf8');
  const schemas = path.join(repoRoot, 'tests/fixtures/schemas');
  try {
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', path.join(schemas, schema), file], {
      env: { ...process.env, XML_CATALOG_FILES: path.join(schemas, 'catalog.xml') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return '';
  } catch (error) {
    const failed = error as { stderr?: Buffer; message: string };
    return failed.stderr?.toString('utf8') ?? failed.message;
  }
}

/// The output re-imported with Jiaodui's own importer.
export function reimport(xml: string, file: string): LayoutPage {
  const imported = importLayout(xml, file);
  if (!imported.ok) throw new Error(imported.error.message);
  return imported.value;
}

const CJK_SPACE = /(?<=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])[ ]+|[ ]+(?=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])/gu;

/// Whether two texts are equal once spaces next to CJK characters are dropped: the importers write none there
/// (shared/layout/word-spacing.ts), so a space the editor typed between two Chinese words does not come back.
export function sameModuloCjkSpacing(a: string, b: string): boolean {
  return a.replace(CJK_SPACE, '') === b.replace(CJK_SPACE, '');
}
