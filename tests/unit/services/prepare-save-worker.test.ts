import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { prepareSaveFromBytes, type SaveInput } from '../../../electron/services/page/prepare-save';
import { savePage } from '../../../electron/services/page/save-page';
import { TextWorker, sharedTextWorker } from '../../../electron/services/text-worker/text-worker';
import { packCorrections, unpackCorrections, unpackCorrectionsInSlices } from '../../../electron/services/text-worker/packed-corrections';
import { transferablesOf } from '../../../electron/services/text-worker/jobs';
import { OFF_THREAD_DIFF_CODE_POINTS } from '../../../shared/limits';
import { arrangeText } from '../../../shared/model/moves';
import { parseSidecar } from '../../../shared/model/sidecar-io';
import type { Move } from '../../../shared/model/sidecar-schema';
import { makeTempCorpus } from './temp-corpus';

const EXT_B = '𠮷';
// CRLF on disk, an Extension B character on each line, so offsets and the line ending are both exercised.
const ORIGINAL = `第一行${EXT_B}人民曰报\r\n第二行${EXT_B}己经来了\r\n第三行${EXT_B}完\r\n`;
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const cpIndexOf = (text: string, part: string) => [...text.slice(0, text.indexOf(part))].length;

const worker = new TextWorker();
afterAll(async () => {
  await worker.close();
  await sharedTextWorker().close();
});

function input(pageBytes: Uint8Array, sidecarBytes: Uint8Array | null, req: Partial<SaveInput['req']> & { text: string }): SaveInput {
  return {
    rel: 'a/p.txt',
    fileName: 'p.txt',
    pageBytes,
    sidecarBytes,
    req: { path: 'a/p.txt', status: 'in-progress', entities: [], sourceSha256: sha(pageBytes), expectedSidecarHash: sidecarBytes === null ? null : sha(sidecarBytes), ...req },
    appVersion: '9.9.9',
    timestamp: '2026-12-07T12:00:00.000Z',
  };
}

// Runs the same input in process and as the worker's job; they must agree byte for byte.
async function bothWays(save: SaveInput) {
  const here = prepareSaveFromBytes(save);
  const there = await worker.run({ kind: 'prepare-save', input: save });
  return { here, there };
}

