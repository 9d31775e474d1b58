/// `suggest <page> [--json]` lists OCR-correction suggestions for a page file; `suggest <page> --apply safe
/// --out <file>` writes the page with only the safe fixes (layout, spacing, punctuation width) applied.
///
/// Offsets are code points on the page text as read (decoded, LF line endings, NFC). Exit codes: 0 done,
/// 1 page missing, unreadable or not text, or output not writable, 2 wrong usage.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applySafeFixes, suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';
import { loadLanguageModel } from '../../services/ocr/language-model';
import { readPageSourceAtPath } from '../../services/page/page-source';
import { findCorpusRoot } from '../../services/corpus/corpus-known';
import { suggestForText } from '../../services/ocr/suggest-for-text';
import { readPageAsOpened } from '../page-as-opened';
import { appStateFile } from '../app-state-location';
import { readCorpusKnowledge } from '../corpus-knowledge';
import { applyCorpusOcrDecisions } from '../../../shared/ocr-assist/corpus-rejections';
import { fail } from '../../../shared/result';
import { ErrorProfileStore, errorProfileFile } from '../../services/ocr/error-profile-store';

/// Where the command writes; the dispatcher passes process.stdout/stderr, tests collect the strings.
export interface CommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

/// How to call the command, printed for `--help` and after a usage error.
export const USAGE = `Usage: suggest <page> [--json] [--corpus <dir> | --no-corpus]
       suggest <page> --apply safe --out <file>

Lists suggested OCR corrections for a page file (column-wrapped lines, vertical headlines, spaces between
Chinese characters, half-width punctuation, doubled and look-alike characters, traditional characters), with
code-point offsets on the page text as read (decoded, line endings made LF, Unicode NFC).

  --json              print [{start, end, replacement, rule, confidence, explanation}] as JSON
  --corpus <dir>      the corpus folder the page belongs to: the page is read as the app opens it (the
                      sidecar's corrected text, its block moves and rejected suggestions, the scan's
                      confidences) and gets exactly the app's suggestions: the corpus's error profile (what
                      the editor replaced by hand and by batch), the rejections of every sidecar in their
                      context and the corpus's "always ignore" list (from the app's data folder, or
                      JIAODUI_STATE_FILE). Without it, the nearest folder
                      above the page that holds jiaodui.tagset.json is used, if any
  --no-corpus         suggest on the page file's own text, as read, with nothing the corpus knows
  --apply safe        apply only the safe fixes (layout, spacing, punctuation width) ...
  --out <file>        ... and write the result to <file> (UTF-8, LF); the page itself is never changed
  --help              show this help
`;

/// One line for the command list.
export const summary = 'List suggested OCR corrections for a page, or apply the safe ones.';

/// Full usage text for `--help`.
export const usage = USAGE;

type Parsed =
  | { kind: 'help' }
  | { kind: 'usage'; message: string }
  | { kind: 'list'; page: string; json: boolean; corpus?: string | false }
  | { kind: 'apply'; page: string; out: string };

