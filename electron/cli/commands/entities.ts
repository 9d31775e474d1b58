/// `entities <page> --suggest [--json] [--known <file>] [--corpus <dir> | --no-corpus] [--sources …]`: entity
/// suggestions for a page file, exactly as the app makes them for that page: with a corpus, on the page as the app
/// opens it, with the corpus's tagged strings, rejections, ignore list and learned model.
///
/// Offsets are code points on the page text (the corrected text with a corpus; the file as read without). Exit codes: 0 done,
/// 1 page, corpus or known-entities file missing or unreadable, 2 wrong usage.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { suggestEntities } from '../../../shared/entities/suggest/index';
import type { EntitySuggestion, Rejection, SuggestionSource } from '../../../shared/entities/suggest/types';
import { readPageAsOpened } from '../page-as-opened';
import { isInside } from '../../services/disk/confine';
import { findCorpusRoot } from '../../services/corpus/corpus-known';
import { appStateFile } from '../app-state-location';
import { entityDecisions, readCorpusKnowledge, type CorpusKnowledge } from '../corpus-knowledge';
import { fail } from '../../../shared/result';
import { JiebaTagger } from '../../services/entities/jieba-tagger';
import { readPageSourceAtPath } from '../../services/page/page-source';

/// Where the command writes, one line (or block) per call; `cwd` resolves relative paths (default: process cwd).
export interface CommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd?: string;
}

/// One line for the CLI's command list.
export const summary = 'suggest people, places, organisations and dates in a page file';

/// How to call the command, printed for `--help` and after a usage error.
export const usage = `Usage: entities <page> --suggest [--json] [--known <file>] [--corpus <dir> | --no-corpus] [--sources <list>]

Suggests people (PER), places (LOC), organisations (ORG) and dates (DATE) in a page file, with
code-point offsets on the page text as read (decoded, line endings made LF, Unicode NFC).

  --suggest          run the suggesters (required)
  --json             print [{start, end, text, type, source, confidence}] as JSON
  --known <file>     a JSON object mapping already-tagged entity text to its type, e.g. {"武跃林": "PER"}
                     (its entries win over the corpus's)
  --corpus <dir>     the corpus folder the page belongs to. The page is read as the app opens it (the
                     sidecar's corrected text; its tagged spans and rejections left out) and gets everything
                     the app uses: every string tagged in the corpus (its most frequent type), the rejections
                     of every sidecar with their contexts, the corpus's "always ignore" list and the learned
                     model (trained first, and stored where the app keeps it, when the corpus has tags and no
                     model on them yet). The app's data folder is found as the app finds it, or from
                     JIAODUI_STATE_FILE. Without --corpus, the nearest folder above the page that holds
                     jiaodui.tagset.json is used, if any
  --no-corpus        the out-of-the-box suggestions on the page file as read, nothing the corpus knows
  --sources <list>   comma-separated subset of known,rule,segmenter,learned (default: all)
  --help             show this help`;

/// Same text as `usage`, under the name the other commands use.
export const USAGE = usage;

const ALL_SOURCES: SuggestionSource[] = ['known', 'rule', 'segmenter', 'learned'];