describe('preparing a save on the text worker', () => {
  const pageBytes = Buffer.from(ORIGINAL, 'utf8');
  const original = ORIGINAL.replace(/\r\n/g, '\n');
  // The third line moved before the first (a reading-order repair), then corrections on the arranged text.
  const thirdStart = cpIndexOf(original, '第三行');
  const moves: Move[] = [{ start: thirdStart, end: [...original].length, to: 0 }];
  const arranged = arrangeText(original, moves);
  if (!arranged.ok) throw new Error(arranged.error.message);
  const corrected = arranged.value.replace('曰', '日').replace('己', '已').replace('完', '完了');

  it('gives a byte-identical sidecar, hash, corrections and moves for a first save with moves and 𠮷', async () => {
    const text = corrected;
    const entities = [{ id: 'e1', start: cpIndexOf(text, '人民'), end: cpIndexOf(text, '人民') + 4, type: 'ORG', text: '人民日报' }];
    const rejectedEntities = [{ text: EXT_B, type: 'PER', start: 4, end: 5 }, { text: '远', type: 'LOC', start: 9000, end: 9001 }];
    const save = input(pageBytes, null, { text, moves, entities, rejectedEntities });
    const { here, there } = await bothWays(save);
    if (!here.ok || !there.ok) throw new Error('both ways should save');
    expect(Buffer.from(there.value.serialized).equals(Buffer.from(here.value.serialized, 'utf8'))).toBe(true);
    expect(there.value.sidecarHash).toBe(here.value.outcome.sidecarHash);
    expect(there.value.sidecarHash).toBe(sha(here.value.serialized));
    expect(there.value.modified).toBe(here.value.outcome.modified);
    expect(unpackCorrections(there.value.corrections)).toEqual(here.value.outcome.corrections);
    expect(there.value.moves).toEqual(moves);
    // What was built is a real sidecar: the moves, the 𠮷 offsets and the CRLF facts are in it, the far rejection dropped.
    const parsed = parseSidecar(here.value.serialized);
    if (parsed.kind !== 'ok') throw new Error(parsed.message);
    expect(parsed.sidecar.moves).toEqual(moves);
    expect(parsed.sidecar.source.lineEnding).toBe('CRLF');
    expect(parsed.sidecar.corrections.map((c) => c.corrected)).toEqual(expect.arrayContaining(['日', '已']));
    expect(parsed.sidecar.rejectedEntities).toEqual([rejectedEntities[0]]);
  });

  it('agrees on a second save over the first sidecar, keeping `created`, the saved moves and the editor\'s corrections', async () => {
    const first = prepareSaveFromBytes(input(pageBytes, null, { text: corrected, moves }));
    if (!first.ok) throw new Error(first.error.message);
    const sidecarBytes = Buffer.from(first.value.serialized, 'utf8');
    const text = corrected.replace('来了', '来啦');
    const save = { ...input(pageBytes, sidecarBytes, { text, corrections: first.value.outcome.corrections }), timestamp: '2026-12-08T08:00:00.000Z' };
    const { here, there } = await bothWays(save);
    if (!here.ok || !there.ok) throw new Error('both ways should save');
    expect(Buffer.from(there.value.serialized).equals(Buffer.from(here.value.serialized, 'utf8'))).toBe(true);
    expect(unpackCorrections(there.value.corrections)).toEqual(here.value.outcome.corrections);
    expect(there.value.moves).toEqual(moves);
    expect(here.value.serialized).toContain('"created": "2026-12-07T12:00:00.000Z"');
  });

  it('refuses the same requests with the same errors', async () => {
    const sidecar = Buffer.from('{"format":"jiaodui-sidecar"}', 'utf8');
    const refusals: SaveInput[] = [
      { ...input(pageBytes, null, { text: corrected }), req: { ...input(pageBytes, null, { text: corrected }).req, sourceSha256: sha('other') } },
      input(pageBytes, sidecar, { text: corrected }),
      input(pageBytes, null, { text: corrected, entities: [{ id: 'x', start: 0, end: 1, type: 'PER', text: '第' }, { id: 'x', start: 1, end: 2, type: 'PER', text: '三' }] }),
      input(pageBytes, null, { text: corrected, entities: [{ id: 'x', start: 0, end: 2, type: 'PER', text: '不对' }] }),
      input(pageBytes, null, { text: corrected, moves: [{ start: 0, end: 99_999, to: 0 }] }),
    ];
    const codes: string[] = [];
    for (const save of refusals) {
      const { here, there } = await bothWays(save);
      expect(here.ok).toBe(false);
      expect(there).toEqual(here);
      if (!here.ok) codes.push(here.error.code);
    }
    expect(codes).toEqual(['sidecar-changed', 'read-only', 'invalid-argument', 'invalid-argument', 'invalid-argument']);
  });

  it('saves a page above the threshold through the worker with the sidecar the in-process path builds', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `第${i}行${EXT_B}人民曰报己经来了，这是一行较长的文字`);
    const big = lines.join('\n') + '\n';
    const bigBytes = Buffer.from(big, 'utf8');
    const text = lines.map((l, i) => (i % 2 === 0 ? l.replace('曰', '日') : l)).join('\n') + '\n';
    expect(bigBytes.length + text.length).toBeGreaterThan(OFF_THREAD_DIFF_CODE_POINTS);
    const corpus = await makeTempCorpus();
    try {
      await corpus.put('big.txt', big);
      const now = new Date('2026-12-07T15:00:00.000Z');
      const saved = await savePage(corpus.root, { path: 'big.txt', text, status: 'reviewed', entities: [], sourceSha256: sha(bigBytes), expectedSidecarHash: null }, '9.9.9', () => now);
      if (!saved.ok) throw new Error(saved.error.message);
      const written = await corpus.read('big.txt.jiaodui.json');
      const expected = prepareSaveFromBytes({ ...input(bigBytes, null, { text, status: 'reviewed' }), rel: 'big.txt', fileName: 'big.txt', timestamp: now.toISOString() });
      if (!expected.ok) throw new Error(expected.error.message);
      expect(written.equals(Buffer.from(expected.value.serialized, 'utf8'))).toBe(true);
      expect(saved.value).toEqual(expected.value.outcome);
      expect(saved.value.corrections).toHaveLength(1500);
    } finally {
      await corpus.remove();
    }
  });
});

describe('the trip back from the worker', () => {
  it('unpacks corrections in slices to the same list, across slice boundaries and with 𠮷', async () => {
    const corrections = Array.from({ length: 45_001 }, (_, i) => ({ start: 2 * i, end: 2 * i + 1, original: i % 7 === 0 ? EXT_B : '己', corrected: i % 5 === 0 ? '' : `已${EXT_B}` }));
    const packed = packCorrections(corrections);
    expect(await unpackCorrectionsInSlices(packed)).toEqual(corrections);
    expect(unpackCorrections(packed)).toEqual(corrections);
  });

  it('moves only arrays that own their whole buffer, never a slice of a shared one', () => {
    const own = new Uint8Array(8);
    const shared = new Uint8Array(new ArrayBuffer(16), 4, 8);
    expect(transferablesOf({ ok: true, value: { own, shared, text: 'x' } })).toEqual([own.buffer]);
    expect(transferablesOf({ ok: false, error: { code: 'internal', message: 'no' } })).toEqual([]);
  });
});
