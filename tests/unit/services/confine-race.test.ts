import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerScanRequest } from '../../../electron/scan-protocol';
import { resolveInCorpus } from '../../../electron/services/disk/confine';
import { corpusFile, readFileInCorpus, readFileInCorpusSync } from '../../../electron/services/disk/confined-fs';
import { writeFileAtomicInCorpus } from '../../../electron/services/disk/confined-write';
import { sha256Hex } from '../../../electron/services/disk/hash';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { findScanImage, readScanImage } from '../../../electron/services/scans/scan-image';
import { scanSchemeUrl } from '../../../shared/ipc/scan-url';
import { judge, race, SAVED_PAGE, startRaceCorpus, type RaceCorpus, type Tally } from './race-corpus';

// Requests made while another process swaps a file and a folder of the corpus for symlinks to an outside
// folder in a tight loop (race-corpus.ts). Each must return inside bytes or a refusal, never outside bytes, and
// nothing may be written outside. JIAODUI_RACE_ATTEMPTS raises the count (CI: 2,000).
const ATTEMPTS = Number(process.env.JIAODUI_RACE_ATTEMPTS ?? 2000);

let corpus: RaceCorpus;
let root: string;
beforeAll(async () => {
  corpus = await startRaceCorpus();
  root = corpus.root;
});
afterAll(async () => {
  await corpus.stop();
});

describe('confinement under a symlink-swapping race', () => {
  it(`serves no outside bytes and writes nothing outside in ${ATTEMPTS} reads, scan images, opens and saves`, async () => {
    let expectedSidecarHash: string | null = null;
    let saves = 0;
    const started = performance.now();
    const tally = await race(ATTEMPTS, async (i) => {
      switch (i % 8) {
        case 0: {
          const file = await corpusFile(root, 'top.txt');
          return file.ok ? readFileInCorpus(file.value).then(judge, () => 'refused' as const) : 'refused';
        }
        case 1: {
          const file = await corpusFile(root, 'dir/read.txt');
          if (!file.ok) return 'refused';
          try {
            return judge(readFileInCorpusSync(file.value));
          } catch {
            return 'refused';
          }
        }
        case 2: {
          const image = await readScanImage(root, i % 16 === 2 ? 'top.png' : 'dir/scan.png');
          return image.ok ? judge(Buffer.from(image.value.base64, 'base64')) : 'refused';
        }
        case 3: {
          // The Electron scheme (and the harness GET, which answers through the same answerScanImage and streams
          // the same handle): the body streamed from the verified handle.
          const response = await answerScanRequest(scanSchemeUrl(i % 16 === 3 ? 'top.png' : 'dir/scan.png'), { scanImageFile: (rel) => findScanImage(root, rel) });
          const body = new Uint8Array(await response.arrayBuffer());
          return response.status === 200 ? judge(body) : 'refused';
        }
        case 4:
        case 5: {
          const page = await openPage(root, i % 16 < 8 ? 'top.txt' : 'dir/read.txt');
          return page.ok ? judge(page.value.originalText + page.value.text) : 'refused';
        }
        case 6: {
          const saved = await savePage(root, {
            path: 'dir/page.txt',
            text: `${SAVED_PAGE}${i}`,
            status: 'unreviewed',
            entities: [],
            sourceSha256: sha256Hex(Buffer.from(SAVED_PAGE)),
            expectedSidecarHash,
          }, '0.0.0-race');
          if (!saved.ok) return 'refused';
          expectedSidecarHash = saved.value.sidecarHash;
          saves++;
          return 'served';
        }
        default: {
          const file = await corpusFile(root, 'dir/direct.jiaodui.json');
          if (!file.ok) return 'refused';
          return writeFileAtomicInCorpus(file.value, `direct ${i}`).then(() => 'served' as const, () => 'refused' as const);
        }
      }
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`confine race: ${ATTEMPTS} attempts in ${seconds.toFixed(1)} s: ${tally.served} served, ${tally.refused} refused, ${tally.escaped} escaped; ${saves} saves landed`);
    expect(tally.escaped).toBe(0);
    expect(await corpus.outsideTree()).toEqual(corpus.outsideBefore);
    // The swapping really interfered, and requests still got through between swaps.
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.served).toBeGreaterThan(0);
    // Saves land only rarely here (0 to a few of 250): a save needs the folder unswapped for its whole sequence —
    // the sidecar lock file, the temp file and the rename all go through the verified folder — and the swapper
    // rarely leaves it that long. That saves do land, and what they write, is tested without a race elsewhere
    // (open-save-page, save-race); here every save attempt was either refused or wrote inside the corpus.
  }, 120_000);

  it('the same race defeats the old check-then-read (resolveInCorpus, then readFile), so the test can see escapes', async () => {
    // Rounds of 2,000 until the first escape (at most 25 rounds): the escape rate depends on the machine's load.
    const total: Tally = { served: 0, refused: 0, escaped: 0 };
    for (let round = 0; round < 25 && total.escaped === 0; round++) {
      const tally = await race(2000, async (i) => {
        const abs = await resolveInCorpus(root, i % 2 === 0 ? 'top.txt' : 'dir/read.txt');
        if (!abs.ok) return 'refused';
        return readFile(abs.value).then(judge, () => 'refused' as const);
      });
      for (const key of ['served', 'refused', 'escaped'] as const) total[key] += tally[key];
    }
    const attempts = total.served + total.refused + total.escaped;
    console.log(`old check-then-read under the same race: ${attempts} attempts, ${total.served} served, ${total.refused} refused, ${total.escaped} escaped`);
    expect(total.escaped).toBeGreaterThan(0);
  }, 120_000);
});
