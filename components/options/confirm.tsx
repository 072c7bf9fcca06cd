import { useCallback, useRef, useState } from 'preact/hooks';

export interface ConfirmOptions {
  title: string;
  body: string;
  confirmLabel: string;
  /** Destructive actions get the warning look. */
  danger?: boolean;
}

/**
 * A confirmation in a native modal <dialog>: focus moves into it and back, Escape cancels, and the safe
 * choice (Cancel) has the focus first. `confirm` resolves true only when the user chose the action.
 */
export function useConfirm() {
  const ref = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const [options, setOptions] = useState<ConfirmOptions | null>(null);

  const confirm = useCallback((next: ConfirmOptions) => {
    setOptions(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
      queueMicrotask(() => ref.current?.showModal());
    });
  }, []);

  const close = (ok: boolean) => {
    ref.current?.close();
    resolver.current?.(ok);
    resolver.current = null;
  };

  const dialog = (
    <dialog ref={ref} class="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-body" onCancel={() => close(false)}>
      {options && (
        <>
          <h2 id="confirm-title">{options.title}</h2>
          <p id="confirm-body">{options.body}</p>
          <div class="actions">
            <button type="button" autofocus onClick={() => close(false)}>
              Cancel
            </button>
            <button type="button" class={options.danger ? 'danger' : 'primary'} onClick={() => close(true)}>
              {options.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
  return { dialog, confirm };
}
