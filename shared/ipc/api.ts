import type { Result } from '../result';
import type { TopEntity } from '../model/page-stats';
import type { IgnoreList, IgnoreTarget } from '../learning/ignore-list';
import type { StoredModel } from '../entities/learn/model';
import type {
  AppState,
  BatchQuery,
  BatchReplaceOutcome,
  BatchReplaceRequest,
  BatchSearchOutcome,
  BatchSummary,
  BatchUndoOutcome,
  CorpusEntityIndex,
  CorpusIndexOptions,
  LearnedStatus,
  LogEntry,
  PropagationApplyOutcome,
  PropagationApplyRequest,
  PropagationPreview,
  PropagationPreviewRequest,
  PropagationUndoOutcome,
  SaveTagsetRequest,
  TaggedWordAt,
  TagsetInfo,
  CorpusInfo,
  CorpusPagesSnapshot,
  CorpusSettings,
  EventChannel,
  JournalEntry,
  JournalRecord,
  LastPage,
  EventPayloads,
  ExportOutcome,
  ExportRequest,
  OcrSuggestRequest,
  PageData,
  Preferences,
  SaveOutcome,
  SaveRequest,
  ScanImage,
  TextSource,
  Transport,
} from './contract';
import type { OcrSuggestionForApp } from '../ocr-assist/types';
import type { z } from 'zod';
import type { preferencesPatchSchema } from './contract';

