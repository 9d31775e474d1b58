import type { FileHandle } from 'node:fs/promises';
import type { ScanImage } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/result';
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
    return fail('invalid-argument', `"${rel}" is not a scan image (only .jpg, .jpeg, .png, .tif and .tiff files are shown).`);
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
      return fail('not-found', `The scan image "${rel}" is not a file.`);
    }
    return ok({ handle, realPath, mime: mimeOf(ext), size: info.size });
  } catch (error) {
    if (isOutside(error)) return fail('outside-corpus', `The path "${rel}" leads outside the corpus folder.`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found', `The scan image "${rel}" does not exist.`);
    return fail('io', `The scan image "${rel}" cannot be read.`, (error as Error).message);
  }
}

/// Reads a scan image of the corpus for the viewer, as base64 with its MIME type (the page.scanImage channel).
export async function readScanImage(root: string, rel: string): Promise<Result<ScanImage>> {
  const found = await findScanImage(root, rel);
  if (!found.ok) return found;
  const { handle, mime, size } = found.value;
  try {
    if (size > MAX_IMAGE_BYTES) return fail('io', `The scan image "${rel}" is too large to show (${size} bytes).`);
    return ok({ mime, base64: (await handle.readFile()).toString('base64') });
  } catch (error) {
    return fail('io', `The scan image "${rel}" cannot be read.`, (error as Error).message);
  } finally {
    await handle.close();
  }
}

function mimeOf(ext: string): ScanImage['mime'] {
  if (ext === '.png') return 'image/png';
  if (ext === '.tif' || ext === '.tiff') return 'image/tiff';
  return 'image/jpeg';
}
