import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { BatchSearchOutcome } from '../../shared/ipc/contract';
import { useT } from '../i18n/LanguageContext';
import { isReplaceable, showBreaks } from './batch-selection';

const ROW_HEIGHT = 28;

/// The keyword-in-context list of a batch search: one row per hit with its tick box, page, line, left context,
/// the hit (highlighted), right context and what it becomes.
///
/// Virtualised like the page list, so 10,000 hits scroll smoothly. The tick boxes use a roving tab stop: Tab
/// enters the list at the current row, ↑/↓ (PageUp/PageDown, Home/End) move between rows, Space ticks.
export function Concordance({ outcome, unticked, onToggle }: { outcome: BatchSearchOutcome; unticked: ReadonlySet<number>; onToggle(index: number): void }) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const virtualizer = useVirtualizer({
    count: outcome.hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(outcome.hits.length - 1, index));
    setCurrent(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // The row may only now be rendered: focus its box once React has drawn it.
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLInputElement>(`[data-hit="${next}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: outcome.hits.length - 1 };
    const target = steps[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <div className="batch-hits" ref={scrollRef} role="list" aria-label={t('batch.hits')} onKeyDown={onKeyDown}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const hit = outcome.hits[row.index]!;
          const blocked = outcome.pages[hit.page]?.blocked ?? null;
          const replaceable = isReplaceable(outcome, hit);
          return (
            <div
              key={row.index}
              role="listitem"
              aria-setsize={outcome.hits.length}
              aria-posinset={row.index + 1}
              className={`batch-hit${replaceable ? '' : ' is-blocked'}${row.index === current ? ' is-current' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              title={blocked === null ? `${hit.page}:${hit.line}` : t('batch.blocked', { reason: blocked })}
            >
              <input
                type="checkbox"
                data-hit={row.index}
                tabIndex={row.index === current ? 0 : -1}
                checked={replaceable && !unticked.has(row.index)}
                disabled={!replaceable}
                aria-label={t('batch.hitLabel', { index: row.index + 1, page: hit.page, line: hit.line })}
                onChange={() => onToggle(row.index)}
                onFocus={() => setCurrent(row.index)}
              />
              <span className="batch-page">{hit.page}</span>
              <span className="batch-line">{hit.line}</span>
              <span className="batch-before">{showBreaks(hit.before)}</span>
              <mark className="batch-match">{showBreaks(hit.match)}</mark>
              <span className="batch-after">{showBreaks(hit.after)}</span>
              <span className="batch-replacement">→ <ins>{showBreaks(hit.replacement) || '∅'}</ins></span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
