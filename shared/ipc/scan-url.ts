/// The custom URL scheme the Electron shell serves scan images on (`protocol.handle`), environment-free so the
/// sandboxed preload can build the URLs without bundling Node modules.

/// The scheme name; `img-src` and `connect-src` of the page's CSP list it.
export const SCAN_SCHEME = 'jiaodui-scan';

/// The URL of scan image `rel` (a path relative to the open corpus) on the scan scheme.
export function scanSchemeUrl(rel: string): string {
  return `${SCAN_SCHEME}://corpus/?path=${encodeURIComponent(rel)}`;
}

/// The relative path a scan-scheme URL asks for, or null when the URL is not one of ours.
export function relFromScanSchemeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${SCAN_SCHEME}:` || parsed.hostname !== 'corpus') return null;
  return parsed.searchParams.get('path');
}
