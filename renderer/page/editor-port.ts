import { closeHistory } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Correction, Move } from '../../shared/model/sidecar-schema';
import { recomputeCorrections } from '../editor/corrections-plugin';
import { movesOf } from '../editor/schema';
import { pmPosToCp, textFromDoc } from '../editor/text-doc';
import { spansOf } from '../entities/spans-io';
import { rejectionsOf, suggestionsKey } from '../entities/suggestions-plugin';
import { correctionsWithRules } from '../review/corrections-with-rules';
import { rejectionsForSave, reviewKey } from '../review/review-plugin';
import type { PageContent } from './content';
import type { PendingCounts } from '../../shared/model/page-stats';
import { pendingCounts } from '../pagestats/pending-counts';

/// What the page session needs of the open page's editor (the mounted PageEditor, or a bare EditorState in tests).
export interface EditorPort {
  /// Whether the document (text and entity marks) differs from the one last marked saved; cheap (see
  /// SavedDocTracker), asked after every change.
  docDirty(): boolean;
  /// A cheap fingerprint of the rejections (entity and correction suggestions), compared with the saved one.
  rejectionsKey(): string;
  /// The editable content now (without the status and note, which the session owns); costs a serialisation of the page.
  content(): Omit<PageContent, 'status' | 'note'>;
  /// The corrections of the current text against the original, for the save request.
  corrections(): readonly Correction[];
  /// The block moves the document holds (reading-order repairs), for the save request.
  moves(): readonly Move[];
  /// Identifies the current document: equal tokens mean nothing changed in between.
  docToken(): unknown;
  /// Records the current document as the saved one.
  markSaved(): void;
  /// The caret (selection head) in code points on the text.
  caret(): number;
  /// What is still waiting for the editor (low-confidence characters, OCR and entity suggestions), sent with the
  /// save for the dashboard; null or absent when not known (issue 16).
  pending?(): PendingCounts | null;
}

/// An EditorPort over an editor state held elsewhere: `get` reads the current state, `dispatch` applies a
/// transaction (the view's, or a test's holder).
export function editorPortOf(get: () => EditorState, dispatch: (tr: Transaction) => void): EditorPort {
  // `Node.eq` stops at the first differing line and compares untouched lines by identity, so even a long page
  // costs about a pointer comparison per line; the answer is kept until the document changes.
  let savedDoc = get().doc;
  let seen = savedDoc;
  let seenDirty = false;
  return {
    docDirty: () => {
      const { doc } = get();
      if (doc !== seen) {
        seen = doc;
        seenDirty = !doc.eq(savedDoc);
      }
      return seenDirty;
    },
    rejectionsKey: () => {
      const state = get();
      return `${suggestionsKey.getState(state)?.rejected.length ?? 0}/${reviewKey.getState(state)?.rejections.length ?? 0}`;
    },
    content: () => {
      const state = get();
      return { text: textFromDoc(state.doc), entities: spansOf(state.doc), rejectedEntities: rejectionsOf(state), rejectedCorrections: rejectionsForSave(state) };
    },
    corrections: () => {
      const refresh = recomputeCorrections(get());
      if (refresh !== null) dispatch(refresh);
      return correctionsWithRules(get());
    },
    moves: () => movesOf(get().doc),
    docToken: () => get().doc,
    markSaved: () => {
      savedDoc = seen = get().doc;
      seenDirty = false;
      // A save closes the undo step being grouped: an edit right after it (within the history's grouping delay)
      // is undone on its own, never together with what was typed before the save.
      dispatch(closeHistory(get().tr));
    },
    caret: () => {
      const state = get();
      return pmPosToCp(state.doc, state.selection.head);
    },
    pending: () => pendingCounts(get()),
  };
}
