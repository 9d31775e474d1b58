import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp as copyFolder, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runExport } from '../../../../electron/services/export/export';
import { importEntities } from '../../../../electron/services/export/import-entities';
import { openPage } from '../../../../electron/services/page/open-page';
import { savePage } from '../../../../electron/services/page/save-page';
import type { ImportEntitiesOutcome } from '../../../../shared/export/import-outcome';
import { correctedTextExporter } from '../../../../shared/export/formats/plain-text';
import { DEFAULT_EXPORT_OPTIONS } from '../../../../shared/export/types';
import type { EntitySpan, ReviewStatus } from '../../../../shared/model/sidecar-schema';
import { makeTempCorpus, type TempCorpus } from '../../services/temp-corpus';
import { spansJsonlExporter, spansJsonlReader } from './test-exporters';

let corpus: TempCorpus;
let work: string;
beforeEach(async () => {
  corpus = await makeTempCorpus();
  work = await mkdtemp(path.join(tmpdir(), 'jiaodui-import-entities-'));
});
afterEach(async () => {
  await corpus.remove();
  await rm(work, { recursive: true, force: true });
});

const cpOf = (text: string, sub: string) => Array.from(text.slice(0, text.indexOf(sub))).length;
const span = (text: string, sub: string, type: string, id: string): EntitySpan => ({ id, start: cpOf(text, sub), end: cpOf(text, sub) + Array.from(sub).length, type, text: sub });

async function save(root: string, rel: string, change: (text: string) => string, entities: (text: string) => EntitySpan[], status: ReviewStatus = 'reviewed') {
  const page = await openPage(root, rel);
  if (!page.ok) throw new Error(page.error.message);
  const text = change(page.value.text);
  const saved = await savePage(root, { path: rel, text, status, entities: entities(text), sourceSha256: page.value.sha256, expectedSidecarHash: page.value.sidecarHash }, '0.1.0');
  if (!saved.ok) throw new Error(saved.error.message);
}

async function sidecarOf(root: string, rel: string) {
  return JSON.parse(await readFile(path.join(root, ...`${rel}.jiaodui.json`.split('/')), 'utf8'));
}

