import type { FocusEvent as ReactFocusEvent } from 'react';

/** A number field, as Mantine's NumberInput renders it (inputmode decimal) or a native one. */
function isNumberField(el: EventTarget | null): el is HTMLInputElement {
  return (
    el instanceof HTMLInputElement &&
    !el.readOnly &&
    !el.disabled &&
    (el.type === 'number' || el.inputMode === 'decimal' || el.inputMode === 'numeric')
  );
}

/**
 * Every number field selects its content when it gets focus, so typing replaces
 * it: 6 typed into 来访人数 showing 1 gives 6, not 16. One listener for the
 * whole app, installed at start-up, so no field can forget it. Deferred: a
 * number field puts its caret on focus and would undo a selection made at once.
 */
export function selectNumbersOnFocus(doc: Document = document): () => void {
  const onFocusIn = (e: FocusEvent) => {
    const input = e.target;
    if (!isNumberField(input)) return;
    setTimeout(() => {
      if (doc.activeElement === input) input.select();
    }, 0);
  };
  doc.addEventListener('focusin', onFocusIn);
  return () => doc.removeEventListener('focusin', onFocusIn);
}

/**
 * The same for one field, as its onFocus: for a field focused the moment its
 * dialog opens (data-autofocus), where the app-wide listener was seen to lose
 * the race with the first keystroke (matters.spec.ts 延期天数).
 */
export function selectOnFocus(e: ReactFocusEvent<HTMLInputElement>): void {
  const input = e.currentTarget;
  setTimeout(() => input.select(), 0);
}
