import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { PageScan } from '../../shared/ipc/contract';
import { useT } from '../i18n/LanguageContext';
import type { CaretLineStore } from './caret-line-store';
import { fitPageScale, nextRotation, rotateBox, rotatedSize, rotationTransform, type Rotation } from './rotation';
import { ScanOverlay } from './ScanOverlay';
import type { ScanImageState } from './useScanImage';
import { fitWidthScale, readableScale, scrollToShow, stepScale, typicalLineSize } from './zoom';
import { useViewContext } from '../view/ViewContext';
import { lineHeightPx } from '../view/view-settings';
import { DeepZoomViewer } from './DeepZoomViewer';
import { ScanToolbar } from './ScanToolbar';
import { unionRegions } from '../../shared/layout/geometry';
import './scan.css';

/// Props of `ScanViewer`.
export interface ScanViewerProps {
  scan: PageScan;
  /// The scan image, loaded by the caller (`useScanImage`) so the line-image strip can share it.
  image: ScanImageState;
  /// The original lines under the editor's caret; their regions are outlined and scrolled into view.
  caretLine: CaretLineStore;
  /// Called with the original text line of a region the user clicked.
  onRegionClick(textLine: number): void;
  /// The OCR confidence (0..1) below which characters are underlined in the text, and how to change it.
  confidenceThreshold: number;
  onConfidenceThresholdChange(threshold: number): void;
  /// More tools to show after the viewer's own (the split's layout toggle).
  extraTools?: ReactNode;
  /// The page's rotation (remembered by the caller, `useRotation`) and how to change it.
  rotation: Rotation;
  onRotationChange(rotation: Rotation): void;
}

// Pixels the arrow keys pan by (Shift: a larger step), and how far a press may move before it counts as a drag.
const PAN_STEP = 40;
const PAN_STEP_LARGE = 240;
const DRAG_THRESHOLD = 4;

type Zoom = { kind: 'readable' } | { kind: 'fit-width' } | { kind: 'fit-page' } | { kind: 'scale'; scale: number };

/// The scan of a page with its line regions drawn over it: zoom, pan, and the caret's line outlined.
///
/// Zoom with the buttons or + and −; the start shows a scan line about as tall as a text line (`readableScale`);
/// "Fit width" (key 0) follows the viewer's width, "Fit page"
/// (Shift+0) shows the whole page. "Rotate" (key R) turns the scan a quarter clockwise (the caller remembers it). Pan by dragging or with
/// the arrow keys. Regions are drawn in image pixels in an SVG whose viewBox is the (rotated) image, turned with
/// the image, so they stay on the scan at every zoom and rotation.
export function ScanViewer(props: ScanViewerProps) {
  // A large scan comes as tiles (useScanImage) and gets the deep-zoom viewer.
  return props.image.kind === 'tiles' ? <DeepZoomViewer {...props} image={props.image} /> : <ImageScanViewer {...props} />;
}

