import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installApi } from './bridge/install';
import { reportUncaughtErrors } from './bridge/report-errors';
import { LANGUAGES, type Language } from '../shared/ipc/contract';
import './styles.css';

// Entry point: connect to the main process (preload in Electron, localhost bridge in the harness), read the
// app state, then render.
async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const { api, harness } = installApi();
  reportUncaughtErrors(api);
  const state = await api.getAppState();
  if (!state.ok) {
    root.render(<p role="alert" className="error">{state.error.message}</p>);
    return;
  }
  // The harness may ask for a language on its URL (`--lang`); it becomes the saved preference. The app renders
  // in that language at once and stores it in the background, so start-up never waits for a write.
  const requested = new URLSearchParams(location.search).get('lang');
  if (requested && (LANGUAGES as readonly string[]).includes(requested) && requested !== state.value.preferences.language) {
    state.value.preferences = { ...state.value.preferences, language: requested as Language };
    void api.setPreferences({ language: requested as Language });
  }
  root.render(
    <StrictMode>
      <App api={api} harness={harness} initial={state.value} />
    </StrictMode>,
  );
}

void start();
