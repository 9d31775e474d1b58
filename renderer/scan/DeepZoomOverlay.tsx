import { forwardRef, memo } from 'react';
import type { PageScan } from '../../shared/ipc/contract';

/// Props of `DeepZoomOverlay`.
export interface DeepZoomOverlayProps {
  scan: PageScan;
  /// The text lines (original line numbers) whose regions are outlined.
  activeLines: readonly number[];
}

/// The line regions of a scan as SVG rectangles in the layout file's pixels, drawn over the deep-zoom viewer.
///
/// The viewer moves the group (`ref`) with an SVG matrix on every frame (layout pixels → viewer pixels, rotation
/// included), so panning and zooming re-render nothing here. Regions let the pointer through: the viewer pans on
/// a drag that starts on one, and a click is matched to its region by position (`regionAt`).
export const DeepZoomOverlay = memo(
  forwardRef<SVGGElement, DeepZoomOverlayProps>(function DeepZoomOverlay({ scan, activeLines }, ref) {
    return (
      <svg className="deep-zoom-overlay" aria-hidden="true">
        <g ref={ref}>
          {scan.lines.map((line, i) => {
            const { x, y, width, height } = line.region;
            const linked = line.textLine !== null;
            const active = linked && activeLines.includes(line.textLine!);
            return (
              <rect
                key={i}
                className={`scan-region${active ? ' scan-region-active' : ''}${linked ? '' : ' scan-region-unlinked'}`}
                x={x}
                y={y}
                width={width}
                height={height}
                data-line={line.textLine ?? undefined}
                vectorEffect="non-scaling-stroke"
              />
            );
          })}
        </g>
      </svg>
    );
  }),
);

/// The linked text line whose region holds the point (layout pixels), the smallest region when several do.
export function regionAt(scan: PageScan, x: number, y: number): number | null {
  let best: { line: number; area: number } | null = null;
  for (const line of scan.lines) {
    const r = line.region;
    if (line.textLine === null || x < r.x || y < r.y || x > r.x + r.width || y > r.y + r.height) continue;
    const area = r.width * r.height;
    if (best === null || area < best.area) best = { line: line.textLine, area };
  }
  return best?.line ?? null;
}

/// The SVG matrix that takes layout pixels to viewer pixels, from where three image corners are on screen: the
/// image's origin, and its right and bottom edges (`layoutWidth` × `layoutHeight` layout pixels apart).
export function overlayMatrix(
  origin: { x: number; y: number },
  right: { x: number; y: number },
  bottom: { x: number; y: number },
  layoutWidth: number,
  layoutHeight: number,
): string {
  const a = (right.x - origin.x) / layoutWidth;
  const b = (right.y - origin.y) / layoutWidth;
  const c = (bottom.x - origin.x) / layoutHeight;
  const d = (bottom.y - origin.y) / layoutHeight;
  return `matrix(${[a, b, c, d, origin.x, origin.y].map((n) => Math.round(n * 1e6) / 1e6).join(' ')})`;
}
