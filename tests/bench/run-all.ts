/// `npm run bench`: the services benchmark (10,000 generated pages, kept for the next step), the editor benchmark
/// (the editor alone on a 200,000-character page), the entity-tagging benchmark (the same size of page with 5,000
/// entities), the app benchmark (the whole app in the browser harness), the scan benchmark (a sample page with its
/// scan, 100 caret moves, a 6,000 × 9,000 px scan opened and panned), the deep-zoom benchmark (a 30,000 × 40,000 px
/// scan's tiles in the services and its first view and panning in the app), the accept-all benchmark (10,000 OCR
/// suggestions accepted at once in the editor), the batch-correction benchmark (text cache fill and corpus-wide
/// search over 10,000 generated pages, kept in .bench/batch) and the big-save benchmark (a 20 MB page with every
/// line changed saved while small requests keep coming) and the export benchmark (10,000 pages with 20 corrections and
/// 30 entities each, exported in every registered format, each in its own process for its peak memory).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from '../../scripts/build-steps';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = (script: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

await buildAll();
run('tests/bench/services-bench.ts', '--keep');
run('tests/bench/editor-bench.ts');
run('tests/bench/entities-editor-bench.ts');
run('tests/bench/app-bench.ts');
run('tests/bench/scan-bench.ts');
run('tests/bench/deep-zoom-bench.ts');
run('tests/bench/review-bench.ts');
run('tests/bench/batch-bench.ts', '--keep');
run('tests/bench/big-save-bench.ts');
run('tests/bench/export-bench.ts');
if (!process.argv.includes('--keep')) rmSync(path.join(repoRoot, '.bench'), { recursive: true, force: true });
