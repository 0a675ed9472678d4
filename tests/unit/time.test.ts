import { describe, expect, it } from 'vitest';
import { formatDateTime, hallDate, parseTypedDate } from '@shared/time';

describe('hall time', () => {
  it('shows instants in the hall zone, in Chinese formats', () => {
    expect(formatDateTime('2026-11-24T06:05:00.000Z')).toBe('2026年11月24日 14:05');
    expect(hallDate('2026-11-24T16:01:00.000Z')).toBe('2026-11-25'); // already the next day in the hall
  });

  it('reads dates as clerks type them and refuses days that do not exist', () => {
    expect(['2026-10-07', '2026/10/7', '2026.10.07', '2026年10月7日', ' 2026年10月07日 '].map(parseTypedDate)).toEqual(
      Array(5).fill('2026-10-07'),
    );
    expect(parseTypedDate('2026-02-29')).toBeNull();
    expect(parseTypedDate('2028-02-29')).toBe('2028-02-29');
    expect(parseTypedDate('10/07/2026')).toBeNull();
  });
});
