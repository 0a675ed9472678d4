/**
 * A time of day as a clerk types it → 'HH:mm': 9:30, 9：30 (Chinese colon),
 * 9.30, 930 and 0930 all become 09:30. Anything else is left as typed, for
 * the form's rule to explain.
 */
export function normalizeClock(typed: string): string {
  const s = typed.trim().replace(/[：.．。]/g, ':');
  const m = /^(\d{1,2}):(\d{1,2})$/.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s) ?? /^(\d{1,2})()$/.exec(s);
  if (!m) return typed;
  const [h, min] = [Number(m[1]), Number(m[2] || 0)];
  if (h > 23 || min > 59) return typed;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
