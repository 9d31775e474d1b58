import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { pageXmi, pageXmiBytes, xmiExporter } from '../../../../shared/export/nlp/xmi';
import { context, cpIndexOf, textPage } from './pages';

const FIXTURES = join(__dirname, '../../../fixtures/inception');

interface Annotation {
  type: string;
  id: string;
  begin: number;
  end: number;
  attrs: Record<string, string>;
}

/// A test-only reader of a CAS XMI: the sofa string (character references decoded, as an XML parser does) and
/// every annotation with its element name (namespace URI + local name turned into the UIMA type name).
function readXmi(xml: string): { sofa: string; annotations: Annotation[]; members: string[] } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, parseAttributeValue: false, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });
  const doc = parser.parse(xml) as Record<string, Array<Record<string, unknown>>>;
  const root = doc['xmi:XMI']![0]!;
  const prefixes = new Map<string, string>();
  for (const [key, value] of Object.entries(root)) {
    if (!key.startsWith('xmlns:')) continue;
    const uri = String(value);
    const pkg = uri.replace(/^http:\/\/\//u, '').replace(/\.ecore$/u, '').replaceAll('/', '.');
    prefixes.set(key.slice('xmlns:'.length), pkg);
  }
  const annotations: Annotation[] = [];
  let sofa = '';
  let members: string[] = [];
  for (const [key, elements] of Object.entries(root)) {
    if (!Array.isArray(elements)) continue;
    const [prefix, local] = key.split(':') as [string, string];
    for (const element of elements as Array<Record<string, string>>) {
      if (key === 'cas:Sofa') sofa = element.sofaString!;
      else if (key === 'cas:View') members = element.members!.split(' ');
      else if (element.begin !== undefined)
        annotations.push({ type: `${prefixes.get(prefix)}.${local}`, id: element['xmi:id']!, begin: Number(element.begin), end: Number(element.end), attrs: element });
    }
  }
  return { sofa, annotations, members };
}

