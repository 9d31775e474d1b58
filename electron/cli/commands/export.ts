import path from 'node:path';
import { minimatch } from 'minimatch';
import { EXPORT_FORMATS, isExportFormat, type ExportFormatId } from '../../../shared/export/format-ids';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../shared/export/types';
import type { ExportScope } from '../../../shared/ipc/contract';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/model/sidecar-schema';
import { runExport } from '../../services/export/export';
import { cliAppVersion } from '../app-version';
import { EXIT, type CliIo } from '../io';
import { parseCommandArgs } from '../parse-args';

/// One line for the command list.
export const summary = 'Export the pages in one or more formats (corrected text, ALTO, TEI, CoNLL, …) to another folder.';

/// Full usage text.
export const usage = `Usage: jiaodui export <corpus> --out <dir> [--format <f>[,<f>…]] [--pages <glob>] [--status <s>[,<s>…]]
                      [--tei-grouping per-page|one-document] [--line-breaks original|paragraphs]
                      [--nested outermost|innermost]

Exports the pages of <corpus> into <dir> (which must not be inside <corpus>) in every format named:
  ${EXPORT_FORMATS.join(', ')}
(default: text, the corrected text under each page's relative path). Pages whose corrections cannot be used are
exported as their original text, and said so.

  --format <list>        comma-separated formats
  --pages <glob>         only pages whose relative path matches the glob (e.g. "1950/**/*.xml")
  --status <list>        only pages with one of these review statuses (${REVIEW_STATUSES.join(', ')}; a page
                         without corrections is unreviewed)
  --tei-grouping <g>     TEI: one document per page (default) or one for all the pages
  --line-breaks <b>      TEI and text: keep the original line breaks (default) or reflow into paragraphs
  --nested <n>           CoNLL: the outermost (default) or the innermost of nested spans labels a character
  --out <dir>            the export folder

Every file is written as "<name>.jiaodui-partial" and renamed when complete; Ctrl+C stops between pages and
removes the partial files. Progress goes to stderr, problems to stdout as "<page> [<format>] <code>: <message>".
Exit code 0 when everything was exported without problem, 1 otherwise, 2 for a usage error.`;

/// Runs `export <corpus> --out <dir> …`.
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, {
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    pages: { type: 'string' },
    status: { type: 'string' },
    'tei-grouping': { type: 'string' },
    'line-breaks': { type: 'string' },
    nested: { type: 'string' },
  });
  if (!args.ok) return usageError(io, args.message);
  if (args.values.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  if (args.positionals.length !== 1) return usageError(io, 'Give exactly one corpus folder.');
  if (typeof args.values.out !== 'string' || args.values.out === '') return usageError(io, 'Give the output folder with --out <dir>.');
  const formats = listOf(args.values.format, 'text');
  const unknown = formats.filter((f) => !isExportFormat(f));
  if (unknown.length > 0) return usageError(io, `Unknown format ${unknown.map((f) => `"${f}"`).join(', ')}; the formats are ${EXPORT_FORMATS.join(', ')}.`);
  const options = exportOptions(args.values);
  if (typeof options === 'string') return usageError(io, options);
  const scope = scopeOf(args.values.status);
  if (typeof scope === 'string') return usageError(io, scope);
  const glob = typeof args.values.pages === 'string' ? args.values.pages : null;

  const root = path.resolve(io.cwd, args.positionals[0]!);
  const out = path.resolve(io.cwd, args.values.out);
  const controller = new AbortController();
  const interrupt = () => {
    io.stderr('stopping after the current page…');
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  let lastPercent = -1;
  let result;
  try {
    result = await runExport(root, { formats: formats as ExportFormatId[], scope, options }, out, {
      appVersion: cliAppVersion(),
      signal: controller.signal,
      filter: glob === null ? undefined : (rel) => minimatch(rel, glob, { dot: true }),
      onProgress: (done, total) => {
        const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (percent !== lastPercent && (percent % 10 === 0 || done === total)) {
          lastPercent = percent;
          io.stderr(`exported ${done}/${total} pages`);
        }
      },
    });
  } finally {
    process.off('SIGINT', interrupt);
  }
  if (!result.ok) {
    io.stderr(`error: ${result.error.message}`);
    return EXIT.problems;
  }
  const outcome = result.value;
  for (const problem of outcome.problems) {
    io.stdout(`${problem.path === '' ? '(export)' : problem.path}${problem.format ? ` [${problem.format}]` : ''} ${problem.code}: ${problem.message}`);
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stdout(
    `${outcome.cancelled ? 'Cancelled: ' : ''}Wrote ${plural(outcome.written, 'file')} for ${plural(outcome.pages, 'page')} to ${outcome.outDir}; ${plural(outcome.problems.length, 'problem')}.`,
  );
  return outcome.problems.length === 0 && !outcome.cancelled ? EXIT.ok : EXIT.problems;
}

function listOf(value: string | boolean | undefined, fallback: string): string[] {
  const list = (typeof value === 'string' ? value : fallback).split(',').map((s) => s.trim()).filter((s) => s !== '');
  return [...new Set(list)];
}

function scopeOf(value: string | boolean | undefined): ExportScope | string {
  if (value === undefined) return { kind: 'all' };
  const statuses = listOf(value, '');
  const bad = statuses.filter((s) => !(REVIEW_STATUSES as readonly string[]).includes(s));
  if (statuses.length === 0 || bad.length > 0) return `Unknown review status ${bad.map((s) => `"${s}"`).join(', ')}; the statuses are ${REVIEW_STATUSES.join(', ')}.`;
  return { kind: 'status', statuses: statuses as ReviewStatus[] };
}

function exportOptions(values: Record<string, string | boolean | undefined>): ExportOptions | string {
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T | string => {
    const value = values[name];
    if (value === undefined) return fallback;
    return (allowed as readonly unknown[]).includes(value) ? (value as T) : `--${name} must be ${allowed.join(' or ')}.`;
  };
  const teiGrouping = pick('tei-grouping', ['per-page', 'one-document'] as const, DEFAULT_EXPORT_OPTIONS.teiGrouping);
  const lineBreaks = pick('line-breaks', ['original', 'paragraphs'] as const, DEFAULT_EXPORT_OPTIONS.lineBreaks);
  const nestedSpans = pick('nested', ['outermost', 'innermost'] as const, DEFAULT_EXPORT_OPTIONS.nestedSpans);
  for (const value of [teiGrouping, lineBreaks, nestedSpans]) if (value.startsWith('--')) return value;
  return { teiGrouping, lineBreaks, nestedSpans } as ExportOptions;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`error: ${message}`);
  io.stderr(usage);
  return EXIT.usage;
}
