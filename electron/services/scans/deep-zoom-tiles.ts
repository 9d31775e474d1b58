import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { baseLevelOf, isTileOf, levelForHeight, maxLevelOf, TILE_SIZE, tilesCovering, VIEW_MAX_WIDTH, type PixelRect } from '../../../shared/scan/deep-zoom';
import { pyramidExists, storePyramid, tileCacheKeyOf, tileFileOf, type TileCacheKey } from './deep-zoom-cache';
import { enforceTileCacheLimit, markUsed, recordSize, TILE_CACHE_LIMIT_BYTES } from './deep-zoom-cache-limit';
import { cutTile, decodeLevel, SCAN_INPUT, shrinkLevel, storedLevels, TILE_QUALITY, type Raw, type Sharp, type StoredLevel } from './deep-zoom-decode';
import { readWhole, type OpenedScan } from './scan-preview';
import { clip, cropFromTiles, encode, readTile } from './deep-zoom-parts';

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

// One scan's state in this process: its size, the levels held in memory, the pyramid being made.
interface Entry {
  cache: TileCacheKey;
  info: Promise<Result<DeepZoomInfo>>;
  source: Promise<Buffer> | null;
  // Levels held as raw pixels, by level: the view level (decoded first), the small level cut from it (the levels
  // below it are cut from it, not from the whole view level), the base level (decoded when first asked for).
  levels: Map<number, Promise<Result<Raw>>>;
  // The reduced copies the file holds (a pyramidal TIFF's pages), found when the scan is measured.
  stored: StoredLevel[];
  pyramid: Promise<Result<null>> | null;
}

// Scans kept in memory: each holds its view level (14 MB for 30,000 × 40,000 px) and, once asked for, its base
// level (56 MB) while it is being looked at.
const ENTRIES = 3;
// How long after the view level is ready the whole pyramid starts (the first view's tiles go out meanwhile).
const PYRAMID_DELAY_MS = 1500;
const MINI_MAX_WIDTH = 512;

