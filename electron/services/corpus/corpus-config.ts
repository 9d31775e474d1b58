import { z } from 'zod';
import { TEXT_SOURCES, type CorpusSettings, type TextSource } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith, worded, type Worded } from '../../../shared/errors/fail-with';
import { corpusFile, readFileInCorpus } from '../disk/confined-fs';
import { writeFileAtomicInCorpus } from '../disk/confined-write';
import { asOwnWrite } from '../disk/own-writes';

/// The settings file's name at the corpus root.
export const CORPUS_CONFIG_FILE = 'jiaodui.corpus.json';

/// The text source a corpus uses when its settings file does not say (or cannot be read).
export const DEFAULT_TEXT_SOURCE: TextSource = 'layout';

/// The settings file's content: `{ "format": "jiaodui-corpus", "version": 1, "textSource": "layout" | "text" }`.
export const corpusConfigSchema = z.strictObject({
  format: z.literal('jiaodui-corpus'),
  version: z.literal(1),
  textSource: z.enum(TEXT_SOURCES),
});

/// Reads the corpus settings; a missing file gives the defaults, a malformed one the defaults plus a problem.
///
/// Never fails: a broken settings file must not keep pages from opening, so its problem is reported instead.
export async function readCorpusSettings(root: string): Promise<CorpusSettings> {
  const defaults: CorpusSettings = { textSource: DEFAULT_TEXT_SOURCE, file: CORPUS_CONFIG_FILE, problem: null };
  let text: string;
  try {
    const file = await corpusFile(root, CORPUS_CONFIG_FILE);
    if (!file.ok) return { ...defaults, problem: unusable(file.error.message, `${file.error.message} The default text source (layout file first) is used.`) };
    text = (await readFileInCorpus(file.value)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaults;
    const reason = `cannot be read (${(error as Error).message})`;
    return { ...defaults, problem: unusable(reason, `${CORPUS_CONFIG_FILE} ${reason}; the default text source (layout file first) is used.`) };
  }
  const problem = parseProblem(text);
  if (typeof problem === 'string') return { ...defaults, problem: unusable(problem) };
  return { ...defaults, textSource: problem.textSource };
}

// Why the settings file is not used: the reason (technical English from the file check or the OS) is a value of a
// sentence the renderer words; `english` replaces the registry's sentence in the message when given.
function unusable(reason: string, english?: string): Worded {
  return worded('corpusSettings.unusable', { file: CORPUS_CONFIG_FILE, problem: reason }, english);
}

function parseProblem(text: string): string | z.infer<typeof corpusConfigSchema> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `this is not valid JSON (${(error as Error).message}).`;
  }
  const parsed = corpusConfigSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  return `${z.prettifyError(parsed.error).replace(/\n/g, '; ')}.`;
}

/// Writes the corpus settings file atomically with the given text source.
///
/// Refuses (`'io'`) only when the file cannot be written; the caller rescans the corpus afterwards.
export async function writeTextSource(root: string, textSource: TextSource): Promise<Result<CorpusSettings>> {
  const content = `${JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource }, null, 2)}\n`;
  try {
    const file = await corpusFile(root, CORPUS_CONFIG_FILE);
    if (!file.ok) return file;
    // Remembered as the app's own write, so the corpus watcher does not report it as a change from outside.
    await asOwnWrite(file.value.abs, () => writeFileAtomicInCorpus(file.value, content));
  } catch (error) {
    return failWith('corpus.settingsNotSaved', { file: CORPUS_CONFIG_FILE }, (error as Error).message);
  }
  return ok({ textSource, file: CORPUS_CONFIG_FILE, problem: null });
}
