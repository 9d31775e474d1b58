import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import type { LearnedStatus } from '../../../../shared/ipc/contract';
import type { StoredModel } from '../../../../shared/entities/learn/model';
import { spansOf, tagPage } from '../../entities-services/support';
import { useHandlerTable } from '../../services/handler-table-fixture';

const t = useHandlerTable();
const { value } = t;

// The status events until one reports a trained model that is not training.
async function trained(): Promise<LearnedStatus> {
  for (let i = 0; i < 600; i++) {
    const done = t.events.filter((e) => e.event === 'entities.learnedStatus').map((e) => e.payload as LearnedStatus).find((s) => s.trainedAt !== null && !s.training);
    if (done) return done;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the model was not trained within 30 s');
}

describe('entities.learnedStatus / entities.learnedModel', () => {
  it('refuse without a corpus and check their arguments', async () => {
    const r = await t.handlers.handle('entities.learnedStatus', []);
    expect(r.ok ? 'ok' : r.error.code).toBe('no-corpus');
    await t.handlers.openCorpus(t.corpus.root);
    const bad = await t.handlers.handle('entities.learnedStatus', [{ retrain: 'yes' }]);
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid-argument');
  });

  it('train on the corpus when it opens with tags and no model, report it in an event, and give the model', async () => {
    const text = '𠮷中美关系持续发展。\n';
    await t.corpus.put('a.txt', text);
    await tagPage(t.corpus.root, 'a.txt', [...spansOf(text, '中', 'LOC'), ...spansOf(text, '美', 'LOC')]);
    await t.handlers.openCorpus(t.corpus.root);
    const first = await value<LearnedStatus>('entities.learnedStatus', []);
    expect(first.tags).toBe(0);
    const status = await trained();
    expect(status).toMatchObject({ tags: 2, pages: 1, problem: null });
    const model = await value<StoredModel | null>('entities.learnedModel', []);
    expect(model?.types).toEqual(['LOC']);
    // Nothing was written into the corpus besides the page's own sidecar.
    expect((await readdir(t.corpus.root)).sort()).toEqual(['.jiaodui.lock', 'a.txt', 'a.txt.jiaodui.json']);
  });
});
