import { useEffect, useRef, type ReactNode } from 'react';

/// A modal dialog on the native <dialog> element: focus is trapped, Escape calls onCancel.
///
/// When it closes, the focus goes back where it was before it opened, or to the page text when that element has
/// gone (a popover the dialog replaced) or was nothing in particular; a dialog that closes by moving the focus
/// itself (opening a page) keeps that. `startAtTop` shows the dialog scrolled to its top even when the control it
/// focuses first is further down (the shortcuts sheet's Close button).
export function Modal({ title, onCancel, children, className, startAtTop }: { title: string; onCancel(): void; children: ReactNode; className?: string; startAtTop?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const startAtTopRef = useRef(startAtTop);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    if (dialog && startAtTopRef.current) dialog.scrollTop = 0;
    return () => {
      dialog?.close();
      // After the dialog has left the page (and whatever closed it had its say about the focus).
      window.setTimeout(() => returnFocus(before, dialog), 0);
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-label={title}
      onCancel={(event) => {
        // Escape: let React state decide whether the dialog goes away.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 className="modal-title">{title}</h2>
      {children}
    </dialog>
  );
}

// Gives the focus back to `before`, or to the page text, unless something already took it (another dialog, a
// field the closing action focused).
function returnFocus(before: HTMLElement | null, dialog: HTMLDialogElement | null): void {
  const now = document.activeElement;
  if (now !== null && now !== document.body && now.isConnected && !dialog?.contains(now)) return;
  if (document.querySelector('dialog[open]') !== null) return;
  const target = before && before !== document.body && before.isConnected && !dialog?.contains(before) ? before : document.querySelector<HTMLElement>('.jd-page-editor');
  target?.focus();
}
