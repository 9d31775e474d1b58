import { useEffect, useRef, type ReactNode } from 'react';

/// A modal dialog on the native <dialog> element: focus is trapped, Escape calls onCancel.
export function Modal({ title, onCancel, children, className }: { title: string; onCancel(): void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
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
