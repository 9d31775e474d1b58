import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useT } from '../i18n/LanguageContext';
import { useViewContext } from '../view/ViewContext';
import { autoScanFraction, fractionAtPointer, handleKeyDirection, splitGridStyle } from './split-layout';
import { useSplitFraction } from './useSplitFraction';
import { useStackedLayout } from './useStackedLayout';

// How much one arrow key press moves the split.
const KEY_STEP = 0.05;

/// The editor and the scan side by side (or stacked, scan below) in a CSS grid, with a handle between them to
/// resize the split.
///
/// The handle is a focusable separator: drag it, or use the arrow keys (left/right side by side, up/down stacked).
/// `scan` is given the "Stack" / "Side by side" button to show among its tools. The split and the layout are
/// remembered (localStorage) for every page and the next start. Until the user moves the handle (and after a
/// double-click on it) the split gives the text 30 characters a line at the current text size (`autoScanFraction`).
export function ScanSplit({ editor, scan }: { editor: ReactNode; scan: (layoutToggle: ReactNode) => ReactNode }) {
  const t = useT();
  const [chosen, setFraction] = useSplitFraction();
  const [stacked, setStacked] = useStackedLayout();
  const { fontSize } = useViewContext();
  const gridRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [gridWidth, setGridWidth] = useState(0);
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (grid === null) return;
    const measure = () => setGridWidth(grid.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(grid);
    return () => observer.disconnect();
  }, []);
  const fraction = chosen ?? autoScanFraction(gridWidth, fontSize, stacked);

  const fractionAt = (clientX: number, clientY: number): number | null => {
    const box = gridRef.current?.getBoundingClientRect();
    return box ? fractionAtPointer(box, clientX, clientY, stacked) : null;
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const next = fractionAt(event.clientX, event.clientY);
    if (next !== null) setFraction(next);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const direction = handleKeyDirection(event.key, stacked);
    if (direction === 0) return;
    setFraction(fraction + direction * KEY_STEP);
    event.preventDefault();
  };
  const layoutToggle = (
    <button type="button" className="scan-layout-toggle" onClick={() => setStacked(!stacked)}>
      {stacked ? t('scan.sideBySide') : t('scan.stack')}
    </button>
  );

  return (
    <div ref={gridRef} className={stacked ? 'page-split page-split-stacked' : 'page-split'} style={splitGridStyle(fraction, stacked)}>
      {editor}
      <div
        className="split-handle"
        role="separator"
        aria-orientation={stacked ? 'horizontal' : 'vertical'}
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
        onDoubleClick={() => setFraction(null)}
        title={t('view.resetSplit')}
      />
      {scan(layoutToggle)}
    </div>
  );
}
