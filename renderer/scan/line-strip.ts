/// Geometry of the line-image strip: a line's region of the scan, turned like the scan and scaled to a small strip.

import { rotateBox, rotationTransform, type Rotation } from './rotation';
import type { Box } from './zoom';

/// Height in CSS pixels of the room the caret's line gets above its text while the strip is on (see scan.css).
export const STRIP_ROOM = 46;
/// The strip's greatest height in that room: about one and a half text lines.
export const STRIP_HEIGHT = 40;

/// What the strip draws: its size, and the scan image's size and transform inside it.
export interface StripGeometry {
  width: number;
  height: number;
  /// CSS size of the whole (unrotated) scan image in the strip.
  imageWidth: number;
  imageHeight: number;
  /// CSS transform (origin 0 0) that turns the image like the scan viewer and puts the region at the corner.
  transform: string;
}

/// The strip showing `region` of an `imageWidth` × `imageHeight` scan turned by `rotation`.
///
/// The turned region is scaled to `maxHeight`, or less when it would be wider than `maxWidth`; the whole image is
/// scaled the same, turned, and shifted so the region is at the strip's top-left corner. Null when there is
/// nothing to show or no room.
export function stripGeometry(region: Box, imageWidth: number, imageHeight: number, rotation: Rotation, maxWidth: number, maxHeight: number): StripGeometry | null {
  if (region.width <= 0 || region.height <= 0 || maxWidth <= 0 || maxHeight <= 0) return null;
  const turned = rotateBox(region, imageWidth, imageHeight, rotation);
  const scale = Math.min(maxHeight / turned.height, maxWidth / turned.width);
  const turn = rotationTransform(imageWidth, imageHeight, rotation);
  const dx = (turn.dx - turned.x) * scale;
  const dy = (turn.dy - turned.y) * scale;
  return {
    width: turned.width * scale,
    height: turned.height * scale,
    imageWidth: imageWidth * scale,
    imageHeight: imageHeight * scale,
    transform: `translate(${round(dx)}px, ${round(dy)}px) rotate(${rotation}deg)`,
  };
}

/// Where the strip goes: at the bottom of the room above the caret line's text, `gap` above the text, so the eye
/// moves the least (`lineTop` is the top of that room).
export function stripTop(lineTop: number, stripHeight: number, room = STRIP_ROOM, gap = 3): number {
  return lineTop + Math.max(0, room - stripHeight - gap);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
