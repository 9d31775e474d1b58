import { describe, expect, it } from 'vitest';
import { cropQuery, tileQuery, tileRequestOf, TILE_INFO_QUERY } from '../../../shared/ipc/scan-tile-url';
import {
  baseLevelOf,
  isTileOf,
  levelForHeight,
  levelSize,
  maxLevelOf,
  tileGrid,
  tileRect,
  tileRectOn,
  tilesCovering,
  usesDeepZoom,
} from '../../../shared/scan/deep-zoom';

describe('deep-zoom tile math (libvips dzsave numbering)', () => {
  it('numbers the levels from 1 × 1 px to the full image, halving and rounding up', () => {
    // Checked against sharp's own pyramid of a 30,000 × 40,000 px scan: 17 levels, 0 to 16.
    expect(maxLevelOf(30_000, 40_000)).toBe(16);
    expect(levelSize(30_000, 40_000, 16)).toEqual({ width: 30_000, height: 40_000 });
    expect(levelSize(30_000, 40_000, 15)).toEqual({ width: 15_000, height: 20_000 });
    expect(levelSize(30_000, 40_000, 13)).toEqual({ width: 3750, height: 5000 });
    expect(levelSize(30_000, 40_000, 0)).toEqual({ width: 1, height: 1 });
    expect(levelSize(1001, 3, 10)).toEqual({ width: 1001, height: 3 });
    expect(levelSize(1001, 3, 9)).toEqual({ width: 501, height: 2 });
    expect(maxLevelOf(1024, 1)).toBe(10);
    expect(maxLevelOf(1025, 1)).toBe(11);
  });

  it('gives the tile grid and the edge tiles their partial size', () => {
    expect(tileGrid(30_000, 40_000, 16)).toEqual({ columns: 118, rows: 157 });
    expect(tileRect(30_000, 40_000, 16, 117, 156)).toEqual({ x: 29_952, y: 39_936, width: 48, height: 64 });
    expect(tileRect(30_000, 40_000, 16, 0, 0)).toEqual({ x: 0, y: 0, width: 256, height: 256 });
    expect(isTileOf(30_000, 40_000, 16, 117, 156)).toBe(true);
    expect(isTileOf(30_000, 40_000, 16, 118, 0)).toBe(false);
    expect(isTileOf(30_000, 40_000, 17, 0, 0)).toBe(false);
    expect(isTileOf(30_000, 40_000, -1, 0, 0)).toBe(false);
    expect(isTileOf(30_000, 40_000, 3, 0.5, 0)).toBe(false);
  });

  it('chooses the base level: the highest at most 4,096 px wide', () => {
    expect(baseLevelOf(30_000, 40_000)).toEqual({ level: 13, shrink: 8 });
    expect(baseLevelOf(12_000, 16_000)).toEqual({ level: 12, shrink: 4 });
    expect(baseLevelOf(4000, 6000)).toEqual({ level: 13, shrink: 1 });
  });

  it('finds a lower tile on the base level, clipped at the edge', () => {
    // Level 11 of 30,000 × 40,000 is 938 × 1250; its tile (3, 4) is 170 × 226 px, from base level 13 (×4).
    expect(tileRect(30_000, 40_000, 11, 3, 4)).toEqual({ x: 768, y: 1024, width: 170, height: 226 });
    expect(tileRectOn(30_000, 40_000, 11, 3, 4, 13)).toEqual({ x: 3072, y: 4096, width: 678, height: 904 });
    expect(tileRectOn(30_000, 40_000, 13, 1, 1, 13)).toEqual({ x: 256, y: 256, width: 256, height: 256 });
  });

  it('picks the level a line strip is cut from and the tiles covering the line', () => {
    const line = { x: 1000, y: 30_000, width: 20_000, height: 160 };
    // 160 px at full size: 80 on level 15, 40 on 14, 20 on 13.
    expect(levelForHeight(30_000, 40_000, line, 80)).toBe(15);
    expect(levelForHeight(30_000, 40_000, line, 81)).toBe(16);
    expect(levelForHeight(30_000, 40_000, line, 40)).toBe(14);
    const cover = tilesCovering(30_000, 40_000, 14, line);
    expect(cover.rect).toEqual({ x: 250, y: 7500, width: 5000, height: 40 });
    expect(cover.columns).toEqual([0, 20]);
    expect(cover.rows).toEqual([29, 29]);
  });

  it('uses deep zoom from 64 megapixels', () => {
    expect(usesDeepZoom(6000, 9000)).toBe(false);
    expect(usesDeepZoom(8000, 8000)).toBe(true);
    expect(usesDeepZoom(12_000, 16_000)).toBe(true);
  });
});

describe('deep-zoom request parameters', () => {
  const parse = (query: string) => tileRequestOf(new URLSearchParams(`path=a.jpg${query}`));
  it('reads what the renderer writes', () => {
    expect(parse(TILE_INFO_QUERY)).toEqual({ kind: 'info' });
    expect(parse(tileQuery(12, 3, 40))).toEqual({ kind: 'tile', level: 12, column: 3, row: 40 });
    expect(parse(cropQuery({ x: 10.4, y: 20.6, width: 100.2, height: 30 }, 80))).toEqual({
      kind: 'crop',
      rect: { x: 10, y: 20, width: 101, height: 31 },
      height: 80,
    });
    expect(parse('')).toBeNull();
    expect(parse('&width=750')).toBeNull();
  });
  it('refuses malformed parameters', () => {
    for (const query of ['&tile=1/2', '&tile=-1/0/0', '&tile=a/b/c', '&tile=1/2/3/4', '&crop=1,2,3', '&crop=1,2,3,4', '&crop=1,2,0,4&height=40', '&crop=1,2,3,4&height=0', '&crop=1,2,3,4&height=9999', '&tile=info&crop=1,2,3,4&height=4']) {
      expect(parse(query), query).toBe('invalid');
    }
  });
});
