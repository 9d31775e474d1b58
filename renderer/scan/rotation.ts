/// Rotation and fit-page arithmetic of the scan viewer, kept apart from React so it can be tested on its own.
///
/// The scan is turned clockwise in quarter turns. "Rotated pixels" are image pixels of the turned image, whose
/// origin is again its top-left corner; the viewer lays out and scrolls in those, times the scale.

import { clampScale, type Box } from './zoom';

/// A clockwise rotation of the scan, in degrees.
export type Rotation = 0 | 90 | 180 | 270;

/// The rotation after one more quarter turn clockwise.
export function nextRotation(rotation: Rotation): Rotation {
  return ((rotation + 90) % 360) as Rotation;
}

/// The size of an image `width` × `height` once rotated.
export function rotatedSize(width: number, height: number, rotation: Rotation): { width: number; height: number } {
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

/// Where `box` (image pixels of an image `imageWidth` × `imageHeight`) lies on the rotated image.
export function rotateBox(box: Box, imageWidth: number, imageHeight: number, rotation: Rotation): Box {
  switch (rotation) {
    case 0:
      return { ...box };
    case 90:
      return { x: imageHeight - (box.y + box.height), y: box.x, width: box.height, height: box.width };
    case 180:
      return { x: imageWidth - (box.x + box.width), y: imageHeight - (box.y + box.height), width: box.width, height: box.height };
    case 270:
      return { x: box.y, y: imageWidth - (box.x + box.width), width: box.height, height: box.width };
  }
}

/// The turn and shift (in image pixels) that draw the unrotated image onto the rotated one: rotate by `degrees`
/// about the origin, then translate by (`dx`, `dy`). Used for the SVG overlay and, times the scale, the image.
export function rotationTransform(imageWidth: number, imageHeight: number, rotation: Rotation): { degrees: Rotation; dx: number; dy: number } {
  const shifts: Record<Rotation, [number, number]> = { 0: [0, 0], 90: [imageHeight, 0], 180: [imageWidth, imageHeight], 270: [0, imageWidth] };
  const [dx, dy] = shifts[rotation];
  return { degrees: rotation, dx, dy };
}

/// The scale at which a (rotated) image of `width` × `height` fits whole in the viewport.
///
/// Falls back to 1 while a size is unknown (0), so the first render never divides by zero.
export function fitPageScale(viewportWidth: number, viewportHeight: number, width: number, height: number): number {
  if (viewportWidth <= 0 || viewportHeight <= 0 || width <= 0 || height <= 0) return 1;
  return clampScale(Math.min(viewportWidth / width, viewportHeight / height));
}
