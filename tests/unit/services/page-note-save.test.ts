import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { parseSidecar } from '../../../shared/model/sidecar-io';
import { sidecarSchema } from '../../../shared/model/sidecar-schema';
import type { PageData, SaveRequest } from '../../../shared/ipc/contract';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

const EXT_B = '𠮷';
let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
  await corpus.put('p.txt', `${EXT_B}己经来了\n`);
});
afterEach(async () => {
  await corpus.remove();
});

async function openOk(): Promise<PageData> {
  const r = await openPage(corpus.root, 'p.txt');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function save(page: PageData, patch: Partial<SaveRequest>) {
  const r = await savePage(corpus.root, { path: page.path, text: page.text, status: page.status, entities: page.entities, sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash, ...patch }, '0.1.0');
  if (!r.ok) throw new Error(r.error.message);
  return { outcome: r.value, json: JSON.parse((await corpus.read('p.txt.jiaodui.json')).toString('utf8')) as Record<string, unknown> };
}

describe('the page note in the sidecar', () => {
  it('writes version 3 without a note and version 4 with one, which reopens with the note', async () => {
    const first = await save(await openOk(), { text: `${EXT_B}已经来了\n`, corrections: [{ start: 1, end: 2, original: '己', corrected: '已', rule: 'look-alike' }] });
    expect(first.json.schemaVersion).toBe(3);
    expect('note' in first.json).toBe(false);
    expect(first.outcome.stats).toMatchObject({ hand: 0, rule: 1, note: null });

    const second = await save(await openOk(), { note: `  缺第二栏 ${EXT_B}  ` });
    expect(second.json.schemaVersion).toBe(4);
    expect(second.json.note).toBe(`缺第二栏 ${EXT_B}`);
    expect(second.outcome.stats.note).toBe(`缺第二栏 ${EXT_B}`);
    expect((await openOk()).note).toBe(`缺第二栏 ${EXT_B}`);
  });

  it('keeps the note when a save sends none (a batch replace), and removes it when the note is blank', async () => {
    await save(await openOk(), { note: '版面错乱' });
    const kept = await save(await openOk(), { status: 'in-progress' });
    expect(kept.json.note).toBe('版面错乱');
    const removed = await save(await openOk(), { note: '   ' });
    expect('note' in removed.json).toBe(false);
    expect(removed.json.schemaVersion).toBe(3);
    expect((await openOk()).note).toBeUndefined();
  });

  it('refuses a version 3 sidecar carrying a note (older readers would refuse it too), and a note that is too long', async () => {
    const { json } = await save(await openOk(), { note: '甲' });
    expect(parseSidecar(JSON.stringify({ ...json, schemaVersion: 3 })).kind).toBe('schema');
    expect(parseSidecar(JSON.stringify(json)).kind).toBe('ok');
    expect(sidecarSchema.safeParse({ ...json, note: '长'.repeat(501) }).success).toBe(false);
    expect(parseSidecar(JSON.stringify({ ...json, schemaVersion: 5 })).kind).toBe('newer-version');
  });
});