/// The named actions the renderer calls, exposed as `window.jiaodui` by the preload or the harness client.
export interface JiaoduiApi {
  getAppState(): Promise<Result<AppState>>;
  setPreferences(patch: z.infer<typeof preferencesPatchSchema>): Promise<Result<Preferences>>;
  setDirty(dirty: boolean): Promise<Result<null>>;
  confirmClose(): Promise<Result<null>>;
  chooseAndOpenCorpus(): Promise<Result<CorpusInfo | null>>;
  /// Opens the folder at an absolute path (dropped on the window, chosen under Open Recent, asked for by a launch).
  openCorpusPath(path: string): Promise<Result<CorpusInfo>>;
  /// Empties the recently opened list (File → Open Recent → Clear Recently Opened).
  clearRecentCorpora(): Promise<Result<null>>;
  /// Electron only: the file-system path of a File dropped on the window (the preload's webUtils.getPathForFile);
  /// '' when it has none. Absent in the harness, where the drop's `text/uri-list` names the folder instead.
  pathForFile?(file: File): string;
  currentCorpus(): Promise<Result<CorpusInfo | null>>;
  rescanCorpus(): Promise<Result<null>>;
  /// The open corpus's settings (`jiaodui.corpus.json`).
  corpusSettings(): Promise<Result<CorpusSettings>>;
  /// Chooses where page text comes from, rewrites the settings file and rescans the corpus.
  setTextSource(source: TextSource): Promise<Result<CorpusSettings>>;
  /// The open corpus, the current scan's pages so far and the page last open there (a renderer's start-up snapshot).
  corpusPages(): Promise<Result<CorpusPagesSnapshot>>;
  /// Remembers the open page and its caret for the open corpus (in the app state file).
  rememberPage(lastPage: LastPage): Promise<Result<null>>;
  /// The open corpus's most frequent entity strings, summed in the main process (the dashboard, issue 16).
  corpusTopEntities(): Promise<Result<TopEntity[]>>;
  /// Appends the open page's unsaved work to its recovery journal (fsynced before answering).
  writeJournal(entry: JournalEntry): Promise<Result<null>>;
  /// The latest journal entry of a page of the open corpus, or null.
  readJournal(path: string): Promise<Result<JournalRecord | null>>;
  /// Forgets a page's journal (after a save or a discard).
  clearJournal(path: string): Promise<Result<null>>;
  /// Adds a coded entry to the app log (never page text: the message is scrubbed, entries are rate-limited).
  log(entry: LogEntry): Promise<Result<null>>;
  openPage(path: string): Promise<Result<PageData>>;
  savePage(request: SaveRequest): Promise<Result<SaveOutcome>>;
  /// Reads a scan image of the corpus (.jpg, .jpeg or .png) for the scan viewer.
  scanImage(path: string): Promise<Result<ScanImage>>;
  /// Where the shell streams a scan image from (the harness: a token-protected GET on the bridge; Electron: the
  /// `jiaodui-scan:` protocol); with `previewWidth`, its downscaled copy of that width (`PREVIEW_WIDTHS`). Where it
  /// is absent, `scanImage` sends the image over IPC.
  scanImageUrl?(path: string, previewWidth?: number): string;
  chooseExportFolder(): Promise<Result<string | null>>;
  exportCorpus(request: ExportRequest): Promise<Result<ExportOutcome>>;
  /// Tells the running export to stop after the page it is on (true when one was running).
  cancelExport(): Promise<Result<boolean>>;
  /// OCR-correction suggestions for the editor's current text (code points on `request.text`), with the page's
  /// scan confidences mapped onto it when `request.path` has a layout companion. Explanations come as `why`
  /// (sentence id and values) wherever that rebuilds them (`explainIn`), without the English text.
  suggestCorrections(request: OcrSuggestRequest): Promise<Result<OcrSuggestionForApp[]>>;
  /// Searches the whole open corpus (concordance of hits, capped).
  batchSearch(query: BatchQuery): Promise<Result<BatchSearchOutcome>>;
  /// Replaces the ticked hits; each changed page gets ordinary corrections in its sidecar; one undo per batch.
  batchReplace(request: BatchReplaceRequest): Promise<Result<BatchReplaceOutcome>>;
  /// Undoes the last batch replacement (pages changed since then are left alone and reported).
  batchUndo(): Promise<Result<BatchUndoOutcome>>;
  /// The batch replacement that "undo" would undo, or null.
  lastBatch(): Promise<Result<BatchSummary | null>>;
  /// The corpus tag set (`jiaodui.tagset.json`, or the default when absent or malformed, with the problem).
  entityTagset(): Promise<Result<TagsetInfo>>;
  /// Validates and writes the corpus tag set atomically; returns it as now stored.
  saveEntityTagset(request: SaveTagsetRequest): Promise<Result<TagsetInfo>>;
  /// jieba part-of-speech words of `text` with code-point offsets (for segmenter suggestions).
  tagWords(text: string): Promise<Result<TaggedWordAt[]>>;
  /// Every distinct entity text tagged in the corpus's sidecars, with types, counts and pages; also the known map.
  /// Cheap to call after each save; `refresh` also picks up sidecars changed outside the app.
  corpusEntityIndex(options?: CorpusIndexOptions): Promise<Result<CorpusEntityIndex>>;
  /// Untagged occurrences of a text in the other pages of the corpus, with context.
  previewPropagation(request: PropagationPreviewRequest): Promise<Result<PropagationPreview>>;
  /// Tags the given occurrences in their pages' sidecars; returns an undo token.
  applyPropagation(request: PropagationApplyRequest): Promise<Result<PropagationApplyOutcome>>;
  /// Removes exactly the spans an apply added, on pages whose sidecar is unchanged since.
  undoPropagation(token: string): Promise<Result<PropagationUndoOutcome>>;
  /// The open corpus's "always ignore" list.
  ignoreList(): Promise<Result<IgnoreList>>;
  /// Always ignores a suggestion (entity: text as type; OCR: rule, text and replacement) in the open corpus.
  addIgnore(target: IgnoreTarget): Promise<Result<IgnoreList>>;
  /// Removes an entry of the ignore list, so such suggestions come back.
  removeIgnore(target: IgnoreTarget): Promise<Result<IgnoreList>>;
  /// The learned entity model's status; `retrain` asks for training soon if the tags changed (after a save).
  learnedStatus(options?: { retrain?: boolean }): Promise<Result<LearnedStatus>>;
  /// The learned entity model as stored, for the suggesters; null when there is none yet.
  learnedModel(): Promise<Result<StoredModel | null>>;
  /// Subscribes to a main-process event; returns the unsubscribe function.
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/// Builds the named actions over a transport, so Electron's preload and the harness client expose the same API.
export function createApi(transport: Transport): JiaoduiApi {
  return {
    getAppState: () => transport.invoke('app.getState', []),
    setPreferences: (patch) => transport.invoke('app.setPreferences', [patch]),
    setDirty: (dirty) => transport.invoke('app.setDirty', [dirty]),
    confirmClose: () => transport.invoke('app.confirmClose', []),
    chooseAndOpenCorpus: () => transport.invoke('corpus.chooseAndOpen', []),
    openCorpusPath: (path) => transport.invoke('corpus.openPath', [path]),
    clearRecentCorpora: () => transport.invoke('app.clearRecent', []),
    currentCorpus: () => transport.invoke('corpus.current', []),
    rescanCorpus: () => transport.invoke('corpus.rescan', []),
    corpusSettings: () => transport.invoke('corpus.settings', []),
    setTextSource: (source) => transport.invoke('corpus.setTextSource', [source]),
    corpusPages: () => transport.invoke('corpus.pages', []),
    rememberPage: (lastPage) => transport.invoke('corpus.rememberPage', [lastPage]),
    corpusTopEntities: () => transport.invoke('corpus.topEntities', []),
    writeJournal: (entry) => transport.invoke('journal.write', [entry]),
    readJournal: (path) => transport.invoke('journal.read', [path]),
    clearJournal: (path) => transport.invoke('journal.clear', [path]),
    log: (entry) => transport.invoke('log.write', [entry]),
    openPage: (path) => transport.invoke('page.open', [path]),
    savePage: (request) => transport.invoke('page.save', [request]),
    scanImage: (path) => transport.invoke('page.scanImage', [path]),
    chooseExportFolder: () => transport.invoke('export.chooseFolder', []),
    exportCorpus: (request) => transport.invoke('export.run', [request]),
    cancelExport: () => transport.invoke('export.cancel', []),
    suggestCorrections: (request) => transport.invoke('ocr.suggest', [request]),
    batchSearch: (query) => transport.invoke('batch.search', [query]),
    batchReplace: (request) => transport.invoke('batch.replace', [request]),
    batchUndo: () => transport.invoke('batch.undo', []),
    lastBatch: () => transport.invoke('batch.last', []),
    entityTagset: () => transport.invoke('entities.tagset', []),
    saveEntityTagset: (request) => transport.invoke('entities.saveTagset', [request]),
    tagWords: (text) => transport.invoke('entities.tagWords', [text]),
    corpusEntityIndex: (options) => transport.invoke('entities.corpusIndex', options ? [options] : []),
    previewPropagation: (request) => transport.invoke('entities.propagationPreview', [request]),
    applyPropagation: (request) => transport.invoke('entities.propagationApply', [request]),
    undoPropagation: (token) => transport.invoke('entities.propagationUndo', [token]),
    ignoreList: () => transport.invoke('ignore.list', []),
    addIgnore: (target) => transport.invoke('ignore.add', [target]),
    removeIgnore: (target) => transport.invoke('ignore.remove', [target]),
    learnedStatus: (options) => transport.invoke('entities.learnedStatus', options ? [options] : []),
    learnedModel: () => transport.invoke('entities.learnedModel', []),
    on: (event, listener) => transport.on(event, listener),
  };
}
