// `npm start`: builds, then launches Electron (which opens the bundled sample corpus on a first start).
import { spawn } from 'node:child_process';
import { buildAll } from './build-steps';
import { findElectronBinary, runElectronInstaller } from './electron-binary';
import { ensureElectron } from './ensure-electron';
import { repoRoot } from './repo-root';

const electron = await ensureElectron({ find: findElectronBinary, install: runElectronInstaller, say: (line) => console.log(line) });
if (!electron.ok) {
  console.error(electron.message);
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
const child = spawn(electron.binary, ['.', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
