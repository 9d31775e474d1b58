import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { baseLevelOf, isTileOf, levelForHeight, levelSize, maxLevelOf, TILE_SIZE, tileRect, tileRectOn, tilesCovering, type PixelRect } from '../../../shared/scan/deep-zoom';
import { pyramidExists, storePyramid, tileCacheKeyOf, tileFileOf, type TileCacheKey } from './deep-zoom-cache';
import { readWhole, type OpenedScan } from './scan-preview';
import { clip, encode, readTile } from './deep-zoom-parts';

/// What the viewer needs to know of a scan's pyramid (`&tile=info`).
export interface DeepZoomInfo {
  /// The image's size in pixels, after its EXIF orientation.
  width: number;
  height: number;
  tileSize: number;
  maxLevel: number;
  /// The levels up to this one are cut from one downscaled copy and come first.
  baseLevel: number;
}

/// An image made here (a tile, a crop, the info as JSON).
export interface MadeImage {
  bytes: Buffer;
  mime: string;
}

type Sharp = typeof import('sharp').default;
interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}
// One scan's state in this process: its size, the base level in memory, the pyramid being made.
interface Entry {
  cache: TileCacheKey;
  info: Promise<Result<DeepZoomInfo>>;
  source: Promise<Buffer> | null;
  base: Promise<Result<Raw>> | null;
  // The level at most MINI_MAX_WIDTH wide, made from the base: the levels below it are cut from it, not from the
  // whole base (every tile of those levels covers most of the base).
  mini: Promise<Result<Raw>> | null;
  pyramid: Promise<Result<null>> | null;
}

// Scans kept in memory: each holds its base level (a 3,750 × 5,000 px base is 56 MB) while it is being looked at.
const ENTRIES = 3;
// How long after the base level is ready the whole pyramid starts (the first view's tiles go out meanwhile).
const PYRAMID_DELAY_MS = 1500;
const MINI_MAX_WIDTH = 512;
// JPEG quality of tiles and crops: print stays crisp at screen size.
const TILE_QUALITY = 80;

