import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeSidecar } from '../../../../shared/model/sidecar-io';
import type { Sidecar } from '../../../../shared/model/sidecar-schema';
import type { LearnedStatus } from '../../../../shared/ipc/contract';
import { corpusDataDir } from '../../../../electron/services/app/corpus-data-dir';
import { LearnedEntities } from '../../../../electron/services/entities/learned-service';
import { MODEL_FILE, readModelFile } from '../../../../electron/services/entities/learned-store';
import { readTrainingPages } from '../../../../electron/services/entities/learned-pages';
import { runTextJob, type TextJob } from '../../../../electron/services/text-worker/jobs';
import { errorWords } from '../../../../renderer/i18n/error-words';

let dir: string;
let root: string;
let stateFile: string;

function sidecar(text: string, entities: Sidecar['entities']): string {
  return serializeSidecar({
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '0.1.0' },
    source: { file: 'p.txt', format: 'text', bytes: 1, sha256: 'a'.repeat(64), encoding: 'UTF-8', bom: false, lineEnding: 'LF' },
    status: 'in-progress',
    created: '2026-12-07T10:00:00.000Z',
    modified: '2026-12-07T10:00:00.000Z',
    text,
    moves: [],
    corrections: [],
    entities,
    lineOrigins: text.split('\n').map((_, i) => [i]),
    rejectedEntities: [],
    rejectedCorrections: [],
  });
}

async function writePage(name: string, text: string, entities: Sidecar['entities']): Promise<void> {
  await writeFile(path.join(root, name), text);
  await writeFile(path.join(root, `${name}.jiaodui.json`), sidecar(text, entities));
}

// The training job run in this thread (the app runs it on a worker thread).
const inThread = { run: (job: TextJob) => runTextJob(job) } as never;

function service(statuses: LearnedStatus[] = []): LearnedEntities {
  return new LearnedEntities({ stateFile, root, pages: async () => ['a.txt', 'b.txt'], worker: () => inThread, onStatus: (s) => statuses.push(s) });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-learned-'));
  root = path.join(dir, 'corpus');
  stateFile = path.join(dir, 'state', 'state.json');
  await import('node:fs/promises').then((fs) => fs.mkdir(root, { recursive: true }));
  await writePage('a.txt', '中美关系持续发展。\n𠮷中美两国元首通了电话。', [
    { id: 'e1', start: 0, end: 1, type: 'LOC', text: '中' },
    { id: 'e2', start: 1, end: 2, type: 'LOC', text: '美' },
    { id: 'e3', start: 11, end: 12, type: 'LOC', text: '中' },
  ]);
  await writePage('b.txt', '没有标注。', []);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the learned model store', () => {
  it('reads the tagged pages of a corpus, with a signature that changes with the tags', async () => {
    const first = await readTrainingPages(root, ['a.txt', 'b.txt', 'missing.txt']);
    expect(first.pages).toHaveLength(1);
    expect(first.pages[0]!.spans).toHaveLength(3);
    await writePage('b.txt', '张三来了。', [{ id: 'e9', start: 0, end: 2, type: 'PER', text: '张三' }]);
    const second = await readTrainingPages(root, ['a.txt', 'b.txt']);
    expect(second.pages).toHaveLength(2);
    expect(second.signature).not.toBe(first.signature);
  });

  it('trains when the corpus opens without a model, stores it outside the corpus, and reports it', async () => {
    const statuses: LearnedStatus[] = [];
    const learned = service(statuses);
    const status = await learned.train();
    expect(status).toMatchObject({ tags: 3, pages: 1, training: false, problem: null });
    expect(status.trainedAt).not.toBeNull();
    expect(statuses.some((s) => s.training)).toBe(true);
    const read = await readModelFile(stateFile, root);
    expect(read.kind).toBe('ok');
    expect(await readdir(root)).toEqual(['a.txt', 'a.txt.jiaodui.json', 'b.txt', 'b.txt.jiaodui.json']);
    const folder = corpusDataDir(stateFile, root);
    expect((await readFile(path.join(folder, 'root.txt'), 'utf8')).trim()).toBe(path.resolve(root));
    // Only the model and root.txt: no temporary file left behind by the atomic write.
    expect((await readdir(folder)).sort()).toEqual([MODEL_FILE, 'root.txt']);
    learned.close();
  });

  it('skips training when the tags did not change, and trains again when they did', async () => {
    const learned = service();
    const first = await learned.train();
    const again = await learned.train();
    expect(again.trainedAt).toBe(first.trainedAt);
    await writePage('b.txt', '张三来了。', [{ id: 'e9', start: 0, end: 2, type: 'PER', text: '张三' }]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const third = await learned.train();
    expect(third.tags).toBe(4);
    expect(third.pages).toBe(2);
    learned.close();
  });

  it('loads a stored model when the corpus opens again', async () => {
    const first = service();
    const trained = await first.train();
    first.close();
    const second = service();
    expect(await second.status()).toMatchObject({ trainedAt: trained.trainedAt, tags: 3 });
    expect((await second.model())?.format).toBe('jiaodui-entity-model');
    second.close();
  });

  it('retrains over a damaged model file instead of failing', async () => {
    const folder = corpusDataDir(stateFile, root);
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
    await writeFile(path.join(folder, MODEL_FILE), '{"format": "jiaodui-entity-model", "version": 1, "types": ["LOC"], "hashes": "!!"');
    expect((await readModelFile(stateFile, root)).kind).toBe('unusable');
    const learned = service();
    const loaded = await learned.status();
    expect(loaded.problem?.message).toContain('not valid JSON');
    expect(loaded.problem?.messageId).toBe('learned.notJson');
    expect(errorWords('zh-CN', loaded.problem!)).toBe('实体模型文件不是有效的 JSON。');
    const status = await learned.train();
    expect(status).toMatchObject({ tags: 3, problem: null });
    expect((await readModelFile(stateFile, root)).kind).toBe('ok');
    learned.close();
  });
});
