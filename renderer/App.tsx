import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppState, ExportChoices, Language } from '../shared/ipc/contract';
import type { JiaoduiApi } from '../shared/ipc/api';
import type { HarnessExtras } from './bridge/install';
import { FolderPicker } from './components/FolderPicker';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { Sidebar } from './components/Sidebar';
import { Toolbar } from './components/Toolbar';
import { UnsavedPrompt } from './components/UnsavedPrompt';
import { Welcome, welcomeWanted } from './components/Welcome';
import { RecoveryNotice } from './components/RecoveryNotice';
import type { PageEditorHandle } from './editor/PageEditor';
import { useBatchDialog } from './batch/useBatchDialog';
import { EntityPopover } from './entities/EntityPopover';
import { PropagationDialog } from './entities/PropagationDialog';
import { typeStyleSheet } from './entities/type-styles';
import { usePageEntities } from './entities/usePageEntities';
import { CorpusPropagationPanel } from './entities-corpus/CorpusPropagationDialog';
import { TagsetSettingsDialog } from './entities-corpus/TagsetSettingsDialog';
import { LanguageContext } from './i18n/LanguageContext';
import { errorWords, wordedOf, type WordedError } from './i18n/error-words';
import { translate, type MessageKey } from './i18n/messages';
import { ExportDialog } from './export/ExportDialog';
import { FindBar } from './find/FindBar';
import { useFindBar } from './find/useFindBar';
import { CompareView } from './page/CompareView';
import { PageArea, jumpTo } from './page/PageArea';
import { usePageSession } from './page/usePageSession';
import { useReview } from './review/useReview';
import { CorpusSettingsDialog } from './scan/CorpusSettingsDialog';
import { askSuggestionsAgain } from './review/review-plugin';
import type { IgnoreEntry } from '../shared/learning/ignore-list';
import { useAdoptedStyleSheet } from './state/useAdoptedStyleSheet';
import { usePages } from './state/usePages';
import { useShortcuts, type AppCommand } from './state/useShortcuts';
import { useTextSourceChange } from './state/useTextSourceChange';
import { Dashboard } from './dashboard/Dashboard';
import { typeLabeller } from './pagestats/type-label';
import { OriginalView } from './pagestats/OriginalView';
import { useFolderDrop } from './desktop/useFolderDrop';
import { applyListView, DEFAULT_LIST_VIEW, stepToReview, type ListView } from './components/page-list-view';
import type { PageListStats } from '../shared/model/page-stats';
import { useViewSettings } from './view/useViewSettings';
import { ViewMenu } from './view/ViewMenu';
import { ViewSettingsContext } from './view/ViewContext';
import { isViewCommand, viewClassNames, viewCommandChange } from './view/view-settings';

