// All instants are stored as UTC ISO-8601 strings ("2026-11-24T06:05:00.000Z"),
// which sort correctly as text and never depend on the machine's zone.
// Everything a person sees is shown in the hall's zone in Chinese formats.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import 'dayjs/locale/zh-cn.js';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** The reception hall's time zone. China observes one zone and no DST. */
export const HALL_TZ = 'Asia/Shanghai';

// Intl's formatters, made once: a dayjs zone conversion builds its answer through
// formatToParts and a new dayjs object and costs ~100× (0.18 ms; call-next
// asked for the hall's date twice, 0.36 ms of its 4.9 ms).
const hallDayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: HALL_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const hallHourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: HALL_TZ, hour: '2-digit', hourCycle: 'h23' });
const hallClockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: HALL_TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const instant = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at);

/** The hall's calendar date of an instant, as 'YYYY-MM-DD'. */
export function hallDate(at: Date | string = new Date()): string {
  // en-GB writes 24/11/2026.
  const [d, m, y] = hallDayFormat.format(instant(at)).split('/');
  return `${y}-${m}-${d}`;
}

/** Minutes after midnight in the hall (14:05 → 845), for comparing with 'HH:mm' times of day. */
export function hallMinutes(at: Date | string): number {
  const [h, m] = hallClockFormat.format(instant(at)).split(':');
  return Number(h) * 60 + Number(m);
}

/** The hour of an instant in the hall (0–23). */
export function hallHour(at: Date | string): number {
  return Number(hallHourFormat.format(instant(at)));
}

/** 2026年11月24日 14:05 */
export function formatDateTime(iso: string): string {
  return dayjs(iso).tz(HALL_TZ).format('YYYY年MM月DD日 HH:mm');
}

/** 2026年11月24日 (for an instant) */
export function formatDate(iso: string): string {
  return dayjs(iso).tz(HALL_TZ).format('YYYY年MM月DD日');
}

/** 14:05 */
export function formatTime(iso: string): string {
  return dayjs(iso).tz(HALL_TZ).format('HH:mm');
}

/** 'YYYY-MM-DD' calendar date (no instant) → 2026年11月24日 */
export function formatCalendarDate(ymd: string): string {
  const [y, m, d] = ymd.split('-');
  return `${y}年${m}月${d}日`;
}

/** What a clerk types for a date: 2026-10-07, 2026/10/07, 2026.10.07 or 2026年10月7日 → '2026-10-07'; null if no such day. */
export function parseTypedDate(text: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
