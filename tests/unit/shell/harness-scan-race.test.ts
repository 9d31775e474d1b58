import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCorpusHarness, type CorpusHarness } from './harness-corpus-fixture';
import { judge, race, startRaceCorpus, type RaceCorpus } from '../services/race-corpus';

// The harness GET /api/scan-image (the request the probe found serving outside files) while another process
// swaps a scan file and a scan folder for symlinks to outside (race-corpus.ts).
const ATTEMPTS = Number(process.env.JIAODUI_RACE_ATTEMPTS ?? 2000);

let corpus: RaceCorpus;
let work: string;
let harness: CorpusHarness;
beforeAll(async () => {
  corpus = await startRaceCorpus();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-harness-race-'));
  harness = await startCorpusHarness(work, corpus.root, path.join(work, 'state.json'));
});
afterAll(async () => {
  await harness.close();
  await corpus.stop();
  await fs.rm(work, { recursive: true, force: true });
});

const get = (rel: string) => harness.getScan(rel);

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
