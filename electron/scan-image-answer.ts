import type { FileHandle } from 'node:fs/promises';
import { isTiffPath } from '../shared/ipc/scan-url';
import type { TileRequest } from '../shared/ipc/scan-tile-url';
import type { Result } from '../shared/result';
import { failWith } from '../shared/errors/fail-with';
import type { HandlerTable } from './handler-table';

/// The handler table's scan-image sources that both shells (the Electron scheme and the harness GET) serve from.
export type ScanImageSources = Required<Pick<HandlerTable, 'scanImageFile'>> & Pick<HandlerTable, 'scanImagePreview' | 'scanImageAsPng' | 'scanTile'>;

/// What to send for one scan-image request.
export type ScanImageAnswer =
  /// An image made in the main process (a preview, a TIFF as PNG).
  | { kind: 'made'; image: { bytes: Buffer; mime: string } }
  /// The scan file itself, opened and verified inside the corpus, to be streamed from its handle (which the
  /// stream closes: `handle.createReadStream()`).
  | { kind: 'file'; handle: FileHandle; mime: string; size: number }
  /// A refusal, sent as the JSON Result with its HTTP status.
  | { kind: 'refused'; status: 400 | 404; body: Result<unknown> };

/// Decides what a scan-image request gets: the preview when a width is asked for, a TIFF as PNG, else the file.
///
/// `rel` is null when the request named no usable path; `tile` is the deep-zoom request in the query, if any
/// (`tileRequestOf`). Every branch goes through the table's confinement to the
/// open corpus. A TIFF that cannot be converted here ('internal': no image library) goes as it is, and the renderer
/// decodes it.
export async function answerScanImage(
  rel: string | null,
  width: number | null,
  sources: ScanImageSources,
  tile: TileRequest | 'invalid' | null = null,
): Promise<ScanImageAnswer> {
  if (rel === null) return refused(failWith('scan.badAddress'));
  if (tile === 'invalid') return refused(failWith('scan.tileMalformed'));
  if (tile !== null) {
    if (!sources.scanTile) return refused(failWith('scan.noDeepZoom'));
    const made = await sources.scanTile(rel, tile);
    return made.ok ? { kind: 'made', image: made.value } : refused(made);
  }
  if (width !== null && sources.scanImagePreview) {
    const preview = await sources.scanImagePreview(rel, width);
    return preview.ok ? { kind: 'made', image: preview.value } : refused(preview);
  }
  if (isTiffPath(rel) && sources.scanImageAsPng) {
    const png = await sources.scanImageAsPng(rel);
    if (png.ok) return { kind: 'made', image: png.value };
    if (png.error.code !== 'internal') return refused(png);
  }
  const found = await sources.scanImageFile(rel);
  return found.ok ? { kind: 'file', handle: found.value.handle, mime: found.value.mime, size: found.value.size } : refused(found);
}

// 404 when the image is missing, else 400.
function refused(body: Result<unknown>): ScanImageAnswer {
  return { kind: 'refused', status: !body.ok && body.error.code === 'not-found' ? 404 : 400, body };
}
