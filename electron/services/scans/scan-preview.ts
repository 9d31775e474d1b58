import type { FileHandle } from 'node:fs/promises';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { isPreviewWidth, MAX_PREVIEW_WIDTH, MIN_PREVIEW_WIDTH } from '../../../shared/ipc/scan-url';

/// A downscaled copy of a scan image, for the viewer's first paint.
export interface ScanPreview {
  bytes: Buffer;
  mime: 'image/jpeg';
}

// Previews kept in memory (each well under 1 MB): the pages an editor moves between in a sitting.
const CACHE_ENTRIES = 24;
// JPEG quality of previews: text on a scan stays crisp at screen size, and a 1,500 px preview is about 0.3 MB.
const PREVIEW_QUALITY = 82;
// Whole TIFF scans converted to PNG kept in memory: tens of megabytes each.
const PNG_ENTRIES = 2;

type Sharp = typeof import('sharp').default;

/// A scan image opened and verified inside the corpus (see findScanImage): its handle and real path.
export interface OpenedScan {
  handle: FileHandle;
  realPath: string;
}

/// Makes and remembers downscaled copies of scan images (`width` pixels wide, keeping the aspect ratio).
///
/// A 6,000 × 9,000 px scan takes a browser one to three seconds to fetch and decode; its 1,500 px copy is shown in
/// a fraction of that while the full image loads behind it. libvips (the `sharp` package) shrinks a JPEG while
/// decoding it, so the copy costs about 0.25 s on the reference machine, and it runs on libuv's thread pool, never
/// blocking the main process. The image is read through the verified handle and given to libvips as a buffer,
/// never by path, so a file swapped meanwhile cannot be decoded in its place. Copies are keyed by real path,
/// device, inode, size, modification time and width, so a changed scan is never shown stale. When `sharp` cannot be loaded (a platform without its binary), `make` says so and the viewer
/// shows the full image instead.
export class ScanPreviews {
  // Finished copies and copies being made; whole TIFFs as PNG.
  private readonly cache = new Map<string, Promise<Result<ScanPreview>>>();
  private readonly pngs = new Map<string, Promise<Result<{ bytes: Buffer; mime: 'image/png' }>>>();
  private sharp: Promise<Sharp | null> | null = null;

  /// The preview of the opened image `scan` (the caller closes its handle after this resolves).
  async make(scan: OpenedScan, width: number): Promise<Result<ScanPreview>> {
    if (!isPreviewWidth(width)) {
      return failWith('scan.previewWidth', { min: MIN_PREVIEW_WIDTH, max: MAX_PREVIEW_WIDTH, width });
    }
    return this.remember(this.cache, CACHE_ENTRIES, scan, `${width}`, () => this.shrink(scan.handle, width));
  }

  /// The whole opened scan as a PNG, for a TIFF, which browsers cannot show: converted here, on libuv's thread
  /// pool, so the renderer decodes a PNG off its main thread instead of decoding the TIFF in JavaScript on it (a
  /// 6,000 × 9,000 px TIFF held the renderer for 2–5 s that way). The last two are kept (they are large).
  async png(scan: OpenedScan): Promise<Result<{ bytes: Buffer; mime: 'image/png' }>> {
    return this.remember(this.pngs, PNG_ENTRIES, scan, 'png', () => this.toPng(scan.handle));
  }

  // The entry of `cache` for the opened file as it is now (real path, device, inode, size, modification time and `variant`), made
  // when missing. An entry being made is shared: a request that comes while the page is being opened waits for
  // the copy that opening started. The least recently used entry goes first when there are more than `limit`; a
  // failure is not kept, so the next request tries again (the file may be being written).
  private async remember<T>(
    cache: Map<string, Promise<Result<T>>>,
    limit: number,
    scan: OpenedScan,
    variant: string,
    make: () => Promise<Result<T>>,
  ): Promise<Result<T>> {
    let key: string;
    try {
      const info = await scan.handle.stat();
      key = `${scan.realPath}\0${info.dev}:${info.ino}\0${info.size}\0${info.mtimeMs}\0${variant}`;
    } catch (error) {
      return failWith('scan.previewUnreadable', {}, (error as Error).message);
    }
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const made = make();
    cache.set(key, made);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    void made.then((result) => {
      if (!result.ok && cache.get(key) === made) cache.delete(key);
    });
    return made;
  }

  private async toPng(handle: FileHandle): Promise<Result<{ bytes: Buffer; mime: 'image/png' }>> {
    const sharp = await this.loadSharp();
    if (sharp === null) return failWith('scan.tiffUnavailable');
    try {
      // Fast compression: the PNG only travels to the renderer on this machine.
      const bytes = await sharp(await readWhole(handle), { limitInputPixels: false }).rotate().png({ compressionLevel: 1 }).toBuffer();
      return ok({ bytes, mime: 'image/png' });
    } catch (error) {
      return failWith('scan.tiffUndecodable', {}, (error as Error).message);
    }
  }

  /// Loads the image library now, so the first preview does not wait for it (called when a corpus opens).
  warmUp(): void {
    void this.loadSharp();
  }

  private async shrink(handle: FileHandle, width: number): Promise<Result<ScanPreview>> {
    const sharp = await this.loadSharp();
    if (sharp === null) return failWith('scan.previewUnavailable');
    try {
      const bytes = await sharp(await readWhole(handle), { limitInputPixels: false })
        .rotate() // follows the EXIF orientation, as the browser does when it shows the full image
        .resize({ width, withoutEnlargement: true })
        .jpeg({ quality: PREVIEW_QUALITY })
        .toBuffer();
      return ok({ bytes, mime: 'image/jpeg' });
    } catch (error) {
      return failWith('scan.previewUndecodable', {}, (error as Error).message);
    }
  }

  // sharp is loaded on first use: it is a native module, and a missing binary must not stop the app from starting.
  private loadSharp(): Promise<Sharp | null> {
    this.sharp ??= import('sharp').then(
      (module) => module.default,
      () => null,
    );
    return this.sharp;
  }
}

/// The whole file from the start, through the verified handle (a handle may have been read from before).
export async function readWhole(handle: FileHandle): Promise<Buffer> {
  const { size } = await handle.stat();
  const buffer = Buffer.alloc(size);
  let offset = 0;
  while (offset < size) {
    const { bytesRead } = await handle.read(buffer, offset, size - offset, offset);
    if (bytesRead === 0) break;
    offset += bytesRead;
  }
  return offset === size ? buffer : buffer.subarray(0, offset);
}
