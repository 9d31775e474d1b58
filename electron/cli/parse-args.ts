import { parseArgs, type ParseArgsConfig } from 'node:util';

/// Parsed command line, or the usage problem in plain words.
export type ParsedArgs =
  | { ok: true; positionals: string[]; values: Record<string, string | boolean | undefined> }
  | { ok: false; message: string };

/// Parses a command's arguments strictly (unknown options are usage errors) with node:util's parseArgs.
export function parseCommandArgs(argv: string[], options: NonNullable<ParseArgsConfig['options']>): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
    return { ok: true, positionals, values: values as Record<string, string | boolean | undefined> };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
