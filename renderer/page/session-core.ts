import type { JournalRecord, PageData } from '../../shared/ipc/contract';
import { wordedOf } from '../i18n/error-words';
import type { ReviewStatus } from '../../shared/model/sidecar-schema';
import { Debounce } from './clock';
import { contentOf, pageWithContent, sameContent, type PageContent } from './content';
import type { EditorPort } from './editor-port';
import { SerialQueue } from './serial-queue';
import { SessionJournal } from './session-journal';
import { INITIAL_SESSION_STATE, type SessionOptions, type SessionState, type UnsavedChoice } from './session-types';


/// The core of the page session (see PageSession): the open page, what was loaded, what is saved, whether there is unsaved work, the save queue, autosave, the
/// leave and quit guards, and writing the journal.
export abstract class SessionCore {
  protected state: SessionState = INITIAL_SESSION_STATE;
  private readonly listeners = new Set<() => void>();
  /// The page as loaded from disk (its hashes are what a save checks against).
  protected loaded: PageData | null = null;
  protected saved: PageContent | null = null;
  protected savedRejections = '';
  protected sidecarHash: string | null = null;
  /// The editor started with content that is not the saved one (a restored journal, "keep mine").
  protected baseDirty = false;
  protected editor: EditorPort | null = null;
  protected saveOnAttach = false;
  // What `transaction` saw last, so a selection move is not taken for an edit.
  protected lastToken: unknown = null;
  protected lastRejections = '';
  /// Counts load requests, so the answer of an older one is dropped.
  protected request = 0;
  protected answerPrompt: ((choice: UnsavedChoice) => void) | null = null;
  protected readonly queue = new SerialQueue();
  protected readonly autosave: Debounce;
  protected readonly caretTimer: Debounce;
  protected readonly journal: SessionJournal;

  constructor(protected readonly options: SessionOptions) {
    this.autosave = new Debounce(options.clock);
    this.caretTimer = new Debounce(options.clock);
    this.journal = new SessionJournal(options.api, options.clock, Math.min(1000, options.journalDelayMs ?? 400));
  }

  /// For useSyncExternalStore.
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /// For useSyncExternalStore: the current state (a new object after each change).
  readonly getState = (): SessionState => this.state;

  /// Opens a page once unsaved work of the open one has been dealt with; false when the user cancelled.
  async open(path: string, caret: number | null = null): Promise<boolean> {
    if (!(await this.guard())) return false;
    await this.load(path, caret);
    return true;
  }

  /// Loads a page, dropping unsaved work of the open one (callers guard first; a batch reload need not).
  async load(path: string, caret: number | null = null): Promise<void> {
    this.stopTimers();
    const request = ++this.request;
    this.set({ path });
    const [result, journal] = await Promise.all([this.options.api.openPage(path), this.options.api.readJournal(path)]);
    if (request !== this.request) return;
    if (!result.ok) {
      this.loaded = this.saved = this.editor = null;
      this.set({ page: null, error: wordedOf(result.error), dirty: false, conflict: null, recovery: null, save: { kind: 'idle' } });
      return;
    }
    const page = result.value;
    this.show(page, null, caret);
    void this.options.api.rememberPage({ path, caret: caret ?? 0 });
    if (journal.ok && journal.value !== null && page.readOnly === null) this.offerJournal(page, journal.value);
  }

  /// Closes the open page (another corpus, a new text source); callers guard first.
  close(): void {
    this.stopTimers();
    this.request++;
    this.loaded = this.saved = this.editor = null;
    this.baseDirty = false;
    this.set({ path: null, page: null, error: null, dirty: false, save: { kind: 'idle' }, conflict: null, recovery: null, caret: null });
  }

  /// The mounted editor of load `load` (null when it unmounts).
  attachEditor(load: number, port: EditorPort | null): void {
    if (load !== this.state.load) return;
    this.editor = port;
    if (port === null) return;
    this.savedRejections = this.lastRejections = port.rejectionsKey();
    this.lastToken = port.docToken();
    if (this.saveOnAttach) {
      this.saveOnAttach = false;
      void this.save();
    }
  }

