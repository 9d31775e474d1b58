/// Geometry of the line-image strip: a line's region of the scan, scaled to fit a small strip.

import type { Box } from './zoom';

/// The strip's size and the CSS background that shows `region` of an `imageWidth` × `imageHeight` scan in it.
///
/// The region is scaled to the strip's height, or less when it would be wider than `maxWidth`; the whole scan is
/// the background, scaled the same and shifted so the region is at the strip's top-left corner.
export function stripGeometry(
  region: Box,
  imageWidth: number,
  imageHeight: number,
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number; backgroundSize: string; backgroundPosition: string } | null {
  if (region.width <= 0 || region.height <= 0 || maxWidth <= 0 || maxHeight <= 0) return null;
  const scale = Math.min(maxHeight / region.height, maxWidth / region.width);
  return {
    width: region.width * scale,
    height: region.height * scale,
    backgroundSize: `${imageWidth * scale}px ${imageHeight * scale}px`,
    backgroundPosition: `${-region.x * scale}px ${-region.y * scale}px`,
  };
}

/// Where the strip goes: just above the caret's line, or just below it when there is no room above.
///
/// `lineTop` and `lineBottom` are in the scroll host's content coordinates; `gap` separates strip and line.
export function stripTop(lineTop: number, lineBottom: number, stripHeight: number, gap = 2): number {
  const above = lineTop - stripHeight - gap;
  return above >= 0 ? above : lineBottom + gap;
}
