import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { undo } from 'prosemirror-history';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { parseClipboardText, serializeClipboardText } from './clipboard';
import type { RuleId } from '../../shared/ocr-assist/types';
import { acceptItem, acceptRule, focusItem, rejectItem, stepToItem, targetItem } from '../review/review-commands';
import { correctionsWithRules } from '../review/corrections-with-rules';
import { rejectionsForSave, reviewKey, type ReviewOptions, type ReviewState } from '../review/review-plugin';
import { reviewSnapshot, type ReviewSnapshot } from '../review/review-snapshot';
import type { Correction, EntitySpan, Move, RejectedCorrection, RejectedEntity } from '../../shared/model/sidecar-schema';
import type { EntityKeysOptions } from '../entities/entity-keys';
import { spansOf } from '../entities/spans-io';
import { rejectionsOf, resetSuggestions, type SuggestContext } from '../entities/suggestions-plugin';
import type { ConfidenceMark } from '../scan/confidence-marks';
import { setConfidenceThreshold } from '../scan/confidence-plugin';
import { recomputeCorrections, type CorrectionLabels } from './corrections-plugin';
import { movesOf } from './schema';
import { createPageStateWithProblems, redoOrNothing } from './page-state';
import { jumpEditor } from './jump';
import { SavedDocTracker } from './saved-doc-tracker';
import { editorPortOf, type EditorPort } from '../page/editor-port';
import { textFromDoc } from './text-doc';
import './editor.css';

/// Props of `PageEditor`.
export interface PageEditorProps {
  /// Identity of the open page; a new key creates a new editor (and a fresh undo history).
  pageKey: string;
  /// The OCR original text, against which changes are highlighted.
  originalText: string;
  /// The text to edit when the page opens; later changes of this prop (for the same page) are ignored.
  text: string;
  readOnly: boolean;
  ariaLabel: string;
  /// Called when the page becomes dirty (differs from the last saved text) or clean again.
  onDirtyChange?(dirty: boolean): void;
  /// Called with the editor's port for the page session once the view exists, and with null when it goes.
  onPort?(port: EditorPort | null): void;
  /// Called after every change of the text, for example to schedule an autosave.
  onChange?(): void;
  /// The corrections of `text` against `originalText` from the sidecar, if any: the editor checks them and then
  /// highlights them without diffing the whole page on open. Read when the page opens.
  corrections?: readonly Correction[];
  /// The sidecar's block moves, which `corrections` are on. Read when the page opens.
  moves?: readonly Move[];
  /// Translated correction tooltips; English when absent. Read when the page opens.
  labels?: CorrectionLabels;
  /// OCR confidences of characters of `originalText`; characters below `confidenceThreshold` are underlined.
  /// Read when the page opens.
  confidenceMarks?: readonly ConfidenceMark[];
  /// 0..1; may change while the page is open.
  confidenceThreshold?: number;
  /// Called with the 0-based line of the selection head whenever that line changes (not on every keystroke).
  onCaretLineChange?(line: number): void;
  /// OCR-correction review: the suggestion source and the sidecar's rejections. Read when the page opens.
  review?: ReviewOptions;
  /// Called when the suggestions under review, the rejections or the current suggestion change (not when an edit
  /// merely moves them).
  onReviewChange?(snapshot: ReviewSnapshot): void;
  /// Tagged entities from the sidecar (code points on `text`). Read when the page opens.
  entities?: readonly EntitySpan[];
  /// Rejected suggestions from the sidecar. Read when the page opens.
  rejectedEntities?: readonly RejectedEntity[];
  /// Entity shortcuts; read when the page opens (its functions are called at each key press).
  entityKeys?: EntityKeysOptions;
  /// Suggestion context, updated in place by the app; `suggestVersion` tells the editor it changed.
  suggest?: SuggestContext;
  suggestVersion?: number;
  /// Called when an entity highlight is clicked, with the entity ids there (innermost first).
  onEntityClick?(ids: string[]): void;
  /// Called after every transaction (text, tags or selection), for panels that follow the editor.
  onStateChange?(view: EditorView): void;
  /// Called once, when the page opens, with the sidecar spans that could not be placed on the text.
  onRefusedEntities?(refused: { span: EntitySpan; message: string }[]): void;
  ref?: Ref<PageEditorHandle>;
}

