import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IgnoreStore, parseIgnoreFile } from '../../../electron/services/app/ignore-store';
import { corpusDataDir } from '../../../electron/services/app/corpus-data-dir';
import { ignoreFileSchema } from '../../../shared/learning/ignore-list';
import { errorWords } from '../../../renderer/i18n/error-words';

let work: string;
let stateFile: string;
const root = path.join(tmpdir(), 'some-corpus-𠮷');
const NOW = new Date('2026-12-07T20:00:00.000Z');

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'jiaodui-ignore-'));
  stateFile = path.join(work, 'state.json');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const store = () => new IgnoreStore(stateFile, root, () => NOW);
const entity = { kind: 'entity', rule: 'segmenter', text: '𠮷野', type: 'PER' } as const;
const ocr = { kind: 'ocr', rule: 'look-alike', text: '卡', replacement: '十' } as const;

describe('the ignore store', () => {
  it('starts empty without a file, and creates nothing by reading', async () => {
    expect(await store().read()).toEqual({ ok: true, value: { entries: [], problem: null } });
    await expect(readdir(path.dirname(store().dir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('adds entries once, stamped, in the corpus data folder beside the state file, with root.txt', async () => {
    const s = store();
    await s.add(entity);
    await s.add(ocr);
    const again = await s.add({ ...entity });
    expect(again.ok && again.value.entries).toEqual([
      { ...entity, added: NOW.toISOString() },
      { ...ocr, added: NOW.toISOString() },
    ]);
    expect(s.file).toBe(path.join(corpusDataDir(stateFile, root), 'ignored.json'));
    const onDisk = ignoreFileSchema.parse(JSON.parse(await readFile(s.file, 'utf8')));
    expect(onDisk.entries).toHaveLength(2);
    expect(await readFile(path.join(s.dir, 'root.txt'), 'utf8')).toBe(`${path.resolve(root)}\n`);
    // Written atomically: no temporary file is left beside it.
    expect((await readdir(s.dir)).sort()).toEqual(['ignored.json', 'root.txt']);
    // A new store (the app restarted) reads the same list.
    expect(await store().read()).toEqual({ ok: true, value: { entries: onDisk.entries, problem: null } });
  });

  it('removes the entry equal to a target, whatever its time', async () => {
    const s = store();
    await s.add(entity);
    await s.add(ocr);
    const after = await s.remove(entity);
    expect(after.ok && after.value.entries.map((e) => e.kind)).toEqual(['ocr']);
    expect(await store().read()).toMatchObject({ ok: true, value: { entries: [{ kind: 'ocr' }] } });
  });

  it('runs concurrent changes one at a time, losing none', async () => {
    const s = store();
    await Promise.all(['甲', '乙', '丙', '丁', '𠮷'].map((text) => s.add({ ...entity, text })));
    const list = await s.read();
    expect(list.ok && list.value.entries.map((e) => e.text).sort()).toEqual(['丁', '丙', '乙', '甲', '𠮷'].sort());
  });

  it('reports a corrupt file, uses it as empty, does not touch it on reading, and keeps it aside before writing', async () => {
    const s = store();
    await mkdir(s.dir, { recursive: true });
    await writeFile(s.file, '{"format":"jiaodui-ignore-list","version":1,"entries":[{"kind":"entity"}]}');
    const read = await s.read();
    expect(read.ok && read.value.entries).toEqual([]);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.problem?.message).toMatch(/not a valid ignore list/);
    expect(read.value.problem?.messageId).toBe('ignore.malformed');
    // The first problem is a reason: the field as written in the file, what is wrong in the UI language.
    expect(read.value.problem?.message).toBe('ignored.json is not a valid ignore list (entries[0].rule is missing); it is not used, and is kept aside when the list is next changed.');
    expect(errorWords('zh-CN', read.value.problem!)).toBe('ignored.json 不是有效的忽略列表（缺少 entries[0].rule）；该列表未被使用，下次更改列表时会将其另存一旁。');
    expect(await readFile(s.file, 'utf8')).toContain('"kind":"entity"');

    const added = await s.add(ocr);
    expect(added.ok && added.value).toEqual({ entries: [{ ...ocr, added: NOW.toISOString() }], problem: null });
    const files = await readdir(s.dir);
    const aside = files.find((f) => f.startsWith('ignored.json.broken-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(s.dir, aside!), 'utf8')).toContain('"kind":"entity"');
  });

  it('words each kind of schema problem in Chinese, with the field as written in the file', () => {
    const zhOf = (file: unknown) => errorWords('zh-CN', parseIgnoreFile(JSON.stringify(file)).problem!);
    expect(zhOf({ format: 'jiaodui-ignore-list', version: 1, entries: 'none' })).toContain('（entries 必须是列表）');
    expect(zhOf({ format: 'jiaodui-ignore-list', version: 1, entries: [{ kind: 'ocr', rule: 'r', text: '𠮷', replacement: 5, added: '2026-12-08T00:00:00Z' }] })).toContain('（entries[0].replacement 必须是文本）');
    expect(zhOf({ format: 'jiaodui-ignore-list', version: 1, entries: [{ kind: 'ocr', rule: '', text: '𠮷', replacement: '', added: '2026-12-08T00:00:00Z' }] })).toContain('（entries[0].rule 至少需要 1 个字符）');
    expect(zhOf({ format: 'jiaodui-ignore-list', version: 1, entries: [{ kind: 'ocr', rule: 'r', text: '𠮷', replacement: '', added: 'today' }] })).toContain('（entries[0].added 的格式不符合要求）');
    expect(zhOf({ format: 'jiaodui-ignore-list', version: 1, entries: [], more: 1 })).toContain('（ignored.json 含有校对不认识的字段：more）');
    expect(zhOf([])).toContain('（ignored.json 必须是对象）');
  });

  it('words JSON that does not parse', () => {
    const notJson = parseIgnoreFile('{not json').problem;
    expect(notJson?.message).toMatch(/not valid JSON/);
    expect(errorWords('zh-CN', notJson!)).toBe('ignored.json 不是有效的 JSON；该列表未被使用，下次更改列表时会将其另存一旁。');
    expect(parseIgnoreFile(JSON.stringify({ format: 'jiaodui-ignore-list', version: 1, entries: [] }))).toEqual({ entries: [], problem: null });
  });
});
