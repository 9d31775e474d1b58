import type { JiaoduiApi } from '../../shared/ipc/api';

/// Sends the renderer's uncaught errors and unhandled rejections to the app log (`log.write`): the error's name
/// and message only, never the page text (the main process scrubs quoted spans and non-ASCII text as well, and
/// rate-limits the entries). Returns a function that stops reporting.
export function reportUncaughtErrors(api: Pick<JiaoduiApi, 'log'>, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const send = (code: string, reason: unknown) => {
    const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : typeof reason;
    // A failing log must not raise another error in turn.
    void api.log({ level: 'error', code, message: message.slice(0, 2000) }).catch(() => {});
  };
  const onError = (event: ErrorEvent) => send('renderer.uncaught', event.error ?? new Error(event.message));
  const onRejection = (event: PromiseRejectionEvent) => send('renderer.unhandled-rejection', event.reason);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