  /// The editor's content changed (text, entities, rejections): autosave and the journal follow.
  changed(): void {
    if (!this.loaded || this.loaded.readOnly !== null) return;
    this.refreshDirty();
    if (this.state.dirty) this.scheduleAutosave();
    else this.autosave.cancel();
    this.journal.schedule(this.journalSource());
  }

  /// The caret moved: remembered for the corpus at most a second later (a reload puts it back). A pending timer
  /// is not pushed back, so transactions that keep coming (suggestions arriving) cannot keep it from firing.
  caretMoved(): void {
    if (this.caretTimer.pending) return;
    this.caretTimer.schedule(1000, () => {
      const page = this.loaded;
      if (page && this.editor) void this.options.api.rememberPage({ path: page.path, caret: this.editor.caret() });
    });
  }

  setStatus(status: ReviewStatus): void {
    this.set({ status });
    this.changed();
  }

  /// Edits the page note (saved with the page; '' removes it).
  setNote(note: string): void {
    this.set({ note });
    this.changed();
  }

  /// Saves the open page after any save already running; true when what the editor holds is saved.
  save(): Promise<boolean> {
    return this.queue.run(() => this.saveNow());
  }

  /// Resolves true once unsaved work is saved or discarded (asking Save / Discard / Cancel), false on Cancel.
  async guard(): Promise<boolean> {
    if (!this.loaded) return true;
    // A save still running decides whether work is unsaved: wait for it, then read the state it left.
    await this.queue.idle();
    this.refreshDirty();
    if (!this.state.dirty || !this.loaded) return true;
    if (this.answerPrompt) return false;
    const path = this.loaded.path;
    const choice = await new Promise<UnsavedChoice>((resolve) => {
      this.answerPrompt = resolve;
      this.set({ prompt: { page: path } });
    });
    this.answerPrompt = null;
    this.set({ prompt: null });
    if (choice === 'cancel') return false;
    if (choice === 'save') return this.save();
    await this.discard();
    return true;
  }

  /// The user's answer to the unsaved-work prompt.
  answer(choice: UnsavedChoice): void {
    this.answerPrompt?.(choice);
  }

  /// The window is closing (app.closeRequested): confirm once the unsaved work is dealt with.
  async requestClose(): Promise<void> {
    if (await this.guard()) await this.options.api.confirmClose();
  }

  /// Drops the open page's unsaved work for good (its journal too); the editor is left to be replaced.
  async discard(): Promise<void> {
    const page = this.loaded;
    this.autosave.cancel();
    if (page) await this.journal.clear(page.path);
  }

  /// Every editor transaction: content changes go to `changed`, selection moves only to the caret memory.
  transaction(): void {
    const editor = this.editor;
    if (!editor) return;
    const token = editor.docToken();
    const rejections = editor.rejectionsKey();
    if (token !== this.lastToken || rejections !== this.lastRejections) {
      this.lastToken = token;
      this.lastRejections = rejections;
      this.changed();
    }
    this.caretMoved();
  }

  /// Unsaved work of a page just loaded was found in the journal.
  protected abstract offerJournal(page: PageData, record: JournalRecord): void;

  /// A save was refused because the sidecar or page file changed: compare the versions.
  protected abstract openConflict(page: PageData, mine: PageContent): Promise<void>;

  /// Stops the timers (the app unmounts).
  dispose(): void {
    this.stopTimers();
  }

