import { useEffect, useMemo, useRef } from 'react';
import { RULE_IDS, type RuleId } from '../../shared/ocr-assist/types';
import { useVirtualRows } from '../components/virtual-rows';
import { useT } from '../i18n/LanguageContext';
import { ruleKind } from './review-items';
import { ruleLabel } from './rule-label';
import type { PanelItem, ReviewSnapshot } from './review-snapshot';
import { ReviewRow } from './ReviewRow';
import './review.css';

/// What the panel can ask the editor to do.
export interface ReviewActions {
  accept(id: number): void;
  reject(id: number): void;
  acceptRule(rule: RuleId): void;
  /// Always ignores this rule and string in the corpus (docs/rejections.md).
  ignore(id: number): void;
  /// Makes the item current and shows it in the text.
  focus(id: number): void;
}

// The panel's rows, flat: each rule's heading (with "Accept all") followed by its items.
type Row = { kind: 'head'; rule: RuleId; count: number } | { kind: 'item'; item: PanelItem; position: number; setSize: number };

// Heights before measuring: a heading, a character fix (context line, explanation, buttons).
const HEAD_HEIGHT = 34;
const ITEM_HEIGHT = 78;

/// The side panel of OCR-correction suggestions, grouped by rule with counts.
///
/// Each item shows its text in context, before → after, the rule's explanation, and Accept / Reject; a layout
/// repair also has a before/after preview. A group has "Accept all". The current item (F8) is marked and kept
/// in view.
///
/// The list is virtualised (issue 16 item 9): every item of every rule is listed, but only the rows in view (and
/// the rules' headings, the current item and the focused one) are in the DOM; Up/Down move between rows.
export function ReviewPanel({
  snapshot,
  error,
  readOnly,
  actions,
  onHide,
}: {
  snapshot: ReviewSnapshot | null;
  error: string | null;
  readOnly: boolean;
  actions: ReviewActions;
  onHide(): void;
}) {
  const t = useT();
  const items = useMemo(() => snapshot?.items ?? [], [snapshot]);
  const rows = useMemo(() => {
    const byRule = new Map<RuleId, PanelItem[]>();
    for (const item of items) {
      const list = byRule.get(item.rule) ?? [];
      list.push(item);
      byRule.set(item.rule, list);
    }
    // In the engine's rule order: layout first, and the reading order before the reflow, which joins lines across
    // the blocks it moves (accepting the reflow first would leave the blocks out of order for good).
    const groups = [...byRule.entries()].sort(([a], [b]) => RULE_IDS.indexOf(a) - RULE_IDS.indexOf(b));
    const flat: Row[] = [];
    for (const [rule, list] of groups) {
      flat.push({ kind: 'head', rule, count: list.length });
      list.forEach((item, i) => flat.push({ kind: 'item', item, position: i + 1, setSize: list.length }));
    }
    return flat;
  }, [items]);
  const currentId = snapshot?.currentId ?? null;
  const currentIndex = currentId === null ? -1 : rows.findIndex((row) => row.kind === 'item' && row.item.id === currentId);
  const pinned = useMemo(() => {
    const indexes = rows.flatMap((row, index) => (row.kind === 'head' ? [index] : []));
    if (currentIndex >= 0) indexes.push(currentIndex);
    return indexes;
  }, [rows, currentIndex]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const list = useVirtualRows({
    count: rows.length,
    keyOf: (index) => {
      const row = rows[index]!;
      return row.kind === 'head' ? `rule:${row.rule}` : `item:${row.item.id}`;
    },
    estimate: (index) => (rows[index]!.kind === 'head' ? HEAD_HEIGHT : ITEM_HEIGHT),
    scrollRef,
    pinned,
  });
  const { scrollTo } = list;
  useEffect(() => {
    if (currentIndex >= 0) scrollTo(currentIndex);
    // Only when the current item changes, not when the list scrolls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentId]);

  let status: string;
  if (readOnly) status = t('review.readOnly');
  else if (error) status = t('review.error', { message: error });
  else if (!snapshot?.loaded) status = t('review.loading');
  else if (items.length === 0) status = t('review.none');
  else status = items.length === 1 ? t('review.countOne') : t('review.count', { count: items.length });

  // The rendered rows, cut into their rules' groups (a heading is always rendered, so each group starts with it).
  const sections: { rule: RuleId; count: number; head: (typeof list.rows)[number]; items: (typeof list.rows)[number][] }[] = [];
  for (const shown of list.rows) {
    const row = rows[shown.index]!;
    if (row.kind === 'head') sections.push({ rule: row.rule, count: row.count, head: shown, items: [] });
    else sections[sections.length - 1]?.items.push(shown);
  }

  return (
    <aside className="review-panel" role="region" aria-label={t('review.panel')}>
      <div className="review-head">
        <h2>{t('review.panel')}</h2>
        <button type="button" className="review-hide" onClick={onHide} aria-label={t('review.hide')} title={t('review.hide')}>
          ⟩
        </button>
      </div>
      <p className="review-status" role="status">{status}</p>
      {snapshot && snapshot.rejectionCount > 0 && <p className="hint">{t('review.rejectedCount', { count: snapshot.rejectionCount })}</p>}
      <div className="review-groups" ref={scrollRef} onKeyDown={list.onKeyDown} onFocus={list.onFocus} onBlur={list.onBlur} data-row-count={rows.length}>
        <div className="review-rows" style={{ height: list.totalSize }}>
          {sections.map(({ rule, count, head, items: shownItems }) => {
            const ruleName = ruleLabel(t, rule);
            return (
              <section key={rule} className={`review-group review-kind-${ruleKind(rule)}`} role="group" aria-label={`${ruleName} (${count})`}>
                <div className="review-group-head" data-index={head.index} ref={list.measure} style={{ marginTop: head.marginTop }}>
                  <h3>
                    <span className={`review-swatch sugg-rule-${rule}`} aria-hidden="true" />
                    {ruleName} <span className="review-count">{count}</span>
                  </h3>
                  <button type="button" onClick={() => actions.acceptRule(rule)} aria-label={t('review.acceptAllNamed', { rule: ruleName })}>
                    {t('review.acceptAll')}
                  </button>
                </div>
                {shownItems.length > 0 && (
                  <ul className="review-items">
                    {shownItems.map((shown) => {
                      const row = rows[shown.index]! as Extract<Row, { kind: 'item' }>;
                      return (
                        <ReviewRow
                          key={shown.key}
                          item={row.item}
                          current={row.item.id === currentId}
                          actions={actions}
                          index={shown.index}
                          measure={list.measure}
                          marginTop={shown.marginTop}
                          position={row.position}
                          setSize={row.setSize}
                        />
                      );
                    })}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      </div>
      <p className="hint review-keys">{t('review.keys')}</p>
    </aside>
  );
}
