import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/ipc/contract';

/// App-level commands reachable by keyboard, menu or toolbar.
export type AppCommand = MenuCommand | 'mark-reviewed' | 'focus-list' | 'focus-editor' | SuggestionCommand | 'find-replace' | ListCommand | FindCommand;

/// The corpus dashboard and stepping through the pages not yet reviewed (issue 16); the open page's
/// original-vs-corrected view with its statistics.
export type ListCommand = 'dashboard' | 'next-to-review' | 'previous-to-review' | 'original-view';

/// Find in the page (renderer/find): open the bar for finding or replacing, step to the next or previous hit.
export type FindCommand = 'find' | 'replace-in-page' | 'find-next' | 'find-previous';

/// Review of OCR-correction suggestions: step through them, accept or reject the current one, accept its rule.
export type SuggestionCommand = 'suggestion-next' | 'suggestion-previous' | 'suggestion-accept' | 'suggestion-reject' | 'suggestion-accept-rule' | 'suggestion-ignore';

/// Turns a keydown into an app command, or null. Editing keys (undo/redo) are left to the editor.
export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, inEditable: boolean): AppCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey) {
    if (key === 's' && !event.shiftKey) return 'save';
    if (key === 'o' && !event.shiftKey) return 'open-folder';
    if (key === 'e' && !event.shiftKey) return 'export';
    if (key === 'r' && event.shiftKey) return 'mark-reviewed';
    if (key === 'l' && event.shiftKey) return 'toggle-language';
    if (key === 'h' && event.shiftKey) return 'find-replace';
    if (key === 'd' && event.shiftKey) return 'dashboard';
    if (key === 'k' && event.shiftKey) return 'original-view';
    if (key === 'f' && !event.shiftKey) return 'find';
    if (key === 'h' && !event.shiftKey) return 'replace-in-page';
    if (key === 'pagedown') return 'next-page';
    if (key === 'pageup') return 'previous-page';
    // Outside the editor the browser's own undo would rewrite the editor's DOM behind ProseMirror's back;
    // route undo/redo to the editor's history instead.
    if (!inEditable && key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (!inEditable && key === 'y' && !event.shiftKey) return 'redo';
    const view = viewCommandForKey(event);
    if (view) return view;
    if (event.code === 'Digit1' && !event.shiftKey) return 'focus-list';
    if (event.code === 'Digit2' && !event.shiftKey) return 'focus-editor';
  }
  if (event.altKey && !mod && !event.shiftKey) {
    if (key === 'arrowdown') return 'next-page';
    if (key === 'arrowup') return 'previous-page';
  }
  // Alt+Shift+↓/↑: as Alt+↓/↑, to the next page still to review.
  if (event.altKey && !mod && event.shiftKey) {
    if (key === 'arrowdown') return 'next-to-review';
    if (key === 'arrowup') return 'previous-to-review';
  }
  const review = suggestionCommandForKey(event, mod);
  if (review) return review;
  if (event.key === 'F3' && !mod && !event.altKey) return event.shiftKey ? 'find-previous' : 'find-next';
  if (key === 'f1') return 'shortcuts';
  if (key === '?' && !inEditable && !mod) return 'shortcuts';
  return null;
}

// The View menu's keys (renderer/view), with Ctrl held: = or + larger text, − smaller, 0 the default size (the
// physical key too, for layouts where = needs Shift); B the page list, Shift+B the side panels, Shift+F focus mode.
function viewCommandForKey(event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>): MenuCommand | null {
  const key = event.key.toLowerCase();
  if (key === '=' || key === '+' || event.code === 'Equal' || event.code === 'NumpadAdd') return 'text-bigger';
  if (key === '-' || key === '_' || event.code === 'Minus' || event.code === 'NumpadSubtract') return 'text-smaller';
  if ((event.code === 'Digit0' || event.code === 'Numpad0') && !event.shiftKey) return 'text-reset';
  if (key === 'b') return event.shiftKey ? 'toggle-panels' : 'toggle-sidebar';
  if (key === 'f' && event.shiftKey) return 'focus-mode';
  return null;
}

// F8 / Shift+F8 step through OCR suggestions (as in IDEs' "next problem"), F9 accepts, Shift+F9 rejects and
// Alt+Shift+Enter accepts the rule. Entity tagging owns Alt+digits, Alt+Enter, Alt+Backspace and plain Enter on a
// suggested entity, so the review keys stay clear of them.
function suggestionCommandForKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey'>, mod: boolean): SuggestionCommand | null {
  // Ctrl+F9: always ignore the current suggestion's rule and string in this corpus (docs/rejections.md).
  if (mod) return event.key === 'F9' && !event.altKey && !event.shiftKey ? 'suggestion-ignore' : null;
  if (event.key === 'F8' && !event.altKey) return event.shiftKey ? 'suggestion-previous' : 'suggestion-next';
  if (event.key === 'F9' && !event.altKey) return event.shiftKey ? 'suggestion-reject' : 'suggestion-accept';
  if (event.key === 'Enter' && event.altKey && event.shiftKey) return 'suggestion-accept-rule';
  return null;
}

/// Listens for app shortcuts on the window (capture phase, so the editor does not swallow them).
export function useShortcuts(run: (command: AppCommand) => void): void {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inEditable = !!target && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      const command = commandForKey(event, inEditable);
      if (!command) return;
      // In a form field, Alt+Shift+Enter keeps its usual meaning.
      if (command.startsWith('suggestion-') && event.key !== 'F8' && event.key !== 'F9' && target && target.tagName !== 'BODY' && !target.isContentEditable && !target.closest('.review-panel')) return;
      // Inside a modal dialog only the help key acts; the dialog owns its keys.
      if (target?.closest('dialog') && command !== 'shortcuts') return;
      event.preventDefault();
      event.stopPropagation();
      runRef.current(command);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
