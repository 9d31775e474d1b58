import { describe, expect, it } from 'vitest';
import { bratExporter } from '../../../../shared/export/annotation/brat';
import { parseBratAnn } from '../../../../shared/export/importers/brat';
import { EXPORTERS } from '../../../../shared/export/registry';
import type { ExportedFile } from '../../../../shared/export/types';
import { CONTEXT, EXT_B, TEXT_A, TEXT_B, expected, ordered, pageWith, spanOf, spansA, spansB } from './fixtures';

function exportPage(...args: Parameters<typeof pageWith>): ExportedFile[] {
  const result = bratExporter.exportPage(pageWith(...args), CONTEXT);
  if (!result.ok) throw new Error(result.problem.message);
  return result.files;
}

const fileOf = (files: ExportedFile[], ending: string) => files.find((f) => f.path.endsWith(ending))!.content;

// The checks brat's own reader makes of a `T` line (server/src/annotation.py, `_parse_textbound_annotation`), done
// independently of the importer: the text read with universal newlines and indexed by code point (Python 3 str),
// `ID<tab>TYPE START END[;START END]<tab>TEXT`, every fragment inside the text and not overlapping another, and the
// text field starting with the fragments' texts joined by a space, followed by nothing or white space.
function bratReaderErrors(txt: string, ann: string): string[] {
  const text = Array.from(txt.replace(/\r\n?/g, '\n'));
  const errors: string[] = [];
  ann.split('\n').forEach((line, i) => {
    if (!line.startsWith('T')) return;
    const m = /^(T\d+)\t(\S+) ((?:\d+ \d+;)*\d+ \d+)\t(.*)$/.exec(line);
    if (!m) return void errors.push(`line ${i + 1}: bad syntax`);
    const spans = m[3]!.split(';').map((p) => p.split(' ').map(Number) as [number, number]);
    const seen: Array<[number, number]> = [];
    for (const [s, e] of spans) {
      if (s > e || e > text.length) errors.push(`line ${i + 1}: ${s}-${e} outside text`);
      if (seen.some(([os, oe]) => e >= os && s < oe)) errors.push(`line ${i + 1}: spans overlap`);
      seen.push([s, e]);
    }
    const ref = spans.map(([s, e]) => text.slice(s, e).join('')).join(' ');
    const rest = m[4]!;
    if (!rest.startsWith(ref) || (rest.length > ref.length && !/^\s/.test(rest.slice(ref.length)))) errors.push(`line ${i + 1}: text "${rest}" is not "${ref}"`);
  });
  return errors;
}

describe('brat standoff export', () => {
  it('is registered and writes brat/<base>.txt (the corrected text) and brat/<base>.ann with code-point offsets', () => {
    expect(EXPORTERS.brat).toBe(bratExporter);
    const text = `${EXT_B}王${EXT_B}五说`;
    const files = exportPage('notes/p1.txt', text, [spanOf(text, `王${EXT_B}五`, 'PER', 'x')]);
    expect(files).toEqual([
      { path: 'brat/notes/p1.txt', content: text },
      { path: 'brat/notes/p1.ann', content: `T1\tPER 1 4\t王${EXT_B}五\n` },
    ]);
    const layoutPage = { ...pageWith('scans/p2.xml', 'ab', []), base: 'scans/p2' };
    const result = bratExporter.exportPage(layoutPage, CONTEXT);
    expect(result.ok && result.files.map((f) => f.path)).toEqual(['brat/scans/p2.txt', 'brat/scans/p2.ann']);
  });

  it('writes files brat\'s reader accepts: each T line\'s text is the .txt at its code-point offsets, a span across lines in fragments', () => {
    const files = exportPage('a.txt', TEXT_A, spansA());
    const ann = fileOf(files, '.ann');
    expect(bratReaderErrors(fileOf(files, '.txt'), ann)).toEqual([]);
    const across = spanOf(TEXT_A, '商务印书馆\n总经理', 'ORG', 'e5');
    expect(ann).toContain(`\tORG ${across.start} ${across.start + 5};${across.start + 6} ${across.end}\t商务印书馆 总经理\n`);
  });

  it('round-trips every span, with the .txt and from the .ann alone', () => {
    for (const [path, text, spans] of [
      ['scans/a.txt', TEXT_A, spansA()],
      ['b.txt', TEXT_B, spansB()],
    ] as const) {
      const files = exportPage(path, text, spans);
      const rel = files[1]!.path.replace(/^brat\//, '');
      for (const txt of [fileOf(files, '.txt'), null]) {
        const parse = parseBratAnn(fileOf(files, '.ann'), txt, rel);
        expect(parse.problems).toEqual([]);
        expect(parse.documents.map((d) => [d.page, d.text])).toEqual([[path.replace(/\.txt$/, ''), txt]]);
        expect(ordered(parse.documents[0]!.spans)).toEqual(ordered(expected(spans)));
      }
    }
  });

  it('writes annotation.conf with the default tag set and the run\'s other types, then starts afresh', () => {
    exportPage('a.txt', TEXT_A, spansA());
    exportPage('c.txt', 'x y', [{ id: 'q', start: 0, end: 1, type: 'bad type', text: 'x' }]);
    const [conf] = bratExporter.extraFiles!(CONTEXT);
    expect(conf!.path).toBe('brat/annotation.conf');
    const entities = conf!.content.split('[entities]\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(entities).toEqual(['PER', 'LOC', 'ORG', 'DATE', 'MISC', 'EVENT', 'bad_type']);
    expect(conf!.content).toMatch(/\[relations\][\s\S]*\[events\][\s\S]*\[attributes\]/);
    expect(bratExporter.extraFiles!(CONTEXT)[0]!.content).not.toContain('EVENT');
  });

  it('refuses a page with a span that covers only line ends, which brat cannot mark', () => {
    const result = bratExporter.exportPage(pageWith('n.txt', 'a\n\nb', [{ id: 'n', start: 1, end: 3, type: 'X', text: '\n\n' }]), CONTEXT);
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ code: 'not-applicable' }) });
  });
});

