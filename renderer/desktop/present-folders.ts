import type { Result } from '../../shared/result';

// The messages the harness's folder listing fails with when the folder is not there (electron/harness/folders.ts).
const GONE = new Set(['harness.folderMissing', 'harness.notFolder']);

/// The recently opened folders the harness's folder picker offers: those that are still folders, in their order
/// (File → Open Recent in Electron leaves out the same ones). A folder that cannot be looked at for another reason
/// (unreadable, the listing failed) is kept: choosing it then says what is wrong.
export async function presentFolders(folders: readonly string[], list: (folder: string) => Promise<Result<unknown>>): Promise<string[]> {
  const answers = await Promise.all(folders.map((folder) => list(folder)));
  return folders.filter((_, i) => {
    const answer = answers[i]!;
    return answer.ok || !GONE.has(answer.error.messageId ?? '');
  });
}
