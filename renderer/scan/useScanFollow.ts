import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { PageData } from '../../shared/ipc/contract';
import type { PageEditorHandle } from '../editor/PageEditor';
import { createCaretLineStore } from './caret-line-store';
import { LineLinker } from './line-linker';

/// The scan following the editor: which original lines the caret's line came from (the viewer outlines them),
/// clicks on the scan moving the caret, and the live correction count after a pause in typing.
export function useScanFollow(page: PageData | null, load: number, editorRef: RefObject<PageEditorHandle | null>) {
  // The original lines under the caret, which the scan viewer follows without re-rendering the app.
  const [caretLine] = useState(createCaretLineStore);
  // Links between the edited lines and the original ones; null when the open page has no scan.
  const linker = useMemo(
    () =>
      page?.scan
        ? new LineLinker(page.originalText, page.text !== page.originalText || (page.moves?.length ?? 0) > 0, page.lineOrigins && { text: page.text, lineOrigins: page.lineOrigins })
        : null,
    // A new editor (load) starts from the page's text again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [page, load],
  );
  const caretLineRef = useRef<number | null>(null);
  const [liveCount, setLiveCount] = useState<{ load: number; count: number } | null>(null);
  useEffect(() => {
    caretLineRef.current = null;
    caretLine.set([]);
  }, [linker, caretLine]);

  // Asked after the editor's transaction has finished.
  const refreshScanFocus = useCallback(() => {
    const editor = editorRef.current;
    const line = caretLineRef.current;
    if (editor && linker && line !== null) caretLine.set(linker.originalLinesOf(line, editor));
  }, [caretLine, linker, editorRef]);
  const onCaretLineChange = useCallback(
    (line: number) => {
      caretLineRef.current = line;
      if (linker) queueMicrotask(refreshScanFocus);
    },
    [refreshScanFocus, linker],
  );
  const goToOriginalLine = useCallback(
    (originalLine: number) => {
      const editor = editorRef.current;
      if (editor && linker) editor.goToLine(linker.currentLineOf(originalLine, editor));
    },
    [linker, editorRef],
  );

  const countTimer = useRef<number | undefined>(undefined);
  const onTextChange = useCallback(() => {
    linker?.textChanged();
    // The count (and the scan outline, which joined or split lines change) follow typing after a short pause
    // rather than on every keystroke.
    window.clearTimeout(countTimer.current);
    countTimer.current = window.setTimeout(() => {
      const editor = editorRef.current;
      if (editor) setLiveCount({ load, count: editor.getCorrections().length });
      refreshScanFocus();
    }, 200);
  }, [refreshScanFocus, linker, editorRef, load]);
  useEffect(() => () => window.clearTimeout(countTimer.current), []);

  return { caretLine, onCaretLineChange, goToOriginalLine, onTextChange, liveCorrectionCount: liveCount?.load === load ? liveCount.count : null };
}
