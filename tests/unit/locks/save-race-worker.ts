// A separate process that saves pages of one corpus on request, for the cross-process save race test.
// Reads one JSON request per line on stdin ({ id, request }), answers one JSON line per request on stdout.
import { createInterface } from 'node:readline';
import { savePage } from '../../../electron/services/page/save-page';
import type { SaveRequest } from '../../../shared/ipc/contract';

const root = process.argv[2]!;
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const { id, request } = JSON.parse(line) as { id: number; request: SaveRequest };
  const started = performance.now();
  void savePage(root, request, '9.9.9').then((result) => {
    const ms = performance.now() - started;
    const answer = result.ok ? { id, ok: true, hash: result.value.sidecarHash, ms } : { id, ok: false, code: result.error.code, detail: result.error.detail, ms };
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  });
});
process.stdout.write('ready\n');
