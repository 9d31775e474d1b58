import type { Result } from '../../shared/result';

// The messages the harness's folder listing fails with when the folder is not there (electron/harness/folders.ts).
const GONE = new Set(['harness.folderMissing', 'harness.notFolder']);

/// The recently opened folders the harness's folder picker offers: those that are still folders, in their order
/// (File → Open Recent in Electron leaves out the same ones), less `openNow`, the corpus open at the moment (the
/// recent list and the open corpus both hold its real path). A folder that cannot be looked at for another reason
/// (unreadable, the listing failed) is kept: choosing it then says what is wrong.
export async function presentFolders(
  folders: readonly string[],
  list: (folder: string) => Promise<Result<unknown>>,
  openNow: string | null = null,
): Promise<string[]> {
  const others = folders.filter((folder) => folder !== openNow);
  const answers = await Promise.all(others.map((folder) => list(folder)));
  return others.filter((_, i) => {
    const answer = answers[i]!;
    return answer.ok || !GONE.has(answer.error.messageId ?? '');
  });
}
