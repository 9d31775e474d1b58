import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppState, Language, PageData } from '../shared/ipc/contract';
import type { JiaoduiApi } from '../shared/ipc/api';
import { REVIEW_STATUSES, type ReviewStatus } from '../shared/model/sidecar-schema';
import type { HarnessExtras } from './bridge/install';
import { ExportDialog } from './components/ExportDialog';
import { FolderPicker } from './components/FolderPicker';
import { CorrectionTooltip } from './components/CorrectionTooltip';
import { PageHeader } from './components/PageHeader';
import { PageList } from './components/PageList';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { UnsavedPrompt, type UnsavedChoice } from './components/UnsavedPrompt';
import { PageEditor, type PageEditorHandle } from './editor/PageEditor';
import { ReviewPanel } from './review/ReviewPanel';
import { useReview } from './review/useReview';
import { useBatchDialog } from './batch/useBatchDialog';
import { usePanelShown } from './state/usePanelShown';
import { EntityPanel } from './entities/EntityPanel';
import { createEditorChanges, useEditorChanges, type EditorChanges } from './entities/editor-changes';
import { EntityPopover } from './entities/EntityPopover';
import { PropagationDialog } from './entities/PropagationDialog';
import { entitiesOf, entityById } from './entities/entity-index';
import type { EntityKeysOptions } from './entities/entity-keys';
import { typeStyleSheet } from './entities/type-styles';
import { useEntityServices } from './entities/useEntityServices';
import { jumpEditor } from './editor/jump';
import { cpToPmPos } from './editor/text-doc';
import { TextSelection } from 'prosemirror-state';
import { CorpusEntityIndex } from './entities-corpus/CorpusEntityIndex';
import { CorpusPropagationPanel } from './entities-corpus/CorpusPropagationDialog';
import { TagsetSettingsDialog } from './entities-corpus/TagsetSettingsDialog';
import { LanguageContext, useT } from './i18n/LanguageContext';
import { translate, type MessageKey } from './i18n/messages';
import { createCaretLineStore } from './scan/caret-line-store';
import { CorpusSettingsDialog } from './scan/CorpusSettingsDialog';
import { LineLinker } from './scan/line-linker';
import { ScanSplit } from './scan/ScanSplit';
import { ScanViewer } from './scan/ScanViewer';
import { originalConfidenceMarks } from './scan/confidence-marks';
import { useConfidenceThreshold } from './scan/useConfidenceThreshold';
import { LineImageStrip } from './scan/LineImageStrip';
import { useRotation } from './scan/useRotation';
import { useScanImage } from './scan/useScanImage';
import { usePages } from './state/usePages';
import { useAdoptedStyleSheet } from './state/useAdoptedStyleSheet';
import { useShortcuts, type AppCommand } from './state/useShortcuts';

/// What the page area shows about saving.
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