/// Serves a large scan as a Deep Zoom pyramid of 256 px JPEG tiles made by sharp (libvips), kept in the corpus's
/// data folder (`tiles/`), never in the corpus.
///
/// Made lazily so the first view does not wait for the pyramid: the first request decodes the scan once, shrunk
/// while decoding (a JPEG by 8), to its *base level* (at most 4,096 px wide) and keeps it in memory; the tiles of
/// that level and below are cut from it at once. The whole pyramid (26 s for a 30,000 × 40,000 px JPEG) is then
/// written in the background, one scan at a time, and serves every level when done; until then a tile above the
/// base level waits for it (the viewer shows the base level's tiles scaled meanwhile). Everything is read through
/// the handle opened and verified inside the corpus, never by path.
export class DeepZoomTiles {
  private readonly entries = new Map<string, Entry>();
  private sharp: Promise<Sharp | null> | null = null;
  // Whole pyramids are made one after another: each keeps both cores busy for seconds.
  private building: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: { baseMaxWidth?: number; pyramidDelayMs?: number } = {}) {}

  /// The scan's size and pyramid; starts making its base level.
  async info(scan: OpenedScan, tilesDir: string): Promise<Result<DeepZoomInfo>> {
    const entry = await this.entryOf(scan, tilesDir);
    const info = await entry.info;
    // A pyramid kept from an earlier session serves every level: no decode at all.
    if (info.ok && !(await pyramidExists(entry.cache.dir))) void this.baseOf(entry, scan);
    return info;
  }

  /// Tile (`column`, `row`) of `level` as JPEG.
  async tile(scan: OpenedScan, tilesDir: string, level: number, column: number, row: number): Promise<Result<MadeImage>> {
    const entry = await this.entryOf(scan, tilesDir);
    const info = await entry.info;
    if (!info.ok) return info;
    const { width, height, baseLevel } = info.value;
    if (!isTileOf(width, height, level, column, row)) return failWith('tile.none', { tile: `${level}/${column}/${row}` });
    if (level > baseLevel || (await pyramidExists(entry.cache.dir))) {
      const pyramid = await this.pyramidOf(entry, scan);
      if (!pyramid.ok) return pyramid;
      return readTile(tileFileOf(entry.cache.dir, level, column, row));
    }
    const miniLevel = baseLevelOf(width, height, MINI_MAX_WIDTH).level;
    const fromLevel = level <= miniLevel && miniLevel < baseLevel ? miniLevel : baseLevel;
    const base = fromLevel === baseLevel ? await this.baseOf(entry, scan) : await this.miniOf(entry, scan, info.value, miniLevel);
    if (!base.ok) return base;
    const sharp = (await this.loadSharp())!;
    const from = tileRectOn(width, height, level, column, row, fromLevel);
    const size = tileRect(width, height, level, column, row);
    return encode(() =>
      sharp(base.value.data, { raw: { width: base.value.width, height: base.value.height, channels: base.value.channels } })
        .extract({ left: from.x, top: from.y, width: from.width, height: from.height })
        .resize(size.width, size.height, { fit: 'fill' })
        .jpeg({ quality: TILE_QUALITY })
        .toBuffer(),
    );
  }

  /// `rect` of the image (full-image pixels) scaled to `height` pixels, as JPEG: the line-image strip. From the
  /// pyramid's tiles when it is finished, from the base level when that is sharp enough, else from the scan.
  async crop(scan: OpenedScan, tilesDir: string, rect: PixelRect, height: number): Promise<Result<MadeImage>> {
    const entry = await this.entryOf(scan, tilesDir);
    const info = await entry.info;
    if (!info.ok) return info;
    const { width: W, height: H, baseLevel } = info.value;
    const region = clip(rect, W, H);
    if (region === null) return failWith('tile.cropOutside');
    const sharp = (await this.loadSharp())!;
    const level = levelForHeight(W, H, region, height);
    const outWidth = Math.max(1, Math.round((region.width * height) / region.height));
    if (await pyramidExists(entry.cache.dir)) {
      const cover = tilesCovering(W, H, level, region);
      const parts: { input: Buffer; left: number; top: number }[] = [];
      for (let row = cover.rows[0]; row <= cover.rows[1]; row++) {
        for (let column = cover.columns[0]; column <= cover.columns[1]; column++) {
          const tile = await readTile(tileFileOf(entry.cache.dir, level, column, row));
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
    if (level <= baseLevel) {
      const base = await this.baseOf(entry, scan);
      if (!base.ok) return base;
      const cover = tilesCovering(W, H, baseLevel, region).rect;
      const b = base.value;
      return encode(() =>
        sharp(b.data, { raw: { width: b.width, height: b.height, channels: b.channels } })
          .extract({ left: cover.x, top: cover.y, width: Math.min(cover.width, b.width - cover.x), height: Math.min(cover.height, b.height - cover.y) })
          .resize(outWidth, height, { fit: 'fill' })
          .jpeg({ quality: TILE_QUALITY })
          .toBuffer(),
      );
    }
    // libvips reads a JPEG from the top down to the region: under a second for the bottom of 1.2 gigapixels.
    const source = await this.sourceOf(entry, scan);
    return encode(() =>
      sharp(source, { limitInputPixels: false })
        .rotate()
        .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
        .resize(outWidth, height, { fit: 'fill' })
        .jpeg({ quality: TILE_QUALITY })
        .toBuffer(),
    );
  }

  /// Resolves when the scan's whole pyramid is on disk (for the bench and tests).
  async pyramid(scan: OpenedScan, tilesDir: string): Promise<Result<null>> {
    const entry = await this.entryOf(scan, tilesDir);
    const info = await entry.info;
    return info.ok ? this.pyramidOf(entry, scan) : info;
  }

  // The entry of the opened scan as it is now (a changed file gets a new key, so nothing stale is served).
  private async entryOf(scan: OpenedScan, tilesDir: string): Promise<Entry> {
    const cache = await tileCacheKeyOf(scan, tilesDir);
    const known = this.entries.get(cache.key);
    if (known) {
      this.entries.delete(cache.key);
      this.entries.set(cache.key, known);
      return known;
    }
    const entry: Entry = { cache, info: Promise.resolve(failWith('tile.unavailable')), source: null, base: null, mini: null, pyramid: null };
    entry.info = this.measure(entry, scan);
    this.entries.set(cache.key, entry);
    if (this.entries.size > ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  private async measure(entry: Entry, scan: OpenedScan): Promise<Result<DeepZoomInfo>> {
    const sharp = await this.loadSharp();
    if (sharp === null) return failWith('tile.unavailable');
    try {
      const meta = await sharp(await this.sourceOf(entry, scan), { limitInputPixels: false }).metadata();
      if (!meta.width || !meta.height) return failWith('tile.noSize');
      // EXIF orientations 5 to 8 turn the image a quarter: the browser and `.rotate()` show it turned.
      const turned = (meta.orientation ?? 1) >= 5;
      const width = turned ? meta.height : meta.width;
      const height = turned ? meta.width : meta.height;
      const base = baseLevelOf(width, height, this.options.baseMaxWidth);
      return ok({ width, height, tileSize: TILE_SIZE, maxLevel: maxLevelOf(width, height), baseLevel: base.level });
    } catch (error) {
      return failWith('tile.undecodable', {}, (error as Error).message);
    }
  }

  // The scan's bytes, read once through the verified handle and kept while its pyramid is being made.
  private sourceOf(entry: Entry, scan: OpenedScan): Promise<Buffer> {
    entry.source ??= readWhole(scan.handle);
    return entry.source;
  }

  // The base level in memory: one decode of the scan, shrunk while decoding. Starts the pyramid when done.
  private baseOf(entry: Entry, scan: OpenedScan): Promise<Result<Raw>> {
    if (entry.base) return entry.base;
    // The bytes are taken now: the request's handle is closed once it is answered.
    const source = this.sourceOf(entry, scan);
    entry.base = (async (): Promise<Result<Raw>> => {
      const info = await entry.info;
      if (!info.ok) return info;
      const sharp = (await this.loadSharp())!;
      const { width, height, maxLevel, baseLevel } = info.value;
      const factor = 2 ** (maxLevel - baseLevel);
      try {
        const { data, info: out } = await sharp(await source, { limitInputPixels: false })
          .rotate()
          .resize(Math.ceil(width / factor), Math.ceil(height / factor), { fit: 'fill' })
          .raw()
          .toBuffer({ resolveWithObject: true });
        return ok({ data, width: out.width, height: out.height, channels: out.channels });
      } catch (error) {
        return failWith('tile.undecodable', {}, (error as Error).message);
      }
    })();
    // The whole pyramid keeps libvips' threads busy for seconds: it starts once the first view's tiles (cut from the
    // base level, a few milliseconds each) have had time to go out, unless a tile above the base asks for it first.
    void entry.base.then((base) => {
      if (base.ok) setTimeout(() => void this.pyramidOf(entry, scan), this.options.pyramidDelayMs ?? PYRAMID_DELAY_MS).unref?.();
    });
    return entry.base;
  }

  // The small level cut from the base level, once.
  private miniOf(entry: Entry, scan: OpenedScan, info: DeepZoomInfo, level: number): Promise<Result<Raw>> {
    entry.mini ??= (async (): Promise<Result<Raw>> => {
      const base = await this.baseOf(entry, scan);
      if (!base.ok) return base;
      const sharp = (await this.loadSharp())!;
      const size = levelSize(info.width, info.height, level);
      const b = base.value;
      try {
        const { data, info: out } = await sharp(b.data, { raw: { width: b.width, height: b.height, channels: b.channels } })
          .resize(size.width, size.height, { fit: 'fill' })
          .raw()
          .toBuffer({ resolveWithObject: true });
        return ok({ data, width: out.width, height: out.height, channels: out.channels });
      } catch (error) {
        return failWith('tile.undecodable', {}, (error as Error).message);
      }
    })();
    return entry.mini;
  }

  // The whole pyramid on disk, made once (after the pyramids asked for before it).
  private pyramidOf(entry: Entry, scan: OpenedScan): Promise<Result<null>> {
    if (entry.pyramid) return entry.pyramid;
    // The bytes are taken now: the request's handle is closed once it is answered, before the build's turn.
    const bytes = this.sourceOf(entry, scan);
    const made = this.building.then(async (): Promise<Result<null>> => {
      if (await pyramidExists(entry.cache.dir)) return ok(null);
      const sharp = (await this.loadSharp())!;
      try {
        const source = await bytes;
        await storePyramid(entry.cache, async (into) => {
          await sharp(source, { limitInputPixels: false })
            .rotate()
            .jpeg({ quality: TILE_QUALITY })
            .tile({ size: TILE_SIZE, overlap: 0, layout: 'dz' })
            .toFile(path.join(into, 'p.dz'));
        });
        return ok(null);
      } catch (error) {
        return failWith('tile.pyramidFailed', {}, (error as Error).message);
      } finally {
        // The scan's bytes are needed again only for a crop above the base level before the pyramid exists.
        entry.source = null;
      }
    });
    entry.pyramid = made;
    this.building = made;
    // A failure is not kept: the next request tries again (the file may have been being written).
    void made.then((result) => {
      if (!result.ok && entry.pyramid === made) entry.pyramid = null;
    });
    return made;
  }

  // sharp is loaded on first use: a missing native binary must not stop the app.
  private loadSharp(): Promise<Sharp | null> {
    this.sharp ??= import('sharp').then(
      (module) => module.default,
      () => null,
    );
    return this.sharp;
  }
}