function xmllint(content: string, name: string): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-xmi-'));
  const file = join(dir, name);
  writeFileSync(file, content, 'utf8');
  const result = spawnSync('/usr/bin/xmllint', ['--noout', file], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

// Evaluates an XPath 1.0 number expression over `content` with libxml2 (namespace-aware: namespace-uri() and
// local-name() are what the element's prefix resolves to, whatever the prefix).
function xpathNumber(content: string, expression: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-xmi-'));
  const file = join(dir, 'doc.xmi');
  writeFileSync(file, content, 'utf8');
  const result = spawnSync('/usr/bin/xmllint', ['--xpath', expression, file], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return Number(result.stdout.trim());
}

const NE = 'de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity';
const TOKEN = 'de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token';
const SENTENCE = 'de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence';
const META = 'de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData';

describe('UIMA CAS XMI export', () => {
  const text = '𠮷田先生在东京。\n他说：“𠮷野家\n在\t北京 & <上海>”。';
  const spans: Array<[number, number, string]> = [
    [0, 2, 'PER'],
    [cpIndexOf(text, '东京'), cpIndexOf(text, '东京') + 2, 'LOC'],
    [cpIndexOf(text, '𠮷野家'), cpIndexOf(text, '𠮷野家') + 3, 'ORG'],
    [cpIndexOf(text, '𠮷野家'), cpIndexOf(text, '𠮷野家') + 1, 'PER'],
    [cpIndexOf(text, '北京'), cpIndexOf(text, '上海') + 2, 'MISC'],
    [cpIndexOf(text, '上海'), cpIndexOf(text, '上海') + 2, 'LOC'],
  ];
  const page = textPage('scans/p1.txt', text, spans);
  const xml = pageXmi(page, context());

  it('is well-formed XML 1.0 (xmllint --noout)', () => {
    const lint = xmllint(xml, 'p1.xmi');
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('xmi:version="2.0"');
  });

  it('carries the corrected text exactly, line breaks and tabs included, as the sofa string', () => {
    const { sofa } = readXmi(xml);
    expect(sofa).toBe(text);
  });

  it('gives every entity begin/end in UTF-16 units that cut exactly its text from the sofa string, nested and overlapping ones too', () => {
    const { sofa, annotations } = readXmi(xml);
    const entities = annotations.filter((a) => a.type === NE);
    expect(entities).toHaveLength(spans.length);
    for (const span of page.sidecar!.entities) {
      const match = entities.find((a) => a.attrs.value === span.type && sofa.slice(a.begin, a.end) === span.text);
      expect(match, `${span.type} ${span.text}`).toBeDefined();
    }
    // 𠮷 is two UTF-16 units: 𠮷田 is 0-2 in code points but 0-3 in UTF-16; 东京 moves one unit right.
    expect(entities.find((a) => a.attrs.value === 'PER' && a.begin === 0)).toMatchObject({ begin: 0, end: 3 });
    const tokyo = cpIndexOf(text, '东京');
    expect(entities.find((a) => a.attrs.value === 'LOC')).toMatchObject({ begin: tokyo + 1, end: tokyo + 3 });
  });

  it('has DocumentMetaData over the whole text, sentences and tokens inside the text, and lists every annotation in the view', () => {
    const { sofa, annotations, members } = readXmi(xml);
    const meta = annotations.filter((a) => a.type === META);
    expect(meta).toHaveLength(1);
    expect(meta[0]).toMatchObject({ begin: 0, end: sofa.length });
    expect(meta[0]!.attrs).toMatchObject({ documentTitle: 'p1.txt', documentId: 'scans/p1.txt' });
    const sentences = annotations.filter((a) => a.type === SENTENCE).map((a) => sofa.slice(a.begin, a.end));
    expect(sentences).toEqual(['𠮷田先生在东京。', '他说：“𠮷野家', '在\t北京 & <上海>”。']);
    const tokens = annotations.filter((a) => a.type === TOKEN);
    expect(tokens.map((a) => sofa.slice(a.begin, a.end)).join('')).toBe(text.replace(/\s/gu, ''));
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.begin).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
    expect(tokens.find((a) => sofa.slice(a.begin, a.end) === '𠮷')).toBeDefined();
    expect(new Set(members)).toEqual(new Set(annotations.map((a) => a.id)));
  });

  it('puts every entity on whole tokens inside one sentence (INCEpTION anchors named entities to tokens)', () => {
    const { annotations } = readXmi(xml);
    const tokens = annotations.filter((a) => a.type === TOKEN);
    const sentences = annotations.filter((a) => a.type === SENTENCE);
    for (const ne of annotations.filter((a) => a.type === NE)) {
      expect(tokens.some((t) => t.begin === ne.begin), `a token starts at ${ne.begin}`).toBe(true);
      expect(tokens.some((t) => t.end === ne.end), `a token ends at ${ne.end}`).toBe(true);
      expect(sentences.some((s) => s.begin <= ne.begin && ne.end <= s.end), `one sentence holds ${ne.begin}-${ne.end}`).toBe(true);
    }
  });

  it('trims an entity that starts or ends on whitespace to its token characters, and leaves out one over whitespace only', () => {
    const out = readXmi(pageXmi(textPage('p.txt', '甲 𠮷丙 丁', [[1, 4, 'PER'], [4, 5, 'LOC']]), context()));
    const entities = out.annotations.filter((a) => a.type === NE);
    expect(entities.map((a) => [a.attrs.value, out.sofa.slice(a.begin, a.end)])).toEqual([['PER', '𠮷丙']]);
  });

  it('matches the offsets INCEpTION itself writes for a sentence with a supplementary-plane character', () => {
    const reference = readXmi(readFileSync(join(FIXTURES, 'sentence-with-emoji.reference.xmi'), 'utf8'));
    const ours = readXmi(pageXmi(textPage('doc.txt', reference.sofa, [[cpIndexOf(reference.sofa, '😊'), cpIndexOf(reference.sofa, '😊') + 1, 'MISC']]), context()));
    expect(ours.sofa).toBe(reference.sofa);
    const shape = (a: Annotation[]): string[] => a.map((x) => `${x.type} ${x.begin}-${x.end}`).sort();
    expect(shape(ours.annotations)).toEqual(shape(reference.annotations));
  });

  it('writes characters XML 1.0 cannot hold as U+FFFD, keeping offsets and well-formedness', () => {
    const odd = 'A\u0001B\u000c张三';
    const out = pageXmi(textPage('p.txt', odd, [[4, 6, 'PER']]), context());
    expect(xmllint(out, 'odd.xmi').status).toBe(0);
    const { sofa, annotations } = readXmi(out);
    expect(sofa).toBe('A\ufffdB\ufffd张三');
    const ne = annotations.find((a) => a.type === NE)!;
    expect(sofa.slice(ne.begin, ne.end)).toBe('张三');
  });

  it('ships TypeSystem.xml declaring the DKPro Core types it uses, with their features', () => {
    const files = xmiExporter.extraFiles!(context());
    expect(files.map((f) => f.path)).toEqual(['TypeSystem.xml']);
    const ts = files[0]!.content;
    expect(xmllint(ts, 'TypeSystem.xml').status).toBe(0);
    const parsed = new XMLParser({ isArray: (_name, _path, _leaf, isAttribute) => !isAttribute }).parse(ts) as {
      typeSystemDescription: Array<{ types: Array<{ typeDescription: Array<{ name: string[]; supertypeName: string[]; features: Array<{ featureDescription: Array<{ name: string[] }> }> }> }> }>;
    };
    const types = parsed.typeSystemDescription[0]!.types[0]!.typeDescription;
    const byName = new Map(types.map((t) => [t.name[0], t]));
    for (const name of [NE, TOKEN, SENTENCE, META]) expect(byName.has(name), name).toBe(true);
    expect(byName.get(NE)!.supertypeName[0]).toBe('uima.tcas.Annotation');
    expect(byName.get(NE)!.features[0]!.featureDescription.map((f) => f.name[0])).toContain('value');
    expect(byName.get(META)!.supertypeName[0]).toBe('uima.tcas.DocumentAnnotation');
    // Every type and feature the XMI uses is declared.
    for (const a of readXmi(xml).annotations) expect(byName.has(a.type), a.type).toBe(true);
  });

  it('names every element by namespace URI and local name as UIMA and DKPro Cassis resolve types, whatever its prefix', () => {
    const XMI = 'http://www.omg.org/XMI';
    const count = (uri: string, local: string) => xpathNumber(xml, `count(/*/*[namespace-uri()='${uri}' and local-name()='${local}'])`);
    expect(xpathNumber(xml, `count(/*[namespace-uri()='${XMI}' and local-name()='XMI'])`)).toBe(1);
    const { annotations } = readXmi(xml);
    const ofType = (type: string) => annotations.filter((a) => a.type === type).length;
    const dkpro = (pkg: string) => `http:///de/tudarmstadt/ukp/dkpro/core/api/${pkg}/type.ecore`;
    const expected: Array<[string, string, number]> = [
      ['http:///uima/cas.ecore', 'NULL', 1],
      [dkpro('metadata'), 'DocumentMetaData', 1],
      [dkpro('segmentation'), 'Sentence', ofType(SENTENCE)],
      [dkpro('segmentation'), 'Token', ofType(TOKEN)],
      [dkpro('ner'), 'NamedEntity', spans.length],
      ['http:///uima/cas.ecore', 'Sofa', 1],
      ['http:///uima/cas.ecore', 'View', 1],
    ];
    for (const [uri, local, n] of expected) expect(count(uri, local), `${uri} ${local}`).toBe(n);
    expect(ofType(TOKEN)).toBeGreaterThan(20);
    // Nothing else: every child of the root is one of the elements above.
    expect(xpathNumber(xml, 'count(/*/*)')).toBe(expected.reduce((sum, [, , n]) => sum + n, 0));
    // UIMA's XmiCasDeserializer reads the id attribute by its qualified name "xmi:id" and skips elements whose
    // qualified name starts with "xmi": every element but the View has an xmi:id (in the XMI namespace), and no
    // element's name starts with "xmi".
    expect(xpathNumber(xml, `count(/*/*[@*[name()='xmi:id' and namespace-uri()='${XMI}']])`)).toBe(xpathNumber(xml, 'count(/*/*)') - 1);
    expect(xpathNumber(xml, "count(/*/*[starts-with(name(), 'xmi')])")).toBe(0);
  });

  it('gives each page bytes of its own from pageXmiBytes, and a view marked transient from the exporter', () => {
    const first = pageXmiBytes(page, context());
    const other = pageXmiBytes(textPage('scans/p2.txt', '第二页。', []), context());
    expect(new TextDecoder().decode(first)).toBe(xml);
    expect(new TextDecoder().decode(other)).toContain('documentId="scans/p2.txt"');
    const result = xmiExporter.exportPage(page, context());
    if (!result.ok) throw new Error('no XMI');
    expect(result.files[0]!.transient).toBe(true);
    expect(new TextDecoder().decode(result.files[0]!.content)).toBe(xml);
  });

  it('writes one <base>.xmi per page', () => {
    const result = xmiExporter.exportPage(page, context());
    expect(result.ok && result.files.map((f) => f.path)).toEqual(['scans/p1.xmi']);
  });
});
