/// Helpers for the TEI export tests: pages built from an original, a corrected text and entity spans; jing run on
/// many documents at once; and the corrected and original readings of an exported document.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { computeCorrections } from '../../../../shared/model/corrections';
import type { Correction, EntitySpan, ReviewStatus, Sidecar } from '../../../../shared/model/sidecar-schema';
import { cpLength, cpSlice } from '../../../../shared/text/codepoints';
import { DEFAULT_EXPORT_OPTIONS, type ExportContext, type ExportOptions, type ExportPage } from '../../../../shared/export/types';

/// The TEI schema every output is validated against.
export const TEI_SCHEMA = path.resolve('tests/fixtures/schemas/tei_all.rng');

/// An entity given by type and code-point range; its text is taken from the corrected text.
export type SpanSpec = [type: string, start: number, end: number];

/// A page whose original is `original` and whose sidecar holds `corrected` (corrections computed, unless given),
/// with entity spans on the corrected text.
export function makePage(options: { original: string; corrected?: string; spans?: SpanSpec[]; corrections?: Correction[]; status?: ReviewStatus; scan?: string | null; path?: string; noSidecar?: boolean }): ExportPage {
  const corrected = options.corrected ?? options.original;
  const pagePath = options.path ?? 'pages/p1.txt';
  const entities: EntitySpan[] = (options.spans ?? []).map(([type, start, end], i) => ({ id: `e${i + 1}`, type, start, end, text: cpSlice(corrected, start, end) }));
  const source = { format: 'text' as const, sha256: 'a'.repeat(64), bytes: new TextEncoder().encode(options.original).length, encoding: 'utf-8', lineEnding: 'LF' as const };
  const sidecar: Sidecar = {
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '0.1.0' },
    status: options.status ?? 'in-progress',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    text: corrected,
    corrections: options.corrections ?? computeCorrections(options.original, corrected),
    entities,
    source: { ...source, file: pagePath, bom: false },
    lineOrigins: [],
    rejectedEntities: [],
    rejectedCorrections: [],
    moves: [],
  };
  return {
    path: pagePath,
    base: pagePath.replace(/\.[^./]*$/, ''),
    originalText: options.original,
    source,
    layoutXml: null,
    layout: null,
    sidecar: options.noSidecar ? null : sidecar,
    scan: options.scan ?? null,
  };
}

/// An export context with the given options.
export function makeContext(options: Partial<ExportOptions> = {}): ExportContext {
  return { appVersion: '0.1.0', startedAt: '2026-12-07T16:50:38.000Z', options: { ...DEFAULT_EXPORT_OPTIONS, ...options } };
}

/// Validates every document with one jing run; returns jing's complaints (empty when all are valid).
export function jingErrors(documents: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tei-jing-'));
  try {
    const files = documents.map((xml, i) => {
      const file = path.join(dir, `doc-${i}.xml`);
      fs.writeFileSync(file, xml, 'utf8');
      return file;
    });
    try {
      execFileSync('jing', [TEI_SCHEMA, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return '';
    } catch (error) {
      const e = error as { stdout?: string; status?: number };
      return `jing exit ${e.status}: ${e.stdout ?? ''}`;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/// Runs jing on `documents` plus one invalid document of its own (to prove in the same run that jing reports
/// errors): the documents jing found fault with, other than that one, with its messages.
export function jingErrorsApartFromAWrongOne(documents: readonly string[]): string[] {
  const first = documents[0] ?? '';
  const wrong = first.replace('<teiHeader>', '<teiHeader><notTei/>');
  const output = jingErrors([...documents, wrong]);
  const lines = output.split('\n').filter((line) => /doc-\d+\.xml:/.test(line));
  const wrongName = `doc-${documents.length}.xml:`;
  if (!lines.some((line) => line.includes(wrongName))) return [`jing did not reject the invalid document: ${output}`];
  return lines.filter((line) => !line.includes(wrongName));
}

/// Whether `xml` is well-formed (fast-xml-parser's validator), or its error.
export function wellFormed(xml: string): true | string {
  const result = XMLValidator.validate(xml);
  return result === true ? true : `${result.err.code}: ${result.err.msg} (line ${result.err.line})`;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string>; '#text'?: string };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true, htmlEntities: true, parseTagValue: false });

/// The text a reader of one side of the corrections gets from every `<p>` of the document: `corr` (or `sic`) kept,
/// the other side dropped, `<lb/>` as a line break, `<g n="U+…"/>` as its character, paragraphs joined with a
/// blank line; per `<div type="page">`.
export function readings(xml: string, side: 'corr' | 'sic'): string[] {
  const pages: string[] = [];
  const walk = (nodes: OrderedNode[], inPage: string[] | null): void => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@')!;
      const attributes = node[':@'] ?? {};
      if (name === '#text') {
        if (inPage) inPage.push(String(node['#text']));
        continue;
      }
      const children = node[name] as OrderedNode[];
      if (name === 'div' && attributes.type === 'page') {
        const paragraphs: string[] = [];
        for (const child of children) {
          if (Object.keys(child).includes('p')) {
            const parts: string[] = [];
            walk(child.p as OrderedNode[], parts);
            paragraphs.push(parts.join(''));
          }
        }
        pages.push(paragraphs.join('\n\n'));
        continue;
      }
      if (inPage && name === 'lb') inPage.push('\n');
      else if (inPage && name === 'g') inPage.push(String.fromCodePoint(parseInt(attributes.n!.slice(2), 16)));
      else if (inPage && (name === 'sic' || name === 'corr') && name !== side) continue;
      else walk(children, inPage);
    }
  };
  walk(parser.parse(xml) as OrderedNode[], null);
  return pages;
}

/// Every element named `name` in the body (`<text>`) with its text content in the corrected reading, in document order.
export function elementTexts(xml: string, name: string): { attributes: Record<string, string>; text: string }[] {
  const found: { attributes: Record<string, string>; text: string }[] = [];
  const textOf = (nodes: OrderedNode[]): string =>
    nodes
      .map((node) => {
        const key = Object.keys(node).find((k) => k !== ':@')!;
        if (key === '#text') return String(node['#text']);
        if (key === 'sic') return '';
        if (key === 'lb') return '\n';
        if (key === 'g') return String.fromCodePoint(parseInt(node[':@']!.n!.slice(2), 16));
        return textOf(node[key] as OrderedNode[]);
      })
      .join('');
  const walk = (nodes: OrderedNode[], inText: boolean): void => {
    for (const node of nodes) {
      const key = Object.keys(node).find((k) => k !== ':@')!;
      if (key === '#text') continue;
      if (inText && key === name) found.push({ attributes: node[':@'] ?? {}, text: textOf(node[key] as OrderedNode[]) });
      walk(node[key] as OrderedNode[], inText || key === 'text');
    }
  };
  walk(parser.parse(xml) as OrderedNode[], false);
  return found;
}

/// Code-point length, re-exported for tests.
export { cpLength };
