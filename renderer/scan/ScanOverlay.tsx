import { memo } from 'react';
import type { PageScan } from '../../shared/ipc/contract';

/// Props of `ScanOverlay`.
export interface ScanOverlayProps {
  scan: PageScan;
  /// Display size of the scan in CSS pixels.
  width: number;
  height: number;
  /// The text lines (original line numbers) whose regions are outlined.
  activeLines: readonly number[];
  onRegionClick(textLine: number): void;
}

/// The line regions of a scan as SVG rectangles in image pixels, the caret line's outlined.
///
/// Each linked region carries `data-line` (its 0-based line of the original page text); regions the alignment could not link are drawn
/// faintly and do nothing when clicked.
export const ScanOverlay = memo(function ScanOverlay({ scan, width, height, activeLines, onRegionClick }: ScanOverlayProps) {
  return (
    <svg className="scan-overlay" width={width} height={height} viewBox={`0 0 ${scan.imageWidth} ${scan.imageHeight}`} aria-hidden="true">
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
    </svg>
  );
});
