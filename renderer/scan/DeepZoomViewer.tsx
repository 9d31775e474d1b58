import OpenSeadragon from 'openseadragon';
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { tileQuery } from '../../shared/ipc/scan-tile-url';
import { unionRegions } from '../../shared/layout/geometry';
import { useT } from '../i18n/LanguageContext';
import { DeepZoomOverlay, overlayMatrix, regionAt } from './DeepZoomOverlay';
import { nextRotation } from './rotation';
import { ScanToolbar } from './ScanToolbar';
import type { ScanViewerProps } from './ScanViewer';
import type { ScanImageState } from './useScanImage';
import './scan.css';

type Tiles = Extract<ScanImageState, { kind: 'tiles' }>;

// Zoom factor of one − / + step, and the arrow keys' pan in screen pixels (Shift: larger).
const ZOOM_STEP = 1.25;
const PAN_STEP = 40;
const PAN_STEP_LARGE = 240;
// Tiles the renderer keeps decoded (256 × 256 px, 256 KB each): about 50 MB whatever the scan's size.
const TILE_CACHE = 200;

/// The scan viewer for large scans: OpenSeadragon over the shell's tile pyramid (see DeepZoomTiles in the main
/// process), so the renderer holds only the tiles on screen, never the decoded scan.
///
/// Wheel and pinch zoom, drag to pan; the same toolbar (ScanToolbar) and keys as the single-image viewer (− / +, 0 fit width,
/// Shift+0 fit page, R rotate, arrows pan). Line regions are an SVG over the viewer moved with it on every frame;
/// the caret's line is outlined and panned into view, and a click on a region puts the caret on its line.
export function DeepZoomViewer(props: ScanViewerProps & { image: Tiles }) {
  const { image, scan, caretLine, onRegionClick, confidenceThreshold, onConfidenceThresholdChange, extraTools, rotation, onRotationChange } = props;
  const t = useT();
  const hostRef = useRef<HTMLDivElement>(null);
  const groupRef = useRef<SVGGElement>(null);
  const viewerRef = useRef<OpenSeadragon.Viewer | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [fit, setFit] = useState<'fit-width' | 'fit-page' | null>('fit-width');
  const activeLines = useSyncExternalStore(caretLine.subscribe, caretLine.get);
  // Latest props for OpenSeadragon's handlers, which are bound once per viewer.
  const latest = useRef({ scan, onRegionClick, rotation });
  latest.current = { scan, onRegionClick, rotation };
  const { info, url } = image;
  // Layout pixels → image pixels (a layout file may give the page at another resolution than the image's).
  const sx = info.width / scan.imageWidth;
  const sy = info.height / scan.imageHeight;

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const viewer = withoutInlineStyle(() => OpenSeadragon({
      element: host,
      drawer: 'canvas',
      tileSources: {
        width: info.width,
        height: info.height,
        tileSize: info.tileSize,
        tileOverlap: 0,
        minLevel: 0,
        maxLevel: info.maxLevel,
        getTileUrl: (level: number, x: number, y: number) => url + tileQuery(level, x, y),
      },
      showNavigationControl: false,
      degrees: latest.current.rotation,
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true, scrollToZoom: true },
      gestureSettingsTouch: { pinchToZoom: true, clickToZoom: false },
      imageLoaderLimit: 6,
      maxImageCacheCount: TILE_CACHE,
      // A tile above the base level waits until the whole pyramid is made (half a minute for 1.2 gigapixels).
      timeout: 180_000,
      visibilityRatio: 0.2,
      minZoomImageRatio: 0.5,
      maxZoomPixelRatio: 4,
      animationTime: 0.25,
    }));
    viewerRef.current = viewer;
    const place = () => {
      const group = groupRef.current;
      const item = viewer.world.getItemAt(0);
      if (group === null || item === undefined) return;
      const { scan: s } = latest.current;
      const at = (x: number, y: number) => item.imageToViewerElementCoordinates(new OpenSeadragon.Point(x, y));
      group.setAttribute('transform', overlayMatrix(at(0, 0), at(info.width, 0), at(0, info.height), s.imageWidth, s.imageHeight));
      setPercent(Math.round(item.viewportToImageZoom(viewer.viewport.getZoom(true)) * 100));
    };
    viewer.addHandler('update-viewport', place);
    viewer.addHandler('open', () => {
      fitWidth(viewer, info.width, info.height);
      place();
    });
    viewer.addHandler('canvas-click', (event) => {
      if (!event.quick) return;
      const item = viewer.world.getItemAt(0);
      if (item === undefined) return;
      const point = item.viewerElementToImageCoordinates(event.position);
      const { scan: s, onRegionClick: click } = latest.current;
      const line = regionAt(s, point.x * (s.imageWidth / info.width), point.y * (s.imageHeight / info.height));
      if (line !== null) click(line);
    });
    // A user's zoom or pan leaves "fit width" / "fit page".
    viewer.addHandler('canvas-drag', () => setFit(null));
    viewer.addHandler('canvas-scroll', () => setFit(null));
    viewer.addHandler('canvas-pinch', () => setFit(null));
    return () => {
      viewerRef.current = null;
      viewer.destroy();
    };
  }, [info, url]);

  useEffect(() => {
    const viewer = viewerRef.current;
    if (viewer === null) return;
    viewer.viewport.setRotation(rotation, true);
    if (fit === 'fit-width') fitWidth(viewer, info.width, info.height);
    else if (fit === 'fit-page') viewer.viewport.goHome(true);
    // The fit is applied once per change of fit or rotation, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rotation, fit]);

  // Pan the caret line's regions into view when the caret moves to another line.
  useEffect(() => {
    const viewer = viewerRef.current;
    const region = unionRegions(scan.lines.filter((line) => line.textLine !== null && activeLines.includes(line.textLine)).map((line) => line.region));
    const item = viewer?.world.getItemAt(0);
    if (viewer === null || viewer === undefined || region === null || item === undefined) return;
    const rect = item.imageToViewportRectangle(region.x * sx, region.y * sy, region.width * sx, region.height * sy);
    const bounds = viewer.viewport.getBounds(true);
    const inside = rect.x >= bounds.x && rect.y >= bounds.y && rect.x + rect.width <= bounds.x + bounds.width && rect.y + rect.height <= bounds.y + bounds.height;
    if (!inside) viewer.viewport.panTo(rect.getCenter());
  }, [activeLines, scan.lines, sx, sy]);

  const zoomBy = (factor: number) => {
    setFit(null);
    viewerRef.current?.viewport.zoomBy(factor);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const viewer = viewerRef.current;
    if (viewer === null || event.ctrlKey || event.metaKey || event.altKey) return;
    const step = event.shiftKey ? PAN_STEP_LARGE : PAN_STEP;
    const pans: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const pan = pans[event.key];
    if (pan) {
      setFit(null);
      viewer.viewport.panBy(viewer.viewport.deltaPointsFromPixels(new OpenSeadragon.Point(pan[0], pan[1])));
    } else if (event.key === '+' || event.key === '=') zoomBy(ZOOM_STEP);
    else if (event.key === '-' || event.key === '_') zoomBy(1 / ZOOM_STEP);
    // Shift+0 is ")" on many layouts, so the physical key decides.
    else if (event.code === 'Digit0' || event.key === '0') setFit(event.shiftKey ? 'fit-page' : 'fit-width');
    else if (event.key === 'r' || event.key === 'R') onRotationChange(nextRotation(rotation));
    else return;
    // OpenSeadragon's own keys (its rotation, its "home") must not act too.
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <section className="scan-viewer" aria-label={t('scan.label')}>
      <ScanToolbar
        onZoomOut={() => zoomBy(1 / ZOOM_STEP)}
        onZoomIn={() => zoomBy(ZOOM_STEP)}
        onFitWidth={() => setFit('fit-width')}
        onFitPage={() => setFit('fit-page')}
        onRotate={() => onRotationChange(nextRotation(rotation))}
        fit={fit}
        rotation={rotation}
        percent={percent}
        confidenceThreshold={confidenceThreshold}
        onConfidenceThresholdChange={onConfidenceThresholdChange}
        extraTools={extraTools}
      />
      <div
        className="scan-viewport deep-zoom-viewport"
        role="img"
        aria-label={t('scan.label')}
        aria-description={t('scan.keys')}
        data-deep-zoom=""
        tabIndex={0}
        onKeyDownCapture={onKeyDown}
      >
        <div ref={hostRef} className="deep-zoom-host" />
        <DeepZoomOverlay ref={groupRef} scan={scan} activeLines={activeLines} />
      </div>
    </section>
  );
}

// Zoom so the (turned) scan fills the viewer's width, its top at the top: the first view (its tiles are all cut from
// the view level the main process decodes first).
function fitWidth(viewer: OpenSeadragon.Viewer, width: number, height: number): void {
  const viewport = viewer.viewport;
  const turned = viewport.getRotation() % 180 !== 0;
  // Viewport units: the image is 1 wide and height/width tall.
  const aspect = height / width;
  const turnedWidth = turned ? aspect : 1;
  const container = viewport.getContainerSize();
  const visibleHeight = (turnedWidth * container.y) / Math.max(1, container.x);
  viewport.zoomTo(1 / turnedWidth, undefined, true);
  // Upright (or upside down) the top of the page is shown; turned a quarter, its middle.
  viewport.panTo(new OpenSeadragon.Point(0.5, turned ? aspect / 2 : Math.min(aspect / 2, visibleHeight / 2)), true);
}

// OpenSeadragon adds a <style> element (no focus outline on touch screens) unless one is there; the page's CSP
// refuses inline styles, so it is told one is there while the viewer is made.
function withoutInlineStyle<T>(make: () => T): T {
  const original = document.querySelector.bind(document);
  const marker = 'style[data-openseadragon-mobile-css]';
  document.querySelector = ((selector: string) => (selector === marker ? document.head : original(selector))) as typeof document.querySelector;
  try {
    return make();
  } finally {
    document.querySelector = original;
  }
}
