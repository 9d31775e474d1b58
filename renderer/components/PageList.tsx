import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { PageEntry } from '../../shared/ipc/contract';
import { useT } from '../i18n/LanguageContext';

/// Props of the page list.
export interface PageListProps {
  pages: readonly PageEntry[];
  /// Path of the page open in the editor.
  openPath: string | null;
  /// Path the keyboard cursor is on.
  activePath: string | null;
  selected: ReadonlySet<string>;
  onActivate(path: string): void;
  onOpen(path: string): void;
  onSelectionChange(selected: Set<string>): void;
}

const ROW_HEIGHT = 30;

/// The virtualised list of pages: a listbox named "Pages" whose options are named by their relative paths.
///
/// `pages` are the pages as the list's filter and sort show them (page-list-view.ts); each row shows the page's
/// corrections·entities and, when it has one, a mark whose title is its note.
///
/// Only the rows in view are in the DOM, so 10,000 pages scroll smoothly; the keyboard cursor is exposed with
/// aria-activedescendant and multi-selection (for export) with aria-selected.
export function PageList({ pages, openPath, activePath, selected, onActivate, onOpen, onSelectionChange }: PageListProps) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchorRef = useRef<string | null>(null);
  const virtualizer = useVirtualizer({
    count: pages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const activeIndex = activePath === null ? -1 : pages.findIndex((p) => p.path === activePath);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const rangeBetween = (from: string, to: string): Set<string> => {
    const a = pages.findIndex((p) => p.path === from);
    const b = pages.findIndex((p) => p.path === to);
    if (a < 0 || b < 0) return new Set([to]);
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return new Set(pages.slice(lo, hi + 1).map((p) => p.path));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (pages.length === 0) return;
    const move = (index: number) => {
      const target = pages[Math.max(0, Math.min(pages.length - 1, index))]!;
      onActivate(target.path);
      if (event.shiftKey) onSelectionChange(rangeBetween(anchorRef.current ?? target.path, target.path));
      else anchorRef.current = target.path;
    };
    const current = activeIndex < 0 ? 0 : activeIndex;
    const pageStep = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown': move(activeIndex < 0 ? 0 : current + 1); break;
      case 'ArrowUp': move(current - 1); break;
      case 'PageDown': move(current + pageStep); break;
      case 'PageUp': move(current - pageStep); break;
      case 'Home': move(0); break;
      case 'End': move(pages.length - 1); break;
      case 'Enter': if (activePath) onOpen(activePath); break;
      case ' ': {
        if (!activePath) break;
        const next = new Set(selected);
        if (next.has(activePath)) next.delete(activePath);
        else next.add(activePath);
        onSelectionChange(next);
        break;
      }
      case 'a':
        if (!(event.ctrlKey || event.metaKey)) return;
        onSelectionChange(new Set(pages.map((p) => p.path)));
        break;
      default: return;
    }
    event.preventDefault();
  };

  const onRowClick = (event: MouseEvent, path: string) => {
    if (event.shiftKey) {
      onSelectionChange(rangeBetween(anchorRef.current ?? path, path));
      onActivate(path);
      return;
    }
    if (event.ctrlKey || event.metaKey) {
      const next = new Set(selected);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      onSelectionChange(next);
      onActivate(path);
      anchorRef.current = path;
      return;
    }
    anchorRef.current = path;
    onActivate(path);
    onSelectionChange(new Set([path]));
    onOpen(path);
  };

  return (
    <div
      ref={scrollRef}
      className="page-list"
      role="listbox"
      aria-label={t('pages')}
      aria-multiselectable="true"
      aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-page-count={pages.length}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const page = pages[row.index]!;
          const status = page.status ?? 'none';
          return (
            <div
              key={page.path}
              id={optionId(row.index)}
              role="option"
              aria-label={page.path}
              aria-description={page.stats?.note ? `${t('note.label')}: ${page.stats.note}` : undefined}
              aria-selected={selected.has(page.path)}
              aria-current={page.path === openPath ? 'page' : undefined}
              aria-setsize={pages.length}
              aria-posinset={row.index + 1}
              className={[
                'page-row',
                page.path === openPath ? 'is-open' : '',
                page.path === activePath ? 'is-active' : '',
                selected.has(page.path) ? 'is-selected' : '',
              ].join(' ')}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={(event) => onRowClick(event, page.path)}
              title={page.path}
            >
              <span className={`status-dot status-${status}`} aria-hidden="true" title={t(`status.${status}`)} />
              <span className="page-path">{page.path}</span>
              {page.stats && (
                <span className="page-counts" title={t('list.counts', { corrections: page.stats.hand + page.stats.rule, entities: entityTotal(page) })}>
                  {page.stats.hand + page.stats.rule}·{entityTotal(page)}
                </span>
              )}
              {page.stats?.note && (
                <span className="page-note-mark" aria-hidden="true" title={page.stats.note}>
                  ✎
                </span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function entityTotal(page: PageEntry): number {
  return Object.values(page.stats?.entities ?? {}).reduce((sum, count) => sum + count, 0);
}

function optionId(index: number): string {
  return `page-option-${index}`;
}
