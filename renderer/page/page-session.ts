import type { JournalRecord, PageData } from '../../shared/ipc/contract';
import { wordedOf } from '../i18n/error-words';
import { contentOf, sameContent, type PageContent } from './content';
import { isAboutPage, type FileChange } from './file-changes';
import { SessionCore } from './session-core';
import { contentOfRecord } from './session-journal';

/// The open page: what was loaded, what is saved, whether there is unsaved work, the save queue, autosave, the
/// leave and quit guards (SessionCore), and here the conflicts with the disk (a refused save, a change outside the
/// app) and recovery from the journal. Plain TypeScript: the React hook `usePageSession` binds it; unit tests
/// drive it with a fake API and a fake clock.
export class PageSession extends SessionCore {
  /// Restores the journalled work offered by `recovery`.
  restore(): void {
    const recovery = this.state.recovery;
    if (!recovery || !this.loaded) return;
    this.show(this.loaded, contentOfRecord(recovery.record), recovery.record.caret);
  }

  /// Declines the journalled work offered by `recovery` and forgets it.
  async dropRecovery(): Promise<void> {
    const page = this.loaded;
    this.set({ recovery: null });
    if (page) await this.journal.clear(page.path);
  }

  /// Conflict resolved by keeping `content` (mine, possibly with lines taken from theirs): saved over the disk's.
  keepMine(content: PageContent): void {
    const theirs = this.state.conflict?.theirs;
    if (!theirs) return;
    this.saveOnAttach = true;
    this.show(theirs, content, this.editor?.caret() ?? null);
  }

  /// Conflict resolved by taking the disk's version: unsaved work is dropped.
  async takeTheirs(): Promise<void> {
    const conflict = this.state.conflict;
    const page = this.loaded;
    if (!conflict || !page) return;
    await this.journal.clear(page.path);
    if (conflict.theirs) this.show(conflict.theirs, null, this.editor?.caret() ?? null);
    else await this.load(page.path);
  }

  /// Closes the compare view without resolving (the work stays unsaved; a save is refused again).
  closeConflict(): void {
    this.set({ conflict: null });
  }

  /// Files changed outside the app (the corpus watcher): reload the open page when nothing is unsaved, else compare.
  async filesChanged(changes: readonly FileChange[]): Promise<void> {
    const page = this.loaded;
    if (!page || !changes.some((change) => isAboutPage(change.path, page.path))) return;
    // Our own save writes the sidecar too: wait for it, then compare the disk with what we know.
    await this.queue.idle();
    const disk = await this.options.api.openPage(page.path);
    if (this.loaded !== page) return;
    if (disk.ok && disk.value.sha256 === page.sha256 && disk.value.sidecarHash === this.sidecarHash) return;
    this.refreshDirty();
    if (!this.state.dirty) {
      if (disk.ok) this.show(disk.value, null, this.editor?.caret() ?? null);
      else await this.load(page.path);
      return;
    }
    const mine = this.currentContent();
    if (mine) this.set({ conflict: { reason: 'external-change', mine, theirs: disk.ok ? disk.value : null, problem: disk.ok ? null : wordedOf(disk.error) } });
  }

  protected async openConflict(page: PageData, mine: PageContent): Promise<void> {
    const disk = await this.options.api.openPage(page.path);
    if (this.loaded !== page) return;
    this.set({ conflict: { reason: 'save-refused', mine, theirs: disk.ok ? disk.value : null, problem: disk.ok ? null : wordedOf(disk.error) } });
  }

  protected offerJournal(page: PageData, record: JournalRecord): void {
    const mine = contentOfRecord(record);
    if (sameContent(mine, contentOf(page))) return void this.journal.clear(page.path);
    if (record.sourceSha256 === page.sha256 && record.sidecarHash === page.sidecarHash) this.set({ recovery: { record } });
    // The page or its sidecar changed since the work was journalled: offer a comparison, never apply it blindly.
    else this.set({ conflict: { reason: 'journal', mine, theirs: page, problem: null } });
  }
}
