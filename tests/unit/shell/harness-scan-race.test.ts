import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStream } from '../../../electron/harness/event-stream';
import { createHarnessDialogs } from '../../../electron/harness/harness-dialogs';
import { startHarnessServer, type HarnessServer } from '../../../electron/harness/server';
import { testHandlers } from '../services/handler-table-fixture';
import { judge, race, startRaceCorpus, type RaceCorpus } from '../services/race-corpus';

// The harness GET /api/scan-image (the request the probe found serving outside files) while another process
// swaps a scan file and a scan folder for symlinks to outside (race-corpus.ts).
const ATTEMPTS = Number(process.env.JIAODUI_RACE_ATTEMPTS ?? 2000);

let corpus: RaceCorpus;
let work: string;
let server: HarnessServer;
beforeAll(async () => {
  corpus = await startRaceCorpus();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-harness-race-'));
  await fs.writeFile(path.join(work, 'index.html'), '<!doctype html>');
  const handlers = testHandlers(path.join(work, 'state.json'));
  const opened = await handlers.openCorpus(corpus.root);
  if (!opened.ok) throw new Error(opened.error.message);
  await handlers.scanFinished();
  server = await startHarnessServer({ staticDir: work, port: 0, handlers, dialogs: createHarnessDialogs(() => undefined, () => false), events: createEventStream() });
});
afterAll(async () => {
  await server.close();
  await corpus.stop();
  await fs.rm(work, { recursive: true, force: true });
});

function get(rel: string): Promise<{ status: number; bytes: Buffer }> {
  const query = `/api/scan-image?path=${encodeURIComponent(rel)}&token=${encodeURIComponent(server.token)}`;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: query, headers: { Host: `127.0.0.1:${server.port}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('harness scan-image GET under a symlink-swapping race', () => {
  it(`streams no outside bytes in ${ATTEMPTS} requests`, async () => {
    const tally = await race(ATTEMPTS, async (i) => {
      const got = await get(i % 2 === 0 ? 'top.png' : 'dir/scan.png');
      return got.status === 200 ? judge(got.bytes) : 'refused';
    });
    console.log(`harness GET race: ${ATTEMPTS} requests: ${tally.served} served, ${tally.refused} refused, ${tally.escaped} escaped`);
    expect(tally.escaped).toBe(0);
    expect(tally.served).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 120_000);
});
