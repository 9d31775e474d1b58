import { useCallback, useEffect, useState } from 'react';
import { useErrorWords } from '../i18n/LanguageContext';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { PageEntry } from '../../shared/ipc/contract';
import type { PageSession } from '../page/page-session';

/// Changing where page text comes from (corpus settings): guard unsaved work, set the source, and once the rescan
/// it starts has finished, reopen the page of the same base name under its new file.
export function useTextSourceChange(api: JiaoduiApi, session: PageSession, openPath: string | null, pages: PageEntry[], generation: number, scanning: boolean, unsavedMessage: string) {
  const [reopen, setReopen] = useState<{ base: string; after: number } | null>(null);
  const errorWords = useErrorWords();
  const apply = useCallback(
    async (source: Parameters<JiaoduiApi['setTextSource']>[0]): Promise<string | null> => {
      if (!(await session.guard())) return unsavedMessage;
      const result = await api.setTextSource(source);
      if (!result.ok) return errorWords(result.error);
      const base = openPath ? pages.find((p) => p.path === openPath)?.base ?? null : null;
      session.close();
      setReopen(base === null ? null : { base, after: generation });
      return null;
    },
    [api, session, openPath, pages, generation, unsavedMessage, errorWords],
  );
  useEffect(() => {
    if (reopen === null || generation <= reopen.after || scanning) return;
    setReopen(null);
    const entry = pages.find((p) => p.base === reopen.base);
    if (entry) void session.open(entry.path);
  }, [reopen, pages, scanning, generation, session]);
  return apply;
}
