import { afterPageShown } from '../state/after-page-shown';
import { usePanelShown } from '../state/usePanelShown';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { Language, PageData } from '../../shared/ipc/contract';
import type { Move } from '../../shared/model/sidecar-schema';
import { explainIn } from '../../shared/ocr-assist/explain';
import { errorWords } from '../i18n/error-words';
import type { PageEditorHandle, ReviewCommand } from '../editor/PageEditor';
import type { ReviewActions } from './ReviewPanel';
import { askSuggestionsAgain, type ReviewOptions } from './review-plugin';
import type { ReviewSnapshot } from './review-snapshot';

/// What the app needs for reviewing OCR suggestions on the open page.
export interface ReviewHook {
  /// For the page's editor: the suggestion source (the main process) and the sidecar's rejections.
  options: ReviewOptions | undefined;
  /// For the page's editor: receives the review state whenever the list changes.
  onChange(snapshot: ReviewSnapshot): void;
  /// The latest review state of the open page, or null before the editor reported one.
  snapshot: ReviewSnapshot | null;
  /// Why suggestions could not be had, or null.
  error: string | null;
  /// Runs a review command in the editor.
  run(command: ReviewCommand): void;
  /// The panel's buttons.
  actions: ReviewActions;
  /// Always ignores the current suggestion's rule and string in this corpus (Ctrl+F9).
  ignoreCurrent(): void;
  shown: boolean;
  setShown(shown: boolean): void;
}

/// Keeps the review panel's state for the open page and connects the editor to the `ocr.suggest` channel.
///
/// Every piece of state is tagged with the page it belongs to, so nothing of a previous page leaks into the next
/// one while the new editor reports its first state.
export function useReview(api: JiaoduiApi, page: PageData | null, editorRef: RefObject<PageEditorHandle | null>, language: Language): ReviewHook {
  const [snapshot, setSnapshot] = useState<{ page: PageData; value: ReviewSnapshot } | null>(null);
  const [error, setError] = useState<{ page: PageData; message: string } | null>(null);
  // Beside a scan the text and the image need the width: the panel starts hidden there unless the user opened it
  // on a scan page before (remembered); elsewhere it starts open unless the user hid it.
  const withScan = page?.scan != null;
  const [shown, setShown] = usePanelShown('review', withScan, { plain: true, scan: false });
  const latest = useRef<{ page: PageData; value: ReviewSnapshot } | null>(null);
  // App calls this hook above its language provider, so the language comes as an argument.
  const languageRef = useRef(language);
  languageRef.current = language;

  const options = useMemo((): ReviewOptions | undefined => {
    if (!page) return undefined;
    const rejected = page.rejectedCorrections;
    if (page.readOnly) return { rejected };
    let first = true;
    const source = async (text: string, moves: readonly Move[]) => {
      // The first request of a page waits until the page and its scan have been shown (see afterPageShown).
      if (first) await afterPageShown();
      first = false;
      const result = await api.suggestCorrections({ path: page.path, text, ...(moves.length > 0 && { moves: [...moves] }) });
      if (!result.ok) {
        setError({ page, message: errorWords(languageRef.current, result.error) });
        return null;
      }
      setError(null);
      // Explanations in the UI language; the language is read at each request, so a switch shows from the next one.
      const language = languageRef.current;
      // The answer leaves out the English explanation wherever `why` rebuilds it.
      return result.value.map((s) => ({ ...s, explanation: (s.why ? explainIn(language, s.why) : null) ?? s.explanation ?? '' }));
    };
    return { source, rejected };
  }, [api, page]);

  const onChange = useCallback(
    (value: ReviewSnapshot) => {
      if (!page) return;
      latest.current = { page, value };
      setSnapshot(latest.current);
    },
    [page],
  );

  const run = useCallback((command: ReviewCommand) => void editorRef.current?.review(command), [editorRef]);
  // "Always ignore": kept in the corpus's ignore list by the main process, which leaves such suggestions out of
  // every answer from then on; the open page asks again at once.
  const ignore = useCallback(
    (id: number) => {
      const shown = latest.current;
      const item = shown?.page === page ? shown.value.items.find((i) => i.id === id) : undefined;
      if (!page || !item) return;
      void api.addIgnore({ kind: 'ocr', rule: item.rule, text: item.text, replacement: item.replacement }).then((result) => {
        if (!result.ok) return setError({ page, message: errorWords(languageRef.current, result.error) });
        const view = editorRef.current?.getView();
        if (view) askSuggestionsAgain(view);
      });
    },
    [api, page, editorRef],
  );
  const ignoreCurrent = useCallback(() => {
    const currentId = latest.current?.page === page ? latest.current.value.currentId : null;
    if (currentId !== null) ignore(currentId);
  }, [ignore, page]);

  const actions = useMemo(
    (): ReviewActions => ({
      accept: (id) => run({ type: 'accept', id }),
      reject: (id) => run({ type: 'reject', id }),
      acceptRule: (rule) => run({ type: 'accept-rule', rule }),
      ignore,
      focus: (id) => {
        // Focus first: ProseMirror scrolls to a selection only when the DOM selection is in the editor (see
        // renderer/editor/jump.ts), so the item is scrolled to now rather than by the next key typed.
        editorRef.current?.focus();
        run({ type: 'focus', id });
      },
    }),
    [run, editorRef, ignore],
  );

  const value = snapshot?.page === page ? snapshot.value : null;
  return useMemo(
    () => ({
      options,
      onChange,
      snapshot: value,
      error: error?.page === page ? error.message : null,
      run,
      actions,
      ignoreCurrent,
      shown,
      setShown,
    }),
    [options, onChange, value, error, page, run, actions, ignoreCurrent, shown, setShown],
  );
}
