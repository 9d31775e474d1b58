import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { readTagsetFile, writeTagsetFile } from '../../../electron/services/entities/tagset-file';
import { DEFAULT_TAGSET, TAGSET_FILE_NAME, type Tagset } from '../../../shared/entities/tagset';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';
import { errorWords } from '../../../renderer/i18n/error-words';

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(() => corpus.remove());

const renamed: Tagset = {
  ...DEFAULT_TAGSET,
  types: [...DEFAULT_TAGSET.types.map((t) => (t.id === 'PER' ? { ...t, label: '人物', colour: '#123456' } : t)), { id: 'WORK', label: '作品𠮷', colour: '#abcdef', key: 'w' }],
};

describe('readTagsetFile', () => {
  it('gives the default tag set when the corpus has no tag-set file', async () => {
    const info = await readTagsetFile(corpus.root);
    expect(info.ok && info.value).toEqual({ tagset: DEFAULT_TAGSET, origin: 'default', problem: null, fileHash: null });
  });

  it('gives the default with a plain-words problem for a malformed file, and leaves the file alone', async () => {
    await corpus.put(TAGSET_FILE_NAME, '{"format":"jiaodui-tagset","version":1,"types":[{"id":"PER","label":"x","colour":"red"}]}');
    const info = await readTagsetFile(corpus.root);
    if (!info.ok) throw new Error(info.error.message);
    expect(info.value.origin).toBe('default');
    expect(info.value.tagset).toEqual(DEFAULT_TAGSET);
    expect(info.value.problem?.message).toContain('types[0].colour');
    expect(info.value.problem).toMatchObject({ messageId: 'tagset.malformed', values: { file: TAGSET_FILE_NAME } });
    // Worded in Chinese in the renderer: the field's path as written in the file, the rule in Chinese.
    expect(errorWords('zh-CN', info.value.problem!)).toBe('jiaodui.tagset.json 不是有效的类型集：types[0].colour：颜色写作 #rrggbb');
    expect(errorWords('en', info.value.problem!)).toBe('jiaodui.tagset.json does not describe a valid tag set: types[0].colour: a colour is written #rrggbb');
    expect(info.value.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await corpus.read(TAGSET_FILE_NAME)).toString()).toContain('"red"');
  });

  it('shows the first of several problems with the count of the others, and lists them all in English', async () => {
    const types = [{ id: '1st', label: '', colour: '#123456', key: '1' }, { id: 'LOC', label: '地名', colour: '#654321', key: '1' }];
    await corpus.put(TAGSET_FILE_NAME, JSON.stringify({ format: 'jiaodui-tagset', version: 1, types, extra: true }));
    const info = await readTagsetFile(corpus.root);
    if (!info.ok) throw new Error(info.error.message);
    expect(info.value.problem?.messageId).toBe('tagset.malformedMore');
    expect(info.value.problem?.message).toContain('types[0].id: a type id is a letter followed by up to 31 letters, digits, _ or -; ');
    expect(info.value.problem?.message).toContain('types[0].label: a type needs a label');
    expect(info.value.problem?.message).toContain('jiaodui.tagset.json has a field Jiaodui does not know: extra');
    expect(info.value.problem?.message).toContain('types: the shortcut key "1" is used twice');
    expect(errorWords('zh-CN', info.value.problem!)).toBe('jiaodui.tagset.json 不是有效的类型集：types[0].id：类型 ID 以字母开头，后接最多 31 个字母、数字、_ 或 -（另有 3 个问题）');
  });

  it('reports bad JSON as a problem too', async () => {
    await corpus.put(TAGSET_FILE_NAME, '{ not json');
    const info = await readTagsetFile(corpus.root);
    if (!info.ok) throw new Error(info.error.message);
    expect(info.value.problem?.message).toContain('not valid JSON');
    expect(errorWords('zh-CN', info.value.problem!)).toBe('jiaodui.tagset.json 不是有效的 JSON。');
  });
});

describe('writeTagsetFile', () => {
  it('writes a valid tag set that reads back the same, with a file hash', async () => {
    const saved = await writeTagsetFile(corpus.root, { tagset: renamed, expectedFileHash: null });
    if (!saved.ok) throw new Error(saved.error.message);
    const read = await readTagsetFile(corpus.root);
    expect(read.ok && read.value).toEqual(saved.value);
    expect(saved.value.tagset.types.at(-1)).toEqual({ id: 'WORK', label: '作品𠮷', colour: '#abcdef', key: 'w' });
    expect(saved.value.origin).toBe('file');
  });

  it('refuses when the file changed since it was loaded', async () => {
    const first = await writeTagsetFile(corpus.root, { tagset: DEFAULT_TAGSET, expectedFileHash: null });
    expect(first.ok).toBe(true);
    const stale = await writeTagsetFile(corpus.root, { tagset: renamed, expectedFileHash: null });
    expect(!stale.ok && stale.error.code).toBe('sidecar-changed');
    const again = await writeTagsetFile(corpus.root, { tagset: renamed, expectedFileHash: first.ok ? first.value.fileHash : null });
    expect(again.ok).toBe(true);
  });

  it('refuses an invalid tag set (duplicate keys) without writing', async () => {
    const bad: Tagset = { ...DEFAULT_TAGSET, types: DEFAULT_TAGSET.types.map((t) => ({ ...t, key: '1' })) };
    const saved = await writeTagsetFile(corpus.root, { tagset: bad, expectedFileHash: null });
    expect(!saved.ok && saved.error.code).toBe('invalid-argument');
    expect(await readdir(corpus.root)).toEqual([]);
  });

  it('does not overwrite a malformed file unless told to, and then keeps it aside', async () => {
    await corpus.put(TAGSET_FILE_NAME, '{ broken');
    const loaded = await readTagsetFile(corpus.root);
    const hash = loaded.ok ? loaded.value.fileHash : null;
    const refused = await writeTagsetFile(corpus.root, { tagset: renamed, expectedFileHash: hash });
    expect(!refused.ok && refused.error.code).toBe('read-only');
    expect((await corpus.read(TAGSET_FILE_NAME)).toString()).toBe('{ broken');

    const replaced = await writeTagsetFile(corpus.root, { tagset: renamed, expectedFileHash: hash, replaceMalformed: true }, () => new Date('2026-01-02T03:04:05.678Z'));
    expect(replaced.ok).toBe(true);
    expect((await corpus.read(`${TAGSET_FILE_NAME}.broken-2026-01-02T03-04-05-678Z`)).toString()).toBe('{ broken');
    const read = await readTagsetFile(corpus.root);
    expect(read.ok && read.value.tagset.types[0]!.label).toBe('人物');
  });
});
