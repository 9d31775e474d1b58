import { describe, expect, it } from 'vitest';
import { doccanoExporter } from '../../../../shared/export/annotation/doccano';
import { parseDoccano } from '../../../../shared/export/importers/doccano';
import { EXPORTERS } from '../../../../shared/export/registry';
import { EXT_B, TEXT_A, TEXT_B, expected, ordered, pageWith, runCollection, spanOf, spansA, spansB } from './fixtures';

describe('doccano JSONL export', () => {
  it('is registered under its format name', () => {
    expect(EXPORTERS.doccano).toBe(doccanoExporter);
  });

  it('writes one line per page with code-point offsets, as doccano (Python str) counts them', () => {
    const text = `${EXT_B}${EXT_B}王${EXT_B}五`;
    const { content } = runCollection(doccanoExporter, [pageWith('p1.txt', text, [spanOf(text, `王${EXT_B}五`, 'PER', 'x')])]);
    expect(content).toBe(`{"text":"${text}","label":[[2,5,"PER"]],"page":"p1.txt"}\n`);
  });

  it('round-trips every span of every page: export, then parse, gives the same spans on the same pages', () => {
    const pages = [pageWith('scans/a.txt', TEXT_A, spansA()), pageWith('b.txt', TEXT_B, spansB(), 'unreviewed')];
    const { content, problems } = runCollection(doccanoExporter, pages);
    expect(problems).toEqual([]);
    const parse = parseDoccano(content, 'doccano.jsonl');
    expect(parse.problems).toEqual([]);
    expect(parse.documents.map((d) => [d.page, d.text])).toEqual([
      ['scans/a.txt', TEXT_A],
      ['b.txt', TEXT_B],
    ]);
    expect(ordered(parse.documents[0]!.spans)).toEqual(ordered(expected(spansA())));
    expect(ordered(parse.documents[1]!.spans)).toEqual(ordered(expected(spansB())));
  });

  it('leaves out a page whose sidecar has a span past its text, with an invalid-page problem, and goes on', () => {
    const bad = pageWith('bad.txt', `${EXT_B}ab`, [{ id: 'x', start: 1, end: 4, type: 'X', text: 'abc' }]);
    const { content, problems } = runCollection(doccanoExporter, [bad, pageWith('ok.txt', 'ab', [])]);
    expect(problems).toEqual(['bad.txt: invalid-page']);
    expect(content).toBe('{"text":"ab","label":[],"page":"ok.txt"}\n');
  });

  it('leaves out a page with no text, which doccano refuses, and says why', () => {
    const { content, problems } = runCollection(doccanoExporter, [pageWith('empty.txt', '', [])]);
    expect(content).toBe('');
    expect(problems).toEqual(['empty.txt: not-applicable']);
  });
});

