import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { TextSelection } from 'prosemirror-state';
import type { JiaoduiApi } from '../../shared/ipc/api';
import { REVIEW_STATUSES } from '../../shared/model/sidecar-schema';
import { CorrectionTooltip } from '../components/CorrectionTooltip';
import { PageHeader } from '../components/PageHeader';
import { PageEditor, type PageEditorHandle } from '../editor/PageEditor';
import { jumpEditor } from '../editor/jump';
import { cpToPmPos } from '../editor/text-doc';
import { EntityPanel } from '../entities/EntityPanel';
import { EntityCount } from '../entities/EntityCount';
import type { PageEntities } from '../entities/usePageEntities';
import { CorpusEntityIndex } from '../entities-corpus/CorpusEntityIndex';
import { useErrorWords, useFormat, useT } from '../i18n/LanguageContext';
import { ReviewPanel } from '../review/ReviewPanel';
import type { ReviewHook } from '../review/useReview';
import { LineImageStrip } from '../scan/LineImageStrip';
import { ScanSplit } from '../scan/ScanSplit';
import { ScanViewer } from '../scan/ScanViewer';
import { originalConfidenceMarks } from '../scan/confidence-marks';
import { useConfidenceThreshold } from '../scan/useConfidenceThreshold';
import { useRotation } from '../scan/useRotation';
import { useScanFollow } from '../scan/useScanFollow';
import { useScanImage } from '../scan/useScanImage';
import { usePanelShown } from '../state/usePanelShown';
import type { PageSession } from './page-session';
import { RecoveryNotice } from './RecoveryNotice';
import type { SessionState } from './session-types';

/// Puts the caret at code point `start` of the open page (clamped to the text) and scrolls to it.
export function jumpTo(editor: PageEditorHandle | null, start: number): void {
  const view = editor?.getView();
  if (view) jumpEditor(view, (state) => state.tr.setSelection(TextSelection.create(state.doc, cpToPmPos(state.doc, start))));
}

