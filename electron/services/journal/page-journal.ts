import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { journalEntrySchema, type JournalEntry, type JournalRecord } from '../../../shared/ipc/contract';
import { writeFileAtomic } from '../disk/atomic-write';
import { sha256Hex } from '../disk/hash';

/// A journal file larger than this is compacted to its latest entry on the next append.
export const JOURNAL_COMPACT_BYTES = 4 * 1024 * 1024;

/// The recovery journals of unsaved page work, in the app's data folder (never in a corpus).
///
/// One file per corpus and page (`<sha256 of root and path>.jsonl`), JSON lines appended and fsynced one by
/// one, so a crash, kill -9 or power cut loses at most the entry being written; a torn last line is ignored
/// when reading. A file past JOURNAL_COMPACT_BYTES is rewritten atomically with only its latest entry.
export class PageJournals {
  constructor(private readonly folder: string) {}

  /// Appends an entry for page `entry.path` of corpus `root`, fsynced before it resolves.
  async append(root: string, entry: JournalEntry, now = new Date()): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const file = this.fileOf(root, entry.path);
    const line = `${JSON.stringify({ ...entry, at: now.toISOString(), root })}\n`;
    const size = await stat(file).then((s) => s.size, () => 0);
    if (size + Buffer.byteLength(line) > JOURNAL_COMPACT_BYTES) return writeFileAtomic(file, line);
    const handle = await open(file, 'a');
    try {
      await handle.appendFile(line);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /// The latest whole, valid entry of a page's journal, or null.
  async read(root: string, rel: string): Promise<JournalRecord | null> {
    let text: string;
    try {
      text = await readFile(this.fileOf(root, rel), 'utf8');
    } catch {
      return null;
    }
    const lines = text.split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const record = parseLine(lines[i]!, root, rel);
      if (record) return record;
    }
    return null;
  }

  /// Removes a page's journal (after a save or a discard); nothing happens when there is none.
  async clear(root: string, rel: string): Promise<void> {
    await rm(this.fileOf(root, rel), { force: true });
  }

  /// The journal file of a page of a corpus.
  fileOf(root: string, rel: string): string {
    return path.join(this.folder, `${sha256Hex(`${root}\0${rel}`).slice(0, 40)}.jsonl`);
  }
}

/// The journal folder that belongs to a state file: `journal/` beside it.
export function journalFolderOf(stateFile: string): string {
  return path.join(path.dirname(stateFile), 'journal');
}

// One line as a record, or null when it is torn, invalid, or about another page (a hash collision).
function parseLine(line: string, root: string, rel: string): JournalRecord | null {
  if (line.trim() === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { at, root: entryRoot, ...rest } = raw as Record<string, unknown>;
  if (typeof at !== 'string' || entryRoot !== root) return null;
  const entry = journalEntrySchema.safeParse(rest);
  if (!entry.success || entry.data.path !== rel) return null;
  return { ...entry.data, at };
}
