/// Waits until the page just opened has had its chance to show, before main-process work that can wait.
///
/// The part-of-speech tagger and the OCR language model run synchronously in the main process (in the browser
/// harness, the same process that serves the scan image), so asking for them at once delays the scan by as long
/// as they take. Resolves after the next idle period, or after `ms` at the latest.
export function afterPageShown(ms = 600): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: ms });
    else setTimeout(resolve, ms);
  });
}
