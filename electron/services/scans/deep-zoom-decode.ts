import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { DEEP_ZOOM_MAX_PIXELS, levelSize, tileRect, tileRectOn } from '../../../shared/scan/deep-zoom';

/// sharp's default export (loaded lazily by the caller: a missing native binary must not stop the app).
export type Sharp = typeof import('sharp').default;

/// One pyramid level held in memory as raw pixels.
export interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  /// The pyramid level these pixels are.
  level: number;
}

/// The size of the image and its pyramid, as `DeepZoomInfo` gives them.
export interface LevelGeometry {
  width: number;
  height: number;
  maxLevel: number;
}

// JPEG quality of tiles and crops: print stays crisp at screen size.
export const TILE_QUALITY = 80;

/// sharp's input options for a scan: the pixel limit is explicit (a 30,000 × 40,000 px broadsheet is 1.2
/// gigapixels, far above sharp's default of 268 megapixels), never switched off.
export const SCAN_INPUT = { limitInputPixels: DEEP_ZOOM_MAX_PIXELS } as const;

/// A reduced copy of the image that the file itself holds (a pyramidal TIFF's page or sub-IFD), as sharp opens it.
export interface StoredLevel {
  width: number;
  height: number;
  input: { page: number } | { subifd: number };
}

/// The reduced copies a TIFF holds: its other pages or sub-IFDs that are smaller than the image and of its shape
/// (libvips' `pyramid` TIFFs, and most archival pyramidal TIFFs). Only read from headers. None for other formats,
/// or for a TIFF turned by its orientation tag (its pages would need turning too: it is decoded whole).
export async function storedLevels(sharp: Sharp, source: Buffer, meta: { format?: string; width?: number; height?: number; pages?: number; subifds?: number; orientation?: number }): Promise<StoredLevel[]> {
  if (meta.format !== 'tiff' || !meta.width || !meta.height || (meta.orientation ?? 1) !== 1) return [];
  const candidates: StoredLevel['input'][] = [
    ...Array.from({ length: Math.max(0, (meta.pages ?? 1) - 1) }, (_, i) => ({ page: i + 1 })),
    ...Array.from({ length: meta.subifds ?? 0 }, (_, i) => ({ subifd: i })),
  ];
  const found: StoredLevel[] = [];
  for (const input of candidates) {
    const page = await sharp(source, { ...SCAN_INPUT, ...input }).metadata().catch(() => null);
    if (!page?.width || !page.height || page.width >= meta.width) continue;
    // Of the image's shape (within the rounding of repeated halving), so its pixels are the image's.
    if (Math.abs(page.height - (meta.height * page.width) / meta.width) > 1.5) continue;
    found.push({ width: page.width, height: page.height, input });
  }
  return found;
}

/// The smallest stored copy at least `width` pixels wide, or null (the image itself is decoded then).
export function storedFor(stored: readonly StoredLevel[], width: number): StoredLevel | null {
  let best: StoredLevel | null = null;
  for (const level of stored) if (level.width >= width && (best === null || level.width < best.width)) best = level;
  return best;
}

/// `level` of the scan decoded from its file bytes, turned by its EXIF orientation; from the smallest copy the file
/// holds that is large enough (a pyramidal TIFF's page), if any.
///
/// The resize to a level at least 8 times smaller than the image lets libvips shrink a JPEG while decoding (libjpeg
/// scales its DCT by 1/8 and never makes the full-size pixels), and reads the file top-down once: the cost is the
/// entropy decoding of the whole file. A PNG or a strip TIFF has no such shortcut: it is decoded whole at full size.
export async function decodeLevel(sharp: Sharp, source: Buffer, image: LevelGeometry, level: number, stored: readonly StoredLevel[] = []): Promise<Result<Raw>> {
  const size = levelSize(image.width, image.height, level);
  const copy = storedFor(stored, size.width);
  try {
    const { data, info } = await sharp(source, { ...SCAN_INPUT, sequentialRead: true, ...copy?.input })
      .rotate()
      .resize(size.width, size.height, { fit: 'fill', fastShrinkOnLoad: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return ok({ data, width: info.width, height: info.height, channels: info.channels, level });
  } catch (error) {
    return failWith('tile.undecodable', {}, (error as Error).message);
  }
}

/// `level` made from a larger level already in memory (never from the file again).
export async function shrinkLevel(sharp: Sharp, from: Raw, image: LevelGeometry, level: number): Promise<Result<Raw>> {
  const size = levelSize(image.width, image.height, level);
  try {
    const { data, info } = await sharp(from.data, { raw: { width: from.width, height: from.height, channels: from.channels } })
      .resize(size.width, size.height, { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return ok({ data, width: info.width, height: info.height, channels: info.channels, level });
  } catch (error) {
    return failWith('tile.undecodable', {}, (error as Error).message);
  }
}

/// Tile (`column`, `row`) of `level` cut from the larger (or same) level `from` and encoded as JPEG.
export function cutTile(sharp: Sharp, from: Raw, image: LevelGeometry, level: number, column: number, row: number): Promise<Buffer> {
  const rect = tileRectOn(image.width, image.height, level, column, row, from.level);
  const size = tileRect(image.width, image.height, level, column, row);
  return sharp(from.data, { raw: { width: from.width, height: from.height, channels: from.channels } })
    .extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height })
    .resize(size.width, size.height, { fit: 'fill' })
    .jpeg({ quality: TILE_QUALITY })
    .toBuffer();
}