/// What the app can ask of a mounted `PageEditor`.
export interface PageEditorHandle {
  /// The current page text, lines joined with `\n`.
  getText(): string;
  focus(): void;
  /// Undoes the last change; false when there is nothing to undo.
  undo(): boolean;
  /// Redoes the last undone change; does nothing when there is nothing to redo (never undoes).
  redo(): boolean;
  /// Records the current text as saved, which makes the page clean.
  markSaved(): void;
  isDirty(): boolean;
  /// The corrections of the current text against the original (original code points, sorted).
  ///
  /// Brings the highlights up to date first; that re-diffs only the lines changed since the last recompute,
  /// so saving a 200,000-character page need not diff it whole. A correction containing a change made by
  /// accepting an OCR suggestion names that suggestion's rule.
  getCorrections(): readonly Correction[];
  /// The block moves of the original the corrections are on (the original in corrected reading order).
  getMoves(): readonly Move[];
  /// Puts the caret at the start of 0-based line `line` (clamped to the page), scrolls it into view and focuses.
  goToLine(line: number): void;
  /// Runs a review action on a suggestion (by id), or on the current one (`next`, `previous`, `accept-current`,
  /// `reject-current`, `accept-rule-current`); false when it does not apply.
  review(action: ReviewCommand): boolean;
  /// The rejected suggestions to save: code points on the current text.
  getRejectedCorrections(): RejectedCorrection[];
  /// The tagged entities as sidecar spans (code points on the current text).
  getEntities(): EntitySpan[];
  /// The rejected suggestions (from the sidecar and this session).
  getRejectedEntities(): RejectedEntity[];
  /// The ProseMirror view, for the entity tools that act on the editor; null before mount.
  getView(): EditorView | null;
}

/// A review action the app asks of the editor.
export type ReviewCommand =
  | { type: 'next' | 'previous' | 'accept-current' | 'reject-current' | 'accept-rule-current' }
  | { type: 'accept' | 'reject' | 'focus'; id: number }
  | { type: 'accept-rule'; rule: RuleId };

/// The ProseMirror editor of one page: one line node per text line, correction highlights, undo history.
///
/// The view is created once per `pageKey` and destroyed when the page changes or the component unmounts; the
/// text lives in the view, not in React state, so typing does not re-render React. The contenteditable is exposed
/// to assistive technology as a multi-line textbox named `ariaLabel`.
export function PageEditor(props: PageEditorProps) {
  const { pageKey, readOnly, ariaLabel, ref } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const trackerRef = useRef<SavedDocTracker | null>(null);
  // The latest props, for callbacks of a view that outlives renders.
  const propsRef = useRef(props);
  useLayoutEffect(() => {
    propsRef.current = props;
  });

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const initial = propsRef.current;
    const { state, refused } = createPageStateWithProblems({
      originalText: initial.originalText,
      text: initial.text,
      ...(initial.entities && { entities: initial.entities }),
      ...(initial.rejectedEntities && { rejectedEntities: initial.rejectedEntities }),
      entityView: { onEntityClick: (ids: string[]) => propsRef.current.onEntityClick?.(ids) },
      ...(initial.entityKeys && { entityKeys: initial.entityKeys }),
      ...(initial.suggest && { suggest: initial.suggest }),
      ...(initial.labels && { labels: initial.labels }),
      ...(initial.corrections && { corrections: initial.corrections }),
      ...(initial.moves && { moves: initial.moves }),
      ...(initial.confidenceMarks && { confidenceMarks: initial.confidenceMarks }),
      ...(initial.confidenceThreshold !== undefined && { confidenceThreshold: initial.confidenceThreshold }),
      ...(initial.review && { review: initial.review }),
    });
    if (refused.length > 0) initial.onRefusedEntities?.(refused);
    const tracker = new SavedDocTracker(state.doc);
    const reportReview = (current: EditorState, before: ReviewState | undefined) => {
      const value = reviewKey.getState(current);
      if (value && value.version !== before?.version) propsRef.current.onReviewChange?.(reviewSnapshot(current));
    };
    let caretLine = -1;
    const view: EditorView = new EditorView(host, {
      state,
      editable: () => !propsRef.current.readOnly,
      attributes: () => editorAttributes(propsRef.current.ariaLabel, propsRef.current.readOnly),
      clipboardTextParser: parseClipboardText,
      clipboardTextSerializer: serializeClipboardText,
      dispatchTransaction(tr) {
        const before = view.state.doc;
        const selectionBefore = view.state.selection;
        const reviewBefore = reviewKey.getState(view.state);
        view.updateState(view.state.apply(tr));
        reportReview(view.state, reviewBefore);
        propsRef.current.onStateChange?.(view);
        if (!view.state.selection.eq(selectionBefore) || view.state.doc !== before) {
          // Resolving the head walks the top-level lines (no text is read); the callback runs only on a new line.
          const line = lineOfPosition(view.state.doc, view.state.selection.head);
          if (line !== caretLine) {
            caretLine = line;
            propsRef.current.onCaretLineChange?.(line);
          }
        }
        if (view.state.doc === before) return;
        const dirty = tracker.docChanged(view.state.doc);
        if (dirty !== null) propsRef.current.onDirtyChange?.(dirty);
        propsRef.current.onChange?.();
      },
    });
    viewRef.current = view;
    trackerRef.current = tracker;
    reportReview(view.state, undefined);
    propsRef.current.onPort?.(editorPortOf(() => view.state, (tr) => view.dispatch(tr)));
    return () => {
      propsRef.current.onPort?.(null);
      view.destroy();
      viewRef.current = null;
      trackerRef.current = null;
    };
  }, [pageKey]);

  const { confidenceThreshold } = props;
  useEffect(() => {
    const view = viewRef.current;
    if (view === null || confidenceThreshold === undefined) return;
    const tr = setConfidenceThreshold(view.state, confidenceThreshold);
    if (tr !== null) view.dispatch(tr);
  }, [confidenceThreshold]);

  const { suggestVersion } = props;
  useEffect(() => {
    const view = viewRef.current;
    if (view === null || suggestVersion === undefined) return;
    view.dispatch(resetSuggestions(view.state));
  }, [suggestVersion]);

  // Read-only state and label can change while the page stays open; re-reading the props refreshes them.
  useEffect(() => {
    viewRef.current?.setProps({});
  }, [readOnly, ariaLabel]);

  useImperativeHandle(
    ref,
    (): PageEditorHandle => ({
      getText: () => (viewRef.current ? textFromDoc(viewRef.current.state.doc) : ''),
      focus: () => viewRef.current?.focus(),
      undo: () => runCommand(viewRef.current, undo),
      redo: () => runCommand(viewRef.current, redoOrNothing),
      markSaved: () => {
        const view = viewRef.current;
        const tracker = trackerRef.current;
        if (view === null || tracker === null) return;
        if (tracker.markSaved(view.state.doc) !== null) propsRef.current.onDirtyChange?.(false);
      },
      getCorrections: () => {
        const view = viewRef.current;
        if (view === null) return [];
        const refresh = recomputeCorrections(view.state);
        if (refresh !== null) view.dispatch(refresh);
        return correctionsWithRules(view.state);
      },
      getMoves: () => (viewRef.current ? movesOf(viewRef.current.state.doc) : []),
      goToLine: (line) => {
        const view = viewRef.current;
        if (view === null) return;
        const { doc } = view.state;
        const target = Math.max(0, Math.min(doc.childCount - 1, Math.floor(line)));
        let position = 0;
        for (let i = 0; i < target; i++) position += doc.child(i).nodeSize;
        // +1: inside the line node, before its first character.
        jumpEditor(view, (state) => state.tr.setSelection(TextSelection.create(state.doc, position + 1)));
      },
      review: (action) => {
        const view = viewRef.current;
        if (view === null) return false;
        const tr = reviewTransaction(view.state, action);
        if (tr === null) return false;
        // Accepting changes the text: not on a read-only page.
        if (tr.docChanged && !view.editable) return false;
        view.dispatch(tr);
        return true;
      },
      getRejectedCorrections: () => (viewRef.current ? rejectionsForSave(viewRef.current.state) : []),
      getEntities: () => (viewRef.current ? spansOf(viewRef.current.state.doc) : []),
      getRejectedEntities: () => (viewRef.current ? rejectionsOf(viewRef.current.state) : []),
      getView: () => viewRef.current,
      isDirty: () => (viewRef.current && trackerRef.current ? trackerRef.current.isDirty(viewRef.current.state.doc) : false),
    }),
    [],
  );

  return <div className="jd-page-editor-host" ref={hostRef} />;
}

