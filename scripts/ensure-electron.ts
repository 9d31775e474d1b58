import type { ElectronInstallOutcome } from './electron-binary';

/// How `npm start` finds the Electron executable: look, else download once with Electron's installer, look again.
export interface EnsureElectronDeps {
  find: () => string | null;
  install: () => Promise<ElectronInstallOutcome>;
  /// Progress for the user (stdout).
  say: (line: string) => void;
}

/// The Electron executable, or the one sentence `npm start` prints when there is none and none can be had.
export type EnsureElectronOutcome = { ok: true; binary: string } | { ok: false; message: string };

/// The sentence shown when the desktop app cannot start: what happened and how to use the harness instead.
export function noElectronMessage(reason: string): string {
  const why = reason.replace(/[.\s]+$/, '');
  return `Electron could not be installed on this machine (${why}), so the desktop app cannot start; use the browser harness instead: npm run dev:browser -- --corpus <folder>`;
}

/// Finds the Electron binary, running Electron's own installer on demand when it is missing (the install step
/// never downloads it: see package.json's allowScripts and .npmrc).
export async function ensureElectron(deps: EnsureElectronDeps): Promise<EnsureElectronOutcome> {
  const found = deps.find();
  if (found) return { ok: true, binary: found };
  deps.say('Electron is not downloaded yet; fetching it once with its own installer…');
  const installed = await deps.install();
  if (!installed.ok) return { ok: false, message: noElectronMessage(installed.reason) };
  const binary = deps.find();
  return binary ? { ok: true, binary } : { ok: false, message: noElectronMessage('its installer finished but left no executable') };
}
