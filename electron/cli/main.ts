// `npm run cli` (tsx) entry point; the installed app reaches the same runCli through electron/cli-route.ts.
import { pathToFileURL } from 'node:url';
import { processIo } from './io';
import { runCli } from './run';

export { runCli } from './run';

// Run only when executed directly (tsx electron/cli/main.ts …), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}