/// The open page: header, editor (alone or beside its scan), the review and entity panels, the recovery notice.
export function PageArea(props: {
  api: JiaoduiApi;
  root: string | null;
  session: PageSession;
  state: SessionState;
  editorRef: RefObject<PageEditorHandle | null>;
  review: ReviewHook;
  entities: PageEntities;
  onOpenAt(path: string, start: number): void;
  /// The find bar (renderer/find), shown over the page text when open.
  findBar?: ReactNode;
}) {
  const { api, session, state, editorRef, review, entities } = props;
  const t = useT();
  const errorWords = useErrorWords();
  const format = useFormat();
  const page = state.page!;
  const follow = useScanFollow(page, state.load, editorRef);
  const [confidenceThreshold, setConfidenceThreshold] = useConfidenceThreshold();
  // The OCR confidences of the open page's characters, computed once per opened page.
  const confidenceMarks = useMemo(() => (page.scan ? originalConfidenceMarks(page.scan.lines, page.originalText) : undefined), [page]);
  const [editorHost, setEditorHost] = useState<HTMLDivElement | null>(null);
  const [entityPanelShown, setEntityPanelShown] = usePanelShown('entities', page.scan != null, { plain: true, scan: false });
  const pageScan = page.scan;
  const scanImage = useScanImage(api, pageScan?.image ?? null, pageScan?.imageWidth ?? 0, pageScan?.imageHeight ?? 0);
  // The scan's rotation is remembered per page (corpus folder and page path).
  const [rotation, setRotation] = useRotation(`${props.root ?? ''}\n${page.path}`);
  const correctionLabels = useMemo(
    () => ({
      changed: (original: string) => t('corr.changed', { original: original.replace(/\n/g, '↵') }),
      inserted: () => t('corr.inserted'),
      deleted: (original: string) => t('corr.deleted', { original: original.replace(/\n/g, '↵') }),
    }),
    [t],
  );
  // The caret the session asks for (a reload, a jump from the corpus index, a restore), once per editor.
  const caretPlaced = useRef(-1);
  useEffect(() => {
    if (state.caret === null || caretPlaced.current === state.load) return;
    caretPlaced.current = state.load;
    jumpTo(editorRef.current, state.caret);
  }, [state.load, state.caret, editorRef]);

  const { save } = state;
  const saveState =
    save.kind === 'saved'
      ? { kind: 'saved' as const, at: save.opened ? format.dateTime(save.at) : format.time(save.at) }
      : save.kind === 'error'
        ? { kind: 'error' as const, message: save.code === 'sidecar-changed' ? t('error.sidecar-changed') : save.code === 'corpus-locked' ? t('error.corpus-locked') : errorWords(save) }
        : save;
  const editorElement = (
    <div className={pageScan && (scanImage.kind === 'ready' || scanImage.kind === 'tiles') ? 'editor-host line-strip-on' : 'editor-host'} ref={setEditorHost}>
      <PageEditor
        key={`${page.path}#${state.load}`}
        ref={editorRef}
        pageKey={`${page.path}#${state.load}`}
        originalText={page.originalText}
        text={page.text}
        readOnly={page.readOnly !== null}
        ariaLabel={t('pageText')}
        onPort={(port) => session.attachEditor(state.load, port)}
        onChange={follow.onTextChange}
        corrections={page.corrections}
        {...(page.moves && { moves: page.moves })}
        labels={correctionLabels}
        onCaretLineChange={follow.onCaretLineChange}
        review={review.options}
        onReviewChange={review.onChange}
        {...(confidenceMarks && { confidenceMarks, confidenceThreshold })}
        entities={page.entities}
        rejectedEntities={page.rejectedEntities}
        entityKeys={entities.keys}
        suggest={entities.services.suggest}
        suggestVersion={entities.services.suggestVersion}
        onEntityClick={(ids) => entities.setPopover(ids[0] ?? null)}
        onStateChange={() => {
          session.transaction();
          entities.changes.touched();
        }}
        onRefusedEntities={(refused) => entities.onRefused(refused.length)}
      />
    </div>
  );

  return (
    <>
      <PageHeader
        page={page}
        status={state.status}
        statuses={REVIEW_STATUSES}
        onStatusChange={(status) => session.setStatus(status)}
        note={state.note}
        onNoteChange={(note) => session.setNote(note)}
        dirty={state.dirty}
        saveState={saveState}
        correctionCount={follow.liveCorrectionCount ?? state.correctionCount}
      />
      {state.recovery && <RecoveryNotice recovery={state.recovery} onRestore={() => session.restore()} onDiscard={() => void session.dropRecovery()} />}
      {page.scanError && <p className="hint scan-layout-error" role="status">{t('scan.layoutError', { message: errorWords(page.scanError) })}</p>}
      {props.findBar}
      <div className="page-body">
        <div className="page-main">
          {pageScan ? (
            <ScanSplit
              editor={editorElement}
              scan={(layoutToggle) => (
                <ScanViewer
                  image={scanImage}
                  scan={pageScan}
                  caretLine={follow.caretLine}
                  onRegionClick={follow.goToOriginalLine}
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
            changes={entities.changes}
            types={entities.services.types}
            suggestionsEnabled={entities.services.suggest.enabled}
            onSuggestionsEnabledChange={entities.services.setSuggestionsEnabled}
            onIgnoreSuggestion={entities.ignoreSuggestion}
            learned={entities.services.learned}
            corpusIndex={<CorpusEntityIndex api={api} tagset={entities.services.tagset} onOpen={props.onOpenAt} refreshKey={entities.indexKey} />}
            notices={[
              ...(entities.services.tagsetProblem ? [t('ent.tagsetProblem', { message: errorWords(entities.services.tagsetProblem) })] : []),
              ...(entities.refusedCount > 0 ? [t('ent.refused', { count: entities.refusedCount })] : []),
              ...(entities.ignoreProblem ? [t('ent.ignoreFailed', { message: entities.ignoreProblem })] : []),
            ]}
          />
        ) : (
          <button type="button" className="review-show" onClick={() => setEntityPanelShown(true)}>
            <EntityCount changes={entities.changes} editor={editorRef.current} fallback={page.entities.length} />
          </button>
        )}
      </div>
      <CorrectionTooltip container={editorHost} />
      {pageScan && <LineImageStrip host={editorHost} scan={pageScan} image={scanImage} caretLine={follow.caretLine} rotation={rotation} />}
    </>
  );
}
