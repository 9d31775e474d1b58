import type { Result } from '../result';
import type {
  AppState,
  CorpusEntityIndex,
  CorpusIndexOptions,
  PropagationApplyOutcome,
  PropagationApplyRequest,
  PropagationPreview,
  PropagationPreviewRequest,
  PropagationUndoOutcome,
  SaveTagsetRequest,
  TaggedWordAt,
  TagsetInfo,
  CorpusInfo,
  EventChannel,
  EventPayloads,
  ExportOutcome,
  ExportRequest,
  PageData,
  Preferences,
  SaveOutcome,
  SaveRequest,
  ScanImage,
  Transport,
} from './contract';
import type { z } from 'zod';
import type { preferencesPatchSchema } from './contract';

/// The named actions the renderer calls, exposed as `window.jiaodui` by the preload or the harness client.
export interface JiaoduiApi {
  getAppState(): Promise<Result<AppState>>;
  setPreferences(patch: z.infer<typeof preferencesPatchSchema>): Promise<Result<Preferences>>;
  setDirty(dirty: boolean): Promise<Result<null>>;
  confirmClose(): Promise<Result<null>>;
  chooseAndOpenCorpus(): Promise<Result<CorpusInfo | null>>;
  currentCorpus(): Promise<Result<CorpusInfo | null>>;
  rescanCorpus(): Promise<Result<null>>;
  openPage(path: string): Promise<Result<PageData>>;
  savePage(request: SaveRequest): Promise<Result<SaveOutcome>>;
  /// Reads a scan image of the corpus (.jpg, .jpeg or .png) for the scan viewer.
  scanImage(path: string): Promise<Result<ScanImage>>;
  chooseExportFolder(): Promise<Result<string | null>>;
  exportCorpus(request: ExportRequest): Promise<Result<ExportOutcome>>;
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
    currentCorpus: () => transport.invoke('corpus.current', []),
    rescanCorpus: () => transport.invoke('corpus.rescan', []),
    openPage: (path) => transport.invoke('page.open', [path]),
    savePage: (request) => transport.invoke('page.save', [request]),
    scanImage: (path) => transport.invoke('page.scanImage', [path]),
    chooseExportFolder: () => transport.invoke('export.chooseFolder', []),
    exportCorpus: (request) => transport.invoke('export.run', [request]),
    entityTagset: () => transport.invoke('entities.tagset', []),
    saveEntityTagset: (request) => transport.invoke('entities.saveTagset', [request]),
    tagWords: (text) => transport.invoke('entities.tagWords', [text]),
    corpusEntityIndex: (options) => transport.invoke('entities.corpusIndex', options ? [options] : []),
    previewPropagation: (request) => transport.invoke('entities.propagationPreview', [request]),
    applyPropagation: (request) => transport.invoke('entities.propagationApply', [request]),
    undoPropagation: (token) => transport.invoke('entities.propagationUndo', [token]),
    on: (event, listener) => transport.on(event, listener),
  };
}
