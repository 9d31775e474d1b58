/// The description of a large scan's tile pyramid, fetched from the shell (`&tile=info` on its address).

import { TILE_INFO_QUERY } from '../../shared/ipc/scan-tile-url';

/// A scan's pyramid as the main process describes it (DeepZoomInfo there).
export interface TileInfo {
  /// The image's size in pixels (it may differ from the layout file's page size; regions are scaled).
  width: number;
  height: number;
  tileSize: number;
  maxLevel: number;
  baseLevel: number;
}

/// Fetches the pyramid's description of the scan at `url`, or says why it cannot be shown.
export async function loadTileInfo(url: string): Promise<TileInfo | string> {
  try {
    const response = await fetch(url + TILE_INFO_QUERY);
    const body = (await response.json()) as { ok?: boolean; error?: { message?: string } } & Partial<TileInfo>;
    if (!response.ok) return body.error?.message ?? `HTTP ${response.status}`;
    const { width, height, tileSize, maxLevel, baseLevel } = body;
    if (![width, height, tileSize, maxLevel, baseLevel].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
      return 'The scan\'s tile description is malformed.';
    }
    return { width: width!, height: height!, tileSize: tileSize!, maxLevel: maxLevel!, baseLevel: baseLevel! };
  } catch (error) {
    return (error as Error).message;
  }
}
