import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useT } from '../i18n/LanguageContext';
import { useSplitFraction } from './useSplitFraction';

// How much one arrow key press moves the split.
const KEY_STEP = 0.05;

/// The editor and the scan side by side in a CSS grid, with a handle between them to resize the split.
///
/// The handle is a focusable separator: drag it, or use the left and right arrow keys. The split is remembered
/// (localStorage) for every page and the next start.
export function ScanSplit({ editor, scan }: { editor: ReactNode; scan: ReactNode }) {
  const t = useT();
  const [fraction, setFraction] = useSplitFraction();
  const gridRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const fractionAt = (clientX: number): number | null => {
    const box = gridRef.current?.getBoundingClientRect();
    return box && box.width > 0 ? (box.right - clientX) / box.width : null;
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const next = fractionAt(event.clientX);
    if (next !== null) setFraction(next);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The scan is on the right: the left arrow widens it.
    if (event.key === 'ArrowLeft') setFraction(fraction + KEY_STEP);
    else if (event.key === 'ArrowRight') setFraction(fraction - KEY_STEP);
    else return;
    event.preventDefault();
  };

  return (
    <div ref={gridRef} className="page-split" style={{ gridTemplateColumns: `minmax(0, ${1 - fraction}fr) 6px minmax(0, ${fraction}fr)` }}>
      {editor}
      <div
        className="split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('scan.resize')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round((1 - fraction) * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
      {scan}
    </div>
  );
}