/// Runs the command with the arguments that follow `suggest`; resolves to the exit code, never rejects.
export async function run(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.kind === 'usage') {
    io.stderr(`suggest: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.kind === 'list' && parsed.corpus !== false) {
    const pageAbs = path.resolve(parsed.page);
    const root = parsed.corpus === undefined ? await findCorpusRoot(path.dirname(pageAbs)) : path.resolve(parsed.corpus);
    if (root !== null) return listAsApp(root, pageAbs, parsed.json, io);
  }
  const source = await readPageSourceAtPath(path.resolve(parsed.page), parsed.page);
  if (!source.ok) {
    io.stderr(`suggest: ${source.error.message}${source.error.detail ? ` (${source.error.detail})` : ''}\n`);
    return 1;
  }
  const text = source.value.originalText;
  const model = loadLanguageModel();
  if (parsed.kind === 'apply') return applyToFile(text, parsed.out, model, io);
  const suggestions = suggestCorrections(text, { model });
  io.stdout(parsed.json ? `${JSON.stringify(suggestions.map(toJson), null, 2)}\n` : formatList(text, suggestions));
  return 0;
}

// The app's own path: the page as opened, through the service the ocr.suggest handler runs, with the corpus's error
// profile (brought up to date and cached where the app keeps it), then its rejections and ignore list.
async function listAsApp(root: string, pageAbs: string, json: boolean, io: CommandIo): Promise<number> {
  const opened = await readPageAsOpened(root, pageAbs);
  if (!opened.ok) {
    io.stderr(`suggest: ${opened.error.message}\n`);
    return 1;
  }
  const page = opened.value;
  if (page.sidecarProblem) io.stderr(`suggest: the sidecar is not used (${page.sidecarProblem}); suggesting on the original text\n`);
  const stateFile = appStateFile();
  const knowledge = await readCorpusKnowledge(root, stateFile, { learn: false }).catch((error: Error) => fail('io', error.message));
  if (!knowledge.ok) {
    io.stderr(`suggest: ${knowledge.error.message}\n`);
    return 1;
  }
  for (const problem of knowledge.value.problems) io.stderr(`suggest: ${problem}\n`);
  const realRoot = knowledge.value.root;
  const profileFile = await updatedErrorProfile(realRoot, stateFile, knowledge.value.pages);
  const suggested = await suggestForText(realRoot, { path: page.rel, text: page.text, moves: [...page.moves], rejected: [...page.rejectedCorrections] }, { profileFile });
  if (!suggested.ok) {
    io.stderr(`suggest: ${suggested.error.message}\n`);
    return 1;
  }
  const text = page.text.normalize('NFC');
  const decided = applyCorpusOcrDecisions(text, suggested.value, knowledge.value.index.rejections.ocr, knowledge.value.ignored);
  io.stdout(json ? `${JSON.stringify(decided.map(toJson), null, 2)}\n` : formatList(text, decided));
  return 0;
}

// The corpus's error profile as the app keeps it: every sidecar read, cached in the app's data folder.
async function updatedErrorProfile(root: string, stateFile: string, pages: readonly string[]): Promise<string> {
  const store = new ErrorProfileStore(root, errorProfileFile(stateFile, root));
  await store.update(pages);
  return store.file;
}

async function applyToFile(
  text: string,
  out: string,
  model: ReturnType<typeof loadLanguageModel>,
  io: CommandIo,
): Promise<number> {
  const fixed = applySafeFixes(text, { model });
  try {
    await writeFile(path.resolve(out), fixed.text, 'utf8');
  } catch (error) {
    io.stderr(`suggest: cannot write "${out}" (${(error as Error).message})\n`);
    return 1;
  }
  io.stdout(`Applied ${fixed.appliedCount} safe fixes; wrote ${out}\n`);
  return 0;
}

/// The JSON shape promised to scripts: the suggestion without the internal `safe` flag.
function toJson(s: OcrSuggestion): Omit<OcrSuggestion, 'safe'> {
  return { start: s.start, end: s.end, replacement: s.replacement, rule: s.rule, confidence: s.confidence, explanation: s.explanation };
}

function formatList(text: string, suggestions: readonly OcrSuggestion[]): string {
  if (suggestions.length === 0) return 'No suggestions.\n';
  const chars = Array.from(text);
  const lines = suggestions.map((s) => {
    const before = shorten(chars.slice(s.start, s.end).join(''));
    return `${s.start}-${s.end}\t${s.rule}\t${s.confidence.toFixed(2)}\t${JSON.stringify(before)} → ${JSON.stringify(shorten(s.replacement))}\t${s.explanation}`;
  });
  return `${lines.join('\n')}\n`;
}

/// Long reflow blocks are cut in the listing; --json always carries the full replacement.
function shorten(s: string): string {
  const chars = Array.from(s);
  return chars.length <= 40 ? s : `${chars.slice(0, 18).join('')}…${chars.slice(-18).join('')}`;
}

function parseArgs(argv: string[]): Parsed {
  let page: string | undefined;
  let json = false;
  let apply: string | undefined;
  let out: string | undefined;
  let corpus: string | false | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--json') json = true;
    else if (arg === '--no-corpus') {
      if (typeof corpus === 'string') return { kind: 'usage', message: '--corpus and --no-corpus exclude each other.' };
      corpus = false;
    } else if (arg === '--corpus') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return { kind: 'usage', message: `${arg} needs a value.` };
      if (corpus === false) return { kind: 'usage', message: '--corpus and --no-corpus exclude each other.' };
      corpus = value;
    } else if (arg === '--apply' || arg === '--out') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return { kind: 'usage', message: `${arg} needs a value.` };
      if (arg === '--apply') apply = value;
      else out = value;
    } else if (arg.startsWith('--')) return { kind: 'usage', message: `unknown option ${arg}.` };
    else if (page === undefined) page = arg;
    else return { kind: 'usage', message: `only one page can be given (got "${page}" and "${arg}").` };
  }
  if (page === undefined) return { kind: 'usage', message: 'no page given.' };
  if (apply === undefined) {
    if (out !== undefined) return { kind: 'usage', message: '--out only goes with --apply safe.' };
    return { kind: 'list', page, json, corpus };
  }
  if (apply !== 'safe') return { kind: 'usage', message: `--apply only knows "safe" (got "${apply}").` };
  if (out === undefined) return { kind: 'usage', message: '--apply safe needs --out <file>.' };
  if (json) return { kind: 'usage', message: '--json lists suggestions; it does not go with --apply.' };
  if (corpus !== undefined) return { kind: 'usage', message: '--apply safe works on the page file itself; --corpus and --no-corpus go with listing.' };
  // Originals are never modified: the output must be another file.
  if (path.resolve(out) === path.resolve(page)) return { kind: 'usage', message: '--out must not be the page itself.' };
  return { kind: 'apply', page, out };
}
