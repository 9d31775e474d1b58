import path from 'node:path';
import { exportCorpus } from '../../services/export/export';
import { EXIT, type CliIo } from '../io';
import { parseCommandArgs } from '../parse-args';

/// One line for the command list.
export const summary = 'Write the corrected text of every page to another folder.';

/// Full usage text.
export const usage = `Usage: jiaodui export <corpus> --out <dir>

Writes the corrected text of every page of <corpus> to the same relative path under <dir>, as UTF-8 with the
page's original line endings. Pages without usable corrections are written as their original text.
<dir> must not be inside <corpus>. Exit code 0 when every page was written without problem, 1 otherwise.`;

/// Runs `export <corpus> --out <dir>`.
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { out: { type: 'string', short: 'o' } });
  if (!args.ok) return usageError(io, args.message);
  if (args.values.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  if (args.positionals.length !== 1) return usageError(io, 'Give exactly one corpus folder.');
  if (typeof args.values.out !== 'string' || args.values.out === '') return usageError(io, 'Give the output folder with --out <dir>.');

  const root = path.resolve(io.cwd, args.positionals[0]!);
  const out = path.resolve(io.cwd, args.values.out);
  let lastPercent = -1;
  const result = await exportCorpus(root, null, out, (done, total) => {
    const percent = Math.floor((done / total) * 100);
    if (percent !== lastPercent && (percent % 10 === 0 || done === total)) {
      lastPercent = percent;
      io.stderr(`exported ${done}/${total} pages`);
    }
  });
  if (!result.ok) {
    io.stderr(`error: ${result.error.message}`);
    return EXIT.problems;
  }
  for (const problem of result.value.problems) io.stdout(`${problem.path}: ${problem.message}`);
  io.stdout(`Wrote ${result.value.written} file${result.value.written === 1 ? '' : 's'} to ${result.value.outDir}; ${result.value.problems.length} problem${result.value.problems.length === 1 ? '' : 's'}.`);
  return result.value.problems.length === 0 ? EXIT.ok : EXIT.problems;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`error: ${message}`);
  io.stderr(usage);
  return EXIT.usage;
}
