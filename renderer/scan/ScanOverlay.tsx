import { memo } from 'react';
import type { PageScan } from '../../shared/ipc/contract';
import { rotatedSize, rotationTransform, type Rotation } from './rotation';

/// Props of `ScanOverlay`.
export interface ScanOverlayProps {
  scan: PageScan;
  /// Display size of the scan in CSS pixels.
  width: number;
  height: number;
  /// How far the scan is turned clockwise; the regions turn with it.
  rotation: Rotation;
  /// The text lines (original line numbers) whose regions are outlined.
  activeLines: readonly number[];
  onRegionClick(textLine: number): void;
}

/// The line regions of a scan as SVG rectangles in image pixels, the caret line's outlined.
///
/// Each linked region carries `data-line` (its 0-based line of the original page text); regions the alignment could not link are drawn
/// faintly and do nothing when clicked.
export const ScanOverlay = memo(function ScanOverlay({ scan, width, height, rotation, activeLines, onRegionClick }: ScanOverlayProps) {
  const turned = rotatedSize(scan.imageWidth, scan.imageHeight, rotation);
  const turn = rotationTransform(scan.imageWidth, scan.imageHeight, rotation);
  return (
    <svg className="scan-overlay" width={width} height={height} viewBox={`0 0 ${turned.width} ${turned.height}`} aria-hidden="true">
      <g transform={`translate(${turn.dx} ${turn.dy}) rotate(${turn.degrees})`}>
        {scan.lines.map((line, i) => {
          const { x, y, width: w, height: h } = line.region;
          const linked = line.textLine !== null;
          const active = linked && activeLines.includes(line.textLine!);
          const className = `scan-region${active ? ' scan-region-active' : ''}${linked ? '' : ' scan-region-unlinked'}`;
          return (
            <rect
              key={i}
              className={className}
              x={x}
              y={y}
              width={w}
              height={h}
              data-line={line.textLine ?? undefined}
              vectorEffect="non-scaling-stroke"
              onClick={linked ? () => onRegionClick(line.textLine!) : undefined}
            />
          );
        })}
      </g>
    </svg>
  );
});
