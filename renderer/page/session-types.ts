import type { JiaoduiApi } from '../../shared/ipc/api';
import type { JournalRecord, PageData, SaveOutcome } from '../../shared/ipc/contract';
import type { ReviewStatus } from '../../shared/model/sidecar-schema';
import type { Clock } from './clock';
import type { WordedError } from '../i18n/error-words';
import type { PageContent } from './content';

/// What the page area shows about saving.
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  /// `opened`: the time is the sidecar's as found when the page opened, not a save of this session.
  | { kind: 'saved'; at: number; opened: boolean }
  | ({ kind: 'error' } & WordedError);

/// Two versions of the open page to compare: the editor's ("mine") and the one on disk now ("theirs").
export interface Conflict {
  /// 'save-refused': the sidecar or page file changed since loading; 'external-change': the watcher saw the page
  /// change while there was unsaved work; 'journal': unsaved work from a crash whose base is no longer on disk.
  reason: 'save-refused' | 'external-change' | 'journal';
  mine: PageContent;
  /// The page as on disk now, or null when it cannot be read (removed).
  theirs: PageData | null;
  /// Why the disk version cannot be read, when `theirs` is null.
  problem: WordedError | null;
}

/// Unsaved work of the open page found in the journal, whose base is still what is on disk.
export interface Recovery {
  record: JournalRecord;
}

export type { UnsavedChoice } from '../components/UnsavedPrompt';

/// The open page's state as the UI shows it; a new object whenever something changed (useSyncExternalStore).
export interface SessionState {
  /// The page asked for last (shown active in the list), even before it has loaded.
  path: string | null;
  /// The page the editor shows: what was loaded, or a restored / kept version of it.
  page: PageData | null;
  /// Bumped at each (re)load: the editor is recreated for each value.
  load: number;
  /// Why the page asked for could not be opened.
  error: WordedError | null;
  status: ReviewStatus;
  /// The page note as edited ('' for none); saved with the page like the status.
  note: string;
  dirty: boolean;
  save: SaveState;
  /// Corrections of the text as last saved or loaded.
  correctionCount: number;
  /// The Save / Discard / Cancel question, while it is asked.
  prompt: { page: string } | null;
  conflict: Conflict | null;
  recovery: Recovery | null;
  /// Where the caret goes once the editor of `load` has mounted (code points), or null.
  caret: number | null;
}

/// The part of the API the session calls.
export type SessionApi = Pick<
  JiaoduiApi,
  'openPage' | 'savePage' | 'setDirty' | 'confirmClose' | 'writeJournal' | 'readJournal' | 'clearJournal' | 'rememberPage'
>;

/// What a page session is made with.
export interface SessionOptions {
  api: SessionApi;
  clock: Clock;
  /// Seconds of quiet before an autosave; 0 turns autosave off.
  autosaveSeconds: number;
  /// Pause before unsaved work is written to the journal, in milliseconds (at most 1000; default 400).
  journalDelayMs?: number;
  /// Called after each successful save (the page list's status dot, the corpus entity index).
  onSaved?(path: string, status: ReviewStatus, outcome: SaveOutcome, text: string): void;
}

/// The state before any page is opened.
export const INITIAL_SESSION_STATE: SessionState = {
  path: null,
  page: null,
  load: 0,
  error: null,
  status: 'unreviewed',
  note: '',
  dirty: false,
  save: { kind: 'idle' },
  correctionCount: 0,
  prompt: null,
  conflict: null,
  recovery: null,
  caret: null,
};
