/// Tile math of the deep-zoom scan viewer: the levels and tiles of a Deep Zoom (DZI) pyramid, as libvips'
/// `dzsave` (sharp's `.tile({ layout: 'dz' })`) and OpenSeadragon number them. Environment-free.

/// Edge of a square tile in pixels (no overlap between tiles).
export const TILE_SIZE = 256;

/// The widest a scan's "base" level may be: the levels up to it are cut from one downscaled copy made at once
/// (a JPEG shrinks by 2, 4 or 8 while decoding), so the first view never waits for the whole pyramid.
export const BASE_MAX_WIDTH = 4096;

/// The widest the scan's *view level* may be: the level that fills a scan pane at fit width (up to 2,048 px, a
/// 1,000 px pane on a 2× display), decoded first and alone so the first view waits for nothing larger.
export const VIEW_MAX_WIDTH = 2048;

/// The most pixels a scan may have to be tiled: 65,535 × 65,535, the largest JPEG there can be (a 30,000 ×
/// 40,000 px broadsheet is 1.2 gigapixels). Passed to sharp as its explicit input limit.
export const DEEP_ZOOM_MAX_PIXELS = 65_535 * 65_535;

/// Scans of at least this many pixels are shown through the deep-zoom viewer; smaller ones as one image.
///
/// 64 megapixels are 256 MB decoded (RGBA). Below that the single image opens on its preview in about 0.5 s and
/// pans at the display's rate (the 6,000 × 9,000 px bench scan, 54 megapixels), and a tile pyramid would only add
/// a whole decode in the main process; above it the renderer's memory and the first decode grow without bound.
export const DEEP_ZOOM_FROM_PIXELS = 64_000_000;

/// Whether a scan `width` × `height` pixels is shown through the deep-zoom viewer.
export function usesDeepZoom(width: number, height: number): boolean {
  return width * height >= DEEP_ZOOM_FROM_PIXELS;
}

/// A pixel rectangle.
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/// The highest level of the pyramid of a `width` × `height` image (the full image; level 0 is 1 × 1 px).
export function maxLevelOf(width: number, height: number): number {
  return Math.ceil(Math.log2(Math.max(width, height, 1)));
}

/// The size of `level` of the pyramid: the image halved (rounding up) once per level below the highest.
export function levelSize(width: number, height: number, level: number): { width: number; height: number } {
  const factor = 2 ** (maxLevelOf(width, height) - level);
  return { width: Math.ceil(width / factor), height: Math.ceil(height / factor) };
}

/// How many tiles across and down `level` has.
export function tileGrid(width: number, height: number, level: number, tileSize = TILE_SIZE): { columns: number; rows: number } {
  const size = levelSize(width, height, level);
  return { columns: Math.ceil(size.width / tileSize), rows: Math.ceil(size.height / tileSize) };
}

/// Whether (level, column, row) names a tile of the pyramid.
export function isTileOf(width: number, height: number, level: number, column: number, row: number, tileSize = TILE_SIZE): boolean {
  if (![level, column, row].every((n) => Number.isInteger(n) && n >= 0) || level > maxLevelOf(width, height)) return false;
  const grid = tileGrid(width, height, level, tileSize);
  return column < grid.columns && row < grid.rows;
}

/// The pixels tile (column, row) covers on its level (edge tiles are smaller).
export function tileRect(width: number, height: number, level: number, column: number, row: number, tileSize = TILE_SIZE): PixelRect {
  const size = levelSize(width, height, level);
  const x = column * tileSize;
  const y = row * tileSize;
  return { x, y, width: Math.min(tileSize, size.width - x), height: Math.min(tileSize, size.height - y) };
}

/// The base level of a `width`-pixel-wide image: the highest level at most `BASE_MAX_WIDTH` wide (the image's
/// own level when it is that narrow), and its shrink (2 to the power of the levels between).
export function baseLevelOf(width: number, height: number, maxWidth = BASE_MAX_WIDTH): { level: number; shrink: number } {
  const top = maxLevelOf(width, height);
  let level = top;
  while (level > 0 && levelSize(width, height, level).width > maxWidth) level--;
  return { level, shrink: 2 ** (top - level) };
}

/// The pixels of `level`'s tile on a higher level `from` (the base), clipped to that level: where to cut the tile
/// from before shrinking it by 2^(from − level).
export function tileRectOn(width: number, height: number, level: number, column: number, row: number, from: number, tileSize = TILE_SIZE): PixelRect {
  const tile = tileRect(width, height, level, column, row, tileSize);
  const scale = 2 ** (from - level);
  const size = levelSize(width, height, from);
  const x = tile.x * scale;
  const y = tile.y * scale;
  return { x, y, width: Math.min(tile.width * scale, size.width - x), height: Math.min(tile.height * scale, size.height - y) };
}

/// The lowest level on which `region` (full-image pixels) is at least `minHeight` pixels tall (the full image's
/// level when none is): the level a line strip `minHeight` high is cut from.
export function levelForHeight(width: number, height: number, region: PixelRect, minHeight: number): number {
  const top = maxLevelOf(width, height);
  for (let level = 0; level < top; level++) {
    if (region.height / 2 ** (top - level) >= minHeight) return level;
  }
  return top;
}

/// The tiles of `level` that cover `region` (full-image pixels), as column and row ranges (inclusive), and the
/// region in that level's pixels.
export function tilesCovering(
  width: number,
  height: number,
  level: number,
  region: PixelRect,
  tileSize = TILE_SIZE,
): { columns: [number, number]; rows: [number, number]; rect: PixelRect } {
  const factor = 2 ** (maxLevelOf(width, height) - level);
  const size = levelSize(width, height, level);
  const x0 = clamp(Math.floor(region.x / factor), 0, size.width - 1);
  const y0 = clamp(Math.floor(region.y / factor), 0, size.height - 1);
  const x1 = clamp(Math.ceil((region.x + region.width) / factor), x0 + 1, size.width);
  const y1 = clamp(Math.ceil((region.y + region.height) / factor), y0 + 1, size.height);
  return {
    columns: [Math.floor(x0 / tileSize), Math.floor((x1 - 1) / tileSize)],
    rows: [Math.floor(y0 / tileSize), Math.floor((y1 - 1) / tileSize)],
    rect: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
