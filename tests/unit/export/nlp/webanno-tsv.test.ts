import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeText, escapeValue, pageTsv, webannoTsvExporter } from '../../../../shared/export/nlp/webanno-tsv';
import { context, cpIndexOf, textPage, type SpanSpec } from './pages';

const FIXTURES = join(__dirname, '../../../fixtures/inception');
const NE_HEADER = '#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value';

interface Row {
  id: string;
  begin: number;
  end: number;
  token: string;
  labels: string[];
}

/// A test-only WebAnno TSV 3.3 reader, following the spec: header, then sentences of `#Text=` lines and token rows.
/// It rebuilds the document text as INCEpTION does (each sentence's text placed at its first token's offset, the
/// gap before it padded with spaces) and collects every entity by its label and disambiguation id.
function readTsv(tsv: string): { header: string[]; sentences: Array<{ text: string; rows: Row[] }>; text: string; entities: Array<{ label: string; begin: number; end: number }> } {
  const lines = tsv.split('\n');
  expect(lines.at(-1), 'the file ends with a line break').toBe('');
  const header: string[] = [];
  let i = 0;
  while (lines[i] !== '') header.push(lines[i++]!);
  expect(lines[i + 1], 'two blank lines after the header').toBe('');
  i += 1;
  const sentences: Array<{ text: string; rows: Row[] }> = [];
  for (; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (line === '') {
      sentences.push({ text: '', rows: [] });
      continue;
    }
    const current = sentences.at(-1)!;
    if (line.startsWith('#Text=')) {
      // Several #Text= lines of one sentence are the lines of its text.
      current.text += (current.text === '' ? '' : '\n') + unescapeText(line.slice(6));
      continue;
    }
    const cells = line.split('\t');
    const [begin, end] = cells[1]!.split('-').map(Number) as [number, number];
    current.rows.push({ id: cells[0]!, begin, end, token: cells[2]!, labels: cells[3] === '_' ? [] : cells[3]!.split(/(?<!\\)\|/u) });
  }
  // Rebuild the text and check every token against it.
  let text = '';
  for (const sentence of sentences) {
    const start = sentence.rows[0]!.begin;
    text = text.padEnd(start, ' ') + sentence.text;
    for (const row of sentence.rows) expect(text.slice(row.begin, row.end), `token ${row.id}`).toBe(row.token);
  }
  const open = new Map<string, { label: string; begin: number; end: number }>();
  const entities: Array<{ label: string; begin: number; end: number }> = [];
  for (const row of sentences.flatMap((s) => s.rows)) {
    for (const value of row.labels) {
      const m = /^(.*?)(?:\[(\d+)\])?$/u.exec(value)!;
      const key = m[2] ?? `single-${row.id}-${value}`;
      const entity = open.get(key);
      if (entity && m[2] !== undefined) entity.end = row.end;
      else {
        const created = { label: m[1]!, begin: row.begin, end: row.end };
        open.set(key, created);
        entities.push(created);
      }
    }
  }
  return { header, sentences, text, entities };
}

function unescapeText(text: string): string {
  return text.replace(/\\([tnfrb\\])/gu, (_m, c: string) => ({ t: '\t', n: '\n', f: '\f', r: '\r', b: '\b', '\\': '\\' })[c]!);
}

function tsvOf(text: string, spans: SpanSpec[] = []): string {
  return pageTsv(textPage('p.txt', text, spans));
}

