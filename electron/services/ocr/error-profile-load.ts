import { stat } from 'node:fs/promises';
import type { ErrorProfile } from '../../../shared/ocr-assist/error-profile';
import { readErrorProfileFile } from './error-profile-store';

// The last profile read, by file and its stamp: the editor asks for suggestions after every pause in typing, and
// the profile changes only after saves.
let last: { file: string; stamp: string; profile: ErrorProfile | null } | null = null;

/// The error profile cached in `file` (null when missing or unusable), parsed again only when the file changed.
export async function loadErrorProfile(file: string): Promise<ErrorProfile | null> {
  let stamp: string;
  try {
    const info = await stat(file);
    stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
  } catch {
    return null;
  }
  if (last?.file === file && last.stamp === stamp) return last.profile;
  const profile = await readErrorProfileFile(file);
  last = { file, stamp, profile };
  return profile;
}