/// The application: toolbar, page list, the open page, and the dialogs. The open page's life cycle (unsaved work,
/// saving, guards, conflicts, recovery) is the page session's (renderer/page).
export function App({ api, harness, initial }: { api: JiaoduiApi; harness: HarnessExtras | null; initial: AppState }) {
  const [language, setLanguage] = useState<Language>(initial.preferences.language);
  const [showWelcome, setShowWelcome] = useState(() => welcomeWanted(location.search, initial.preferences.welcomeDismissed));
  // Text size, font, theme, panels and focus mode (renderer/view), remembered across restarts.
  const viewSettings = useViewSettings();
  const t = useCallback((key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values), [language]);
  const corpusPages = usePages(api, initial.corpus);
  const { corpus, pages, scanning, generation, setPageStatus } = corpusPages;
  const editorRef = useRef<PageEditorHandle>(null);
  // Saves reach the page list, the corpus entity index and the suggestions through this (set below).
  const afterSave = useRef<(path: string, status: Parameters<typeof setPageStatus>[1], text: string, stats: PageListStats) => void>(() => undefined);
  const { session, state } = usePageSession(api, initial.preferences.autosaveSeconds, (path, status, outcome, text) => afterSave.current(path, status, text, outcome.stats));
  const { page, dirty } = state;
  const review = useReview(api, page, editorRef, language);
  const entities = usePageEntities(api, corpus?.root ?? null, page, state.load, editorRef);
  useAdoptedStyleSheet(typeStyleSheet(entities.services.look));
  afterSave.current = (path, status, text, stats) => {
    setPageStatus(path, status, stats);
    entities.services.refreshKnown(text);
    entities.bumpIndex();
  };

  // The page list's filter and sort, and the pages it shows (issue 16).
  const [listView, setListView] = useState<ListView>(DEFAULT_LIST_VIEW);
  const listed = useMemo(() => applyListView(pages, listView), [pages, listView]);
  const [showDashboard, setShowDashboard] = useState(false);
  const typeLabel = useMemo(() => typeLabeller(entities.services.tagset), [entities.services.tagset]);
  const [showOriginal, setShowOriginal] = useState(false);
  const closeOriginal = useCallback(() => {
    setShowOriginal(false);
    window.setTimeout(() => editorRef.current?.focus(), 0);
  }, []);
  const [activePath, setActivePath] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [showExport, setShowExport] = useState(false);
  // The export dialog's choices (remembered in the app state) and this session's destination folder.
  const [exportChoices, setExportChoices] = useState<ExportChoices | undefined>(initial.preferences.exportChoices);
  const [exportFolder, setExportFolder] = useState<string | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showCorpusSettings, setShowCorpusSettings] = useState(false);
  const [showTagset, setShowTagset] = useState(false);
  const [dialogRequest, setDialogRequest] = useState<{ id: string } | null>(null);
  // Why the last "Open folder" failed (the chosen folder vanished or, in the harness, a mistyped path).
  const [openError, setOpenError] = useState<WordedError | null>(null);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = corpus ? `${corpus.name} — ${t('appTitle')}` : t('appTitle');
  }, [language, corpus, t]);

  const openPage = useCallback(
    async (path: string, caret: number | null = null) => {
      setActivePath(path);
      if (!(await session.open(path, caret))) window.setTimeout(() => editorRef.current?.focus(), 0);
    },
    [session],
  );
  // A reload or a new window: reopen the page that was open in this corpus, caret where it was.
  const { lastPage, clearLastPage } = corpusPages;
  useEffect(() => {
    if (lastPage === null) return;
    clearLastPage();
    if (state.path === null) void openPage(lastPage.path, lastPage.caret);
  }, [lastPage, clearLastPage, state.path, openPage]);

  /// Runs `then` once the user has dealt with unsaved work (saved or discarded); does nothing on Cancel.
  const guardUnsaved = useCallback(
    async (then: () => void | Promise<void>) => {
      if (await session.guard()) return then();
      // Back to where the user was working, once the dialog has closed and released focus.
      window.setTimeout(() => editorRef.current?.focus(), 0);
    },
    [session],
  );
  const loadPage = useCallback((path: string) => session.load(path), [session]);
  // Batch correction (renderer/batch): the dialog, its unsaved-work guard and the reload after a batch.
  const batch = useBatchDialog({ api, enabled: corpus !== null, guardUnsaved, dirty, openPath: page?.path ?? null, loadPage });
  // Find and replace in the open page (renderer/find).
  const find = useFindBar(editorRef);
  const applyTextSource = useTextSourceChange(api, session, page?.path ?? null, pages, generation, scanning, t('corpusSettings.unsaved'));

  const stepPage = useCallback(
    (delta: number) => {
      // The list as shown (filtered and sorted) is the order the user sees.
      if (listed.length === 0) return;
      const from = page?.path ?? activePath;
      const index = from === null ? -1 : listed.findIndex((p) => p.path === from);
      const next = listed[Math.max(0, Math.min(listed.length - 1, index + delta))];
      if (next && next.path !== page?.path) void openPage(next.path);
    },
    [listed, page, activePath, openPage],
  );
  // The next (or previous) page still to review in the list as shown, from the open page.
  const stepToReviewPage = useCallback(
    (delta: 1 | -1) => {
      const next = stepToReview(listed, page?.path ?? activePath, delta);
      if (next) void openPage(next.path).then(() => setShowDashboard(false));
    },
    [listed, page, activePath, openPage],
  );
  const openAt = useCallback(
    (path: string, start: number) => (page?.path === path ? jumpTo(editorRef.current, start) : void openPage(path, start)),
    [page, openPage],
  );
  const switchLanguage = useCallback(async () => {
    const next: Language = language === 'en' ? 'zh-CN' : 'en';
    setLanguage(next);
    await api.setPreferences({ language: next });
  }, [api, language]);
  const openFolder = useCallback(
    () =>
      guardUnsaved(async () => {
        const result = await api.chooseAndOpenCorpus();
        // Said where the page list is, which still shows the corpus that stays open.
        setOpenError(result.ok ? null : wordedOf(result.error));
        if (result.ok && result.value) {
          session.close();
          setActivePath(null);
          setSelected(new Set());
        }
      }),
    [api, guardUnsaved, session],
  );
  // A folder named by path (dropped on the window, a second launch, File → Open Recent in Electron's menu).
  const openPath = useCallback(
    (folder: string) => {
      if (folder === corpus?.root) return;
      void guardUnsaved(async () => {
        const result = await api.openCorpusPath(folder);
        setOpenError(result.ok ? null : wordedOf(result.error));
        if (result.ok && result.value.root !== corpus?.root) {
          session.close();
          setActivePath(null);
          setSelected(new Set());
        }
      });
    },
    [api, guardUnsaved, session, corpus],
  );
  useEffect(() => api.on('corpus.openRequested', ({ path }) => openPath(path)), [api, openPath]);
  const dragging = useFolderDrop(openPath, api.pathForFile);

  const runCommand = useCallback(
    (command: AppCommand) => {
      if (isViewCommand(command)) {
        viewSettings.update((current) => viewCommandChange(current, command));
        return;
      }
      switch (command) {
        case 'save': void session.save(); break;
        case 'open-folder': void openFolder(); break;
        case 'export': setShowExport(true); break;
        case 'find-replace': batch.open(); break;
        case 'find': find.open(false); break;
        case 'replace-in-page': find.open(true); break;
        case 'find-next': find.step(1); break;
        case 'find-previous': find.step(-1); break;
        case 'undo': editorRef.current?.undo(); break;
        case 'redo': editorRef.current?.redo(); break;
        case 'toggle-language': void switchLanguage(); break;
        case 'next-page': stepPage(1); break;
        case 'previous-page': stepPage(-1); break;
        case 'shortcuts': setShowShortcuts(true); break;
        case 'mark-reviewed': session.setStatus('reviewed'); break;
        case 'dashboard': setShowDashboard((shown) => !shown); break;
        case 'original-view': if (page) setShowOriginal((shown) => !shown); break;
        case 'next-to-review': stepToReviewPage(1); break;
        case 'previous-to-review': stepToReviewPage(-1); break;
        case 'focus-list':
          // Something to open with Enter at once: the open page, or else the first page.
          if (activePath === null) setActivePath(page?.path ?? pages[0]?.path ?? null);
          // A hidden page list is shown first (and focused once it is laid out).
          viewSettings.update((current) => (current.sidebar && !current.focus ? {} : { sidebar: true, focus: false }));
          window.setTimeout(() => document.querySelector<HTMLElement>('.page-list')?.focus(), 0);
          break;
        case 'focus-editor': editorRef.current?.focus(); break;
        case 'suggestion-next': review.run({ type: 'next' }); break;
        case 'suggestion-previous': review.run({ type: 'previous' }); break;
        case 'suggestion-accept': review.run({ type: 'accept-current' }); break;
        case 'suggestion-reject': review.run({ type: 'reject-current' }); break;
        case 'suggestion-accept-rule': review.run({ type: 'accept-rule-current' }); break;
        case 'suggestion-ignore': review.ignoreCurrent(); break;
      }
    },
    [session, openFolder, switchLanguage, stepPage, stepToReviewPage, review, batch, find, activePath, page, pages, viewSettings],
  );
  useShortcuts(runCommand);
  // The ignore list changed in the corpus settings: the open page's entity and OCR suggestions follow at once.
  const { setIgnored } = entities.services;
  const onIgnoreChange = useCallback(
    (entries: readonly IgnoreEntry[]) => {
      setIgnored(entries);
      const view = editorRef.current?.getView();
      if (view) askSuggestionsAgain(view);
    },
    [setIgnored],
  );
  useEffect(() => api.on('app.command', ({ command }) => runCommand(command)), [api, runCommand]);
  useEffect(() => (harness ? api.on('dialog.request', ({ id }) => setDialogRequest({ id })) : undefined), [api, harness]);

  const closeDashboard = useCallback(() => {
    setShowDashboard(false);
    window.setTimeout(() => editorRef.current?.focus(), 0);
  }, []);
  const findBar = find.request && page && (
    <FindBar
      getView={find.getView}
      pageKey={`${page.path}#${state.load}`}
      readOnly={page.readOnly !== null}
      replace={find.request.replace}
      focusToken={find.request.token}
      seed={find.request.seed}
      onClose={find.close}
    />
  );
  const selectedList = useMemo(() => [...selected], [selected]);
  const view = editorRef.current?.getView() ?? null;
  const { popover, propagation } = entities;
  return (
    <LanguageContext.Provider value={language}>
      <ViewSettingsContext.Provider value={viewSettings.settings}>
      <div className={`app ${viewClassNames(viewSettings.settings)}`}>
        <Toolbar
          corpusOpen={corpus !== null}
          pageOpen={page !== null}
          dirty={dirty}
          dashboardShown={showDashboard}
          run={runCommand}
          onCorpusSettings={() => setShowCorpusSettings(true)}
          onTagset={() => setShowTagset(true)}
          onSwitchLanguage={() => void switchLanguage()}
          viewMenu={<ViewMenu view={viewSettings} />}
        />
        <Sidebar
          corpus={corpus}
          pages={listed}
          total={pages.length}
          view={listView}
          onViewChange={setListView}
          scanning={scanning}
          openError={openError && errorWords(language, openError)}
          openPath={page?.path ?? null}
          activePath={activePath ?? state.path}
          selected={selected}
          onActivate={setActivePath}
          onOpen={(path) => {
            setShowDashboard(false);
            void openPage(path);
          }}
          onSelectionChange={setSelected}
        />
        {showDashboard && <Dashboard api={api} corpus={corpus} pages={pages} scanning={scanning} typeLabel={typeLabel} onClose={closeDashboard} />}
        {/* Hidden, not unmounted, while the dashboard is shown: the open page keeps its editor and unsaved work. */}
        <main className="page-area" hidden={showDashboard}>
          <RecoveryNotice api={api} />
          {showWelcome && (
            <Welcome
              onDismiss={() => {
                setShowWelcome(false);
                void api.setPreferences({ welcomeDismissed: true });
              }}
            />
          )}
          {!corpus && <p className="empty">{t('noCorpus')}</p>}
          {corpus && !page && !state.error && <p className="empty">{t('noPage')}</p>}
          {state.error && <p role="alert" className="error">{errorWords(language, state.error)}</p>}
          {page && <PageArea api={api} root={corpus?.root ?? null} session={session} state={state} editorRef={editorRef} review={review} entities={entities} onOpenAt={openAt} findBar={findBar} />}
        </main>
        {popover && view && (
          <EntityPopover key={popover} changes={entities.changes} view={view} entityId={popover} types={entities.services.types} onClose={() => entities.setPopover(null)} onPropagate={entities.openPropagation} />
        )}
        {propagation && view && (
          <PropagationDialog
            view={view}
            text={propagation.text}
            type={propagation.type}
            corpusScope={
              <CorpusPropagationPanel
                api={api}
                text={propagation.text}
                type={propagation.type}
                typeLabel={entities.services.types.find((type) => type.id === propagation.type)?.label ?? propagation.type}
                excludePath={page?.path ?? ''}
                onClose={() => entities.setPropagation(null)}
                onChanged={() => {
                  entities.bumpIndex();
                  entities.services.refreshKnown();
                  void api.rescanCorpus();
                }}
              />
            }
            onClose={() => entities.setPropagation(null)}
          />
        )}
        {showTagset && <TagsetSettingsDialog api={api} onClose={() => setShowTagset(false)} onSaved={(info) => entities.services.setTagset(info.tagset)} />}
        {showOriginal && page && <OriginalView key={`${page.path}#${state.load}`} page={page} editor={editorRef.current} typeLabel={typeLabel} onClose={closeOriginal} />}
        {state.prompt && <UnsavedPrompt page={state.prompt.page} onChoose={(choice) => session.answer(choice)} />}
        {state.conflict && page && (
          <CompareView
            key={state.load}
            conflict={state.conflict}
            page={page.path}
            onKeepMine={(content) => session.keepMine(content)}
            onTakeTheirs={() => void session.takeTheirs()}
            onLater={() => session.closeConflict()}
          />
        )}
        {showExport && corpus && (
          <ExportDialog
            api={api}
            pages={pages}
            openPage={page?.path ?? null}
            selected={selectedList}
            remembered={exportChoices}
            onRemember={(choices) => {
              setExportChoices(choices);
              void api.setPreferences({ exportChoices: choices });
            }}
            folder={exportFolder}
            onFolder={setExportFolder}
            dirty={dirty}
            onSave={() => void session.save()}
            onClose={() => {
              setShowExport(false);
              // Back to the page text once the dialog has closed and released focus.
              window.setTimeout(() => editorRef.current?.focus(), 0);
            }}
          />
        )}
        {batch.dialog}
        {showShortcuts && <ShortcutsSheet onClose={() => setShowShortcuts(false)} />}
        {showCorpusSettings && corpus && <CorpusSettingsDialog api={api} onApply={applyTextSource} onClose={() => setShowCorpusSettings(false)} onIgnoreChange={onIgnoreChange} />}
        {dragging && <p role="status" className="drop-hint">{t('desktop.dropHint')}</p>}
        {dialogRequest && harness && (
          <FolderPicker
            harness={harness}
            api={api}
            onChoose={(folder) => {
              void harness.answerDialog(dialogRequest.id, folder);
              setDialogRequest(null);
            }}
          />
        )}
      </div>
      </ViewSettingsContext.Provider>
    </LanguageContext.Provider>
  );
}
