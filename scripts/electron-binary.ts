import fs from 'node:fs';
import { createRequire } from 'node:module';

/// The path of the installed Electron executable, or null when there is none on this machine.
///
/// The `electron` package's main export is that path, but it throws when the binary was never downloaded
/// (ELECTRON_SKIP_BINARY_DOWNLOAD, no network); either way we answer null instead of a stack trace.
export function findElectronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
