import type { FileHandle } from 'node:fs/promises';
import type { ScanImage } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { corpusFile, isOutside, openInCorpus } from '../disk/confined-fs';
import { extensionOf, IMAGE_EXTENSIONS } from '../../../shared/model/page-files';

// Larger images are refused rather than sent through IPC as base64 (a 6,000 × 9,000 px JPEG is about 15 MB).
const MAX_IMAGE_BYTES = 100 * 1024 * 1024;

/// A scan image file of the corpus that may be shown, opened: its verified handle (every read and stream goes
/// through it), its real path when it was verified, its MIME type and size. The receiver closes the handle.
export interface ScanImageFile {
  handle: FileHandle;
  realPath: string;
  mime: ScanImage['mime'];
  size: number;
}

/// Opens a scan image of the corpus for the viewer, without reading it (the shells stream it from the handle).
///
/// Only `.jpg`, `.jpeg`, `.png`, `.tif` and `.tiff` files are served. The file is opened first and what was opened
/// is then verified to lie inside the corpus (see openInCorpus), so a file swapped for a symlink meanwhile is
/// refused ('outside-corpus'); this cannot be used to read other files. The caller must close `handle`.
export async function findScanImage(root: string, rel: string): Promise<Result<ScanImageFile>> {
  const ext = extensionOf(rel.slice(rel.lastIndexOf('/') + 1)).toLowerCase();
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
    return failWith('scan.notImage', { path: rel });
  }
  const file = await corpusFile(root, rel);
  if (!file.ok) return file;
  try {
    const { handle, realPath } = await openInCorpus(file.value);
    const info = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    if (!info.isFile()) {
      await handle.close();
      return failWith('scan.notFile', { path: rel });
    }
    return ok({ handle, realPath, mime: mimeOf(ext), size: info.size });
  } catch (error) {
    if (isOutside(error)) return failWith('path.outside', { path: rel });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failWith('scan.missing', { path: rel });
    return failWith('scan.unreadable', { path: rel }, (error as Error).message);
  }
}

/// Reads a scan image of the corpus for the viewer, as base64 with its MIME type (the page.scanImage channel).
export async function readScanImage(root: string, rel: string): Promise<Result<ScanImage>> {
  const found = await findScanImage(root, rel);
  if (!found.ok) return found;
  const { handle, mime, size } = found.value;
  try {
    if (size > MAX_IMAGE_BYTES) return failWith('scan.tooLarge', { path: rel, size });
    return ok({ mime, base64: (await handle.readFile()).toString('base64') });
  } catch (error) {
    return failWith('scan.unreadable', { path: rel }, (error as Error).message);
  } finally {
    await handle.close();
  }
}

function mimeOf(ext: string): ScanImage['mime'] {
  if (ext === '.png') return 'image/png';
  if (ext === '.tif' || ext === '.tiff') return 'image/tiff';
  return 'image/jpeg';
}