async function run(root: string, input: string): Promise<ImportEntitiesOutcome> {
  const result = await importEntities(root, spansJsonlReader, input, { appVersion: '0.1.0' });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const pageSpans = (sidecar: { entities: EntitySpan[] }) => sidecar.entities.map(({ start, end, type, text }) => ({ start, end, type, text }));

describe('importEntities', () => {
  it('round trip: export, then import into a fresh copy of the corpus, gives identical spans (𠮷 before, inside, after)', async () => {
    await corpus.put('1950/p1.txt', '𠮷人民曰报讯：张𠮷三在北京\n会见了上海代表团𠮷。\n');
    await corpus.put('p2.txt', '无旁注的页，𠮷李四\n');
    await save(corpus.root, '1950/p1.txt', (t) => t.replace('曰', '日'), (t) => [span(t, '张𠮷三', 'PER', 'a'), span(t, '北京', 'LOC', 'b'), span(t, '上海代表团', 'ORG', 'c'), span(t, '上海', 'LOC', 'd')], 'in-progress');
    const out = path.join(work, 'out');
    const exported = await runExport(corpus.root, { formats: ['text', 'doccano'], scope: { kind: 'all' }, options: DEFAULT_EXPORT_OPTIONS }, out, {
      appVersion: '0.1.0',
      exporters: { text: correctedTextExporter, doccano: spansJsonlExporter },
    });
    expect(exported.ok && exported.value.problems).toEqual([]);

    // The fresh copy has the same pages and corrections, but its entities are gone.
    const copy = path.join(work, 'copy');
    await copyFolder(corpus.root, copy, { recursive: true });
    await save(copy, '1950/p1.txt', (t) => t, () => [], 'in-progress');
    const before = await sidecarOf(corpus.root, '1950/p1.txt');
    // p2 gets its tags from the tool: the line names a page that has no sidecar yet.
    const lines = (await readFile(path.join(out, 'spans.jsonl'), 'utf8')).trimEnd().split('\n');
    const p2 = JSON.parse(lines[1]!);
    p2.spans = [[Array.from(p2.text).indexOf('𠮷'), Array.from(p2.text).length - 1, 'PER']];
    await writeFile(path.join(out, 'spans.jsonl'), `${lines[0]}\n${JSON.stringify(p2)}\n`);

    const outcome = await run(copy, path.join(out, 'spans.jsonl'));
    expect(outcome).toMatchObject({ files: 1, documents: 2, written: ['1950/p1.txt', 'p2.txt'], unchanged: [], spans: 5, problems: [] });
    const after = await sidecarOf(copy, '1950/p1.txt');
    expect(pageSpans(after)).toEqual(pageSpans(before));
    expect(after.text).toBe(before.text);
    expect(after.corrections).toEqual(before.corrections);
    expect(after.status).toBe('in-progress');
    expect(pageSpans(await sidecarOf(copy, 'p2.txt'))).toEqual([{ start: 6, end: 9, type: 'PER', text: '𠮷李四' }]);
    // The page files themselves are never written.
    expect(await readFile(path.join(copy, 'p2.txt'), 'utf8')).toBe('无旁注的页，𠮷李四\n');

    // Importing the same again changes nothing, and spans the page had keep their ids.
    const again = await run(copy, path.join(out, 'spans.jsonl'));
    expect(again).toMatchObject({ written: [], unchanged: ['1950/p1.txt', 'p2.txt'], problems: [] });
    const sameIds = await run(corpus.root, path.join(out, 'spans.jsonl'));
    expect(sameIds.unchanged).toContain('1950/p1.txt');
  });

  it('writes nothing for a page with any mismatch and lists every one; other pages are written', async () => {
    await corpus.put('a.txt', '𠮷张三在北京\n');
    await corpus.put('b.txt', '李四𠮷\n');
    await save(corpus.root, 'a.txt', (t) => t, (t) => [span(t, '北京', 'LOC', 'keep')]);
    const before = await readFile(path.join(corpus.root, 'a.txt.jiaodui.json'), 'utf8');
    const file = path.join(work, 'in.jsonl');
    const doc = (page: string, text: string, spans: [number, number, string][]) => JSON.stringify({ page, text, spans });
    await writeFile(
      file,
      [
        // The tool's text lost the 𠮷 (as one that counts it as two units might): every span is off by one.
        doc('a.txt', '张三在北京\n', [[0, 2, 'PER'], [3, 5, 'LOC'], [5, 99, 'LOC']]),
        doc('b.txt', '李四𠮷\n', [[0, 3, 'PER']]),
        '{ broken',
      ].join('\n'),
    );
    const outcome = await run(corpus.root, file);
    expect(outcome.written).toEqual(['b.txt']);
    expect(outcome.problems.map((p) => `${p.path}|${p.code}`)).toEqual(['|malformed', 'a.txt|quote-mismatch', 'a.txt|quote-mismatch', 'a.txt|offset-out-of-range']);
    expect(outcome.problems[1]!.message).toMatch(/Span 1 \(PER 0–2, “张三”\) does not match the page: its text there is “𠮷张”/);
    expect(await readFile(path.join(corpus.root, 'a.txt.jiaodui.json'), 'utf8')).toBe(before);
    expect(pageSpans(await sidecarOf(corpus.root, 'b.txt'))).toEqual([{ start: 0, end: 3, type: 'PER', text: '李四𠮷' }]);
  });

  it('matches pages by path, by path without extension, and by file name when only one page has it', async () => {
    await corpus.put('x/p1.txt', '甲𠮷\n');
    await corpus.put('y/p2.txt', '乙𠮷\n');
    await corpus.put('y/dup.txt', '丙\n');
    await corpus.put('z/dup.txt', '丁\n');
    const file = path.join(work, 'in.jsonl');
    const doc = (page: string, text: string) => JSON.stringify({ page, text, spans: [[1, 2, 'X']] });
    await writeFile(file, [doc('x/p1', '甲𠮷\n'), doc('p2.ann', '乙𠮷\n'), doc('dup.txt', '丙\n'), doc('nowhere.txt', '戊\n'), doc('x/p1.txt', '甲𠮷\n')].join('\n'));
    const outcome = await run(corpus.root, file);
    expect(outcome.written).toEqual(['y/p2.txt']);
    expect(outcome.problems.map((p) => `${p.path}|${p.where}|${p.code}`)).toEqual(['|dup.txt|unknown-page', '|nowhere.txt|unknown-page', 'x/p1.txt|x/p1|duplicate-page']);
    expect(outcome.problems[0]!.message).toMatch(/could be any of 2 pages \(y\/dup\.txt, z\/dup\.txt\)/);
  });

  it('leaves a page whose sidecar cannot be trusted alone, and reads every file of a folder', async () => {
    await corpus.put('bad.txt', '原文𠮷\n');
    await corpus.put('bad.txt.jiaodui.json', '{ not json');
    await corpus.put('good.txt', '好𠮷\n');
    await writeFile(path.join(work, 'one.jsonl'), JSON.stringify({ page: 'bad.txt', text: '原文𠮷\n', spans: [[0, 2, 'X']] }));
    await writeFile(path.join(work, 'two.jsonl'), JSON.stringify({ page: 'good.txt', text: '好𠮷\n', spans: [[1, 2, 'X']] }));
    await writeFile(path.join(work, 'ignored.txt'), 'not an import file');
    const outcome = await run(corpus.root, work);
    expect(outcome).toMatchObject({ files: 2, documents: 2, written: ['good.txt'] });
    expect(outcome.problems.map((p) => `${p.path} ${p.code}`)).toEqual(['bad.txt sidecar-unusable']);
    expect((await corpus.read('bad.txt.jiaodui.json')).toString()).toBe('{ not json');
  });

  it('fails plainly for a missing import file or an empty folder', async () => {
    const missing = await importEntities(corpus.root, spansJsonlReader, path.join(work, 'nope.jsonl'), { appVersion: '0' });
    expect(missing.ok ? null : missing.error.message).toMatch(/cannot be found/);
    const empty = await importEntities(corpus.root, spansJsonlReader, work, { appVersion: '0' });
    expect(empty.ok ? null : empty.error.message).toMatch(/holds no \.jsonl file/);
  });
});