  protected async saveNow(): Promise<boolean> {
    const page = this.loaded;
    const editor = this.editor;
    if (!page || page.readOnly !== null || !editor || !this.saved) return false;
    this.autosave.cancel();
    const content: PageContent = { ...editor.content(), status: this.state.status, note: this.state.note };
    const rejections = editor.rejectionsKey();
    const doc = editor.docToken();
    // Edits undone back to what is saved: nothing to write, and no new sidecar.
    if (!this.baseDirty && sameContent(content, this.saved)) {
      editor.markSaved();
      this.savedRejections = rejections;
      this.refreshDirty();
      if (!this.state.dirty) await this.journal.clear(page.path);
      return true;
    }
    this.set({ save: { kind: 'saving' } });
    const { text, entities, rejectedEntities, rejectedCorrections, status, note } = content;
    const pending = editor.pending?.() ?? null;
    const result = await this.options.api.savePage({
      path: page.path,
      text,
      status,
      entities,
      rejectedEntities,
      rejectedCorrections,
      corrections: [...editor.corrections()],
      moves: [...editor.moves()],
      note,
      ...(pending !== null && { pending }),
      sourceSha256: page.sha256,
      expectedSidecarHash: this.sidecarHash,
    });
    // The page was replaced meanwhile (a reload, "keep mine"): this answer belongs to a version no longer shown.
    if (this.loaded !== page) return result.ok;
    if (!result.ok) {
      this.set({ save: { kind: 'error', ...wordedOf(result.error) } });
      if (result.error.code === 'sidecar-changed') await this.openConflict(page, content);
      return false;
    }
    this.sidecarHash = result.value.sidecarHash;
    this.saved = content;
    this.baseDirty = false;
    this.savedRejections = rejections;
    // Only what was saved counts as clean: an edit made while the save ran stays unsaved.
    if (this.editor === editor && editor.docToken() === doc) editor.markSaved();
    this.set({ save: { kind: 'saved', at: Date.parse(result.value.modified), opened: false }, correctionCount: result.value.corrections.length });
    this.refreshDirty();
    if (!this.state.dirty) await this.journal.clear(page.path);
    this.options.onSaved?.(page.path, status, result.value, text);
    return true;
  }

  // Shows `page` (as loaded from disk) in a new editor, with `content` instead of its own when given.
  protected show(page: PageData, content: PageContent | null, caret: number | null): void {
    this.stopTimers();
    this.loaded = page;
    this.saved = contentOf(page);
    this.sidecarHash = page.sidecarHash;
    this.editor = null;
    this.baseDirty = content !== null && !sameContent(content, this.saved);
    const shown = content ? pageWithContent(page, content) : page;
    const save = page.sidecarModified ? { kind: 'saved' as const, at: Date.parse(page.sidecarModified), opened: true } : { kind: 'idle' as const };
    this.set({
      page: shown,
      path: page.path,
      load: this.state.load + 1,
      error: null,
      status: shown.status,
      note: shown.note ?? '',
      dirty: this.baseDirty && page.readOnly === null,
      save,
      correctionCount: page.corrections.length,
      conflict: null,
      recovery: null,
      caret,
    });
    if (this.state.dirty) this.scheduleAutosave();
  }

  protected currentContent(): PageContent | null {
    return this.editor ? { ...this.editor.content(), status: this.state.status, note: this.state.note } : null;
  }

  protected journalSource() {
    const page = this.loaded;
    const editor = this.editor;
    if (!page || !editor) return null;
    return () =>
      this.loaded !== page || this.editor !== editor
        ? null
        : { page, dirty: this.state.dirty, sidecarHash: this.sidecarHash, content: () => ({ ...editor.content(), status: this.state.status, note: this.state.note }), caret: () => editor.caret() };
  }

  protected refreshDirty(): void {
    const page = this.loaded;
    const editor = this.editor;
    const dirty =
      page !== null &&
      page.readOnly === null &&
      this.saved !== null &&
      (this.baseDirty || this.state.status !== this.saved.status || this.state.note !== this.saved.note || (editor !== null && (editor.docDirty() || editor.rejectionsKey() !== this.savedRejections)));
    if (dirty !== this.state.dirty) this.set({ dirty });
  }

  protected scheduleAutosave(): void {
    const seconds = this.options.autosaveSeconds;
    const page = this.loaded;
    if (seconds > 0) this.autosave.schedule(seconds * 1000, () => void (this.loaded === page && this.state.dirty && this.save()));
  }

  protected stopTimers(): void {
    this.autosave.cancel();
    this.caretTimer.cancel();
    this.journal.cancel();
  }

  protected set(patch: Partial<SessionState>): void {
    const before = this.state.dirty;
    this.state = { ...this.state, ...patch };
    if (this.state.dirty !== before) void this.options.api.setDirty(this.state.dirty);
    for (const listener of this.listeners) listener();
  }
}
