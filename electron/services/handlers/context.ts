import type { ScannedPage } from '../corpus/scanned-page';
import type { ErrorLog } from '../app/error-log';
import type { CorpusInfo, EventChannel, EventPayloads, RequestArgs, RequestChannel, RequestResults } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import type { AppStore } from '../app/app-state';
import type { BatchJournals } from '../batch/journal';
import type { CorpusLock } from '../corpus/corpus-lock';
import type { CorpusTextCache } from '../corpus/corpus-text-cache';
import type { CorpusWatcher } from '../corpus/corpus-watcher';

/// What the handler table needs from its shell (Electron or the browser harness).
export interface HandlerDeps {
  dialogs: { chooseFolder(purpose: 'open-corpus' | 'export-folder'): Promise<string | null> };
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void;
  /// Where the app state (preferences, recent corpora, index cache) is kept.
  stateFile: string;
  appVersion: string;
  shell: 'electron' | 'browser';
  onDirtyChange?(dirty: boolean): void;
  onConfirmClose?(): void;
  /// The preferences or the recent list changed (the Electron shell rebuilds its menu: language, Open Recent).
  onAppStateChange?(): void;
  /// Watch the open corpus for files changed outside the app (corpus-watch.ts). The shells turn it on; tests of
  /// other handlers leave it off, so files they write do not come back as events.
  watchCorpus?: boolean;
  /// The app log, when the shell opened it already (Electron's main process logs before the table exists);
  /// otherwise the table opens the one beside `stateFile`.
  errorLog?: ErrorLog;
}

/// The mutable state shared by the handlers of one window.
export interface HandlerContext {
  deps: HandlerDeps;
  store(): Promise<AppStore>;
  corpus: CorpusInfo | null;
  /// The open corpus's lock when this table holds it (null when another program holds it, or no corpus is open).
  corpusLock: CorpusLock | null;
  /// The folder chosen through export.chooseFolder; export.run writes there.
  exportFolder: string | null;
  /// The latest corpus scan: its generation, how to cancel it, when it ends, and what it found.
  scan: {
    generation: number;
    abort: AbortController | null;
    finished: Promise<void>;
    /// Whether the latest scan has sent its last event.
    done: boolean;
    /// The pages found so far by path, so opening a page finds its companions without a folder read.
    pages: Map<string, ScannedPage>;
    /// The same pages' paths in display order once a scan of the open corpus has finished, else null.
    paths: string[] | null;
  };
  /// The page texts of the open corpus (batch search, corpus propagation), filled when a scan ends.
  corpusText: CorpusTextCache | null;
  /// Batch correction: the undo journals, and the batch operation running (replace and undo run one at a time).
  batch: { journals: BatchJournals; running: Promise<unknown> };
  /// Pages whose sidecar the app wrote (save, propagation, undo) since the corpus entity index last looked.
  changedSidecars: Set<string>;
  /// The watcher of the open corpus (null: none open, or the shell does not watch).
  watcher: CorpusWatcher | null;
}

/// One channel's implementation: receives already-validated arguments.
export type ChannelHandler<C extends RequestChannel> = (...args: RequestArgs<C>) => Promise<Result<RequestResults[C]>>;

/// Implementations for a group of channels.
export type ChannelHandlers<C extends RequestChannel> = { [K in C]: ChannelHandler<K> };
