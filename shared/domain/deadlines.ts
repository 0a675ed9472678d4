// Every date rule of 《信访工作条例》 the app computes, in one place.
//
// Periods count calendar days; the day the period starts from (receipt,
// acceptance, the written answer) is not counted. A period whose last day is
// not a working day — a public holiday or a rest day — ends on the next
// working day. Some limits count working days instead (5 个工作日 to object to
// a wrongly assigned matter). Holidays and 调休 make-up working days change
// every year, so they are data (a HolidayCalendar the administrator edits),
// never constants here. Dates are hall calendar dates, 'YYYY-MM-DD'.

export interface HolidayCalendar {
  /** Public holidays (法定节假日 and the rest days joined to them). */
  holidays: ReadonlySet<string>;
  /** 调休: weekend days that are working days. */
  workdays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: HolidayCalendar = { holidays: new Set(), workdays: new Set() };

/** The limits, in days, from the 2022 条例 (check the official text before quoting article numbers). */
export const LIMITS = {
  /** Tell the visitor in writing whether/how the matter is received (接收情况以及处理途径和程序). */
  replyDays: 15,
  /** Handle an accepted matter. */
  handleDays: 60,
  /** One extension at most, with approval and the visitor told why. */
  maxExtensionDays: 30,
  /** Ask for review (复查) after the written answer; the review is answered within as many days. */
  reviewRequestDays: 30,
  reviewAnswerDays: 30,
  /** Ask for re-review (复核) after the review answer; answered within as many days. */
  recheckRequestDays: 30,
  recheckAnswerDays: 30,
  /** An organ objecting that a matter was wrongly assigned to it: working days. */
  objectionWorkingDays: 5,
  /** How early the app starts warning that a date falls due. */
  warnDaysBefore: 3,
} as const;

function toUtc(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY = 86_400_000;

export function addDays(ymd: string, n: number): string {
  return fromUtc(toUtc(ymd) + n * DAY);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

export function isWorkingDay(ymd: string, cal: HolidayCalendar): boolean {
  if (cal.workdays.has(ymd)) return true;
  if (cal.holidays.has(ymd)) return false;
  const weekday = new Date(toUtc(ymd)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day on or after `ymd`. */
export function nextWorkingDay(ymd: string, cal: HolidayCalendar): string {
  let d = ymd;
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}

/** The last day of a period of `days` calendar days starting after `from`, moved off a non-working day. */
export function calendarPeriodEnd(from: string, days: number, cal: HolidayCalendar): string {
  return nextWorkingDay(addDays(from, days), cal);
}

/** The last day of a period of `days` working days after `from`. */
export function workingPeriodEnd(from: string, days: number, cal: HolidayCalendar): string {
  let d = from;
  for (let left = days; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

export const replyDue = (receivedOn: string, cal: HolidayCalendar) => calendarPeriodEnd(receivedOn, LIMITS.replyDays, cal);
export const handleDue = (acceptedOn: string, cal: HolidayCalendar) => calendarPeriodEnd(acceptedOn, LIMITS.handleDays, cal);
export const objectionDue = (assignedOn: string, cal: HolidayCalendar) => workingPeriodEnd(assignedOn, LIMITS.objectionWorkingDays, cal);
export const reviewRequestDue = (answeredOn: string, cal: HolidayCalendar) => calendarPeriodEnd(answeredOn, LIMITS.reviewRequestDays, cal);
/** 复查 answered within 30 days of the request; days of a hearing (听证) do not count. */
export const reviewAnswerDue = (requestedOn: string, cal: HolidayCalendar, hearingDays = 0) =>
  calendarPeriodEnd(requestedOn, LIMITS.reviewAnswerDays + hearingDays, cal);
export const recheckRequestDue = (reviewAnsweredOn: string, cal: HolidayCalendar) =>
  calendarPeriodEnd(reviewAnsweredOn, LIMITS.recheckRequestDays, cal);
/** 复核 likewise. */
export const recheckAnswerDue = (requestedOn: string, cal: HolidayCalendar, hearingDays = 0) =>
  calendarPeriodEnd(requestedOn, LIMITS.recheckAnswerDays + hearingDays, cal);

/**
 * The handling deadline after the one extension: counted on from the original
 * period's last calendar day (not from the day it was moved to), then moved
 * off a non-working day itself.
 */
export function extendedHandleDue(acceptedOn: string, extensionDays: number, cal: HolidayCalendar): string {
  if (!Number.isInteger(extensionDays) || extensionDays < 1 || extensionDays > LIMITS.maxExtensionDays) {
    throw new RangeError(`延期天数应为1至${LIMITS.maxExtensionDays}天`);
  }
  return calendarPeriodEnd(acceptedOn, LIMITS.handleDays + extensionDays, cal);
}

export type DueState = 'ok' | 'due_soon' | 'due_today' | 'overdue';

/** For reminders and the overdue list. */
export function dueState(due: string, today: string): DueState {
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  if (left === 0) return 'due_today';
  return left <= LIMITS.warnDaysBefore ? 'due_soon' : 'ok';
}
