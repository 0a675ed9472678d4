import type { FocusEvent } from 'react';

/**
 * Selects a field's text when it gets focus, so typing replaces it (a number
 * with a default, say). Deferred: a number field puts its caret on focus and
 * would undo a selection made at once.
 */
export function selectOnFocus(e: FocusEvent<HTMLInputElement>): void {
  const input = e.currentTarget;
  setTimeout(() => input.select(), 0);
}
