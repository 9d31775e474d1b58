import type { EditorState } from 'prosemirror-state';
import type { RuleId } from '../../shared/ocr-assist/types';
import { lineAt, lineStarts } from '../editor/line-starts';
import { rangeText } from './review-decorations';
import { currentItems, reviewKey } from './review-plugin';

/// One suggestion as the side panel shows it.
export interface PanelItem {
  id: number;
  rule: RuleId;
  text: string;
  replacement: string;
  explanation: string;
  confidence: number;
  /// 1-based lines of the editor where the suggestion starts and ends.
  line: number;
  lastLine: number;
  /// A few characters of the same line before and after the suggestion, for context.
  left: string;
  right: string;
}

/// What the side panel needs of the review plugin, taken when its list changes (not on every keystroke).
export interface ReviewSnapshot {
  items: PanelItem[];
  currentId: number | null;
  loaded: boolean;
  rejectionCount: number;
  version: number;
}

const CONTEXT = 6;

/// Takes a snapshot of the review plugin's state for the panel.
export function reviewSnapshot(state: EditorState): ReviewSnapshot {
  const value = reviewKey.getState(state);
  if (!value) return { items: [], currentId: null, loaded: false, rejectionCount: 0, version: 0 };
  const { doc } = state;
  // One pass over the lines, then a binary search per item: resolving positions walks a 14,000-line page.
  const starts = lineStarts(doc);
  const items = currentItems(value).map((item): PanelItem => {
    const first = lineAt(starts, item.from);
    const last = lineAt(starts, item.to);
    const left = [...rangeText(doc, starts, starts[first]! + 1, item.from)].slice(-CONTEXT).join('');
    const right = [...rangeText(doc, starts, item.to, starts[last]! + 1 + doc.child(last).content.size)].slice(0, CONTEXT).join('');
    return {
      id: item.id,
      rule: item.rule,
      text: item.text,
      replacement: item.replacement,
      explanation: item.explanation,
      confidence: item.confidence,
      line: first + 1,
      lastLine: last + 1,
      left,
      right,
    };
  });
  return { items, currentId: value.currentId, loaded: value.loaded, rejectionCount: value.rejections.length, version: value.version };
}
