/// What the close guard needs from the window and the app; Electron in main.ts, fakes in tests.
export interface CloseGuardHost {
  /// Tells the renderer to ask Save / Discard / Cancel ('app.closeRequested').
  requestCloseConfirmation(): void;
  /// Closes the window for real.
  closeWindow(): void;
  /// Quits the app for real.
  quitApp(): void;
}

/// Keeps the window open while the renderer has unsaved work.
///
/// The renderer reports dirtiness with app.setDirty; a close or quit while dirty is prevented and the renderer
/// is asked to confirm; app.confirmClose then lets the pending close (or quit) through exactly once.
export interface CloseGuard {
  /// Records the renderer's latest dirty flag.
  setDirty(dirty: boolean): void;
  /// Called from the window's 'close' event; returns true when the close must be prevented.
  onWindowClose(): boolean;
  /// Called from the app's 'before-quit' event, so a confirmed close goes on to quit.
  onBeforeQuit(): void;
  /// The renderer confirmed (saved or discarded): carry out the pending close or quit.
  confirm(): void;
}

/// Creates the close guard over a host.
export function createCloseGuard(host: CloseGuardHost): CloseGuard {
  let dirty = false;
  let confirmed = false;
  let quitRequested = false;
  // What the prevented close was part of, fixed when it is prevented: a quit the user cancelled (Cancel in the
  // renderer's prompt) must not turn a later Cmd-W on macOS into a quit.
  let pending: 'close' | 'quit' = 'close';
  return {
    setDirty(next) {
      dirty = next;
      // A later edit needs a fresh confirmation.
      if (next) confirmed = false;
    },
    onWindowClose() {
      const quitting = quitRequested;
      quitRequested = false;
      if (!dirty || confirmed) return false;
      pending = quitting ? 'quit' : 'close';
      host.requestCloseConfirmation();
      return true;
    },
    onBeforeQuit() {
      quitRequested = true;
    },
    confirm() {
      confirmed = true;
      const action = pending;
      pending = 'close';
      if (action === 'quit') host.quitApp();
      else host.closeWindow();
    },
  };
}
