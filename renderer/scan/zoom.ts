/// Zoom and scroll arithmetic of the scan viewer, kept apart from React so it can be tested on its own.

/// The smallest and largest zoom factors (display pixels per image pixel).
export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;
/// How much one Zoom in / Zoom out step changes the scale.
export const ZOOM_STEP = 1.25;

/// A rectangle in image pixels.
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/// The scale clamped to the allowed range.
export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/// The scale after one zoom step in (`+1`) or out (`-1`).
export function stepScale(scale: number, direction: 1 | -1): number {
  return clampScale(direction > 0 ? scale * ZOOM_STEP : scale / ZOOM_STEP);
}

/// The scale at which an image `imageWidth` pixels wide fills a viewport `viewportWidth` pixels wide.
///
/// Falls back to 1 while either width is unknown (0), so the first render never divides by zero.
export function fitWidthScale(viewportWidth: number, imageWidth: number): number {
  if (viewportWidth <= 0 || imageWidth <= 0) return 1;
  return clampScale(viewportWidth / imageWidth);
}

/// The scroll offsets that bring `box` (image pixels, shown at `scale`) into the viewport, or null if it is in view.
///
/// A box that does not fit whole is aligned to its top-left corner with a small margin; otherwise it is centred
/// on the axis where it was out of view, so the eye finds it in the middle.
export function scrollToShow(
  box: Box,
  scale: number,
  viewport: { left: number; top: number; width: number; height: number },
  margin = 16,
): { left: number; top: number } | null {
  const axis = (start: number, size: number, scroll: number, visible: number): number => {
    const from = start * scale;
    const to = (start + size) * scale;
    if (from >= scroll && to <= scroll + visible) return scroll;
    if (to - from + 2 * margin > visible) return Math.max(0, from - margin);
    return Math.max(0, (from + to) / 2 - visible / 2);
  };
  const left = axis(box.x, box.width, viewport.left, viewport.width);
  const top = axis(box.y, box.height, viewport.top, viewport.height);
  return left === viewport.left && top === viewport.top ? null : { left, top };
}

/// Without line boxes, the default zoom is fit width but never below this, so the scan can be read.
export const MIN_READABLE_SCALE = 0.5;

/// The typical size of a text line on the scan in image pixels: the median of each line box's smaller side (its
/// height for horizontal lines, its width for vertical ones), or null when no line has a box.
export function typicalLineSize(regions: readonly { width: number; height: number }[]): number | null {
  const sizes = regions.map((box) => Math.min(box.width, box.height)).filter((size) => size > 0).sort((a, b) => a - b);
  if (sizes.length === 0) return null;
  const middle = Math.floor(sizes.length / 2);
  return sizes.length % 2 === 1 ? sizes[middle]! : (sizes[middle - 1]! + sizes[middle]!) / 2;
}

/// The default zoom: a line on the scan about as tall as a line of the text beside it (`textLineHeight` CSS
/// pixels), or fit width when that shows it larger; with no line boxes, fit width but at least MIN_READABLE_SCALE.
export function readableScale(viewportWidth: number, imageWidth: number, lineSize: number | null, textLineHeight: number): number {
  const fit = fitWidthScale(viewportWidth, imageWidth);
  if (lineSize === null || lineSize <= 0 || textLineHeight <= 0) return clampScale(Math.max(fit, MIN_READABLE_SCALE));
  return clampScale(Math.max(fit, textLineHeight / lineSize));
}