describe('WebAnno TSV 3.3 export', () => {
  it('reproduces the spec example for a supplementary-plane character: offsets in UTF-16 units, 😊 counting 2', () => {
    const reference = readFileSync(join(FIXTURES, 'spec-supplementary-plane.tsv'), 'utf8');
    const text = 'I like it 😊 .';
    const ours = tsvOf(text, [[cpIndexOf(text, '😊'), cpIndexOf(text, '😊') + 1, 'MISC']]);
    // The spec's rows have no trailing tab and `*` (an entity without a value); ours carry the writer's trailing tab
    // and the entity's type.
    const expected = reference.replace('\t*\n', '\tMISC\n').replace(/^(\d+-\d+\t.*)$/gmu, '$1\t');
    expect(ours).toBe(expected);
  });

  it('writes stacked multi-token entities exactly as INCEpTION\'s writer does (reference file, same layer shape)', () => {
    const reference = readFileSync(join(FIXTURES, 'multi-token-stacked.reference.tsv'), 'utf8');
    const ours = tsvOf('This is a test .', [
      [0, 16, 'PERSON'],
      [0, 16, 'LOCATION'],
    ]);
    expect(ours).toBe(reference.replace('#T_SP=webanno.custom.Span|value', NE_HEADER));
  });

  it('counts 𠮷 as two UTF-16 units, one token, inside and around entities; every entity cuts its own text', () => {
    const text = '𠮷田先生在东京，𠮷野家在北京。';
    const spans: SpanSpec[] = [
      [0, 2, 'PER'],
      [cpIndexOf(text, '东京'), cpIndexOf(text, '东京') + 2, 'LOC'],
      [cpIndexOf(text, '北京'), cpIndexOf(text, '北京') + 2, 'LOC'],
    ];
    const tsv = tsvOf(text, spans);
    const lines = tsv.split('\n');
    expect(lines.slice(0, 6)).toEqual(['#FORMAT=WebAnno TSV 3.3', NE_HEADER, '', '', `#Text=${text}`, '1-1\t0-2\t𠮷\tPER[1]\t']);
    expect(lines[6]).toBe('1-2\t2-3\t田\tPER[1]\t');
    expect(lines).toContain('1-6\t6-7\t东\tLOC[2]\t');
    expect(lines).toContain('1-9\t9-11\t𠮷\t_\t');
    const read = readTsv(tsv);
    expect(read.text).toBe(text);
    expect(read.entities.map((e) => [e.label, read.text.slice(e.begin, e.end)])).toEqual([
      ['PER', '𠮷田'],
      ['LOC', '东京'],
      ['LOC', '北京'],
    ]);
  });

  it('splits sentences and lines like the other NLP exports, one #Text= line per text line, offsets running across the page', () => {
    const text = '记者张\n三报道。今天 晴！\nHello world, fine.\n\n完';
    const tsv = tsvOf(text, [[2, 5, 'PER']]);
    const read = readTsv(tsv);
    expect(read.sentences.map((s) => s.text)).toEqual(['记者张\n三报道。', '今天 晴！', 'Hello world, fine.', '完']);
    expect(tsv).toContain('#Text=记者张\n#Text=三报道。\n1-1\t0-1\t记\t_\t');
    expect(read.sentences[2]!.rows.map((r) => r.token)).toEqual(['Hello', 'world', ',', 'fine', '.']);
    expect(read.entities.map((e) => [e.label, text.slice(e.begin, e.end)])).toEqual([['PER', '张\n三']]);
    // The rebuilt text matches the page wherever the page has tokens (INCEpTION pads the gaps between sentences).
    for (const sentence of read.sentences) for (const row of sentence.rows) expect(text.slice(row.begin, row.end)).toBe(row.token);
  });

  it('gives nested and overlapping entities stacked labels with disambiguation ids, and a single-token entity none unless stacked', () => {
    const text = '北京大学校长在上海';
    const tsv = tsvOf(text, [
      [0, 4, 'ORG'],
      [0, 2, 'LOC'],
      [3, 6, 'MISC'],
      [7, 8, 'LOC'],
      [8, 9, 'LOC'],
    ]);
    const rows = tsv.split('\n').filter((l) => /^\d/u.test(l));
    expect(rows).toEqual([
      '1-1\t0-1\t北\tORG[1]|LOC[2]\t',
      '1-2\t1-2\t京\tORG[1]|LOC[2]\t',
      '1-3\t2-3\t大\tORG[1]\t',
      '1-4\t3-4\t学\tORG[1]|MISC[3]\t',
      '1-5\t4-5\t校\tMISC[3]\t',
      '1-6\t5-6\t长\tMISC[3]\t',
      '1-7\t6-7\t在\t_\t',
      '1-8\t7-8\t上\tLOC\t',
      '1-9\t8-9\t海\tLOC\t',
    ]);
    const read = readTsv(tsv);
    expect(read.entities.map((e) => [e.label, text.slice(e.begin, e.end)]).sort()).toEqual(
      [
        ['ORG', '北京大学'],
        ['LOC', '北京'],
        ['MISC', '学校长'],
        ['LOC', '上'],
        ['LOC', '海'],
      ].sort(),
    );
  });

  it('cuts a letter run at an entity boundary so the entity covers whole tokens', () => {
    const text = 'Londoners 𠮷';
    const tsv = tsvOf(text, [[0, 6, 'LOC']]);
    const rows = tsv.split('\n').filter((l) => /^\d/u.test(l));
    expect(rows).toEqual(['1-1\t0-6\tLondon\tLOC\t', '1-2\t6-9\ters\t_\t', '1-3\t10-12\t𠮷\t_\t']);
  });

  it('trims an entity that starts or ends on whitespace to its tokens, and leaves out one that covers only whitespace', () => {
    const text = '甲 乙丙 丁';
    const tsv = tsvOf(text, [
      [1, 4, 'PER'],
      [4, 5, 'LOC'],
    ]);
    const read = readTsv(tsv);
    expect(read.entities.map((e) => [e.label, read.text.slice(e.begin, e.end)])).toEqual([['PER', '乙丙']]);
  });

  it('escapes values and #Text lines as the spec says', () => {
    expect(escapeValue('A_B|C[1];x->y*\\z\tq\n')).toBe('A\\_B\\|C\\[1\\]\\;x\\->y\\*\\\\z\\tq\\n');
    expect(escapeText('a\tb\\c\fd\u0001e')).toBe('a\\tb\\\\c\\fd\\\u0001e');
    const tsv = tsvOf('甲\t乙\\丙', [[0, 1, 'NE_X']]);
    expect(tsv).toContain('#Text=甲\\t乙\\\\丙\n1-1\t0-1\t甲\tNE\\_X\t\n1-2\t2-3\t乙\t_\t\n1-3\t3-4\t\\\t_\t\n1-4\t4-5\t丙\t_\t\n');
  });

  it('writes a page without tokens as the header alone, and one <base>.tsv per page', () => {
    expect(tsvOf(' \n ')).toBe(`#FORMAT=WebAnno TSV 3.3\n${NE_HEADER}\n\n`);
    const result = webannoTsvExporter.exportPage(textPage('a/b/p1.txt', '张三'), context());
    expect(result.ok && result.files.map((f) => f.path)).toEqual(['a/b/p1.tsv']);
  });
});