describe('brat import of files as brat writes them', () => {
  // Shaped like the examples of brat's standoff format page (brat.nlplab.org/standoff.html): every annotation kind.
  const txt = `${EXT_B}氏公司与\r\n爱立信成立合资企业。`;
  const ann = [
    `T1\tOrganization 0 4\t${EXT_B}氏公司`,
    'T2\tMERGE-ORG 9 13\t成立合资',
    'T3\tOrganization 6 9\t爱立信',
    'E1\tMERGE-ORG:T2 Org1:T1 Org2:T3',
    'R1\tPartner Arg1:T1 Arg2:T3',
    'A1\tNegated E1',
    'M1\tConfidence E1 L1',
    'N1\tReference T1 Wikipedia:534366\tSony',
    '#1\tAnnotatorNotes T1\t公司',
    '*\tEquiv T1 T3',
    'T4\tOrg 3 5;6 7\t司与 爱',
    '',
  ].join('\r\n');

  it('reads only the text-bound annotations, over a CRLF .txt read with universal newlines, a span across the line end as one', () => {
    const parse = parseBratAnn(`\ufeff${ann}`, txt, 'sub\\doc.ann');
    expect(parse.problems).toEqual([]);
    expect(parse.documents).toEqual([
      {
        page: 'sub/doc',
        text: txt.replace('\r\n', '\n'),
        spans: [
          { start: 0, end: 4, type: 'Organization', quote: `${EXT_B}氏公司` },
          { start: 9, end: 13, type: 'MERGE-ORG', quote: '成立合资' },
          { start: 6, end: 9, type: 'Organization', quote: '爱立信' },
          { start: 3, end: 7, type: 'Org', quote: '司与\n爱' },
        ],
      },
    ]);
  });

  it('gives a document with no spans for an empty .ann (brat makes one for every text)', () => {
    expect(parseBratAnn('', 'abc', 'e.ann').documents).toEqual([{ page: 'e', text: 'abc', spans: [] }]);
  });
});

describe('brat import problems', () => {
  it('names the file and line of each bad line and gives no document', () => {
    const lines = ['T1\tPER 0 1\ta', 'T2\tPER 0\ta', 'T3 PER 0 1 a', 'T4\tPER 2 9\tcd', 'T5\tPER 1 2\tx', 'X1\tsomething', 'T6\tPER 0 1;3 4\ta d'];
    const parse = parseBratAnn(lines.join('\n'), 'abcd', 'f.ann');
    expect(parse.documents).toEqual([]);
    expect(parse.problems.map((p) => [p.where, p.code])).toEqual([
      ['f.ann:2', 'malformed'],
      ['f.ann:3', 'malformed'],
      ['f.ann:4', 'offset-out-of-range'],
      ['f.ann:5', 'quote-mismatch'],
      ['f.ann:6', 'malformed'],
      ['f.ann:7', 'malformed'],
    ]);
  });

  it('without the .txt, takes fragments one character apart as split at a line end, and refuses wider gaps', () => {
    expect(parseBratAnn('T1\tX 0 2;3 5\tab cd\n', null, 'g.ann').documents[0]!.spans).toEqual([{ start: 0, end: 5, type: 'X', quote: 'ab\ncd' }]);
    expect(parseBratAnn('T1\tX 0 2;4 5\tab d\n', null, 'g.ann').problems.map((p) => p.code)).toEqual(['malformed']);
    expect(parseBratAnn('T1\tX 0 3\tab\n', null, 'g.ann').problems.map((p) => p.code)).toEqual(['malformed']);
  });
});
