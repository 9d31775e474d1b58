import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelStudioExporter } from '../../../../shared/export/annotation/label-studio';
import { labelStudioConfig } from '../../../../shared/export/annotation/label-studio-config';
import { parseLabelStudio } from '../../../../shared/export/importers/label-studio';
import { EXPORTERS } from '../../../../shared/export/registry';
import { CONTEXT, EXT_B, TEXT_A, TEXT_B, expected, ordered, pageWith, runCollection, spanOf, spansA, spansB } from './fixtures';

const region = (start: number, end: number, labels: string[], text?: string, extra: Record<string, unknown> = {}) => ({
  id: `r${start}`,
  from_name: 'label',
  to_name: 'text',
  type: 'labels',
  value: { start, end, labels, ...(text === undefined ? {} : { text }) },
  ...extra,
});

describe('Label Studio tasks export', () => {
  it('is registered under its format name and writes the tasks array with the config beside it', () => {
    expect(EXPORTERS['label-studio']).toBe(labelStudioExporter);
    const text = `${EXT_B}王${EXT_B}五`;
    const { content } = runCollection(labelStudioExporter, [pageWith('p1.txt', text, [spanOf(text, `王${EXT_B}五`, 'PER', 'x')])]);
    expect(JSON.parse(content)).toEqual([
      {
        data: { text, page: 'p1.txt' },
        annotations: [{ result: [{ id: 'e1', from_name: 'label', to_name: 'text', type: 'labels', origin: 'manual', value: { start: 1, end: 4, text: `王${EXT_B}五`, labels: ['PER'] } }] }],
      },
    ]);
    expect(labelStudioExporter.extraFiles!(CONTEXT).map((f) => f.path)).toEqual(['label-studio-config.xml']);
  });

  it('lists the default tag set and every other type the pages used in the config, which xmllint finds well-formed', () => {
    runCollection(labelStudioExporter, [pageWith('a.txt', TEXT_A, spansA())]);
    const config = labelStudioExporter.extraFiles!(CONTEXT)[0]!.content;
    expect([...config.matchAll(/<Label value="([^"]+)"/g)].map((m) => m[1])).toEqual(['PER', 'LOC', 'ORG', 'DATE', 'MISC', 'EVENT']);
    expect(config).toContain('<Labels name="label" toName="text">');
    expect(config).toContain('<Text name="text" value="$text"/>');
    // A later run starts afresh.
    runCollection(labelStudioExporter, [pageWith('b.txt', TEXT_B, spansB())]);
    expect(labelStudioExporter.extraFiles!(CONTEXT)[0]!.content).not.toContain('EVENT');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-config-'));
    try {
      fs.writeFileSync(path.join(dir, 'c.xml'), labelStudioConfig(['PER', 'A&B "<x>"']));
      expect(() => execFileSync('xmllint', ['--noout', path.join(dir, 'c.xml')], { stdio: 'pipe' })).not.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips every span of every page with 𠮷 before, inside and after spans, nested and across lines', () => {
    const pages = [pageWith('scans/a.txt', TEXT_A, spansA()), pageWith('b.txt', TEXT_B, spansB(), 'in-progress')];
    const { content, problems } = runCollection(labelStudioExporter, pages);
    expect(problems).toEqual([]);
    const parse = parseLabelStudio(content, 'label-studio-tasks.json');
    expect(parse.problems).toEqual([]);
    expect(parse.documents.map((d) => [d.page, d.text])).toEqual([
      ['scans/a.txt', TEXT_A],
      ['b.txt', TEXT_B],
    ]);
    expect(ordered(parse.documents[0]!.spans)).toEqual(ordered(expected(spansA())));
    expect(ordered(parse.documents[1]!.spans)).toEqual(ordered(expected(spansB())));
  });

  it('gives an unreviewed page without entities no annotation (Label Studio offers it for labelling); a reviewed one an empty one', () => {
    const { content } = runCollection(labelStudioExporter, [pageWith('u.txt', 'abc', [], 'unreviewed'), pageWith('r.txt', 'def', [], 'reviewed')]);
    const tasks = JSON.parse(content) as Array<Record<string, unknown>>;
    expect(tasks[0]).toEqual({ data: { text: 'abc', page: 'u.txt' } });
    expect(tasks[1]).toEqual({ data: { text: 'def', page: 'r.txt' }, annotations: [{ result: [] }] });
    expect(parseLabelStudio(content, 't.json').documents).toEqual([{ page: 'r.txt', text: 'def', spans: [] }]);
  });

  it('writes a valid empty array for no pages', () => {
    expect(JSON.parse(runCollection(labelStudioExporter, []).content)).toEqual([]);
  });
});

describe('Label Studio import of files Label Studio makes', () => {
  const text = `${EXT_B}田在东京`;

  it('reads its JSON export: the newest annotation not cancelled, ids, users and other result types passed over', () => {
    const task = {
      id: 3,
      data: { text, page: 'x.txt' },
      annotations: [
        { id: 1, completed_by: 1, was_cancelled: false, created_at: '2026-01-01T00:00:00Z', result: [region(0, 2, ['PER'], `${EXT_B}田`)] },
        { id: 2, completed_by: 2, was_cancelled: false, created_at: '2026-02-01T00:00:00Z', result: [region(3, 5, ['LOC'], '东京'), { id: 'c', from_name: 'topic', to_name: 'text', type: 'choices', value: { choices: ['news'] } }, { type: 'relation', from_id: 'a', to_id: 'b', direction: 'right' }] },
        { id: 4, completed_by: 3, was_cancelled: true, created_at: '2026-03-01T00:00:00Z', result: [region(0, 1, ['MISC'])] },
      ],
      predictions: [{ model_version: 'm', result: [region(0, 5, ['ORG'])] }],
      file_upload: '1a2b3c4d-x.txt',
    };
    expect(parseLabelStudio(JSON.stringify([task]), 'export.json')).toEqual({ documents: [{ page: 'x.txt', text, spans: [{ start: 3, end: 5, type: 'LOC', quote: '东京' }] }], problems: [] });
  });

  it('takes the first prediction when there is no annotation, one span per label of a multi-label region, the quote cut from the text when the result has none', () => {
    const task = { id: 1, data: { text, page: 'y.txt' }, annotations: [], predictions: [{ result: [region(0, 2, ['PER', 'MISC'])] }] };
    expect(parseLabelStudio(JSON.stringify(task), 'one-task.json').documents[0]!.spans).toEqual([
      { start: 0, end: 2, type: 'PER', quote: `${EXT_B}田` },
      { start: 0, end: 2, type: 'MISC', quote: `${EXT_B}田` },
    ]);
  });

  it('names the page by the uploaded file when the task has no data.page (Label Studio prefixes 8 hex digits)', () => {
    const task = { id: 1, data: { text }, file_upload: '0f1e2d3c-p7.txt', annotations: [{ result: [] }] };
    expect(parseLabelStudio(JSON.stringify([task]), 't.json').documents.map((d) => d.page)).toEqual(['p7.txt']);
  });

  it('reads its JSON-MIN export (regions flat under the labels control\'s name; the newest record of a task) and the old "completions" key', () => {
    const min = [{ id: 9, text, page: 'm.txt', label: [{ start: 3, end: 5, text: '东京', labels: ['LOC'] }], annotator: 1, annotation_id: 4, lead_time: 3.2 }];
    expect(parseLabelStudio(JSON.stringify(min), 'min.json').documents).toEqual([{ page: 'm.txt', text, spans: [{ start: 3, end: 5, type: 'LOC', quote: '东京' }] }]);
    const twoAnnotations = [
      { id: 9, text, page: 'm.txt', label: [{ start: 0, end: 2, labels: ['PER'] }], annotation_id: 5, created_at: '2026-01-01T00:00:00Z' },
      { id: 9, text, page: 'm.txt', label: [{ start: 3, end: 5, labels: ['LOC'] }], annotation_id: 6, created_at: '2026-02-01T00:00:00Z' },
      { id: 10, text, page: 'n.txt', label: [{ start: 0, end: 1, labels: ['X'] }], annotation_id: 7, created_at: '2026-01-01T00:00:00Z' },
    ];
    expect(parseLabelStudio(JSON.stringify(twoAnnotations), 'min.json').documents.map((d) => [d.page, d.spans.map((s) => s.type)])).toEqual([
      ['m.txt', ['LOC']],
      ['n.txt', ['X']],
    ]);
    const old = [{ id: 1, data: { text, page: 'o.txt' }, completions: [{ result: [region(0, 2, ['PER'])] }] }];
    expect(parseLabelStudio(JSON.stringify(old), 'old.json').documents[0]!.spans).toEqual([{ start: 0, end: 2, type: 'PER', quote: `${EXT_B}田` }]);
  });

  it('puts back a region its 1.4 editor drew after 𠮷 with miscounted offsets and a \\n for the line end, by its text', () => {
    const drawn = `${EXT_B}田先生\n昨抵北京${EXT_B}祥饭店`;
    const task = { id: 1, data: { text: drawn, page: 'd.txt' }, annotations: [{ result: [region(8, 10, ['LOC'], '北京'), region(3, 8, ['ORG'], '先生\\n昨抵'), region(10, 12, ['ORG'], `${EXT_B}祥`), region(12, 14, ['MISC'], '饭店')] }] };
    expect(ordered(parseLabelStudio(JSON.stringify([task]), 'd.json').documents[0]!.spans)).toEqual([
      { start: 2, end: 7, type: 'ORG', quote: '先生\n昨抵' },
      { start: 7, end: 9, type: 'LOC', quote: '北京' },
      { start: 9, end: 11, type: 'ORG', quote: `${EXT_B}祥` },
      // Past the text's 13 code points as the file gives it, within its 15 UTF-16 units.
      { start: 11, end: 13, type: 'MISC', quote: '饭店' },
    ]);
  });

  it('keeps the file\'s offsets and quote when the quote fits no single place, so the quote check refuses the page', () => {
    const twice = `${EXT_B}${EXT_B}北京北京`;
    const task = { id: 1, data: { text: twice, page: 't.txt' }, annotations: [{ result: [region(2, 4, ['LOC'], '京北')] }] };
    expect(parseLabelStudio(JSON.stringify([task]), 't.json').documents[0]!.spans).toEqual([{ start: 2, end: 4, type: 'LOC', quote: '京北' }]);
  });
});

describe('Label Studio import problems', () => {
  it('reports a file that is not JSON', () => {
    expect(parseLabelStudio('[{"data": ', 'bad.json')).toEqual({ documents: [], problems: [expect.objectContaining({ where: 'bad.json', code: 'malformed' })] });
  });

  it('names the task of each problem and imports nothing of a task with a bad region', () => {
    const text = `${EXT_B}ab`;
    const tasks = [
      { data: { text, page: 'ok.txt' }, annotations: [{ result: [region(0, 1, ['X'])] }] },
      'a string',
      { data: { other: 1 }, annotations: [] },
      { data: { text, page: 'p.txt' }, annotations: [{ result: { not: 'a list' } }] },
      { data: { text, page: 'p.txt' }, annotations: [{ result: [region(0, 1, ['X']), region(1, 9, ['Y'])] }] },
      { data: { text, page: 'p.txt' }, annotations: [{ result: [region(2, 1, ['X'])] }] },
      { data: { text, page: 'p.txt' }, annotations: [{ result: [region(0, 1, [])] }] },
      { data: { text, page: 'p.txt' }, annotations: [{ result: ['text'] }] },
      { data: { text }, annotations: [{ result: [] }] },
    ];
    const parse = parseLabelStudio(JSON.stringify(tasks), 'p.json');
    expect(parse.documents.map((d) => d.page)).toEqual(['ok.txt']);
    expect(parse.problems.map((p) => [p.where, p.code])).toEqual([
      ['p.json#2', 'malformed'],
      ['p.json#3', 'malformed'],
      ['p.json#4', 'malformed'],
      ['p.json#5', 'offset-out-of-range'],
      ['p.json#6', 'malformed'],
      ['p.json#7', 'malformed'],
      ['p.json#8', 'malformed'],
      ['p.json#9', 'no-page'],
    ]);
  });
});
