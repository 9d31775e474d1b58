import path from 'node:path';
import { corpusFile, corpusFileInRealRoot } from '../../services/disk/confined-fs';
import { readCorpusSettings } from '../../services/corpus/corpus-config';
import { scanCorpus } from '../../services/corpus/corpus-scan';
import type { LeftoverTemp } from '../../services/disk/temp-leftovers';
import { readPageSource } from '../../services/page/page-source';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { readSidecarState } from '../../services/page/sidecar-file';
import { EXIT, type CliIo } from '../io';
import { parseCommandArgs } from '../parse-args';

/// One line for the command list.
export const summary = 'Check every sidecar against its page and list the problems.';

/// Full usage text.
export const usage = `Usage: jiaodui validate <corpus>

Checks every page of <corpus> that has a sidecar: the sidecar must be JSON in Jiaodui's format and schema version,
its source hash must match the page file, its corrections applied to the original text must give its stored text,
every entity must lie inside the text, quote it exactly and have an id of its own, and line origins and rejected
places must fit the texts; every problem found here also makes the page read-only in the app. Pages that cannot be
read as text are problems too, and so are orphan sidecars (a sidecar whose page file is gone). Temporary files a
crashed save left (".<name>.<hex>.tmp") are listed with their count; stale ones (older than a few minutes, held by no
save) are problems, and the app removes them when it next scans the corpus or opens the page. Nothing is changed here.
Pages are chosen as in the app: a layout file (PAGE > ALTO > hOCR) is the page unless jiaodui.corpus.json says
"textSource": "text"; a malformed jiaodui.corpus.json is a problem (the default is then used).
Problems go to stdout, one per line as "<page>: <problem>". Exit code 0 when there is none, 1 otherwise.`;

/// Runs `validate <corpus>`.
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, {});
  if (!args.ok) return usageError(io, args.message);
  if (args.values.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  if (args.positionals.length !== 1) return usageError(io, 'Give exactly one corpus folder.');

  const root = path.resolve(io.cwd, args.positionals[0]!);
  io.stderr(`scanning ${root}`);
  const scan = await scanCorpus(root, { temps: 'report' });
  if (!scan.ok) {
    io.stderr(`error: ${scan.error.message}`);
    return EXIT.problems;
  }
  const pages = scan.value.pages;
  let problemCount = 0;
  let sidecars = 0;
  for (const [i, page] of pages.entries()) {
    const found = await checkPage(root, page.path);
    if (found.hadSidecar) sidecars++;
    for (const problem of found.problems) io.stdout(`${page.path}: ${problem}`);
    problemCount += found.problems.length;
    if ((i + 1) % 500 === 0 || i + 1 === pages.length) io.stderr(`checked ${i + 1}/${pages.length} pages`);
  }
  // A broken settings file is a problem too: the pages above were read with the default text source.
  const settings = await readCorpusSettings(root);
  if (settings.problem !== null) {
    io.stdout(settings.problem.message);
    problemCount++;
  }
  problemCount += reportTemps(io, scan.value.leftoverTemps);
  for (const sidecar of scan.value.orphanSidecars) {
    io.stdout(`${sidecar}: This sidecar's page file is gone (orphan sidecar); its corrections belong to no page.`);
    problemCount++;
  }
  for (const folder of scan.value.unreadable) {
    io.stdout(`${folder || '.'}: The folder cannot be read.`);
    problemCount++;
  }
  io.stdout(`${pages.length} page${pages.length === 1 ? '' : 's'}, ${sidecars} sidecar${sidecars === 1 ? '' : 's'}, ${problemCount} problem${problemCount === 1 ? '' : 's'}.`);
  return problemCount === 0 ? EXIT.ok : EXIT.problems;
}

async function checkPage(root: string, rel: string): Promise<{ hadSidecar: boolean; problems: string[] }> {
  const pageAbs = await corpusFile(root, rel);
  if (!pageAbs.ok) return { hadSidecar: false, problems: [pageAbs.error.message] };
  const sidecarAbs = corpusFileInRealRoot(pageAbs.value.realRoot, sidecarPathOf(rel));
  if (!sidecarAbs.ok) return { hadSidecar: true, problems: [sidecarAbs.error.message] };
  const source = await readPageSource(pageAbs.value, rel);
  if (!source.ok) return { hadSidecar: false, problems: [source.error.message] };
  const sidecar = await readSidecarState(sidecarAbs.value, source.value);
  if (!sidecar.ok) return { hadSidecar: true, problems: [sidecar.error.message] };
  if (sidecar.value.kind === 'none') return { hadSidecar: false, problems: [] };
  // The page opener's own judgement: every problem listed here also makes the page read-only in the app.
  const state = sidecar.value;
  if (state.kind === 'unusable') return { hadSidecar: true, problems: state.problems?.map((p) => p.message) ?? [firstSentence(state.message)] };
  return { hadSidecar: true, problems: [] };
}

// Lists the temporary files of saves (their count, then each path); returns how many are problems (stale).
function reportTemps(io: CliIo, temps: readonly LeftoverTemp[]): number {
  if (temps.length === 0) return 0;
  const stale = temps.filter((temp) => temp.stale);
  io.stdout(`${temps.length} temporary file${temps.length === 1 ? '' : 's'} of interrupted or running saves (${stale.length} stale):`);
  for (const temp of temps) {
    io.stdout(
      temp.stale
        ? `${temp.rel}: Temporary file left by an interrupted save of ${temp.target}; the app removes it when it next scans the corpus.`
        : `${temp.rel}: Temporary file of a save of ${temp.target} that may still be running (recent, or its lock file exists); left alone.`,
    );
  }
  return stale.length;
}

// The read-only messages end with advice for the editor that does not apply on the command line.
function firstSentence(message: string): string {
  return message.replace(/ (The page is read-only|The original text is shown read-only).*$/, '');
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`error: ${message}`);
  io.stderr(usage);
  return EXIT.usage;
}