function ImageScanViewer({ image, scan, caretLine, onRegionClick, confidenceThreshold, onConfidenceThresholdChange, extraTools, rotation, onRotationChange }: ScanViewerProps) {
  const t = useT();
  const viewportRef = useRef<HTMLDivElement>(null);
  const [viewportSize, setViewportSize] = useState({ width: 0, height: 0 });
  // The start: a scan line about as tall as a text line (zoom.ts, readableScale).
  const [zoom, setZoom] = useState<Zoom>({ kind: 'readable' });
  const textLineHeight = lineHeightPx(useViewContext());
  const lineSize = useMemo(() => typicalLineSize(scan.lines.map((line) => line.region)), [scan.lines]);
  const activeLines = useSyncExternalStore(caretLine.subscribe, caretLine.get);
  // The image point to keep at the viewport's centre after a zoom step.
  const zoomAnchor = useRef<{ x: number; y: number } | null>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);

  const turned = rotatedSize(scan.imageWidth, scan.imageHeight, rotation);
  const scale =
    zoom.kind === 'readable'
      ? readableScale(viewportSize.width, turned.width, lineSize, textLineHeight)
      : zoom.kind === 'fit-width'
      ? fitWidthScale(viewportSize.width, turned.width)
      : zoom.kind === 'fit-page'
        ? fitPageScale(viewportSize.width, viewportSize.height, turned.width, turned.height)
        : zoom.scale;

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (viewport === null) return;
    // clientWidth excludes the scroll bar, so fit width never needs a horizontal one.
    const measure = () => setViewportSize({ width: viewport.clientWidth, height: viewport.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  const zoomBy = useCallback(
    (direction: 1 | -1) => {
      const viewport = viewportRef.current;
      if (viewport !== null) {
        zoomAnchor.current = {
          x: (viewport.scrollLeft + viewport.clientWidth / 2) / scale,
          y: (viewport.scrollTop + viewport.clientHeight / 2) / scale,
        };
      }
      setZoom({ kind: 'scale', scale: stepScale(scale, direction) });
    },
    [scale],
  );

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    const anchor = zoomAnchor.current;
    if (viewport === null || anchor === null) return;
    zoomAnchor.current = null;
    viewport.scrollLeft = anchor.x * scale - viewport.clientWidth / 2;
    viewport.scrollTop = anchor.y * scale - viewport.clientHeight / 2;
  }, [scale]);

  // Bring the caret line's regions into view when the caret moves to another line or the zoom changes.
  useEffect(() => {
    const viewport = viewportRef.current;
    const active = unionRegions(scan.lines.filter((line) => line.textLine !== null && activeLines.includes(line.textLine)).map((line) => line.region));
    if (viewport === null || active === null) return;
    const region = rotateBox(active, scan.imageWidth, scan.imageHeight, rotation);
    const target = scrollToShow(region, scale, {
      left: viewport.scrollLeft,
      top: viewport.scrollTop,
      width: viewport.clientWidth,
      height: viewport.clientHeight,
    });
    if (target !== null) viewport.scrollTo(target.left, target.top);
  }, [activeLines, scale, scan.lines, scan.imageWidth, scan.imageHeight, rotation]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const viewport = viewportRef.current;
    if (viewport === null || event.ctrlKey || event.metaKey || event.altKey) return;
    const step = event.shiftKey ? PAN_STEP_LARGE : PAN_STEP;
    const pans: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const pan = pans[event.key];
    if (pan) viewport.scrollBy(pan[0], pan[1]);
    else if (event.key === '+' || event.key === '=') zoomBy(1);
    else if (event.key === '-' || event.key === '_') zoomBy(-1);
    // Shift+0 is ")" on many layouts, so the physical key decides.
    else if (event.code === 'Digit0' || event.key === '0') setZoom({ kind: event.shiftKey ? 'fit-page' : 'fit-width' });
    else if (event.key === 'r' || event.key === 'R') onRotationChange(nextRotation(rotation));
    else return;
    event.preventDefault();
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const viewport = viewportRef.current;
    if (viewport === null || event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop, moved: false };
    suppressClick.current = false;
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const viewport = viewportRef.current;
    const start = drag.current;
    if (viewport === null || start === null || (event.buttons & 1) === 0) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    start.moved = true;
    viewport.scrollLeft = start.left - dx;
    viewport.scrollTop = start.top - dy;
  };
  const endDrag = () => {
    // A drag that ends over a region must not also count as a click on it.
    suppressClick.current = drag.current?.moved ?? false;
    drag.current = null;
  };

  const width = turned.width * scale;
  const height = turned.height * scale;
  const turn = rotationTransform(scan.imageWidth, scan.imageHeight, rotation);
  return (
    <section className="scan-viewer" aria-label={t('scan.label')}>
      <ScanToolbar
        onZoomOut={() => zoomBy(-1)}
        onZoomIn={() => zoomBy(1)}
        onFitWidth={() => setZoom({ kind: 'fit-width' })}
        onFitPage={() => setZoom({ kind: 'fit-page' })}
        onRotate={() => onRotationChange(nextRotation(rotation))}
        fit={zoom.kind === 'fit-width' || zoom.kind === 'fit-page' ? zoom.kind : null}
        rotation={rotation}
        percent={Math.round(scale * 100)}
        confidenceThreshold={confidenceThreshold}
        onConfidenceThresholdChange={onConfidenceThresholdChange}
        extraTools={extraTools}
      />
      {image.kind === 'none' && <p className="scan-note">{t('scan.noImage')}</p>}
      {image.kind === 'error' && <p className="scan-note" role="alert">{t('scan.imageError', { message: image.message })}</p>}
      <div
        ref={viewportRef}
        className="scan-viewport"
        role="img"
        aria-label={t('scan.label')}
        aria-description={t('scan.keys')}
        aria-busy={image.kind === 'loading'}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onClickCapture={(event) => {
          if (!suppressClick.current) return;
          suppressClick.current = false;
          event.stopPropagation();
        }}
      >
        <div className="scan-canvas" style={{ width, height }}>
          {image.kind === 'ready' && (
            <img
              className="scan-image"
              src={image.url}
              // "preview" while the downscaled copy of a large scan is shown, "full" once the image itself is.
              data-resolution={image.full ? 'full' : 'preview'}
              alt=""
              // Decoding a large scan (54 megapixels take about 0.4 s) must not hold up the text beside it.
              decoding="async"
              width={scan.imageWidth * scale}
              height={scan.imageHeight * scale}
              style={{ transform: `translate(${turn.dx * scale}px, ${turn.dy * scale}px) rotate(${turn.degrees}deg)` }}
              draggable={false}
            />
          )}
          <ScanOverlay scan={scan} width={width} height={height} rotation={rotation} activeLines={activeLines} onRegionClick={onRegionClick} />
        </div>
      </div>
    </section>
  );
}
