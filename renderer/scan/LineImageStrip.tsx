import { useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { PageScan } from '../../shared/ipc/contract';
import { useT } from '../i18n/LanguageContext';
import type { CaretLineStore } from './caret-line-store';
import { STRIP_HEIGHT, stripGeometry, stripTop, type StripGeometry } from './line-strip';
import { cropQuery, MAX_CROP_HEIGHT } from '../../shared/ipc/scan-tile-url';
import type { Box } from './zoom';
import type { Rotation } from './rotation';
import type { ScanImageState } from './useScanImage';
import { unionRegions } from '../../shared/layout/geometry';

/// Props of `LineImageStrip`.
export interface LineImageStripProps {
  /// The element holding the page editor; the strip is placed in the editor's scrolling box inside it.
  host: HTMLElement | null;
  scan: PageScan;
  image: ScanImageState;
  /// The original lines under the caret; the strip shows their region.
  caretLine: CaretLineStore;
  /// The scan viewer's rotation; the strip turns the same way.
  rotation: Rotation;
}

// Where the caret's line is in the scroll host's content, and how much width its text has.
interface Placement {
  lineTop: number;
  lineBottom: number;
  left: number;
  maxWidth: number;
}

/// A small strip just above the caret's line showing that line's image cropped from the scan, turned like the scan.
///
/// The caret's line has room above its text while the strip is on (`caretLinePlugin` marks the line, and the
/// `line-strip-on` class on the editor host gives it a top padding in scan.css), so the strip pushes the text down
/// instead of covering the line above. It lets clicks through and moves only when the caret changes line. The
/// crop is the scan image itself, scaled, turned and shifted in a clipping box, so no pixels are copied.
export function LineImageStrip({ host, scan, image, caretLine, rotation }: LineImageStripProps) {
  const t = useT();
  const lines = useSyncExternalStore(caretLine.subscribe, caretLine.get);
  const [placement, setPlacement] = useState<{ scroller: HTMLElement; at: Placement } | null>(null);
  const region = unionRegions(scan.lines.filter((line) => line.textLine !== null && lines.includes(line.textLine)).map((line) => line.region));
  const hasRegion = region !== null;

  useLayoutEffect(() => {
    const scroller = host?.querySelector<HTMLElement>('.jd-page-editor-host') ?? null;
    const line = caretLineElement(host);
    if (scroller === null || line === null || !hasRegion) {
      setPlacement(null);
      return;
    }
    const box = scroller.getBoundingClientRect();
    const lineBox = line.getBoundingClientRect();
    // The text starts after the line-number gutter (the line's left padding).
    const gutter = parseFloat(getComputedStyle(line).paddingLeft) || 0;
    const left = lineBox.left - box.left + scroller.scrollLeft + gutter;
    const top = lineBox.top - box.top + scroller.scrollTop;
    setPlacement({
      scroller,
      at: { left, lineTop: top, lineBottom: top + lineBox.height, maxWidth: Math.max(0, lineBox.right - box.left + scroller.scrollLeft - left) },
    });
  }, [host, lines, hasRegion, rotation]);

  if (placement === null || region === null || (image.kind !== 'ready' && image.kind !== 'tiles')) return null;
  // A large scan is never whole in the renderer: the main process crops the line (from its tiles) instead.
  const crop = image.kind === 'tiles' ? lineCrop(image, scan, region, rotation, placement.at.maxWidth) : null;
  const geometry = crop?.geometry ?? stripGeometry(region, scan.imageWidth, scan.imageHeight, rotation, placement.at.maxWidth, STRIP_HEIGHT);
  if (geometry === null || (image.kind === 'tiles' && crop === null)) return null;
  const src = crop?.url ?? (image.kind === 'ready' ? image.url : '');
  return createPortal(
    <div
      className="line-image-strip"
      role="img"
      aria-label={t('scan.lineImage')}
      data-rotation={rotation}
      style={{
        // The strip is often less tall than STRIP_HEIGHT (a long line is scaled to the width), so place it by its own height.
        top: stripTop(placement.at.lineTop, geometry.height),
        left: placement.at.left,
        width: geometry.width,
        height: geometry.height,
      }}
    >
      <img src={src} alt="" width={geometry.imageWidth} height={geometry.imageHeight} style={{ transform: geometry.transform }} draggable={false} />
    </div>,
    placement.scroller,
  );
}

// The strip of a tiled scan: the line's region cut and scaled by the main process (`&crop=`), turned here.
function lineCrop(image: Extract<ScanImageState, { kind: 'tiles' }>, scan: PageScan, region: Box, rotation: Rotation, maxWidth: number): { url: string; geometry: StripGeometry } | null {
  const geometry = stripGeometry({ x: 0, y: 0, width: region.width, height: region.height }, region.width, region.height, rotation, maxWidth, STRIP_HEIGHT);
  if (geometry === null) return null;
  const sx = image.info.width / scan.imageWidth;
  const sy = image.info.height / scan.imageHeight;
  // Sharp on a high-density display, within what the shell makes.
  const height = Math.min(MAX_CROP_HEIGHT, Math.max(1, Math.ceil(geometry.imageHeight * (window.devicePixelRatio || 1))));
  const rect = { x: region.x * sx, y: region.y * sy, width: region.width * sx, height: region.height * sy };
  return { url: image.url + cropQuery(rect, height), geometry };
}

// The editor line holding the DOM selection's focus, when the selection is in the editor inside `host`.
function caretLineElement(host: HTMLElement | null): HTMLElement | null {
  const focus = document.getSelection()?.focusNode ?? null;
  const element = focus instanceof Element ? focus : (focus?.parentElement ?? null);
  const line = element?.closest<HTMLElement>('.pm-line') ?? null;
  return line !== null && host?.contains(line) ? line : null;
}