/// The application: toolbar, page list, page header and editor, and the dialogs.
export function App({ api, harness, initial }: { api: JiaoduiApi; harness: HarnessExtras | null; initial: AppState }) {
  const [language, setLanguage] = useState<Language>(initial.preferences.language);
  const t = useCallback((key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values), [language]);
  const { corpus, pages, scanning, generation, setPageStatus } = usePages(api, initial.corpus);

  const [page, setPage] = useState<PageData | null>(null);
  // The page the editor shows now, for callbacks created while an earlier page was open.
  const openPageRef = useRef<PageData | null>(null);
  openPageRef.current = page;
  const [pageLoad, setPageLoad] = useState(0);
  const [pageError, setPageError] = useState<string | null>(null);
  const [activePath, setActivePath] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<ReviewStatus>('unreviewed');
  const [savedStatus, setSavedStatus] = useState<ReviewStatus>('unreviewed');
  const [editorDirty, setEditorDirty] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [correctionCount, setCorrectionCount] = useState(0);
  const [prompt, setPrompt] = useState<{ page: string; resolve(choice: UnsavedChoice): void } | null>(null);
  const [showExport, setShowExport] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [dialogRequest, setDialogRequest] = useState<{ id: string } | null>(null);
  // Why the last "Open folder" failed (the chosen folder vanished or, in the harness, a mistyped path).
  const [openError, setOpenError] = useState<string | null>(null);
  const [showCorpusSettings, setShowCorpusSettings] = useState(false);
  // After the text source changes, the page of this base name is reopened under its new file once it is listed.
  const [reopen, setReopen] = useState<{ base: string; after: number } | null>(null);

  const editorRef = useRef<PageEditorHandle>(null);
  // The original lines under the caret, which the scan viewer follows without re-rendering the app.
  const [caretLine] = useState(createCaretLineStore);
  // Links between the edited lines and the original ones; null when the open page has no scan.
  const linkerRef = useRef<LineLinker | null>(null);
  const caretLineRef = useRef<number | null>(null);
  const [confidenceThreshold, setConfidenceThreshold] = useConfidenceThreshold();
  // The OCR confidences of the open page's characters, computed once per opened page.
  const confidenceMarks = useMemo(() => (page?.scan ? originalConfidenceMarks(page.scan.lines, page.originalText) : undefined), [page]);
  const [editorHost, setEditorHost] = useState<HTMLDivElement | null>(null);
  const sidecarHashRef = useRef<string | null>(null);
  const autosaveTimer = useRef<number | undefined>(undefined);
  const review = useReview(api, page, editorRef, language);
  const [entityPanelShown, setEntityPanelShown] = usePanelShown('entities', page?.scan != null, { plain: true, scan: false });
  const entityServices = useEntityServices(api, corpus?.root ?? null, page, pageLoad);
  useAdoptedStyleSheet(typeStyleSheet(entityServices.look));
  // The entity panel and popover follow the editor through this, without re-rendering the app.
  const entityChanges = useMemo(() => createEditorChanges(), []);
  useEffect(() => () => entityChanges.dispose(), [entityChanges]);
  const [rejectionsDirty, setRejectionsDirty] = useState(false);
  const [refusedEntities, setRefusedEntities] = useState(0);
  const [popoverEntity, setPopoverEntity] = useState<string | null>(null);
  const [propagation, setPropagation] = useState<{ text: string; type: string } | null>(null);
  const [showTagset, setShowTagset] = useState(false);
  // Bumped when sidecars changed (a save, a corpus-wide propagation), so the corpus index re-reads them.
  const [indexKey, setIndexKey] = useState(0);
  // Where to put the caret once a page opened from the corpus index has mounted (code point on its text).
  const pendingJump = useRef<{ path: string; start: number } | null>(null);
  const dirty = page !== null && page.readOnly === null && (editorDirty || rejectionsDirty || review.rejectionsDirty || status !== savedStatus);
  // The latest `dirty`, for a guard that waited for a save made after its render.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = corpus ? `${corpus.name} — ${t('appTitle')}` : t('appTitle');
  }, [language, corpus, t]);

  useEffect(() => {
    void api.setDirty(dirty);
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [api, dirty]);

  const saveNow = useCallback(async (): Promise<boolean> => {
    const editor = editorRef.current;
    // A save made for a page that is no longer the open one (a stale timer or prompt) would write that page's
    // sidecar with the text now in the editor: refuse it.
    if (!page || page.readOnly || !editor || openPageRef.current !== page) return false;
    window.clearTimeout(autosaveTimer.current);
    const text = editor.getText();
    const entities = editor.getEntities();
    const rejectedEntities = editor.getRejectedEntities();
    setSaveState({ kind: 'saving' });
    const result = await api.savePage({
      path: page.path,
      text,
      status,
      entities,
      rejectedEntities,
      corrections: [...editor.getCorrections()],
      rejectedCorrections: editor.getRejectedCorrections(),
      sourceSha256: page.sha256,
      expectedSidecarHash: sidecarHashRef.current,
    });
    if (!result.ok) {
      const message = result.error.code === 'sidecar-changed' ? t('error.sidecar-changed') : result.error.message;
      setSaveState({ kind: 'error', message });
      return false;
    }
    sidecarHashRef.current = result.value.sidecarHash;
    // Only what was saved counts as clean: text typed while the save ran stays dirty.
    if (editor.getText() === text) editor.markSaved();
    review.markSaved();
    if (editor.getRejectedEntities().length === rejectedEntities.length) setRejectionsDirty(false);
    savedRejectionCount.current = rejectedEntities.length;
    entityServices.refreshKnown(text);
    setIndexKey((n) => n + 1);
    setSavedStatus(status);
    setCorrectionCount(result.value.corrections.length);
    setPageStatus(page.path, status);
    setSaveState({ kind: 'saved', at: new Date(result.value.modified).toLocaleTimeString() });
    return true;
  }, [api, page, status, t, setPageStatus, review, entityServices]);

  // Saves run one after another: an autosave still in flight when the user saves (or answers the unsaved-work
  // prompt) would otherwise race it with the same expected sidecar hash, and the second save would be refused.
  const saveQueue = useRef<Promise<unknown>>(Promise.resolve());
  const save = useCallback((): Promise<boolean> => {
    const next = saveQueue.current.then(saveNow, saveNow);
    saveQueue.current = next.catch(() => undefined);
    return next;
  }, [saveNow]);

  /// Runs `then` once the user has dealt with unsaved work (saved or discarded); does nothing on Cancel.
  const guardUnsaved = useCallback(
    async (then: () => void | Promise<void>) => {
      // A save still running (Ctrl+S, autosave) decides whether work is unsaved: wait for it, then read the state
      // it left, not the one this callback was made with (the page was asked to be left mid-save).
      if (!dirty || !page) return then();
      await saveQueue.current;
      // The save's state updates are rendered by the next frame.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (!dirtyRef.current || openPageRef.current !== page) return then();
      const choice = await new Promise<UnsavedChoice>((resolve) => setPrompt({ page: page.path, resolve }));
      setPrompt(null);
      if (choice === 'cancel') {
        // Back to where the user was working, once the dialog has closed and released focus.
        window.setTimeout(() => editorRef.current?.focus(), 0);
        return;
      }
      if (choice === 'save' && !(await save())) return;
      return then();
    },
    [dirty, page, save],
  );

  /// Loads a page into the editor, dropping unsaved work: callers run guardUnsaved first (openPage does).
  const loadPage = useCallback(
    async (path: string) => {
      // An autosave scheduled for the page being left must not fire once the editor holds the next page.
      window.clearTimeout(autosaveTimer.current);
      setActivePath(path);
      const result = await api.openPage(path);
      if (!result.ok) {
        setPage(null);
        setPageError(result.error.message);
        return;
      }
      setPageError(null);
      const opened = result.value;
      linkerRef.current = opened.scan
        ? new LineLinker(opened.originalText, opened.text !== opened.originalText, opened.lineOrigins && { text: opened.text, lineOrigins: opened.lineOrigins })
        : null;
      caretLineRef.current = null;
      caretLine.set([]);
      setPage(opened);
      setPageLoad((n) => n + 1);
      sidecarHashRef.current = result.value.sidecarHash;
      setStatus(result.value.status);
      setSavedStatus(result.value.status);
      setEditorDirty(false);
      setRejectionsDirty(false);
      savedRejectionCount.current = opened.rejectedEntities.length;
      setRefusedEntities(0);
      setPopoverEntity(null);
      setPropagation(null);
      setCorrectionCount(result.value.corrections.length);
      setSaveState(result.value.sidecarModified ? { kind: 'saved', at: new Date(result.value.sidecarModified).toLocaleString() } : { kind: 'idle' });
    },
    [api, caretLine],
  );
  const openPage = useCallback((path: string) => guardUnsaved(() => loadPage(path)), [guardUnsaved, loadPage]);
  // Batch correction (renderer/batch): the dialog, its unsaved-work guard and the reload after a batch.
  const batch = useBatchDialog({ api, enabled: corpus !== null, guardUnsaved, dirty, openPath: page?.path ?? null, loadPage });
  const openBatch = batch.open;

  const stepPage = useCallback(
    (delta: number) => {
      if (pages.length === 0) return;
      const from = page?.path ?? activePath;
      const index = from === null ? -1 : pages.findIndex((p) => p.path === from);
      const next = pages[Math.max(0, Math.min(pages.length - 1, index + delta))];
      if (next && next.path !== page?.path) void openPage(next.path);
    },
    [pages, page, activePath, openPage],
  );

  const applyTextSource = useCallback(
    (source: Parameters<JiaoduiApi['setTextSource']>[0]) =>
      new Promise<string | null>((resolve) => {
        void guardUnsaved(async () => {
          const result = await api.setTextSource(source);
          if (!result.ok) return resolve(result.error.message);
          const base = page ? pages.find((p) => p.path === page.path)?.base ?? null : null;
          setPage(null);
          setActivePath(null);
          setReopen(base === null ? null : { base, after: generation });
          resolve(null);
        }).then(() => resolve(t('corpusSettings.unsaved')));
      }),
    [api, guardUnsaved, page, pages, generation, t],
  );
  useEffect(() => {
    // Wait for the rescan the new setting started to finish, then open the same page under its new file.
    if (reopen === null || generation <= reopen.after || scanning) return;
    setReopen(null);
    const entry = pages.find((p) => p.base === reopen.base);
    if (entry) void openPage(entry.path);
  }, [reopen, pages, scanning, generation, openPage]);

  const switchLanguage = useCallback(async () => {
    const next: Language = language === 'en' ? 'zh-CN' : 'en';
    setLanguage(next);
    await api.setPreferences({ language: next });
  }, [api, language]);

  const runCommand = useCallback(
    (command: AppCommand) => {
      switch (command) {
        case 'save': void save(); break;
        case 'open-folder': void guardUnsaved(async () => {
          const result = await api.chooseAndOpenCorpus();
          // Said where the page list is, which still shows the corpus that stays open.
          setOpenError(result.ok ? null : result.error.message);
          if (result.ok && result.value) {
            setPage(null);
            setActivePath(null);
            setSelected(new Set());
          }
        }); break;
        case 'export': setShowExport(true); break;
        case 'find-replace': openBatch(); break;
        case 'undo': editorRef.current?.undo(); break;
        case 'redo': editorRef.current?.redo(); break;
        case 'toggle-language': void switchLanguage(); break;
        case 'next-page': stepPage(1); break;
        case 'previous-page': stepPage(-1); break;
        case 'shortcuts': setShowShortcuts(true); break;
        case 'mark-reviewed': setStatus('reviewed'); break;
        case 'focus-list': document.querySelector<HTMLElement>('.page-list')?.focus(); break;
        case 'focus-editor': editorRef.current?.focus(); break;
        case 'suggestion-next': review.run({ type: 'next' }); break;
        case 'suggestion-previous': review.run({ type: 'previous' }); break;
        case 'suggestion-accept': review.run({ type: 'accept-current' }); break;
        case 'suggestion-reject': review.run({ type: 'reject-current' }); break;
        case 'suggestion-accept-rule': review.run({ type: 'accept-rule-current' }); break;
      }
    },
    [api, save, guardUnsaved, switchLanguage, stepPage, review, openBatch],
  );

  useShortcuts(runCommand);
  useEffect(() => api.on('app.command', ({ command }) => runCommand(command)), [api, runCommand]);
  useEffect(
    () =>
      api.on('app.closeRequested', () => {
        void guardUnsaved(async () => {
          await api.confirmClose();
        });
      }),
    [api, guardUnsaved],
  );
  useEffect(() => (harness ? api.on('dialog.request', ({ id }) => setDialogRequest({ id })) : undefined), [api, harness]);

  // The scan outlines the original lines of the caret's line; asked after the editor's transaction has finished.
  const refreshScanFocus = useCallback(() => {
    const editor = editorRef.current;
    const linker = linkerRef.current;
    const line = caretLineRef.current;
    if (editor && linker && line !== null) caretLine.set(linker.originalLinesOf(line, editor));
  }, [caretLine]);
  const onCaretLineChange = useCallback(
    (line: number) => {
      caretLineRef.current = line;
      if (linkerRef.current) queueMicrotask(refreshScanFocus);
    },
    [refreshScanFocus],
  );
  const goToOriginalLine = useCallback((originalLine: number) => {
    const editor = editorRef.current;
    const linker = linkerRef.current;
    if (editor && linker) editor.goToLine(linker.currentLineOf(originalLine, editor));
  }, []);

  const countTimer = useRef<number | undefined>(undefined);
  const onTextChange = useCallback(() => {
    linkerRef.current?.textChanged();
    // The count (and the scan outline, which joined or split lines change) follow typing after a short pause
    // rather than on every keystroke.
    window.clearTimeout(countTimer.current);
    countTimer.current = window.setTimeout(() => {
      const editor = editorRef.current;
      if (editor) setCorrectionCount(editor.getCorrections().length);
      refreshScanFocus();
    }, 200);
  }, [refreshScanFocus]);
  useEffect(() => () => window.clearTimeout(countTimer.current), []);

  const scheduleAutosave = useCallback(() => {
    window.clearTimeout(autosaveTimer.current);
    const seconds = initial.preferences.autosaveSeconds;
    if (seconds > 0) autosaveTimer.current = window.setTimeout(() => void save(), seconds * 1000);
  }, [initial.preferences.autosaveSeconds, save]);
  useEffect(() => () => window.clearTimeout(autosaveTimer.current), []);
  useEffect(() => {
    if (status !== savedStatus) scheduleAutosave();
  }, [status, savedStatus, scheduleAutosave]);
  // A rejected suggestion is saved like an edit, so it is not offered again after the page is reopened.
  const rejectionCount = review.snapshot?.rejectionCount;
  useEffect(() => {
    if (review.rejectionsDirty) scheduleAutosave();
  }, [review.rejectionsDirty, rejectionCount, scheduleAutosave]);

  const savedRejectionCount = useRef(0);
  // The entity panel and popover follow the editor after a short pause, not on every keystroke, and re-render
  // alone (a re-render of the whole app on a page of thousands of lines would delay the next key).
  const onEditorStateChange = useCallback(() => {
    const editor = editorRef.current;
    if (editor) setRejectionsDirty(editor.getRejectedEntities().length !== savedRejectionCount.current);
    entityChanges.touched();
  }, [entityChanges]);
  const openPropagation = useCallback((id: string) => {
    const view = editorRef.current?.getView();
    const entity = view && entityById(view.state.doc, id);
    if (!view || !entity) return;
    setPopoverEntity(null);
    setPropagation({ text: view.state.doc.textBetween(entity.from, entity.to, '\n'), type: entity.type });
  }, []);
  // Puts the caret at code point `start` of the open page and selects the entity there, if any.
  const jumpTo = useCallback((start: number) => {
    const view = editorRef.current?.getView();
    if (!view) return;
    jumpEditor(view, (state) => state.tr.setSelection(TextSelection.create(state.doc, cpToPmPos(state.doc, start))));
  }, []);
  const openAt = useCallback(
    (path: string, start: number) => {
      if (page?.path === path) return jumpTo(start);
      pendingJump.current = { path, start };
      void openPage(path);
    },
    [page, jumpTo, openPage],
  );
  useEffect(() => {
    const pending = pendingJump.current;
    if (!page || !pending || pending.path !== page.path) return;
    pendingJump.current = null;
    jumpTo(pending.start);
  }, [page, pageLoad, jumpTo]);
  const typesRef = useRef(entityServices.types);
  typesRef.current = entityServices.types;
  const entityKeys = useMemo<EntityKeysOptions>(
    () => ({ types: () => typesRef.current, onOpenEntity: setPopoverEntity, onPropagate: openPropagation }),
    [openPropagation],
  );

  const selectedList = useMemo(() => [...selected], [selected]);
  const correctionLabels = useMemo(
    () => ({
      changed: (original: string) => t('corr.changed', { original: original.replace(/\n/g, '↵') }),
      inserted: () => t('corr.inserted'),
      deleted: (original: string) => t('corr.deleted', { original: original.replace(/\n/g, '↵') }),
    }),
    [t],
  );

  const pageScan = page?.scan ?? null;
  const scanImage = useScanImage(api, pageScan?.image ?? null, pageScan?.imageWidth ?? 0);
  // The scan's rotation is remembered per page (corpus folder and page path).
  const [rotation, setRotation] = useRotation(`${corpus?.root ?? ''}\n${page?.path ?? ''}`);
  // The page's editor, shown alone or beside its scan.
  const editorElement = page && (
    <div className={pageScan && scanImage.kind === 'ready' ? 'editor-host line-strip-on' : 'editor-host'} ref={setEditorHost}>
      <PageEditor
        key={`${page.path}#${pageLoad}`}
        ref={editorRef}
        pageKey={`${page.path}#${pageLoad}`}
        originalText={page.originalText}
        text={page.text}
        readOnly={page.readOnly !== null}
        ariaLabel={t('pageText')}
        onDirtyChange={setEditorDirty}
        onChange={() => {
          scheduleAutosave();
          onTextChange();
        }}
        corrections={page.corrections}
        labels={correctionLabels}
        onCaretLineChange={onCaretLineChange}
        review={review.options}
        onReviewChange={review.onChange}
        {...(confidenceMarks && { confidenceMarks, confidenceThreshold })}
        entities={page.entities}
        rejectedEntities={page.rejectedEntities}
        entityKeys={entityKeys}
        suggest={entityServices.suggest}
        suggestVersion={entityServices.suggestVersion}
        onEntityClick={(ids) => setPopoverEntity(ids[0] ?? null)}
        onStateChange={onEditorStateChange}
        onRefusedEntities={(refused) => setRefusedEntities(refused.length)}
      />
    </div>
  );

  return (
    <LanguageContext.Provider value={language}>
      <div className="app">
        <header className="toolbar" role="toolbar" aria-label={t('appTitle')}>
          <span className="brand" aria-hidden="true">校对 Jiaodui</span>
          <button type="button" onClick={() => runCommand('open-folder')} title="Ctrl+O">{t('openFolder')}</button>
          <button type="button" onClick={() => runCommand('save')} disabled={!dirty} title="Ctrl+S">{t('save')}</button>
          <button type="button" onClick={() => runCommand('export')} disabled={!corpus} title="Ctrl+E">{t('export')}</button>
          <button type="button" onClick={() => setShowCorpusSettings(true)} disabled={!corpus}>{t('corpusSettings.open')}</button>
          <button type="button" onClick={() => runCommand('find-replace')} disabled={!corpus} title="Ctrl+Shift+H">{t('batch.open')}</button>
          <button type="button" onClick={() => setShowTagset(true)} disabled={!corpus}>{t('tagset.title')}</button>
          <span className="spacer" />
          <button type="button" onClick={() => runCommand('shortcuts')} aria-label={t('shortcuts')} title="?">⌨</button>
          <button type="button" onClick={() => void switchLanguage()} aria-label={t('language')} title="Ctrl+Shift+L">{t('switchLanguage')}</button>
        </header>
        <aside className="sidebar">
          <div className="corpus-name" title={corpus?.root}>{corpus?.name ?? '—'}</div>
          <div className="scan-status" role="status">
            {corpus && (scanning ? t('scanning', { count: pages.length }) : t('scanned', { count: pages.length }))}
            {selected.size > 1 && ` · ${t('selectedCount', { count: selected.size })}`}
          </div>
          {openError && <p role="alert" className="error open-error">{t('openFolderFailed', { message: openError })}</p>}
          {scanning && <progress className="scan-progress" aria-label={t('scanning', { count: pages.length })} />}
          <PageList
            pages={pages}
            openPath={page?.path ?? null}
            activePath={activePath}
            selected={selected}
            onActivate={setActivePath}
            onOpen={(path) => void openPage(path)}
            onSelectionChange={setSelected}
          />
        </aside>
        <main className="page-area">
          {!corpus && <p className="empty">{t('noCorpus')}</p>}
          {corpus && !page && !pageError && <p className="empty">{t('noPage')}</p>}
          {pageError && <p role="alert" className="error">{pageError}</p>}
          {page && (
            <>
              <PageHeader
                page={page}
                status={status}
                statuses={REVIEW_STATUSES}
                onStatusChange={setStatus}
                dirty={dirty}
                saveState={saveState}
                correctionCount={correctionCount}
              />
              {page.scanError && <p className="hint scan-layout-error" role="status">{t('scan.layoutError', { message: page.scanError })}</p>}
              <div className="page-body">
              <div className="page-main">
              {pageScan ? (
                <ScanSplit
                  editor={editorElement}
                  scan={(layoutToggle) => (
                    <ScanViewer
                      image={scanImage}
                      scan={pageScan}
                      caretLine={caretLine}
                      onRegionClick={goToOriginalLine}
                      confidenceThreshold={confidenceThreshold}
                      onConfidenceThresholdChange={setConfidenceThreshold}
                      extraTools={layoutToggle}
                      rotation={rotation}
                      onRotationChange={setRotation}
                    />
                  )}
                />
              ) : (
                editorElement
              )}
              </div>
              {review.shown ? (
                <ReviewPanel snapshot={review.snapshot} error={review.error} readOnly={page.readOnly !== null} actions={review.actions} onHide={() => review.setShown(false)} />
              ) : (
                <button type="button" className="review-show" onClick={() => review.setShown(true)}>
                  {t('review.show', { count: review.snapshot?.items.length ?? 0 })}
                </button>
              )}
              {entityPanelShown ? (
                <EntityPanel
                  onHide={() => setEntityPanelShown(false)}
                  view={editorRef.current?.getView() ?? null}
                  changes={entityChanges}
                  types={entityServices.types}
                  suggestionsEnabled={entityServices.suggest.enabled}
                  onSuggestionsEnabledChange={entityServices.setSuggestionsEnabled}
                  corpusIndex={<CorpusEntityIndex api={api} tagset={entityServices.tagset} onOpen={openAt} refreshKey={indexKey} />}
                  notices={[
                    ...(entityServices.tagsetProblem ? [t('ent.tagsetProblem', { message: entityServices.tagsetProblem })] : []),
                    ...(refusedEntities > 0 ? [t('ent.refused', { count: refusedEntities })] : []),
                  ]}
                />
              ) : (
                <button type="button" className="review-show" onClick={() => setEntityPanelShown(true)}>
                  <EntityCount changes={entityChanges} editor={editorRef.current} fallback={page.entities.length} />
                </button>
              )}
              </div>
              <CorrectionTooltip container={editorHost} />
              {pageScan && <LineImageStrip host={editorHost} scan={pageScan} image={scanImage} caretLine={caretLine} rotation={rotation} />}
            </>
          )}
        </main>
        {popoverEntity && editorRef.current?.getView() && (
          <EntityPopover
            key={popoverEntity}
            changes={entityChanges}
            view={editorRef.current.getView()!}
            entityId={popoverEntity}
            types={entityServices.types}
            onClose={() => setPopoverEntity(null)}
            onPropagate={openPropagation}
          />
        )}
        {propagation && editorRef.current?.getView() && (
          <PropagationDialog
            view={editorRef.current.getView()!}
            text={propagation.text}
            type={propagation.type}
            corpusScope={
              <CorpusPropagationPanel
                api={api}
                text={propagation.text}
                type={propagation.type}
                typeLabel={entityServices.types.find((type) => type.id === propagation.type)?.label ?? propagation.type}
                excludePath={page?.path ?? ''}
                onClose={() => setPropagation(null)}
                onChanged={() => {
                  setIndexKey((n) => n + 1);
                  entityServices.refreshKnown();
                  void api.rescanCorpus();
                }}
              />
            }
            onClose={() => setPropagation(null)}
          />
        )}
        {showTagset && (
          <TagsetSettingsDialog api={api} onClose={() => setShowTagset(false)} onSaved={(info) => entityServices.setTagset(info.tagset)} />
        )}
        {prompt && <UnsavedPrompt page={prompt.page} onChoose={prompt.resolve} />}
        {showExport && corpus && <ExportDialog api={api} pageCount={pages.length} selected={selectedList} onClose={() => setShowExport(false)} />}
        {batch.dialog}
        {showShortcuts && <ShortcutsSheet onClose={() => setShowShortcuts(false)} />}
        {showCorpusSettings && corpus && <CorpusSettingsDialog api={api} onApply={applyTextSource} onClose={() => setShowCorpusSettings(false)} />}
        {dialogRequest && harness && (
          <FolderPicker
            harness={harness}
            onChoose={(folder) => {
              void harness.answerDialog(dialogRequest.id, folder);
              setDialogRequest(null);
            }}
          />
        )}
      </div>
    </LanguageContext.Provider>
  );
}

// The open page's entity count for the "show entities" button, from the entity list cached per document: the
// sidecar spans (`getEntities`) convert every position to code points, too much for each render of the app.
// The "show entity panel" button's text, re-rendered with the editor's changes.
function EntityCount({ changes, editor, fallback }: { changes: EditorChanges; editor: PageEditorHandle | null; fallback: number }) {
  const t = useT();
  useEditorChanges(changes);
  const view = editor?.getView();
  return <>{t('ent.showPanel', { count: view ? entitiesOf(view.state.doc).length : fallback })}</>;
}
