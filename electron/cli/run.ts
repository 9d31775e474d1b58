import { commands } from './commands/index';
import { EXIT, type CliIo } from './io';

/// Runs the `jiaodui` command line: `<command> [arguments]`, `--help`, or `<command> --help`.
///
/// Returns the exit code: 0 when the command found no problem, 1 when it did, 2 for usage errors.
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`error: unknown command "${name}"`);
    io.stderr(overview());
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`error: ${(error as Error).stack ?? String(error)}`);
    return EXIT.problems;
  }
}

function overview(): string {
  // eslint-disable-next-line no-restricted-syntax -- the CLI's fixed list of command names
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const list = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return ['Usage: jiaodui <command> [arguments]', '', 'Commands:', ...list, '', 'Run "jiaodui <command> --help" for details.'].join('\n');
}

/// The command names the CLI answers (the installed app routes argv to the CLI when its first argument is one).
export const CLI_COMMAND_NAMES: readonly string[] = [...Object.keys(commands), 'help'];
