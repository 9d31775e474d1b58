// `npm run dev:browser -- --corpus <folder>`: the app in a browser, served by the localhost harness.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness } from '../electron/harness/start-harness';
import { buildAll } from './build-steps';
import { HARNESS_USAGE, parseHarnessArgs } from './harness-args';
import { repoRoot } from './repo-root';

const parsed = parseHarnessArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.message}\n${HARNESS_USAGE}`);
  process.exit(1);
}
const args = parsed.value;
const corpus = args.corpus ? path.resolve(args.corpus) : null;
if (corpus && !fs.statSync(corpus, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`The corpus folder ${corpus} does not exist.`);
  process.exit(1);
}
const stateFile = path.resolve(args.state ?? path.join(os.homedir(), '.config', 'jiaodui-harness', 'state.json'));
fs.mkdirSync(path.dirname(stateFile), { recursive: true });
const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

try {
  if (!args.noBuild) await buildAll({ only: ['renderer'] });
  const harness = await startHarness({
    corpus,
    port: args.port,
    staticDir: path.join(repoRoot, 'dist', 'renderer'),
    stateFile,
    appVersion: packageJson.version,
  });
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Last line of output: tests parse the address from it.
  console.log(`Jiaodui harness: ${harness.url}${args.lang ? `&lang=${args.lang}` : ''}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
