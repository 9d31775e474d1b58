import os from 'node:os';
import path from 'node:path';

/// The state file the desktop app uses on this machine (`<userData>/state.json`), so the CLI finds what the app
/// learned about a corpus (the entity model, the ignore list, the error profile: see corpus-data-dir.ts).
///
/// Electron's `userData` is `<appData>/<productName>`; appData is `%APPDATA%` on Windows,
/// `~/Library/Application Support` on macOS and `$XDG_CONFIG_HOME` or `~/.config` elsewhere. `JIAODUI_STATE_FILE`
/// (as the app's `--user-data-dir`, for tests and portable installs) wins over all of them.
export function appStateFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JIAODUI_STATE_FILE) return path.resolve(env.JIAODUI_STATE_FILE);
  return path.join(appDataFolder(env, platform), 'Jiaodui', 'state.json');
}

function appDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}
