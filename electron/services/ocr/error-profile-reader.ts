import { corpusFile, openInCorpus } from '../disk/confined-fs';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { parseSidecar } from '../../../shared/model/sidecar-io';
import { replacementsOf, type Replacement } from '../../../shared/ocr-assist/error-profile';

/// What the error profile needs of one page's sidecar, with the stamp it was read at.
export interface ProfileSidecar {
  mtimeMs: number;
  size: number;
  /// The corrected text (the sidecar's `text`).
  text: string;
  replacements: Replacement[];
}

/// Reads the sidecar of corpus page `page` (relative path) for the error profile; null when the page has no
/// sidecar or it cannot be used (not JSON, failing the schema, newer: such a sidecar teaches nothing).
///
/// `cached` is returned as it is when the sidecar's mtime and size are unchanged. The sidecar is opened inside the
/// corpus first; the stat and the read go through that handle.
export async function readProfileSidecar(root: string, page: string, cached?: ProfileSidecar | null): Promise<ProfileSidecar | null> {
  const file = await corpusFile(root, sidecarPathOf(page));
  if (!file.ok) return null;
  let handle;
  try {
    handle = (await openInCorpus(file.value)).handle;
  } catch {
    return null;
  }
  try {
    const info = await handle.stat();
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const parsed = parseSidecar((await handle.readFile()).toString('utf8'));
    if (parsed.kind !== 'ok') return null;
    const { text, corrections } = parsed.sidecar;
    return { mtimeMs: info.mtimeMs, size: info.size, text, replacements: replacementsOf({ text, corrections }) };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
