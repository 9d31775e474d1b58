import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventStream } from '../../../electron/harness/event-stream';
import { createHarnessDialogs } from '../../../electron/harness/harness-dialogs';
import { startHarnessServer, type HarnessServer } from '../../../electron/harness/server';
import { answerScanRequest } from '../../../electron/scan-protocol';
import { corpusDataDir } from '../../../electron/services/app/corpus-data-dir';
import type { Handlers } from '../../../electron/services/handlers/table';
import { testHandlers } from '../services/handler-table-fixture';
import { cropQuery, TILE_INFO_QUERY, tileQuery } from '../../../shared/ipc/scan-tile-url';
import { scanSchemeUrl } from '../../../shared/ipc/scan-url';

let work: string;
let corpus: string;
let handlers: Handlers;
let server: HarnessServer;
beforeEach(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-deep-zoom-get-'));
  corpus = path.join(work, 'corpus');
  await fs.mkdir(corpus);
  await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#eeeeee' } }).jpeg().toFile(path.join(corpus, 'big 𠮷.jpg'));
  await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#000000' } }).jpeg().toFile(path.join(work, 'secret.jpg'));
  await fs.symlink(path.join(work, 'secret.jpg'), path.join(corpus, 'link.jpg'));
  await fs.mkdir(path.join(work, 'static'));
  await fs.writeFile(path.join(work, 'static', 'index.html'), '<!doctype html>');
  handlers = testHandlers(path.join(work, 'state', 'state.json'));
  await handlers.openCorpus(corpus);
  await handlers.scanFinished();
  server = await startHarnessServer({ staticDir: path.join(work, 'static'), port: 0, handlers, dialogs: createHarnessDialogs(() => undefined, () => false), events: createEventStream() });
});
afterEach(async () => {
  // A pyramid may still be being written in the background: let it finish before the folder is removed.
  await pyramidsDone();
  await server.close();
  await handlers.close();
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

function get(rel: string, query: string): Promise<{ status: number; type: string | undefined; bytes: Buffer }> {
  const pathAndQuery = `/api/scan-image?path=${encodeURIComponent(rel)}&token=${encodeURIComponent(server.token)}${query}`;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: pathAndQuery, headers: { Host: `127.0.0.1:${server.port}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('deep zoom on the scan address (harness GET and the jiaodui-scan: scheme)', () => {
  it('describes the pyramid, serves tiles and crops, and keeps them in the corpus data folder, not the corpus', async () => {
    const corpusBefore = (await fs.readdir(corpus)).sort();
    const info = await get('big 𠮷.jpg', TILE_INFO_QUERY);
    expect(info.status).toBe(200);
    expect(info.type).toBe('application/json');
    expect(JSON.parse(info.bytes.toString())).toMatchObject({ width: 1200, height: 1600, tileSize: 256, maxLevel: 11 });
    const tile = await get('big 𠮷.jpg', tileQuery(11, 4, 6));
    expect(tile.status).toBe(200);
    expect(tile.type).toBe('image/jpeg');
    expect(await sharp(tile.bytes).metadata()).toMatchObject({ width: 1200 - 4 * 256, height: 1600 - 6 * 256 });
    const crop = await get('big 𠮷.jpg', cropQuery({ x: 100, y: 100, width: 400, height: 50 }, 40));
    expect(await sharp(crop.bytes).metadata()).toMatchObject({ width: 320, height: 40 });
    // The same through the Electron scheme's handler.
    const scheme = await answerScanRequest(scanSchemeUrl('big 𠮷.jpg') + tileQuery(10, 0, 0), handlers);
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
      const scheme = await answerScanRequest(scanSchemeUrl(rel) + TILE_INFO_QUERY, handlers);
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
