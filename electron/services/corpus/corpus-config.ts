import { z } from 'zod';
import { TEXT_SOURCES, type CorpusSettings, type TextSource } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { englishOf, failWith, worded, wordedOfError, type Worded } from '../../../shared/errors/fail-with';
import { reasonEnglish, withReason } from '../../../shared/errors/reasons';
import { osReason } from '../../../shared/errors/os-reason';
import { jsonSyntaxReason } from '../../../shared/errors/json-reason';
import { firstSchemaReason, schemaIssueReason } from '../../../shared/errors/schema-reason';
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
    if (!file.ok) return { ...defaults, problem: wordedOfError(file.error) };
    text = (await readFileInCorpus(file.value)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaults;
    // The screen words the OS error by its code; the log keeps the OS's own sentence.
    const english = englishOf('corpusSettings.unreadable', { file: CORPUS_CONFIG_FILE, problem: (error as Error).message });
    return { ...defaults, problem: worded('corpusSettings.unreadable', withReason({ file: CORPUS_CONFIG_FILE }, 'problem', osReason(error)), english) };
  }
  const parsed = parseSettings(text);
  if ('problem' in parsed) return { ...defaults, problem: parsed.problem };
  return { ...defaults, textSource: parsed.settings.textSource };
}

// The settings in `text`, or why they cannot be used: the first problem as a reason (the screen shows it and how
// many more there are; the English message lists them all).
function parseSettings(text: string): { settings: z.infer<typeof corpusConfigSchema> } | { problem: Worded } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const why = jsonSyntaxReason(text, error);
    return { problem: worded('corpusSettings.unusable', withReason({ file: CORPUS_CONFIG_FILE }, 'problem', why)) };
  }
  const parsed = corpusConfigSchema.safeParse(data);
  if (parsed.success) return { settings: parsed.data };
  const { reason: first, more } = firstSchemaReason(parsed.error.issues, data, CORPUS_CONFIG_FILE);
  const all = parsed.error.issues.map((issue) => reasonEnglish(schemaIssueReason(issue, data, CORPUS_CONFIG_FILE))).join('; ');
  const values = withReason({ file: CORPUS_CONFIG_FILE, ...(more > 0 && { count: more }) }, 'problem', first);
  const english = englishOf('corpusSettings.unusable', { file: CORPUS_CONFIG_FILE, problem: all });
  return { problem: more > 0 ? worded('corpusSettings.unusableMore', values, english) : worded('corpusSettings.unusable', values, english) };
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
