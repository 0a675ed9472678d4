import type { KeyboardEvent } from 'react';

/**
 * Enter moves to the next field, as clerks expect from desk software; Ctrl+Enter
 * saves. Enter while an input method is composing (拼音输入) is left alone: it
 * confirms the candidate. Text areas keep Enter for new lines.
 */
export function enterMovesToNextField(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.nativeEvent.isComposing) return;
  const target = e.target as HTMLElement;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
  e.preventDefault();
  const fields = Array.from(
    e.currentTarget.querySelectorAll<HTMLElement>(
      'input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])',
    ),
  );
  fields[fields.indexOf(target) + 1]?.focus();
}

/** Enter moves to the next field; Ctrl+Enter saves the dialog from any field. */
export function dialogKeys(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
    return;
  }
  enterMovesToNextField(e);
}
