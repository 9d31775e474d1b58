import { readFile, stat } from 'node:fs/promises';
import type { ScanImage } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/result';
import { resolveInCorpus } from '../disk/confine';
import { extensionOf, IMAGE_EXTENSIONS } from '../../../shared/model/page-files';

// Larger images are refused rather than sent through IPC as base64 (a 6,000 × 9,000 px JPEG is about 15 MB).
const MAX_IMAGE_BYTES = 100 * 1024 * 1024;

/// A scan image file of the corpus that may be shown: where it is, its MIME type and size.
export interface ScanImageFile {
  abs: string;
  mime: ScanImage['mime'];
  size: number;
}

/// Finds a scan image of the corpus for the viewer, without reading it (the harness streams it from here).
///
/// Only `.jpg`, `.jpeg`, `.png`, `.tif` and `.tiff` files are served, and the path is confined to the corpus like
/// every path the renderer sends, so this cannot be used to read other files.
export async function findScanImage(root: string, rel: string): Promise<Result<ScanImageFile>> {
  const ext = extensionOf(rel.slice(rel.lastIndexOf('/') + 1)).toLowerCase();
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
    return fail('invalid-argument', `"${rel}" is not a scan image (only .jpg, .jpeg, .png, .tif and .tiff files are shown).`);
  }
  const abs = await resolveInCorpus(root, rel);
  if (!abs.ok) return abs;
  try {
    const info = await stat(abs.value);
    if (!info.isFile()) return fail('not-found', `The scan image "${rel}" is not a file.`);
    return ok({ abs: abs.value, mime: mimeOf(ext), size: info.size });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found', `The scan image "${rel}" does not exist.`);
    return fail('io', `The scan image "${rel}" cannot be read.`, (error as Error).message);
  }
}

/// Reads a scan image of the corpus for the viewer, as base64 with its MIME type (the page.scanImage channel).
export async function readScanImage(root: string, rel: string): Promise<Result<ScanImage>> {
  const found = await findScanImage(root, rel);
  if (!found.ok) return found;
  if (found.value.size > MAX_IMAGE_BYTES) return fail('io', `The scan image "${rel}" is too large to show (${found.value.size} bytes).`);
  try {
    return ok({ mime: found.value.mime, base64: (await readFile(found.value.abs)).toString('base64') });
  } catch (error) {
    return fail('io', `The scan image "${rel}" cannot be read.`, (error as Error).message);
  }
}

function mimeOf(ext: string): ScanImage['mime'] {
  if (ext === '.png') return 'image/png';
  if (ext === '.tif' || ext === '.tiff') return 'image/tiff';
  return 'image/jpeg';
}
