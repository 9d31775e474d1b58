import type { Stats } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { comparePathsNaturally } from '../../../shared/model/page-files';
import { fileStamp, isOwnState, isOwnWriteInFlight } from '../disk/own-writes';
import { absoluteOf, isWatchedFolder, listWatchedFiles, relativeOf, WATCH_DEPTH, watchedKind } from './corpus-watch-files';

/// One file of the corpus added, changed or removed outside the app; `path` is relative and `/`-separated.
export interface WatchedChange {
  path: string;
  kind: 'added' | 'changed' | 'removed';
}

/// What the watcher reports at once: the changes of one batch, in natural path order.
export interface WatchedBatch {
  changes: WatchedChange[];
  /// Whether `jiaodui.corpus.json` (the corpus settings) is among them.
  settingsChanged: boolean;
}

/// How a corpus watcher reports.
export interface CorpusWatcherOptions {
  onChanges(batch: WatchedBatch): void;
  /// The platform refused a watch (too many watched folders, permissions) or a batch could not be judged.
  onError?(error: Error): void;
  /// Quiet time after the last file event before a batch goes out (default 200 ms).
  debounceMs?: number;
  /// Longest time a batch waits while events keep coming (default 1,000 ms).
  maxWaitMs?: number;
}

/// Watches a corpus folder and reports its page files, companions, sidecars and settings file added, changed
/// or removed outside the app, in debounced batches.
///
/// Only folders are watched (one watch per folder, through chokidar; never polling): a folder's watch also
/// tells which of its files changed, so a corpus of 10,000 pages in 20 folders costs 21 watches instead of one
/// per file. The watcher keeps each watched file's stamp (inode, size, mtime) and reports a file only when its
/// stamp differs from the one it knew; a file whose stamp is what the app itself last wrote there
/// (own-writes.ts) is not reported. A folder added or removed is walked (or forgotten) as a whole.
export class CorpusWatcher {
  /// Resolves once every folder is watched and every watched file's stamp is known (or the watcher closed).
  readonly ready: Promise<void>;
  private readonly known = new Map<string, string>();
  private readonly pendingFiles = new Set<string>();
  // Files with events from before every stamp was known: their stamp then may already be the new one.
  private readonly earlyFiles = new Set<string>();
  private readonly earlyFolders = new Set<string>();
  private stampsKnown = false;
  // Folders to compare with what is known, and whether only their own files (not their sub-folders).
  private readonly pendingFolders = new Map<string, boolean>();
  private readonly watcher: FSWatcher;
  private timer: NodeJS.Timeout | null = null;
  private firstPendingAt = 0;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  /// Starts watching `root` (an absolute path, after realpath).
  constructor(
    readonly root: string,
    private readonly options: CorpusWatcherOptions,
  ) {
    this.watcher = watch(root, {
      // Watches do not keep the process alive (tests, the command line); the app closes them on quit anyway.
      persistent: false,
      ignoreInitial: true,
      followSymlinks: false,
      depth: WATCH_DEPTH,
      ignorePermissionErrors: true,
      ignored: (abs: string, stats?: Stats) => this.ignored(abs, stats),
    });
    // The raw events of the folder watches: `name` is the file in the folder (null where the platform omits it).
    this.watcher.on('raw', (_event, name: string | null, details) => this.onRaw(name, (details as { watchedPath?: string } | undefined)?.watchedPath));
    this.watcher.on('addDir', (abs: string) => this.onFolder(abs));
    this.watcher.on('unlinkDir', (abs: string) => this.onFolder(abs));
    this.watcher.on('error', (error: unknown) => this.options.onError?.(error instanceof Error ? error : new Error(String(error))));
    const watching = new Promise<void>((resolve) => this.watcher.once('ready', () => resolve()));
    this.ready = watching.then(async () => {
      const files = await listWatchedFiles(root, '');
      if (!this.closed) for (const [rel, stamp] of files) this.known.set(rel, stamp);
      this.stampsKnown = true;
    });
  }

  /// Number of files whose stamps the watcher keeps (for tests and measurements).
  get knownFiles(): number {
    return this.known.size;
  }

