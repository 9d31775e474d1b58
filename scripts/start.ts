// `npm start`: builds, then launches Electron (which opens the bundled sample corpus on a first start).
import { spawn } from 'node:child_process';
import { buildAll } from './build-steps';
import { findElectronBinary } from './electron-binary';
import { repoRoot } from './repo-root';

const electron = findElectronBinary();
if (!electron) {
  console.error(
    'Electron is not installed on this machine, so the desktop app cannot start; use the browser harness instead: npm run dev:browser -- --corpus <folder>',
  );
  process.exit(1);
}
try {
  await buildAll();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
// '.' runs package.json's main (dist/electron/main.cjs) so the app reads its name and version from it.
// Arguments after `npm start --` (for example `--corpus <folder>`) go on to the app.
const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
