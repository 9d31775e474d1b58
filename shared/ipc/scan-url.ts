/// The custom URL scheme the Electron shell serves scan images on (`protocol.handle`), environment-free so the
/// sandboxed preload can build the URLs without bundling Node modules.

/// The scheme name; `img-src` and `connect-src` of the page's CSP list it.
export const SCAN_SCHEME = 'jiaodui-scan';

/// The least and greatest preview widths the shells make (the `width` query parameter); others are refused.
export const MIN_PREVIEW_WIDTH = 256;
export const MAX_PREVIEW_WIDTH = 4096;

/// Scans narrower than this are shown at once: they decode in well under a second, and a preview would only add
/// a request.
export const PREVIEW_FROM_WIDTH = 3000;

/// The width of the preview to show first of a scan `imageWidth` pixels wide in a viewer `displayWidth` device
/// pixels wide, or null when the scan itself should be shown at once.
///
/// The scan's width halved as often as the result still fills the display (at most three times): a JPEG decoder
/// shrinks by 2, 4 or 8 while decoding, so such a copy is made several times faster than one of an arbitrary
/// width. A 6,000 px scan in a 700 px viewer gets a 750 px copy, in a 1,400 px (2×) viewer a 1,500 px one.
export function previewWidthFor(imageWidth: number, displayWidth: number): number | null {
  if (imageWidth < PREVIEW_FROM_WIDTH) return null;
  let width = imageWidth;
  for (let halvings = 0; halvings < 3 && width / 2 >= Math.max(displayWidth, MIN_PREVIEW_WIDTH); halvings++) width /= 2;
  return width === imageWidth ? null : Math.ceil(width);
}

/// Whether `width` is a preview width the shells make.
export function isPreviewWidth(width: number): boolean {
  return Number.isInteger(width) && width >= MIN_PREVIEW_WIDTH && width <= MAX_PREVIEW_WIDTH;
}

/// The URL of scan image `rel` (a path relative to the open corpus) on the scan scheme; with `previewWidth`, the
/// URL of its downscaled copy of that width.
export function scanSchemeUrl(rel: string, previewWidth?: number): string {
  const width = previewWidth === undefined ? '' : `&width=${previewWidth}`;
  return `${SCAN_SCHEME}://corpus/?path=${encodeURIComponent(rel)}${width}`;
}

/// The preview width a scan-image URL's query asks for: null for the full image, NaN when it is not a number.
export function previewWidthOf(params: URLSearchParams): number | null {
  const width = params.get('width');
  return width === null ? null : /^\d{1,5}$/.test(width) ? Number(width) : Number.NaN;
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

/// Whether a scan image path is a TIFF, which browsers cannot show (the shells convert it to PNG where they can).
export function isTiffPath(rel: string): boolean {
  return /\.tiff?$/i.test(rel);
}
