// The rules of a leader's reception day (领导接访日), as pure functions so each
// conflict and each estimate is tested without a database: a roster entry must
// fit its room's hours and may not put a leader in two rooms or two leaders in
// one room; a booking must fit the room, the group rule and the roster; walk-ins
// fill the free places between appointments in the order the clerk set.
import { GROUP_THRESHOLD, MAX_REPRESENTATIVES } from '../api/schemas/visits';

export const ROOM_KINDS = [
  { code: 'talk', label: '接谈室' },
  { code: 'waiting', label: '候谈室' },
] as const;
export type RoomKind = (typeof ROOM_KINDS)[number]['code'];

export const SATISFACTION = [
  { code: 'satisfied', label: '满意' },
  { code: 'basic', label: '基本满意' },
  { code: 'unsatisfied', label: '不满意' },
] as const;
export type Satisfaction = (typeof SATISFACTION)[number]['code'];

export const BOOKING_STATUS = [
  { code: 'scheduled', label: '已预约' },
  { code: 'waiting', label: '候谈中' },
  { code: 'called', label: '接谈中' },
  { code: 'done', label: '已接谈' },
  { code: 'cancelled', label: '已取消' },
  { code: 'no_show', label: '未到' },
] as const;
export type BookingStatusCode = (typeof BOOKING_STATUS)[number]['code'];

// ---- time of day ---------------------------------------------------------------

/** 'HH:mm' → minutes after midnight. */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Minutes after midnight → 'HH:mm'. */
export function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

interface Span {
  start: string;
  end: string;
}

export function overlaps(a: Span, b: Span): boolean {
  return toMinutes(a.start) < toMinutes(b.end) && toMinutes(b.start) < toMinutes(a.end);
}

// ---- the roster ----------------------------------------------------------------

export interface RosterRoom {
  id: string;
  name: string;
  kind: RoomKind;
  capacity: number;
  openFrom: string;
  openTo: string;
  active: boolean;
}

export interface RosterEntry {
  id: string | null;
  leaderId: string;
  leaderName: string;
  date: string;
  start: string;
  end: string;
  roomId: string;
  slotMinutes: number;
}

/** Why this roster entry cannot stand beside the others of its day, or null. */
export function rosterConflict(
  entry: RosterEntry,
  room: RosterRoom,
  sameDay: readonly (RosterEntry & { roomName: string })[],
): string | null {
  if (toMinutes(entry.start) >= toMinutes(entry.end)) return '结束时间应晚于开始时间';
  if (!room.active) return `${room.name}已停用`;
  if (room.kind !== 'talk') return `${room.name}是候谈室，领导接访请安排在接谈室`;
  if (toMinutes(entry.start) < toMinutes(room.openFrom) || toMinutes(entry.end) > toMinutes(room.openTo)) {
    return `${room.name}开放时间为 ${room.openFrom}–${room.openTo}，接访时段 ${entry.start}–${entry.end} 超出`;
  }
  if (toMinutes(entry.end) - toMinutes(entry.start) < entry.slotMinutes) return `接访时段不足一个接谈时长（${entry.slotMinutes}分钟）`;
  for (const other of sameDay) {
    if (other.id === entry.id || other.date !== entry.date || !overlaps(entry, other)) continue;
    if (other.leaderId === entry.leaderId) {
      return `${entry.leaderName}在 ${other.start}–${other.end} 已安排在${other.roomName}接访，同一时间不能在两个房间`;
    }
    if (other.roomId === entry.roomId) {
      return `${room.name}在 ${other.start}–${other.end} 已安排给${other.leaderName}，同一房间不能重复安排`;
    }
  }
  return null;
}

// ---- bookings ------------------------------------------------------------------

export interface SessionShape {
  date: string;
  start: string;
  end: string;
  slotMinutes: number;
  status: 'draft' | 'published' | 'cancelled';
}

/** The appointment slots a session offers: start, start + slot, … while a whole slot fits. */
export function slotsOf(s: Pick<SessionShape, 'start' | 'end' | 'slotMinutes'>): string[] {
  const out: string[] = [];
  for (let t = toMinutes(s.start); t + s.slotMinutes <= toMinutes(s.end); t += s.slotMinutes) out.push(toClock(t));
  return out;
}

export interface BookingRequest {
  kind: 'walk_in' | 'appointment';
  /** 'HH:mm' for an appointment. */
  slot: string | null;
  /** People who will go into the talk room. */
  attendees: number;
  /** People the visit registered (≥ GROUP_THRESHOLD is a 集体访). */
  peopleCount: number;
}

