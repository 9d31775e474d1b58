/// The deep-zoom benchmark's input formats (`--formats[=<width>x<height>]` on tests/bench/deep-zoom-bench.ts): the
/// bench's JPEG page converted to PNG and to TIFF (LZW strips; JPEG-compressed tiles; a pyramid of them), kept in
/// `.bench/deep-zoom/formats/`, and the cold first view of each in the services (description, view level, the
/// first view's tiles), as for the JPEG. A PNG or flat TIFF has no shrink-on-decode: its view level costs a whole
/// decode; a pyramidal TIFF's view level is decoded from its page of about that size.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { DeepZoomTiles } from '../../electron/services/scans/deep-zoom-tiles';
import type { OpenedScan } from '../../electron/services/scans/scan-preview';
import { DEEP_ZOOM_MAX_PIXELS, levelSize, tileGrid } from '../../shared/scan/deep-zoom';

/// One format's cold first view.
export interface FormatFigure {
  format: string;
  width: number;
  height: number;
  megabytes: number;
  firstViewMs: number;
}

/// The tiles of a first view at fit width in a 700 px viewer: all of the levels below the fit level, the first
/// screenful (3 × 4 tiles) of the fit level. Returns the fit level.
export async function firstViewTiles(tiles: DeepZoomTiles, scan: OpenedScan, tilesDir: string, size: { width: number; height: number }): Promise<number> {
  let fitLevel = 0;
  while (levelSize(size.width, size.height, fitLevel).width < 700) fitLevel++;
  for (let level = 0; level <= fitLevel; level++) {
    const grid = tileGrid(size.width, size.height, level);
    for (let column = 0; column < Math.min(grid.columns, 3); column++) {
      for (let row = 0; row < Math.min(grid.rows, level === fitLevel ? 4 : grid.rows); row++) {
        const tile = await tiles.tile(scan, tilesDir, level, column, row);
        if (!tile.ok) throw new Error(tile.error.message);
      }
    }
  }
  return fitLevel;
}

/// Converts `jpeg` (resized to `size` when it differs) to each format once and times a cold first view of each.
export async function formats(jpeg: string, dir: string, size: { width: number; height: number }): Promise<FormatFigure[]> {
  await fs.mkdir(dir, { recursive: true });
  const name = `huge-${size.width}x${size.height}`;
  const variants: [string, string, (image: Sharp) => Sharp][] = [
    ['JPEG', `${name}.jpg`, (image) => image.jpeg({ quality: 80 })],
    ['PNG', `${name}.png`, (image) => image.png()],
    ['TIFF, LZW strips', `${name}-lzw.tif`, (image) => image.tiff({ compression: 'lzw' })],
    ['TIFF, JPEG tiles', `${name}-jpeg.tif`, (image) => image.tiff({ compression: 'jpeg', quality: 80, tile: true, tileWidth: 256, tileHeight: 256 })],
    ['TIFF, pyramid of JPEG tiles', `${name}-pyramid.tif`, (image) => image.tiff({ compression: 'jpeg', quality: 80, tile: true, tileWidth: 256, tileHeight: 256, pyramid: true })],
  ];
  const figures: FormatFigure[] = [];
  for (const [format, file, write] of variants) {
    const target = path.join(dir, file);
    if (!existsSync(target)) {
      const source = sharp(jpeg, { limitInputPixels: DEEP_ZOOM_MAX_PIXELS, sequentialRead: true });
      const meta = await source.metadata();
      const sized = meta.width === size.width && meta.height === size.height ? source : source.resize(size.width, size.height);
      await write(sized).toFile(`${target}.part`);
      await fs.rename(`${target}.part`, target);
    }
    const tilesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-deep-zoom-formats-'));
    const handle = await fs.open(target, 'r');
    try {
      // The pyramid is not started: only the first view is timed.
      const tiles = new DeepZoomTiles({ pyramidDelayMs: 3_600_000 });
      const scan = { handle, realPath: target };
      const t = performance.now();
      const info = await tiles.info(scan, tilesDir);
      if (!info.ok) throw new Error(info.error.message);
      await firstViewTiles(tiles, scan, tilesDir, size);
      figures.push({ format, ...size, megabytes: (await handle.stat()).size / 1e6, firstViewMs: performance.now() - t });
    } finally {
      await handle.close();
      await fs.rm(tilesDir, { recursive: true, force: true });
    }
  }
  return figures;
}
