import { useCallback, useState, type RefObject } from 'react';
import type { PageEditorHandle } from '../editor/PageEditor';
import { stepFind } from './find-commands';
import { revealCurrent } from './reveal';

/// Whether the find bar is shown, with or without its replace row, and what it was last asked for.
export interface FindBarRequest {
  replace: boolean;
  /// Bumped each time the bar is asked for, so it takes the focus again.
  token: number;
  /// The editor's selection when it was asked for (one line of it), to look for.
  seed: string | null;
}

/// The find bar's state for the app: Ctrl+F opens it for finding, Ctrl+H for replacing, F3 / Shift+F3 step
/// through the hits, closing it returns the focus to the page text.
export function useFindBar(editorRef: RefObject<PageEditorHandle | null>) {
  const [request, setRequest] = useState<FindBarRequest | null>(null);
  const open = useCallback(
    (replace: boolean) => {
      const view = editorRef.current?.getView() ?? null;
      const { from, to } = view?.state.selection ?? { from: 0, to: 0 };
      const selected = view && to > from ? view.state.doc.textBetween(from, to, '\n') : '';
      const seed = selected !== '' && !selected.includes('\n') && selected.length <= 200 ? selected : null;
      setRequest((before) => ({ replace, token: (before?.token ?? 0) + 1, seed }));
    },
    [editorRef],
  );
  const close = useCallback(() => {
    setRequest(null);
    // Back to the text once the bar has gone, caret on the last hit stepped to.
    window.setTimeout(() => editorRef.current?.focus(), 0);
  }, [editorRef]);
  const step = useCallback(
    (direction: 1 | -1) => {
      const view = editorRef.current?.getView() ?? null;
      if (request === null) return open(false);
      if (view !== null && stepFind(view, direction)) revealCurrent(view);
    },
    [editorRef, request, open],
  );
  const getView = useCallback(() => editorRef.current?.getView() ?? null, [editorRef]);
  return { request, open, close, step, getView };
}
