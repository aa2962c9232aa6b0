import { type ReactNode, useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  onClose?: () => void;
  children: ReactNode;
  className?: string;
}

/** Native modal <dialog>: the browser traps focus and makes the page underneath inert. */
export function Modal({ title, onClose, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      d.showModal();
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        {onClose ? (
          <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label="Close">
            ×
          </button>
        ) : null}
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
