import fs from 'node:fs/promises';
import type { TileRequest } from '../../../shared/ipc/scan-tile-url';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { TILE_SIZE, tilesCovering, type PixelRect } from '../../../shared/scan/deep-zoom';
import { tileFileOf } from './deep-zoom-cache';
import { TILE_QUALITY, type Sharp } from './deep-zoom-decode';
import type { DeepZoomInfo, DeepZoomTiles, MadeImage } from './deep-zoom-tiles';
import type { OpenedScan } from './scan-preview';

/// Answers one deep-zoom request for the opened scan: the description as JSON, a tile or a crop as JPEG.
export async function answerTileRequest(tiles: DeepZoomTiles, scan: OpenedScan, tilesDir: string, request: TileRequest): Promise<Result<MadeImage>> {
  if (request.kind === 'tile') return tiles.tile(scan, tilesDir, request.level, request.column, request.row);
  if (request.kind === 'crop') return tiles.crop(scan, tilesDir, request.rect, request.height);
  const info = await tiles.info(scan, tilesDir);
  return info.ok ? ok({ bytes: Buffer.from(JSON.stringify(info.value)), mime: 'application/json' }) : info;
}

/// A tile of a finished pyramid, read from the cache.
export async function readTile(file: string): Promise<Result<MadeImage>> {
  try {
    return ok({ bytes: await fs.readFile(file), mime: 'image/jpeg' });
  } catch (error) {
    return failWith('tile.unreadable', {}, (error as Error).message);
  }
}

/// An image made by `make`, or why it could not be.
export async function encode(make: () => Promise<Buffer>): Promise<Result<MadeImage>> {
  try {
    return ok({ bytes: await make(), mime: 'image/jpeg' });
  } catch (error) {
    return failWith('tile.unmade', {}, (error as Error).message);
  }
}

/// `rect` clipped to the image, or null when nothing of it is on the image.
export function clip(rect: PixelRect, width: number, height: number): PixelRect | null {
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  const right = Math.min(width, rect.x + rect.width);
  const bottom = Math.min(height, rect.y + rect.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/// A crop joined from the finished pyramid's tiles of `level`.
export async function cropFromTiles(sharp: Sharp, dir: string, info: DeepZoomInfo, level: number, region: PixelRect, outWidth: number, height: number): Promise<Result<MadeImage>> {
  const cover = tilesCovering(info.width, info.height, level, region);
  const parts: { input: Buffer; left: number; top: number }[] = [];
  for (let row = cover.rows[0]; row <= cover.rows[1]; row++) {
    for (let column = cover.columns[0]; column <= cover.columns[1]; column++) {
      const tile = await readTile(tileFileOf(dir, level, column, row));
      if (!tile.ok) return tile;
      parts.push({ input: tile.value.bytes, left: (column - cover.columns[0]) * TILE_SIZE, top: (row - cover.rows[0]) * TILE_SIZE });
    }
  }
  const canvas = { width: (cover.columns[1] - cover.columns[0] + 1) * TILE_SIZE, height: (cover.rows[1] - cover.rows[0] + 1) * TILE_SIZE };
  const left = cover.rect.x - cover.columns[0] * TILE_SIZE;
  const top = cover.rect.y - cover.rows[0] * TILE_SIZE;
  return encode(async () => {
    // Compositing may add an alpha channel: the joined image is read back with the channels it has.
    const joined = await sharp({ create: { ...canvas, channels: 3, background: '#ffffff' } }).composite(parts).raw().toBuffer({ resolveWithObject: true });
    return sharp(joined.data, { raw: { width: joined.info.width, height: joined.info.height, channels: joined.info.channels } })
      .extract({ left, top, width: cover.rect.width, height: cover.rect.height })
      .resize(outWidth, height, { fit: 'fill' })
      .jpeg({ quality: TILE_QUALITY })
      .toBuffer();
  });
}