/// Runs the command with the arguments that follow `entities`; resolves to the exit code, never rejects.
export async function run(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(usage);
    return 0;
  }
  if (parsed.kind === 'usage') {
    io.stderr(`entities: ${parsed.message}\n\n${usage}`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const { page, json, knownFile, corpus, sources } = parsed;
  const pageAbs = path.resolve(cwd, page);

  // With a corpus, the page is read as the app opens it and gets what the app knows about the corpus: its tagged
  // strings, every sidecar's rejections, the ignore list and the learned model (trained first when missing).
  const root = corpus === false ? null : corpus === undefined ? await findCorpusRoot(path.dirname(pageAbs)) : path.resolve(cwd, corpus);
  if (root !== null && corpus !== undefined && !isInside(root, pageAbs)) {
    io.stderr(`entities: the page is not inside the corpus folder "${corpus}"\n\n${usage}`);
    return 2;
  }
  let knowledge: CorpusKnowledge | undefined;
  if (root !== null) {
    const read = await readCorpusKnowledge(root, appStateFile(), { learn: sources.includes('learned') }).catch((error: Error) => fail('io', error.message));
    if (!read.ok) {
      io.stderr(`entities: ${read.error.message}`);
      return 1;
    }
    knowledge = read.value;
    for (const problem of knowledge.problems) io.stderr(`entities: ${problem}`);
  }
  let known = knowledge && sources.includes('known') ? new Map(Object.entries(knowledge.index.known)) : undefined;
  if (knownFile !== undefined) {
    const loaded = await readKnown(path.resolve(cwd, knownFile), knownFile);
    if (typeof loaded === 'string') {
      io.stderr(`entities: ${loaded}`);
      return 1;
    }
    known = new Map([...(known ?? []), ...loaded]);
  }

  let text: string;
  let existing: readonly { start: number; end: number }[] = [];
  let rejected: readonly Rejection[] = [];
  if (root !== null) {
    const opened = await readPageAsOpened(root, pageAbs);
    if (!opened.ok) {
      io.stderr(`entities: ${opened.error.message}`);
      return 1;
    }
    if (opened.value.sidecarProblem) io.stderr(`entities: the sidecar is not used (${opened.value.sidecarProblem}); suggesting on the original text`);
    ({ text, entities: existing, rejectedEntities: rejected } = opened.value);
  } else {
    const source = await readPageSourceAtPath(pageAbs, page);
    if (!source.ok) {
      io.stderr(`entities: ${source.error.message}${source.error.detail ? ` (${source.error.detail})` : ''}`);
      return 1;
    }
    text = source.value.originalText;
  }
  // The app always has the page's jieba words (the rules read them too); only --sources known goes without.
  const needsWords = sources.some((s) => s !== 'known');
  const suggestions = suggestEntities(text, {
    known,
    tagger: needsWords ? new JiebaTagger() : undefined,
    existing,
    rejected,
    sources,
    ...(knowledge && { corpusDecisions: entityDecisions(knowledge) }),
    ...(knowledge?.model && { model: knowledge.model }),
  });
  io.stdout(json ? JSON.stringify(suggestions.map(plain), null, 2) : table(suggestions));
  return 0;
}

type Parsed =
  | { kind: 'run'; page: string; json: boolean; knownFile?: string; corpus?: string | false; sources: SuggestionSource[] }
  | { kind: 'help' }
  | { kind: 'usage'; message: string };

function parseArgs(argv: string[]): Parsed {
  const pages: string[] = [];
  let json = false;
  let suggest = false;
  let knownFile: string | undefined;
  let corpus: string | false | undefined;
  let sources = ALL_SOURCES;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--json') json = true;
    else if (arg === '--suggest') suggest = true;
    else if (arg === '--no-corpus') {
      if (typeof corpus === 'string') return { kind: 'usage', message: '--corpus and --no-corpus exclude each other' };
      corpus = false;
    } else if (arg === '--known' || arg === '--sources' || arg === '--corpus') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return { kind: 'usage', message: `${arg} needs a value` };
      if (arg === '--known') knownFile = value;
      else if (arg === '--corpus') {
        if (corpus === false) return { kind: 'usage', message: '--corpus and --no-corpus exclude each other' };
        corpus = value;
      }
      else {
        const list = value.split(',').map((s) => s.trim());
        const bad = list.filter((s) => !(ALL_SOURCES as string[]).includes(s));
        if (bad.length > 0 || list.length === 0) {
          return { kind: 'usage', message: `unknown source ${bad.join(', ')}; use known, rule, segmenter or learned` };
        }
        sources = list as SuggestionSource[];
      }
    } else if (arg.startsWith('-') && arg !== '-') return { kind: 'usage', message: `unknown option ${arg}` };
    else pages.push(arg);
  }
  if (!suggest) return { kind: 'usage', message: '--suggest is required (it is the only mode so far)' };
  if (pages.length !== 1) return { kind: 'usage', message: `expected exactly one page file, got ${pages.length}` };
  return { kind: 'run', page: pages[0]!, json, knownFile, corpus, sources };
}

/// Reads a known-entities file; returns the map or a plain-words error.
async function readKnown(abs: string, file: string): Promise<Map<string, string> | string> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (error) {
    return `cannot read the known-entities file "${file}" (${(error as Error).message})`;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return `the known-entities file "${file}" is not valid JSON`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return `the known-entities file "${file}" must be a JSON object mapping entity text to type`;
  }
  const map = new Map<string, string>();
  for (const [entity, type] of Object.entries(data)) {
    if (typeof type !== 'string' || type.length === 0 || entity.length === 0) {
      return `in "${file}", the entry "${entity}" must map a non-empty text to a type name`;
    }
    map.set(entity.normalize('NFC'), type);
  }
  return map;
}

function plain(s: EntitySuggestion): EntitySuggestion {
  return { start: s.start, end: s.end, text: s.text, type: s.type, source: s.source, confidence: s.confidence };
}

function table(suggestions: readonly EntitySuggestion[]): string {
  if (suggestions.length === 0) return 'No suggestions.';
  const lines = suggestions.map((s) => `${s.start}\t${s.end}\t${s.type}\t${s.source}\t${s.confidence.toFixed(2)}\t${s.text}`);
  return `start\tend\ttype\tsource\tconfidence\ttext\n${lines.join('\n')}`;
}