/// Serves a large scan as a Deep Zoom pyramid of 256 px JPEG tiles made by sharp (libvips), kept in the corpus's
/// data folder (`tiles/`), never in the corpus; all corpora's tiles together are kept under a size limit
/// (`TILE_CACHE_LIMIT_BYTES`, least recently used scans removed first).
///
/// Made lazily so the first view waits for as little as can be: the first request reads the scan once and decodes
/// it, shrunk while decoding, to its *view level* only (at most 2,048 px wide: what fills the pane at fit width);
/// the tiles of that level and below are cut from it at once. The *base level* (at most 4,096 px wide) is decoded
/// only when a tile or a crop above the view level asks for it. The whole pyramid (about 30 s for a 30,000 × 40,000
/// px JPEG) is then written in the background, one scan at a time, and serves every level when done; until then a
/// tile above the base level waits for it (the viewer shows lower levels' tiles scaled meanwhile). Everything is
/// read through the handle opened and verified inside the corpus, never by path.
export class DeepZoomTiles {
  private readonly entries = new Map<string, Entry>();
  private sharp: Promise<Sharp | null> | null = null;
  // Whole pyramids are made one after another: each keeps both cores busy for seconds.
  private building: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: { baseMaxWidth?: number; viewMaxWidth?: number; pyramidDelayMs?: number; cacheLimitBytes?: number } = {},
  ) {}

  /// The scan's size and pyramid; starts decoding its view level.
  async info(scan: OpenedScan, tilesDir: string): Promise<Result<DeepZoomInfo>> {
    const entry = await this.entryOf(scan, tilesDir);
    const info = await entry.info;
    // A pyramid kept from an earlier session serves every level: no decode at all.
    if (info.ok && !(await pyramidExists(entry.cache.dir))) void this.levelOf(entry, scan, info.value, this.levelsOf(info.value).view);
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
    const from = await this.levelOf(entry, scan, info.value, this.heldLevelFor(info.value, level));
    if (!from.ok) return from;
    const sharp = (await this.loadSharp())!;
    return encode(() => cutTile(sharp, from.value, info.value, level, column, row));
  }

  /// `rect` of the image (full-image pixels) scaled to `height` pixels, as JPEG: the line-image strip. From the
  /// pyramid's tiles when it is finished, from a level in memory when one is sharp enough, else from the scan.
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
    if (await pyramidExists(entry.cache.dir)) return cropFromTiles(sharp, entry.cache.dir, info.value, level, region, outWidth, height);
    if (level <= baseLevel) {
      const held = await this.levelOf(entry, scan, info.value, Math.max(this.levelsOf(info.value).view, this.heldLevelFor(info.value, level)));
      if (!held.ok) return held;
      const cover = tilesCovering(W, H, held.value.level, region).rect;
      const b = held.value;
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
      sharp(source, SCAN_INPUT)
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

  // The levels held in memory before the pyramid exists: the base, the view level (never above the base), and the
  // small level (null when the view level is that small already).
  private levelsOf(info: DeepZoomInfo): { base: number; view: number; mini: number | null } {
    const view = Math.min(info.baseLevel, baseLevelOf(info.width, info.height, this.options.viewMaxWidth ?? VIEW_MAX_WIDTH).level);
    const mini = baseLevelOf(info.width, info.height, MINI_MAX_WIDTH).level;
    return { base: info.baseLevel, view, mini: mini < view ? mini : null };
  }

  // The held level a tile of `level` (at most the base level) is cut from: the smallest one at least as large.
  private heldLevelFor(info: DeepZoomInfo, level: number): number {
    const { base, view, mini } = this.levelsOf(info);
    if (mini !== null && level <= mini) return mini;
    return level <= view ? view : base;
  }

  // A held level in memory, made once: the view and base levels decoded from the scan, the small level shrunk from
  // the view level. The view level, once made, starts the whole pyramid.
  private levelOf(entry: Entry, scan: OpenedScan, info: DeepZoomInfo, level: number): Promise<Result<Raw>> {
    const known = entry.levels.get(level);
    if (known) return known;
    const { view } = this.levelsOf(info);
    // The bytes are taken now: the request's handle is closed once it is answered.
    const source = level >= view ? this.sourceOf(entry, scan) : null;
    const made = (async (): Promise<Result<Raw>> => {
      const sharp = (await this.loadSharp())!;
      if (source !== null) return decodeLevel(sharp, await source, info, level, entry.stored);
      const larger = await this.levelOf(entry, scan, info, view);
      return larger.ok ? shrinkLevel(sharp, larger.value, info, level) : larger;
    })();
    entry.levels.set(level, made);
    // A failure is not kept: the next request tries again (the file may have been being written).
    void made.then((result) => {
      if (!result.ok && entry.levels.get(level) === made) entry.levels.delete(level);
    });
    // The whole pyramid keeps libvips' threads busy for seconds: it starts once the first view's tiles (cut from the
    // view level, a few milliseconds each) have had time to go out, unless a tile above the base asks for it first.
    if (level === view) {
      void made.then((result) => {
        if (result.ok) setTimeout(() => void this.pyramidOf(entry, scan), this.options.pyramidDelayMs ?? PYRAMID_DELAY_MS).unref?.();
      });
    }
    return made;
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
    const entry: Entry = { cache, info: Promise.resolve(failWith('tile.unavailable')), source: null, levels: new Map(), stored: [], pyramid: null };
    entry.info = this.measure(entry, scan);
    this.entries.set(cache.key, entry);
    if (this.entries.size > ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    // A pyramid kept from an earlier session is used again: the cache limit removes the least recently used.
    void markUsed(cache.dir);
    return entry;
  }

  private async measure(entry: Entry, scan: OpenedScan): Promise<Result<DeepZoomInfo>> {
    const sharp = await this.loadSharp();
    if (sharp === null) return failWith('tile.unavailable');
    try {
      const source = await this.sourceOf(entry, scan);
      const meta = await sharp(source, SCAN_INPUT).metadata();
      if (!meta.width || !meta.height) return failWith('tile.noSize');
      entry.stored = await storedLevels(sharp, source, meta);
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
          await sharp(source, SCAN_INPUT)
            .rotate()
            .jpeg({ quality: TILE_QUALITY })
            .tile({ size: TILE_SIZE, overlap: 0, layout: 'dz' })
            .toFile(path.join(into, 'p.dz'));
        });
        await this.keepUnderLimit(entry);
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

  // Records the new pyramid's size and removes the least recently used scans' tiles (of every corpus: the tiles
  // folder is `<app data>/corpora/<id>/tiles/`) while all of them together are above the limit. The scans held in
  // memory are kept. A failure here only leaves the cache larger: it never fails the pyramid.
  private async keepUnderLimit(entry: Entry): Promise<void> {
    try {
      await recordSize(entry.cache.dir);
      const tilesDir = path.dirname(entry.cache.dir);
      const corporaDir = path.dirname(path.dirname(tilesDir));
      // Only in the app data folder's layout: never a walk of folders that are not the app's.
      if (path.basename(tilesDir) !== 'tiles' || path.basename(corporaDir) !== 'corpora') return;
      const keep = new Set([...this.entries.values()].map((held) => held.cache.dir));
      keep.add(entry.cache.dir);
      await enforceTileCacheLimit(corporaDir, this.options.cacheLimitBytes ?? TILE_CACHE_LIMIT_BYTES, keep);
    } catch {
      // The limit is checked again after the next pyramid.
    }
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
