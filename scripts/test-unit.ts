// `npm run test:unit`: the unit suite, run in a fresh copy of the repository (tracked files plus the working tree's
// changes, node_modules linked) in a temporary folder with nothing beside it, so every run is also the proof that
// a clone needs nothing outside the repository (no `../shared`). Arguments go on to vitest.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { cloneFiles, makeFreshCopy } from './fresh-copy';
import { repoRoot } from './repo-root';

const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const files = cloneFiles(repoRoot);
// Not a git checkout (a downloaded archive): the folder itself is what a user has, so run there.
const copy = files ? makeFreshCopy(repoRoot, files) : null;
if (copy) console.log(`Unit tests in a fresh copy of the repository: ${copy.dir}`);
else console.log('Not a git checkout: unit tests run in place.');
const child = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { cwd: copy?.dir ?? repoRoot, stdio: 'inherit' });
const stop = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code, signal) => {
  copy?.remove();
  process.exit(code ?? (signal ? 1 : 0));
});
