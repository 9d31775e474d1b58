/// The query parameters of the deep-zoom requests on a scan image's address (the harness GET and the
/// `jiaodui-scan:` scheme): appended to `api.scanImageUrl(path)`. Environment-free.

import type { PixelRect } from '../scan/deep-zoom';

/// The greatest height of a line crop (`&crop=…&height=`), in pixels.
export const MAX_CROP_HEIGHT = 512;

/// What a scan-image address asks of the deep-zoom service.
export type TileRequest =
  /// The image's size and pyramid (JSON); starts making its first levels.
  | { kind: 'info' }
  /// One tile of the pyramid (JPEG).
  | { kind: 'tile'; level: number; column: number; row: number }
  /// A region of the image (full-image pixels) scaled to `height` pixels (JPEG): the line strip.
  | { kind: 'crop'; rect: PixelRect; height: number };

/// The query that asks for the pyramid's description.
export const TILE_INFO_QUERY = '&tile=info';

/// The query that asks for tile (`column`, `row`) of `level`.
export function tileQuery(level: number, column: number, row: number): string {
  return `&tile=${level}/${column}/${row}`;
}

/// The query that asks for `rect` (full-image pixels, rounded outwards) scaled to `height` pixels.
export function cropQuery(rect: PixelRect, height: number): string {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const right = Math.ceil(rect.x + rect.width);
  const bottom = Math.ceil(rect.y + rect.height);
  return `&crop=${x},${y},${Math.max(1, right - x)},${Math.max(1, bottom - y)}&height=${Math.round(height)}`;
}

/// The deep-zoom request in a scan-image address's query: null when it asks for none (the image or its preview),
/// 'invalid' when its parameters are malformed.
export function tileRequestOf(params: URLSearchParams): TileRequest | 'invalid' | null {
  const tile = params.get('tile');
  const crop = params.get('crop');
  if (tile !== null && crop !== null) return 'invalid';
  if (tile === 'info') return { kind: 'info' };
  if (tile !== null) {
    const match = /^(\d{1,2})\/(\d{1,6})\/(\d{1,6})$/.exec(tile);
    return match ? { kind: 'tile', level: Number(match[1]), column: Number(match[2]), row: Number(match[3]) } : 'invalid';
  }
  if (crop !== null) {
    const match = /^(\d{1,7}),(\d{1,7}),(\d{1,7}),(\d{1,7})$/.exec(crop);
    const height = params.get('height');
    if (!match || height === null || !/^\d{1,4}$/.test(height)) return 'invalid';
    const [x, y, width, h] = match.slice(1).map(Number) as [number, number, number, number];
    const scaled = Number(height);
    if (width === 0 || h === 0 || scaled === 0 || scaled > MAX_CROP_HEIGHT) return 'invalid';
    return { kind: 'crop', rect: { x, y, width, height: h }, height: scaled };
  }
  return null;
}
