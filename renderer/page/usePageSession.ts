import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import { realClock } from './clock';
import { PageSession } from './page-session';
import type { SessionOptions, SessionState } from './session-types';

/// The app's page session and its state, re-rendering on each change (useSyncExternalStore). Also binds what
/// belongs to the window: the quit guard (`app.closeRequested`), the browser's leave-page warning while work is
/// unsaved, and the corpus watcher's `corpus.filesChanged`.
export function usePageSession(api: JiaoduiApi, autosaveSeconds: number, onSaved: NonNullable<SessionOptions['onSaved']>): { session: PageSession; state: SessionState } {
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const [session] = useState(
    () => new PageSession({ api, clock: realClock, autosaveSeconds, onSaved: (path, status, outcome, text) => onSavedRef.current(path, status, outcome, text) }),
  );
  useEffect(() => () => session.dispose(), [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);

  useEffect(() => {
    if (!state.dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [state.dirty]);
  useEffect(() => api.on('app.closeRequested', () => void session.requestClose()), [api, session]);
  useEffect(() => api.on('corpus.filesChanged', ({ changes }) => void session.filesChanged(changes)), [api, session]);
  return { session, state };
}
