import { defaultRangeExtractor, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

/// One row the panel renders: its index in the flat row list and the space to leave above it.
export interface ShownRow {
  index: number;
  key: string;
  /// The gap between the previous rendered row (or the list's top) and this one: the rows not rendered there.
  marginTop: number;
}

/// Options of `useVirtualRows`.
export interface VirtualRowsOptions {
  count: number;
  /// A stable key per row (so a measured height follows its item when rows before it go).
  keyOf(index: number): string;
  /// The height a row is assumed to have before it is measured.
  estimate(index: number): number;
  scrollRef: RefObject<HTMLElement | null>;
  /// Whether a row has a control the arrow keys can move focus to (all rows when absent).
  focusable?(index: number): boolean;
  /// Rows always rendered, wherever the list is scrolled (e.g. the groups' headings with their buttons).
  pinned?: readonly number[];
  overscan?: number;
}

/// What `useVirtualRows` gives the panel.
export interface VirtualRows {
  virtualizer: Virtualizer<HTMLElement, Element>;
  /// The rows to render, in order; each is rendered in normal flow with `marginTop` above it.
  rows: ShownRow[];
  /// The height of the whole list: the element holding the rows must be this tall.
  totalSize: number;
  /// Ref callback for each rendered row's element (which must carry `data-index`), to measure it.
  measure(element: Element | null): void;
  /// Keeps the focused row rendered and lets Up/Down/Home/End move focus between rows (on the scroll box).
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onFocus(event: FocusEvent<HTMLElement>): void;
  onBlur(event: FocusEvent<HTMLElement>): void;
  /// Scrolls a row into view (it is rendered from then on until the list scrolls away).
  scrollTo(index: number): void;
}

/// A virtualised list of rows of varying height, for the side panels (OCR suggestions, entities).
///
/// Only the rows in view, a margin of `overscan` rows, the pinned rows and the focused row are in the DOM. Rows are
/// laid out in normal flow, each rendered row pushed down by a margin standing for the rows left out, so that the
/// panel can wrap consecutive rows in their group's element (`role="group"`, a labelled section) and a list's
/// `<ul>` holds nothing but its `<li>`s. Focus never falls out of the list: the focused row stays rendered, and the
/// arrow keys move focus to the first control of the next or previous row, rendering and scrolling it into view.
export function useVirtualRows({ count, keyOf, estimate, scrollRef, focusable = () => true, pinned = [], overscan = 20 }: VirtualRowsOptions): VirtualRows {
  const [focused, setFocused] = useState<number | null>(null);
  const [pendingIndex, setPendingIndex] = useState<number | null>(null);
  const keep = useMemo(() => {
    const extra = [...pinned];
    if (focused !== null && focused < count) extra.push(focused);
    if (pendingIndex !== null && pendingIndex < count) extra.push(pendingIndex);
    return extra;
  }, [pinned, focused, pendingIndex, count]);
  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: estimate,
    getItemKey: keyOf,
    overscan,
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => [...new Set([...defaultRangeExtractor(range), ...keep])].sort((a, b) => a - b),
      [keep],
    ),
  });

  const items = virtualizer.getVirtualItems();
  let end = 0;
  const rows = items.map((item): ShownRow => {
    const row = { index: item.index, key: String(item.key), marginTop: Math.max(0, item.start - end) };
    end = item.end;
    return row;
  });

  // A row the arrow keys moved to: it is pinned, so it is rendered by now; focus its first control.
  useEffect(() => {
    if (pendingIndex === null) return;
    const control = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${pendingIndex}"] button, [data-index="${pendingIndex}"] [tabindex]`);
    setPendingIndex(null);
    if (!control) return;
    control.focus({ preventScroll: true });
    virtualizer.scrollToIndex(pendingIndex, { align: 'auto' });
  }, [pendingIndex, scrollRef, virtualizer]);

  const rowOf = (target: EventTarget | null): number | null => {
    const element = target instanceof Element ? target.closest('[data-index]') : null;
    return element ? Number(element.getAttribute('data-index')) : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const from = rowOf(event.target);
    if (from === null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // The nearest row with a control in the direction of the key (Home and End look from the ends inwards).
    const search = (start: number, step: 1 | -1): number | null => {
      for (let i = start; i >= 0 && i < count; i += step) if (focusable(i)) return i;
      return null;
    };
    let to: number | null;
    switch (event.key) {
      case 'ArrowDown': to = search(from + 1, 1); break;
      case 'ArrowUp': to = search(from - 1, -1); break;
      case 'Home': to = search(0, 1); break;
      case 'End': to = search(count - 1, -1); break;
      default: return;
    }
    event.preventDefault();
    if (to === null) return;
    setPendingIndex(to);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };

  return {
    virtualizer,
    rows,
    totalSize: virtualizer.getTotalSize(),
    measure: virtualizer.measureElement,
    onKeyDown,
    onFocus: (event) => setFocused(rowOf(event.target)),
    onBlur: (event) => {
      if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setFocused(null);
    },
    scrollTo: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
