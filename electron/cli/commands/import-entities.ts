import path from 'node:path';
import { ENTITY_IMPORT_FORMATS, type EntityImportFormat } from '../../../shared/export/format-ids';
import type { EntityFileReader } from '../../services/export/import-files';
import { importEntities } from '../../services/export/import-entities';
import { ENTITY_READERS } from '../../services/export/import-readers';
import { cliAppVersion } from '../app-version';
import { withCorpusWriteLock } from '../corpus-write-lock';
import { EXIT, type CliIo } from '../io';
import { parseCommandArgs } from '../parse-args';

/// One line for the command list.
export const summary = 'Read entity spans from doccano, Label Studio or brat files back into the pages.';

/// Full usage text.
export const usage = `Usage: jiaodui import-entities <corpus> --format ${ENTITY_IMPORT_FORMATS.join('|')} <file-or-folder>

Reads entity spans from a doccano JSONL file, a Label Studio tasks JSON file or brat .ann files (a folder: every
such file in it and its sub-folders) and puts them into the sidecars of the pages they name (by the page path
Jiaodui exported them from, else by file name). Every span must cut exactly its quoted text from the page's
corrected text; a page with any mismatch gets nothing written, and every mismatch is listed. A matching page's
entities are REPLACED by the imported ones; its text, corrections and status stay. The corpus must not be open
for editing in the app meanwhile.

Problems go to stdout as "<page> (<where>) <code>: <message>", progress to stderr. Exit code 0 when every document
was imported without problem, 1 otherwise, 2 for a usage error.`;

/// Runs `import-entities <corpus> --format <f> <file-or-folder>` with the app's parsers.
export function run(argv: string[], io: CliIo): Promise<number> {
  return runWithReaders(argv, io, ENTITY_READERS);
}

/// The same with the given readers by format (tests pass their own).
export async function runWithReaders(argv: string[], io: CliIo, readers: Partial<Record<EntityImportFormat, EntityFileReader>>): Promise<number> {
  const args = parseCommandArgs(argv, { format: { type: 'string', short: 'f' } });
  if (!args.ok) return usageError(io, args.message);
  if (args.values.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  if (args.positionals.length !== 2) return usageError(io, 'Give the corpus folder and the file or folder to import.');
  const format = args.values.format;
  if (typeof format !== 'string' || !(ENTITY_IMPORT_FORMATS as readonly string[]).includes(format)) {
    return usageError(io, `Give the format with --format ${ENTITY_IMPORT_FORMATS.join(', ')}.`);
  }
  const reader = readers[format as EntityImportFormat];
  if (!reader) {
    io.stderr(`error: this version of Jiaodui cannot read ${format} files yet.`);
    return EXIT.problems;
  }
  const root = path.resolve(io.cwd, args.positionals[0]!);
  const input = path.resolve(io.cwd, args.positionals[1]!);
  const appVersion = cliAppVersion();
  return withCorpusWriteLock(root, io, appVersion, async () => {
    let lastPercent = -1;
    const result = await importEntities(root, reader, input, {
      appVersion,
      onProgress: (done, total) => {
        const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (percent !== lastPercent && (percent % 10 === 0 || done === total)) {
          lastPercent = percent;
          io.stderr(`imported ${done}/${total} pages`);
        }
      },
    });
    if (!result.ok) {
      io.stderr(`error: ${result.error.message}`);
      return EXIT.problems;
    }
    const outcome = result.value;
    for (const p of outcome.problems) io.stdout(`${p.path === '' ? '(import)' : p.path} (${p.where}) ${p.code}: ${p.message}`);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    io.stdout(
      `Read ${plural(outcome.documents, 'document')} from ${plural(outcome.files, 'file')}; wrote the entities of ${plural(outcome.written.length, 'page')} ` +
        `(${plural(outcome.spans, 'span')}), ${outcome.unchanged.length} already had them; ${plural(outcome.problems.length, 'problem')}.`,
    );
    return outcome.problems.length === 0 ? EXIT.ok : EXIT.problems;
  });
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`error: ${message}`);
  io.stderr(usage);
  return EXIT.usage;
}
