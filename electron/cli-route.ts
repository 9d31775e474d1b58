import { runCli, CLI_COMMAND_NAMES } from './cli/run';
import { processIo, type CliIo } from './cli/io';

/// The command-line arguments when the app was started as the `jiaodui` command (`jiaodui validate …`), or null
/// for an ordinary launch.
///
/// The user's arguments follow the executable in an installed app (`isPackaged`), and the executable and the app
/// script when run as `electron dist/electron/main.cjs`. Leading `--name=value` switches and `--no-sandbox` (which
/// Chromium may need) are skipped; the next argument must be a CLI command name.
export function cliArgsOf(argv: readonly string[], isPackaged: boolean): string[] | null {
  const args = argv.slice(isPackaged ? 1 : 2);
  let first = 0;
  while (first < args.length && /^--[\w-]+=|^--no-sandbox$/.test(args[first] ?? '')) first++;
  const name = args[first];
  return name !== undefined && CLI_COMMAND_NAMES.includes(name) ? args.slice(first) : null;
}

/// Runs the CLI inside the Electron main process (no window, no single-instance lock) and ends the app with the
/// command's exit code once its output is flushed.
export async function runCliInApp(app: { exit(code: number): void }, args: string[], io: CliIo = processIo()): Promise<number> {
  const code = await runCli(args, io).catch(() => 1);
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  app.exit(code);
  return code;
}

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
