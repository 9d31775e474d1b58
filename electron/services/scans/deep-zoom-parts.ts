import fs from 'node:fs/promises';
import type { TileRequest } from '../../../shared/ipc/scan-tile-url';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import type { PixelRect } from '../../../shared/scan/deep-zoom';
import type { DeepZoomTiles, MadeImage } from './deep-zoom-tiles';
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
