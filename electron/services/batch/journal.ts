import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BatchSummary } from '../../../shared/ipc/contract';
import { writeFileAtomic } from '../disk/atomic-write';

/// One page a batch changed: its sidecar before (base64 bytes, null when it had none) and the hash it left.
export interface JournalPage {
  path: string;
  before: string | null;
  afterHash: string;
}

/// What undoing a batch needs: the corpus it ran on and each changed page's previous sidecar.
export interface BatchJournal {
  summary: BatchSummary;
  /// The corpus root (after realpath) the batch changed.
  root: string;
  pages: JournalPage[];
}

// Batches kept per journal folder; older ones can no longer be undone.
const KEPT_BATCHES = 20;

/// The undo journals of batch replacements, one JSON file per batch in a folder beside the app state.
///
/// Kept on disk rather than in memory so that a batch over thousands of pages does not hold every previous
/// sidecar in the main process, and so that it can still be undone after a restart.
export class BatchJournals {
  constructor(readonly folder: string) {}

  /// A new batch id that sorts after every earlier one.
  static newId(now: Date): string {
    return `${now.toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
  }

  /// Stores a batch's journal (atomically) and forgets the oldest beyond the kept number.
  async add(journal: BatchJournal): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.fileOf(journal.summary.id), JSON.stringify(journal));
    const ids = await this.ids();
    for (const old of ids.slice(0, Math.max(0, ids.length - KEPT_BATCHES))) await rm(this.fileOf(old), { force: true });
  }

  /// The newest journal for the corpus at `root`, or null.
  async last(root: string): Promise<BatchJournal | null> {
    const ids = await this.ids();
    for (const id of ids.reverse()) {
      const journal = await this.read(id);
      if (journal?.root === root) return journal;
    }
    return null;
  }

  /// Forgets a journal (after its batch was undone).
  async remove(id: string): Promise<void> {
    await rm(this.fileOf(id), { force: true });
  }

  private async ids(): Promise<string[]> {
    try {
      return (await readdir(this.folder)).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
    } catch {
      return [];
    }
  }

  private async read(id: string): Promise<BatchJournal | null> {
    try {
      const data = JSON.parse(await readFile(this.fileOf(id), 'utf8')) as BatchJournal;
      return typeof data?.root === 'string' && Array.isArray(data.pages) && typeof data.summary?.id === 'string' ? data : null;
    } catch {
      return null;
    }
  }

  private fileOf(id: string): string {
    return path.join(this.folder, `${id}.json`);
  }
}
