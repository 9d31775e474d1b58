import type { CorpusInfo, EventChannel, EventPayloads, RequestArgs, RequestChannel, RequestResults } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import type { AppStore } from '../app-state';

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
}

/// The mutable state shared by the handlers of one window.
export interface HandlerContext {
  deps: HandlerDeps;
  store(): Promise<AppStore>;
  corpus: CorpusInfo | null;
  /// The folder chosen through export.chooseFolder; export.run writes there.
  exportFolder: string | null;
  scan: { generation: number; abort: AbortController | null; finished: Promise<void> };
  /// The pages (relative paths, display order) found by the last finished scan of the open corpus, or null before.
  pages: { root: string; paths: string[] } | null;
  /// Pages whose sidecar the app wrote (save, propagation, undo) since the corpus entity index last looked.
  changedSidecars: Set<string>;
}

/// One channel's implementation: receives already-validated arguments.
export type ChannelHandler<C extends RequestChannel> = (...args: RequestArgs<C>) => Promise<Result<RequestResults[C]>>;

/// Implementations for a group of channels.
export type ChannelHandlers<C extends RequestChannel> = { [K in C]: ChannelHandler<K> };