  /// Stops watching; no batch is reported after this resolves.
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.watcher.close();
    this.known.clear();
    this.pendingFiles.clear();
    this.pendingFolders.clear();
    this.earlyFiles.clear();
    this.earlyFolders.clear();
  }

  // chokidar follows folders only: files are reported by their folder's watch (onRaw).
  private ignored(abs: string, stats?: Stats): boolean {
    const rel = relativeOf(this.root, abs);
    if (rel === null) return true;
    if (rel === '') return false;
    if (!rel.split('/').every((part) => !part.startsWith('.') && part !== 'node_modules')) return true;
    return stats === undefined ? false : !stats.isDirectory() || !isWatchedFolder(rel);
  }

  private onRaw(name: string | null, watchedPath: string | undefined): void {
    if (this.closed || watchedPath === undefined) return;
    const folder = relativeOf(this.root, watchedPath);
    if (folder === null) return;
    // Some platforms do not always name the file: the folder's own files are then compared as a whole.
    if (name === null || name === '') return this.queueFolder(folder, true);
    const rel = relativeOf(this.root, path.join(watchedPath, name));
    if (rel === null || rel === '' || watchedKind(rel) === null) return;
    this.pendingFiles.add(rel);
    if (!this.stampsKnown) this.earlyFiles.add(rel);
    this.schedule();
  }

  private onFolder(abs: string): void {
    const rel = relativeOf(this.root, abs);
    if (rel !== null && !this.closed) this.queueFolder(rel, false);
  }

  private queueFolder(rel: string, shallow: boolean): void {
    // A whole-folder comparison already queued covers its own files.
    if (this.pendingFolders.get(rel) !== false) this.pendingFolders.set(rel, shallow);
    if (!this.stampsKnown) this.earlyFolders.add(rel);
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    const now = Date.now();
    if (this.firstPendingAt === 0) this.firstPendingAt = now;
    const debounce = this.options.debounceMs ?? 200;
    const deadline = this.firstPendingAt + (this.options.maxWaitMs ?? 1000);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.startFlush(), Math.max(0, Math.min(debounce, deadline - now)));
  }

  private startFlush(): void {
    this.timer = null;
    this.firstPendingAt = 0;
    // One batch at a time, so the known stamps are never compared twice at once.
    this.flushing = this.flushing
      .then(() => this.flush())
      .catch((error: unknown) => this.options.onError?.(error instanceof Error ? error : new Error(String(error))));
  }

  private async flush(): Promise<void> {
    await this.ready;
    if (this.closed) return;
    const folders = [...this.pendingFolders].filter(([rel]) => !this.coveredByOtherFolder(rel));
    const files = [...this.pendingFiles];
    this.pendingFolders.clear();
    this.pendingFiles.clear();
    const changes = new Map<string, WatchedChange['kind']>();
    const deferred: string[] = [];
    for (const [folder, shallow] of folders) {
      const early = this.earlyFolders.delete(folder);
      const listed = await listWatchedFiles(this.root, folder, { shallow });
      if (this.closed) return;
      for (const rel of [...this.known.keys()].filter((known) => isIn(folder, known, shallow))) if (!listed.has(rel)) this.judge(rel, null, changes, deferred);
      for (const [rel, stamp] of listed) this.judge(rel, stamp, changes, deferred, early);
    }
    for (const rel of files) this.judge(rel, fileStamp(absoluteOf(this.root, rel)), changes, deferred, this.earlyFiles.delete(rel));
    // The app is writing these now: they are judged once the write has ended, against what it left.
    for (const rel of deferred) this.pendingFiles.add(rel);
    if (deferred.length > 0) this.schedule();
    // Events from the start that were judged (or folded into a folder's walk) need no special care any more.
    for (const rel of this.earlyFiles) if (!this.pendingFiles.has(rel)) this.earlyFiles.delete(rel);
    for (const rel of this.earlyFolders) if (!this.pendingFolders.has(rel)) this.earlyFolders.delete(rel);
    if (changes.size === 0 || this.closed) return;
    const list = [...changes].map(([rel, kind]) => ({ path: rel, kind })).sort((a, b) => comparePathsNaturally(a.path, b.path));
    this.options.onChanges({ changes: list, settingsChanged: list.some((change) => watchedKind(change.path) === 'settings') });
  }

  private coveredByOtherFolder(rel: string): boolean {
    for (const [other, shallow] of this.pendingFolders) if (other !== rel && !shallow && isIn(other, rel, false)) return true;
    return false;
  }

  // Compares a file's stamp now (null: gone) with the one known, records it, and notes the change unless the app
  // itself left the file so. An `early` file (its event came while the watcher started) counts as changed even
  // with the stamp known, since that stamp may have been taken after the change.
  private judge(rel: string, stamp: string | null, changes: Map<string, WatchedChange['kind']>, deferred: string[], early = false): void {
    const abs = absoluteOf(this.root, rel);
    if (isOwnWriteInFlight(abs)) {
      deferred.push(rel);
      if (early) this.earlyFiles.add(rel);
      return;
    }
    const before = this.known.get(rel) ?? null;
    if (before === stamp && !early) return;
    if (stamp === null) this.known.delete(rel);
    else this.known.set(rel, stamp);
    if (isOwnState(abs, stamp)) return;
    const kind = stamp === null ? 'removed' : before === null ? 'added' : 'changed';
    const earlier = changes.get(rel);
    // Within one batch: added then changed is added; added then removed is nothing; removed then added is changed.
    if (earlier === 'added' && kind === 'removed') changes.delete(rel);
    else if (earlier === 'added') changes.set(rel, 'added');
    else if (earlier === 'removed' && kind === 'added') changes.set(rel, 'changed');
    else changes.set(rel, kind);
  }
}

// Whether `rel` lies in `folder` ('' = root): anywhere below it, or (`shallow`) directly in it.
function isIn(folder: string, rel: string, shallow: boolean): boolean {
  const prefix = folder === '' ? '' : `${folder}/`;
  if (!rel.startsWith(prefix) || rel === folder) return false;
  return !shallow || !rel.slice(prefix.length).includes('/');
}
