/// Where a CLI command writes: results to stdout, progress and errors to stderr (one line per call).
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  /// The folder relative paths on the command line are resolved against.
  cwd: string;
}

/// A command of the `jiaodui` CLI.
export interface CliCommand {
  /// One line for the command list.
  summary: string;
  /// The full usage text shown by `--help`.
  usage: string;
  /// Runs the command; returns the exit code (0 no problem, 1 problems found, 2 usage error).
  run(argv: string[], io: CliIo): Promise<number>;
}

/// Exit codes shared by all commands.
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/// The process's own streams and working folder as a CliIo.
export function processIo(): CliIo {
  return {
    stdout: (line) => process.stdout.write(line + '\n'),
    stderr: (line) => process.stderr.write(line + '\n'),
    cwd: process.cwd(),
  };
}