function editorAttributes(ariaLabel: string, readOnly: boolean): Record<string, string> {
  return {
    class: 'jd-page-editor',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': ariaLabel,
    'aria-readonly': readOnly ? 'true' : 'false',
    // An explicit tab stop: a read-only page is not contenteditable, so it would have none, and the keyboard could
    // not reach or scroll its text; axe counts only a tabindex (not contenteditable) as focusable content of the
    // scrolling host (scrollable-region-focusable).
    tabindex: '0',
    // Spell checking a 200,000-character OCR page is slow and flags most Chinese text anyway.
    spellcheck: 'false',
    lang: 'zh',
  };
}

// The 0-based line (top-level line node) that holds document position `position`.
function lineOfPosition(doc: EditorView['state']['doc'], position: number): number {
  return Math.min(doc.resolve(position).index(0), doc.childCount - 1);
}

function reviewTransaction(state: EditorState, action: ReviewCommand): Transaction | null {
  switch (action.type) {
    case 'next': return stepToItem(state, 1);
    case 'previous': return stepToItem(state, -1);
    case 'focus': return focusItem(state, action.id);
    case 'accept': return acceptItem(state, action.id);
    case 'reject': return rejectItem(state, action.id);
    case 'accept-rule': return acceptRule(state, action.rule);
    case 'accept-current': {
      const item = targetItem(state);
      return item ? acceptItem(state, item.id) : null;
    }
    case 'reject-current': {
      const item = targetItem(state);
      return item ? rejectItem(state, item.id) : null;
    }
    case 'accept-rule-current': {
      const item = targetItem(state);
      return item ? acceptRule(state, item.rule) : null;
    }
  }
}

function runCommand(view: EditorView | null, command: typeof undo): boolean {
  if (view === null || !view.editable) return false;
  return command(view.state, view.dispatch);
}
