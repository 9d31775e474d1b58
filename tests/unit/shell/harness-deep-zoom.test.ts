import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerScanRequest } from '../../../electron/scan-protocol';
import { corpusDataDir } from '../../../electron/services/app/corpus-data-dir';
import { cropQuery, TILE_INFO_QUERY, tileQuery } from '../../../shared/ipc/scan-tile-url';
import { scanSchemeUrl } from '../../../shared/ipc/scan-url';
import { startCorpusHarness, type CorpusHarness } from './harness-corpus-fixture';

let work: string;
let corpus: string;
let harness: CorpusHarness;
beforeEach(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-deep-zoom-get-'));
  corpus = path.join(work, 'corpus');
  await fs.mkdir(corpus);
  await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#eeeeee' } }).jpeg().toFile(path.join(corpus, 'big 𠮷.jpg'));
  await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#000000' } }).jpeg().toFile(path.join(work, 'secret.jpg'));
  await fs.symlink(path.join(work, 'secret.jpg'), path.join(corpus, 'link.jpg'));
  harness = await startCorpusHarness(work, corpus, path.join(work, 'state', 'state.json'));
});
afterEach(async () => {
  // A pyramid may still be being written in the background: let it finish before the folder is removed.
  await pyramidsDone();
  await harness.close();
  await fs.rm(work, { recursive: true, force: true });
});

// Waits (up to 10 s) until every scan asked for has its whole pyramid in the tiles folder (it starts a moment after
// the first tiles); returns the folder.
async function pyramidsDone(): Promise<string> {
  const tiles = path.join(corpusDataDir(path.join(work, 'state', 'state.json'), corpus), 'tiles');
  for (let i = 0; i < 200; i++) {
    const names = await fs.readdir(tiles).catch(() => [] as string[]);
    const inside = await Promise.all(names.map((name) => fs.readdir(path.join(tiles, name)).catch(() => [] as string[])));
    if (inside.every((entries) => entries.includes('pyramid') && !entries.some((entry) => entry.includes('.part-')))) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return tiles;
}

const get = (rel: string, query: string) => harness.getScan(rel, query);

describe('deep zoom on the scan address (harness GET and the jiaodui-scan: scheme)', () => {
  it('describes the pyramid, serves tiles and crops, and keeps them in the corpus data folder, not the corpus', async () => {
    const corpusBefore = (await fs.readdir(corpus)).sort();
    const info = await get('big 𠮷.jpg', TILE_INFO_QUERY);
    expect(info.status).toBe(200);
    expect(info.headers['content-type']).toBe('application/json');
    expect(JSON.parse(info.bytes.toString())).toMatchObject({ width: 1200, height: 1600, tileSize: 256, maxLevel: 11 });
    const tile = await get('big 𠮷.jpg', tileQuery(11, 4, 6));
    expect(tile.status).toBe(200);
    expect(tile.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(tile.bytes).metadata()).toMatchObject({ width: 1200 - 4 * 256, height: 1600 - 6 * 256 });
    const crop = await get('big 𠮷.jpg', cropQuery({ x: 100, y: 100, width: 400, height: 50 }, 40));
    expect(await sharp(crop.bytes).metadata()).toMatchObject({ width: 320, height: 40 });
    // The same through the Electron scheme's handler.
    const scheme = await answerScanRequest(scanSchemeUrl('big 𠮷.jpg') + tileQuery(10, 0, 0), harness.handlers);
    expect(scheme.status).toBe(200);
    expect(scheme.headers.get('Content-Type')).toBe('image/jpeg');

    expect((await fs.readdir(corpus)).sort()).toEqual(corpusBefore);
    await expect.poll(async () => (await fs.readdir(await pyramidsDone()).catch(() => [])).length, { timeout: 10_000 }).toBe(1);
  });

  it('confines tiles like the image: nothing outside the corpus, not through a symlink, only images', async () => {
    for (const rel of ['../secret.jpg', 'link.jpg']) {
      const refused = await get(rel, tileQuery(0, 0, 0));
      expect(refused.status, rel).toBe(400);
      expect(JSON.parse(refused.bytes.toString())).toMatchObject({ ok: false, error: { code: 'outside-corpus' } });
      const scheme = await answerScanRequest(scanSchemeUrl(rel) + TILE_INFO_QUERY, harness.handlers);
      expect(scheme.status, rel).toBe(400);
    }
    await fs.writeFile(path.join(corpus, 'page.txt'), '文字');
    expect(JSON.parse((await get('page.txt', TILE_INFO_QUERY)).bytes.toString())).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((await get('missing.jpg', TILE_INFO_QUERY)).status).toBe(404);
  });

  it('refuses malformed or impossible tile requests', async () => {
    for (const query of ['&tile=1/2', '&tile=x', '&crop=1,2,3,4', `${tileQuery(12, 0, 0)}`, `${tileQuery(11, 5, 0)}`]) {
      const answer = await get('big 𠮷.jpg', query);
      expect(answer.status, query).toBe(400);
      expect(JSON.parse(answer.bytes.toString())).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });
});