describe('doccano import of files doccano makes', () => {
  it('reads doccano 1.8 exports: "label" triples, the page kept as top-level metadata, id and Comments ignored', () => {
    const text = `${EXT_B}田在东京`;
    const line = JSON.stringify({ id: 7, text, page: 'p/x.txt', label: [[0, 2, 'PER'], [3, 5, 'LOC']], Comments: [] });
    const parse = parseDoccano(`${line}\r\n`, 'admin.jsonl');
    expect(parse).toEqual({
      documents: [{ page: 'p/x.txt', text, spans: [{ start: 0, end: 2, type: 'PER', quote: `${EXT_B}田` }, { start: 3, end: 5, type: 'LOC', quote: '东京' }] }],
      problems: [],
    });
  });

  it('reads relation-project exports ("entities" objects with start_offset/end_offset) and older "data"/"labels"/"meta"', () => {
    const text = 'Google was founded by Larry Page.';
    const relation = JSON.stringify({
      id: 1,
      text,
      page: 'g.txt',
      entities: [{ id: 0, start_offset: 0, end_offset: 6, label: 'ORG' }, { id: 2, start_offset: 22, end_offset: 32, label: 'PERSON' }],
      relations: [{ from_id: 0, to_id: 2, type: 'foundedBy' }],
    });
    const older = JSON.stringify({ id: 2, data: text, labels: [[22, 27, 'PER']], meta: { page: 'h.txt' }, annotation_approver: null });
    const parse = parseDoccano(`${relation}\n\n${older}\n`, 'all.jsonl');
    expect(parse.problems).toEqual([]);
    expect(parse.documents.map((d) => [d.page, d.spans.map((s) => `${s.type}:${s.quote}`)])).toEqual([
      ['g.txt', ['ORG:Google', 'PERSON:Larry Page']],
      ['h.txt', ['PER:Larry']],
    ]);
  });

  it('reads a JSON array of records as well as lines', () => {
    const parse = parseDoccano(JSON.stringify([{ text: 'ab', label: [[0, 1, 'X']], page: 'a.txt' }]), 'a.json');
    expect(parse.documents).toEqual([{ page: 'a.txt', text: 'ab', spans: [{ start: 0, end: 1, type: 'X', quote: 'a' }] }]);
  });

  it('gives no document for a line without any label key (it says nothing), and an empty one for an empty list', () => {
    const parse = parseDoccano('{"text":"ab","page":"a.txt"}\n{"text":"cd","label":[],"page":"c.txt"}\n', 'f.jsonl');
    expect(parse).toEqual({ documents: [{ page: 'c.txt', text: 'cd', spans: [] }], problems: [] });
  });
});

describe('doccano import problems', () => {
  it('names the file and line of each bad line and imports nothing of a line with a bad span', () => {
    const lines = [
      '{"text": "ok", "label": [[0, 2, "X"]], "page": "ok.txt"}',
      '{not json',
      '["a list"]',
      '{"label": [[0, 1, "X"]], "page": "p.txt"}',
      `{"text": "${EXT_B}a", "label": [[0, 1, "X"], [1, 3, "Y"]], "page": "range.txt"}`,
      '{"text": "abc", "label": [[2, 1, "X"]], "page": "rev.txt"}',
      '{"text": "abc", "label": ["positive"], "page": "cls.txt"}',
      '{"text": "abc", "label": [[0, 1, "X"]]}',
      '{"text": "abc", "label": {"a": 1}, "page": "obj.txt"}',
    ];
    const parse = parseDoccano(lines.join('\n'), 'c.jsonl');
    expect(parse.documents.map((d) => d.page)).toEqual(['ok.txt']);
    expect(parse.problems.map((p) => [p.where, p.code])).toEqual([
      ['c.jsonl:2', 'malformed'],
      ['c.jsonl:3', 'malformed'],
      ['c.jsonl:4', 'malformed'],
      ['c.jsonl:5', 'offset-out-of-range'],
      ['c.jsonl:6', 'malformed'],
      ['c.jsonl:7', 'malformed'],
      ['c.jsonl:8', 'no-page'],
      ['c.jsonl:9', 'malformed'],
    ]);
    expect(parse.problems.every((p) => p.message.length > 10)).toBe(true);
  });

  it('reports a file that starts like a JSON array but is not JSON', () => {
    expect(parseDoccano('[{"text": ', 'x.json').problems.map((p) => [p.where, p.code])).toEqual([['x.json', 'malformed']]);
  });
});

describe('doccano export of a page without a sidecar', () => {
  it('writes the layout file\'s own text and entity tags (ALTO NamedEntityTag, PAGE custom) as they were read', () => {
    const text = `${EXT_B}田\n北京`;
    const page = {
      ...pageWith('scans/p.xml', text, []),
      sidecar: null,
      layout: { format: 'alto' as const, formatVersion: '3.0', image: null, text, lines: [], entities: [{ start: 0, end: 2, type: 'PER', text: `${EXT_B}田` }, { start: 3, end: 5, type: 'LOC', text: '北京' }] },
    };
    const { content } = runCollection(doccanoExporter, [page]);
    expect(JSON.parse(content)).toEqual({ text, label: [[0, 2, 'PER'], [3, 5, 'LOC']], page: 'scans/p.xml' });
  });
});