/** Why the booking cannot be made in this session, or null. `takenSlots` are the session's booked appointment slots. */
export function bookingConflict(
  req: BookingRequest,
  session: SessionShape,
  room: { name: string; capacity: number },
  takenSlots: readonly string[],
  today: string,
): string | null {
  if (session.status !== 'published') return '该接访安排尚未发布，不能排入';
  if (session.date < today) return '该接访日已过';
  if (req.kind === 'walk_in' && session.date !== today) return '现场来访只能排入当天的领导接访，其他日期请用“约访”';
  if (req.peopleCount >= GROUP_THRESHOLD && req.attendees > MAX_REPRESENTATIVES) {
    return `集体访进入接谈的代表不超过${MAX_REPRESENTATIVES}人（现为${req.attendees}人）`;
  }
  if (req.attendees > room.capacity) return `进入接谈的${req.attendees}人超过${room.name}的容量（${room.capacity}人）`;
  if (req.kind === 'appointment') {
    if (!req.slot) return '请选择约访时段';
    if (!slotsOf(session).includes(req.slot)) {
      return `约访时段 ${req.slot} 不在该领导的接访安排内（${session.start}–${session.end}，每${session.slotMinutes}分钟一段）`;
    }
    if (takenSlots.includes(req.slot)) return `${req.slot} 已有约访，请另选时段`;
  }
  return null;
}

export interface QueueItem {
  id: string;
  kind: 'walk_in' | 'appointment';
  slot: string | null;
  position: number;
  status: BookingStatusCode;
  /** ISO instant the visitor was called in, for the one in talk. */
  calledAtMinutes: number | null;
}

export interface PlannedItem {
  id: string;
  /** Estimated (walk-in) or booked (appointment) start 'HH:mm'; null when the day is full. */
  at: string | null;
}

const ACTIVE: readonly BookingStatusCode[] = ['scheduled', 'waiting', 'called'];
export const isActiveBooking = (status: BookingStatusCode) => ACTIVE.includes(status);

/**
 * The order of a leader's queue and each visitor's expected time. Appointments
 * keep their slot; walk-ins, in the clerk's order, take the earliest free
 * stretch of one slot length from now on (or from the end of the talk under
 * way). Finished, cancelled and missing visitors take no time.
 */
export function planQueue(
  session: Pick<SessionShape, 'start' | 'end' | 'slotMinutes'>,
  items: readonly QueueItem[],
  nowMinutes: number,
): PlannedItem[] {
  const len = session.slotMinutes;
  const end = toMinutes(session.end);
  const inTalk = items.find((i) => i.status === 'called');
  let cursor = Math.max(toMinutes(session.start), nowMinutes, inTalk?.calledAtMinutes != null ? inTalk.calledAtMinutes + len : 0);
  const booked = items
    .filter((i) => i.kind === 'appointment' && (i.status === 'scheduled' || i.status === 'waiting') && i.slot)
    .map((i) => ({ id: i.id, from: toMinutes(i.slot!), to: toMinutes(i.slot!) + len }));
  const planned: { id: string; minutes: number | null }[] = booked.map((b) => ({ id: b.id, minutes: b.from }));
  const walkIns = items.filter((i) => i.kind === 'walk_in' && i.status === 'waiting').sort((a, b) => a.position - b.position);
  for (const w of walkIns) {
    let t = cursor;
    for (;;) {
      const clash = booked.find((b) => t < b.to && b.from < t + len);
      if (!clash) break;
      t = clash.to;
    }
    if (t + len > end) {
      planned.push({ id: w.id, minutes: null });
      continue;
    }
    planned.push({ id: w.id, minutes: t });
    cursor = t + len;
  }
  planned.sort((a, b) => (a.minutes ?? Infinity) - (b.minutes ?? Infinity));
  const result: PlannedItem[] = inTalk
    ? [{ id: inTalk.id, at: inTalk.calledAtMinutes != null ? toClock(inTalk.calledAtMinutes) : null }]
    : [];
  return result.concat(planned.map((p) => ({ id: p.id, at: p.minutes === null ? null : toClock(p.minutes) })));
}

/** Whether one more walk-in still fits before the session ends. */
export function walkInFits(
  session: Pick<SessionShape, 'start' | 'end' | 'slotMinutes'>,
  items: readonly QueueItem[],
  nowMinutes: number,
): string | null {
  const probe: QueueItem = {
    id: '\u0000probe',
    kind: 'walk_in',
    slot: null,
    position: Number.MAX_SAFE_INTEGER,
    status: 'waiting',
    calledAtMinutes: null,
  };
  const plan = planQueue(session, [...items, probe], nowMinutes);
  return plan.find((p) => p.id === probe.id)?.at ?? null;
}
