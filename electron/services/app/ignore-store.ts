import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ignoreFileSchema, ignoreKey, MAX_IGNORE_ENTRIES, type IgnoreEntry, type IgnoreFile, type IgnoreList, type IgnoreTarget } from '../../../shared/learning/ignore-list';
import { ok, type Result } from '../../../shared/result';
import { failWith, worded } from '../../../shared/errors/fail-with';
import { withReason } from '../../../shared/errors/reasons';
import { firstSchemaReason } from '../../../shared/errors/schema-reason';
import { writeFileAtomic } from '../disk/atomic-write';
import { corpusDataDir } from './corpus-data-dir';

/// The file name of a corpus's ignore list inside its data folder.
export const IGNORE_FILE_NAME = 'ignored.json';

/// A corpus's "always ignore" list, kept in `corpusDataDir(stateFile, root)/ignored.json` (never in the corpus).
///
/// Reads are validated with zod and cached by the file's size and time, so the OCR handler can ask on every
/// request. A file that is not a valid list is reported (`problem`) and used as empty; it is replaced only when
/// the editor changes the list, and then first kept aside as `ignored.json.broken-<time>`. Changes run one at a
/// time and are written atomically.
export class IgnoreStore {
  private cache: { key: string; list: IgnoreList } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  readonly dir: string;
  readonly file: string;

  constructor(stateFile: string, readonly root: string, private readonly now: () => Date = () => new Date()) {
    this.dir = corpusDataDir(stateFile, root);
    this.file = path.join(this.dir, IGNORE_FILE_NAME);
  }

  /// The list as stored (empty when there is no file yet).
  async read(): Promise<Result<IgnoreList>> {
    let key: string;
    try {
      const info = await stat(this.file);
      key = `${info.size}:${info.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({ entries: [], problem: null });
      return failWith('ignore.unreadable', {}, (error as Error).message);
    }
    if (this.cache?.key === key) return ok(this.cache.list);
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({ entries: [], problem: null });
      return failWith('ignore.unreadable', {}, (error as Error).message);
    }
    const list = parseIgnoreFile(text);
    this.cache = { key, list };
    return ok(list);
  }

  /// Adds an entry (stamped now) unless an equal one is listed; returns the new list.
  add(target: IgnoreTarget): Promise<Result<IgnoreList>> {
    return this.change((entries) => {
      if (entries.some((e) => ignoreKey(e) === ignoreKey(target))) return [...entries];
      if (entries.length >= MAX_IGNORE_ENTRIES) return null;
      return [...entries, { ...target, added: this.now().toISOString() } as IgnoreEntry];
    });
  }

  /// Removes the entry equal to `target` (its time is not compared); returns the new list.
  remove(target: IgnoreTarget): Promise<Result<IgnoreList>> {
    return this.change((entries) => entries.filter((e) => ignoreKey(e) !== ignoreKey(target)));
  }

  private change(edit: (entries: readonly IgnoreEntry[]) => IgnoreEntry[] | null): Promise<Result<IgnoreList>> {
    const run = this.queue.then(() => this.changeNow(edit));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async changeNow(edit: (entries: readonly IgnoreEntry[]) => IgnoreEntry[] | null): Promise<Result<IgnoreList>> {
    const current = await this.read();
    if (!current.ok) return current;
    const entries = edit(current.value.entries);
    if (entries === null) return failWith('ignore.full', { limit: MAX_IGNORE_ENTRIES });
    try {
      await mkdir(this.dir, { recursive: true });
      await writeRootNote(this.dir, this.root);
      // A file that was not a valid list is kept aside, never overwritten: the editor may want what was in it.
      if (current.value.problem !== null) await rename(this.file, `${this.file}.broken-${this.now().toISOString().replace(/[:.]/g, '-')}`);
      const file: IgnoreFile = { format: 'jiaodui-ignore-list', version: 1, entries };
      await writeFileAtomic(this.file, `${JSON.stringify(file, null, 2)}\n`);
    } catch (error) {
      return failWith('ignore.notSaved', {}, (error as Error).message);
    }
    this.cache = null;
    return ok({ entries, problem: null });
  }
}

/// Parses an ignore-list file; a file that is not one gives an empty list and the problem in plain words.
export function parseIgnoreFile(text: string): IgnoreList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { entries: [], problem: worded('ignore.malformedJson', { file: IGNORE_FILE_NAME }) };
  }
  const parsed = ignoreFileSchema.safeParse(json);
  if (!parsed.success) {
    // The first problem, as a reason (which field, what is wrong) worded in the UI language.
    const { reason: first } = firstSchemaReason(parsed.error.issues, json, IGNORE_FILE_NAME);
    return { entries: [], problem: worded('ignore.malformed', withReason({ file: IGNORE_FILE_NAME }, 'problem', first)) };
  }
  return { entries: parsed.data.entries, problem: null };
}

// `root.txt` names the corpus for a person looking at the data folder; written once, by whoever creates it.
async function writeRootNote(dir: string, root: string): Promise<void> {
  try {
    await writeFile(path.join(dir, 'root.txt'), `${path.resolve(root)}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
