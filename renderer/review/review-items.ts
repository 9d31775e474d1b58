import { RULE_IDS, type RuleId } from '../../shared/ocr-assist/types';
import type { TextMove } from '../../shared/model/moves';

/// How a rule's suggestions are drawn and previewed.
///
/// `character` fixes a misread character (wavy underline), `typography` fixes spacing or punctuation width (dotted
/// box), `layout` repairs line breaks or the order of blocks (a bar in the margin beside the lines, and a
/// before/after preview).
export type RuleKind = 'character' | 'typography' | 'layout';

/// The kind of each rule; a rule this build does not know is drawn as a character fix.
export function ruleKind(rule: RuleId): RuleKind {
  if (rule === 'reading-order' || rule === 'reflow' || rule === 'vertical-headline' || rule === 'ocr-noise') return 'layout';
  if (rule === 'cjk-spacing' || rule === 'punctuation-width') return 'typography';
  return 'character';
}

/// One suggestion under review in the editor.
///
/// `from`/`to` are ProseMirror positions in the current document, mapped through every edit since the suggestion
/// arrived; `text` is what the range held then. When an edit changes that text, the suggestion is dropped.
export interface ReviewItem {
  /// Unique while the page is open; stable across mapping, so the panel and the keyboard can name an item.
  id: number;
  from: number;
  to: number;
  rule: RuleId;
  text: string;
  replacement: string;
  confidence: number;
  explanation: string;
  /// The suggestion's block moves (code points relative to `from`), when it only rearranges its text.
  moves?: readonly TextMove[];
}

/// A rejected suggestion held in the editor: the sidecar's `rejectedCorrections` entry with ProseMirror positions.
///
/// Mapped through edits like a review item, and forgotten when the text at its place changes.
export interface HeldRejection {
  from: number;
  to: number;
  rule: string;
  text: string;
  replacement: string;
}

/// Whether `item` is a suggestion the editor rejected before: same rule, same place, same text, same replacement.
export function isRejected(item: Pick<ReviewItem, 'from' | 'to' | 'rule' | 'text' | 'replacement'>, rejections: readonly HeldRejection[]): boolean {
  return rejections.some(
    (r) => r.from === item.from && r.to === item.to && r.rule === item.rule && r.text === item.text && r.replacement === item.replacement,
  );
}

/// The suggestions of one rule, for the panel.
export interface RuleGroup {
  rule: RuleId;
  items: ReviewItem[];
}

/// Groups suggestions by rule, in the rule order of the engine (layout first), each group in text order.
///
/// Rules without suggestions are left out.
export function groupByRule(items: readonly ReviewItem[]): RuleGroup[] {
  const byRule = new Map<RuleId, ReviewItem[]>();
  for (const item of items) {
    let list = byRule.get(item.rule);
    if (!list) byRule.set(item.rule, (list = []));
    list.push(item);
  }
  return RULE_IDS.filter((rule) => byRule.has(rule)).map((rule) => ({
    rule,
    items: byRule.get(rule)!.slice().sort((a, b) => a.from - b.from || a.to - b.to),
  }));
}

/// The item after (`direction` 1) or before (-1) position `position`, wrapping around the page; null when none.
///
/// `items` must be sorted by position. With a current item (`currentId`), the step is from it in list order; without
/// one, forward finds the first item starting at or after `position` and back the last one starting before it.
export function stepItem(items: readonly ReviewItem[], position: number, direction: 1 | -1, currentId: number | null = null): ReviewItem | null {
  if (items.length === 0) return null;
  if (direction === 1) {
    const currentIndex = currentId === null ? -1 : items.findIndex((item) => item.id === currentId);
    if (currentIndex >= 0) return items[(currentIndex + 1) % items.length]!;
    return items.find((item) => item.from >= position) ?? items[0]!;
  }
  const currentIndex = currentId === null ? -1 : items.findIndex((item) => item.id === currentId);
  if (currentIndex >= 0) return items[(currentIndex - 1 + items.length) % items.length]!;
  for (let i = items.length - 1; i >= 0; i--) if (items[i]!.from < position) return items[i]!;
  return items[items.length - 1]!;
}

/// The item whose range holds `position` (the first such), or null.
export function itemAt(items: readonly ReviewItem[], position: number): ReviewItem | null {
  return items.find((item) => item.from <= position && position <= item.to) ?? null;
}

/// Items of one rule that do not overlap each other, keeping the earlier one of each overlapping pair.
///
/// Accept-all applies these in one transaction, which needs disjoint ranges.
export function disjointItems(items: readonly ReviewItem[]): ReviewItem[] {
  const sorted = items.slice().sort((a, b) => a.from - b.from || a.to - b.to);
  const kept: ReviewItem[] = [];
  let end = -1;
  for (const item of sorted) {
    if (item.from < end) continue;
    kept.push(item);
    end = item.to;
  }
  return kept;
}
