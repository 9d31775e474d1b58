/// `import <layout-file> [--json]`: shows what Jiaodui reads from an hOCR, ALTO or PAGE XML file.
///
/// Prints the page text and, per line, its text, region in image pixels, polygon where the format has one,
/// confidence, and the scan the file refers to. Exit codes: 0 read, 1 missing or malformed file, 2 wrong usage.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importLayout } from '../../../shared/layout/detect';
import type { LayoutPage } from '../../../shared/layout/types';
import { decodeXmlBytes } from '../../../shared/layout/xml-decode';
import { EXIT, type CliIo } from '../io';
import { parseCommandArgs } from '../parse-args';

/// One line for the command list.
export const summary = 'Show the text, line regions and confidences read from an hOCR, ALTO or PAGE XML file.';

/// Full usage text.
export const usage = `Usage: jiaodui import <layout-file> [--json]

Reads an hOCR (.hocr, .html), ALTO (.xml) or PAGE XML (.xml) file and prints the page text and, per line, its
text, region (x, y, width, height in image pixels), polygon where the format has one, and confidence, plus the
scan image the file names. Without --json a table is printed.

  --json   print everything as JSON (a LayoutPage)
  --help   show this help

Exit code 0 when the file was read, 1 when it is missing or malformed (the message names the file and the line),
2 for a usage error.`;

/// Runs `import <layout-file> [--json]`; resolves to the exit code and never rejects.
///
/// A relative path is resolved against `io.cwd`; messages name the file as it was given.
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { json: { type: 'boolean' } });
  if (!args.ok) return usageError(io, args.message);
  if (args.values.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  if (args.positionals.length !== 1) return usageError(io, `Give exactly one layout file (got ${args.positionals.length}).`);

  const file = args.positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.resolve(io.cwd, file));
  } catch (error) {
    io.stderr(`error: cannot read ${file}: ${describeReadError(error)}`);
    return EXIT.problems;
  }
  const imported = importLayout(decodeXmlBytes(bytes), file);
  if (!imported.ok) {
    io.stderr(`error: ${imported.error.message}`);
    return EXIT.problems;
  }
  io.stdout(args.values.json ? JSON.stringify(imported.value, null, 2) : describePage(imported.value));
  return EXIT.ok;
}

/// A readable summary of an imported page: a header, then one row per line (number, confidence, region, text).
export function describePage(page: LayoutPage): string {
  const size = page.imageWidth !== undefined ? `${page.imageWidth}×${page.imageHeight} px` : 'size not given';
  const rows = page.lines.map((line) => {
    const box = line.region ? `${line.region.x},${line.region.y} ${line.region.width}×${line.region.height}` : 'no region';
    const confidence = line.confidence === null ? '   —' : `${Math.round(line.confidence * 100)}%`.padStart(4);
    return `${String(line.index + 1).padStart(4)}  ${confidence}  ${box.padEnd(22)}  ${line.text}`;
  });
  return [
    `format: ${page.format} ${page.formatVersion}`,
    `image:  ${page.image ?? '(none named)'} (${size})`,
    `lines:  ${page.lines.length}`,
    '',
    ...rows,
  ].join('\n');
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`error: ${message}`);
  io.stderr(usage);
  return EXIT.usage;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
