import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHandlers, type Handlers } from '../../../../electron/services/handlers/table';
import type { LearnedStatus } from '../../../../shared/ipc/contract';
import type { StoredModel } from '../../../../shared/entities/learn/model';
import { makeTempCorpus, type TempCorpus } from '../../services/temp-corpus';
import { spansOf, tagPage } from '../../entities-services/support';

let corpus: TempCorpus;
let work: string;
let handlers: Handlers;
let events: { event: string; payload: unknown }[];

beforeEach(async () => {
  corpus = await makeTempCorpus();
  work = await realpath(await mkdtemp(path.join(tmpdir(), 'jiaodui-learned-handlers-')));
  events = [];
  handlers = createHandlers({
    dialogs: { chooseFolder: async () => null },
    emit: (event, payload) => events.push({ event, payload }),
    stateFile: path.join(work, 'state.json'),
    appVersion: '9.9.9',
    shell: 'browser',
  });
});
afterEach(async () => {
  await handlers.scanFinished();
  await handlers.close();
  await corpus.remove();
  await rm(work, { recursive: true, force: true });
});

async function value<T>(channel: string, args: unknown[]): Promise<T> {
  const r = await handlers.handle(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

// The status events until one reports a trained model that is not training.
async function trained(): Promise<LearnedStatus> {
  for (let i = 0; i < 600; i++) {
    const done = events.filter((e) => e.event === 'entities.learnedStatus').map((e) => e.payload as LearnedStatus).find((s) => s.trainedAt !== null && !s.training);
    if (done) return done;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the model was not trained within 30 s');
}

describe('entities.learnedStatus / entities.learnedModel', () => {
  it('refuse without a corpus and check their arguments', async () => {
    const r = await handlers.handle('entities.learnedStatus', []);
    expect(r.ok ? 'ok' : r.error.code).toBe('no-corpus');
    await handlers.openCorpus(corpus.root);
    const bad = await handlers.handle('entities.learnedStatus', [{ retrain: 'yes' }]);
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid-argument');
  });

  it('train on the corpus when it opens with tags and no model, report it in an event, and give the model', async () => {
    const text = '𠮷中美关系持续发展。\n';
    await corpus.put('a.txt', text);
    await tagPage(corpus.root, 'a.txt', [...spansOf(text, '中', 'LOC'), ...spansOf(text, '美', 'LOC')]);
    await handlers.openCorpus(corpus.root);
    const first = await value<LearnedStatus>('entities.learnedStatus', []);
    expect(first.tags).toBe(0);
    const status = await trained();
    expect(status).toMatchObject({ tags: 2, pages: 1, problem: null });
    const model = await value<StoredModel | null>('entities.learnedModel', []);
    expect(model?.types).toEqual(['LOC']);
    // Nothing was written into the corpus besides the page's own sidecar.
    expect((await readdir(corpus.root)).sort()).toEqual(['.jiaodui.lock', 'a.txt', 'a.txt.jiaodui.json']);
  });
});
