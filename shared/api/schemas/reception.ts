// 候谈室, the roster of reception days, bookings into a leader's queue, and the
// talk record with its outcome.
import { z } from '../zod-setup';
import { codesOf } from '../../domain/categories';
import {
  ROOM_KINDS,
  SATISFACTION,
  type BookingStatusCode,
  type RosterEntry,
  type RosterRoom,
  type Satisfaction,
} from '../../domain/reception';
import { cleanString, text, uuid } from './common';
import type { History } from './visits';
import type { Decision } from '../../domain/matter';
import { decisionFields, refineDecision } from './matters';

const clock = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 时:分，如 09:30`);
const date = z.iso.date();

export const saveRoomInput = z
  .object({
    id: uuid.nullable().default(null),
    number: z.number().int().min(1, '房间号为1至99').max(99, '房间号为1至99'),
    name: text('房间名称', { min: 1, max: 20 }),
    kind: z.enum(codesOf(ROOM_KINDS), { error: '请选择房间类型' }),
    capacity: z.number({ error: '请填写容纳人数' }).int().min(1, '容纳人数至少为1').max(200, '容纳人数不超过200'),
    openFrom: clock('开放时间'),
    openTo: clock('关闭时间'),
    active: z.boolean().default(true),
  })
  .refine((r) => r.openFrom < r.openTo, { message: '关闭时间应晚于开放时间', path: ['openTo'] });

export const rosterRangeInput = z
  .object({ from: date, to: date })
  .refine((r) => r.from <= r.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export const saveSessionInput = z.object({
  id: uuid.nullable().default(null),
  leaderId: z.uuid({ error: '请选择接访领导' }),
  date,
  start: clock('开始时间'),
  end: clock('结束时间'),
  roomId: z.uuid({ error: '请选择接谈室' }),
  topics: text('接访事项', { max: 100 }).default(''),
  lawyer: text('值班律师', { max: 40 }).default(''),
  slotMinutes: z.number().int().min(5, '每位接谈时长至少5分钟').max(240, '每位接谈时长不超过240分钟').default(30),
  /** The version the admin edited (null for a new entry). */
  expectedVersion: z.number().int().nullable().default(null),
});

export const sessionStatusInput = z
  .object({ sessionId: uuid, status: z.enum(['published', 'draft', 'cancelled']), reason: text('取消原因', { max: 100 }).default('') })
  .refine((v) => v.status !== 'cancelled' || v.reason.length >= 2, { message: '请填写取消原因', path: ['reason'] });

export const boardInput = z.object({ date });

export const scheduleInput = z.object({
  visitId: z.uuid({ error: '请选择来访登记' }),
  sessionId: z.uuid({ error: '请选择接访安排' }),
  kind: z.enum(['walk_in', 'appointment']),
  slot: clock('约访时段').nullable().default(null),
  /** People going into the talk room; defaults to the group's representatives or the people registered. */
  attendees: z.number().int().min(1, '进入接谈人数至少为1').max(200).nullable().default(null),
});

export const moveInput = z.object({ bookingId: uuid, sessionId: uuid, slot: clock('约访时段') });
export const cancelBookingInput = z.object({ bookingId: uuid, reason: text('取消原因', { min: 2, max: 100 }) });
export const bookingInput = z.object({ bookingId: uuid });
export const reorderInput = z.object({ bookingId: uuid, direction: z.enum(['up', 'down']) });

export const myQueueInput = z.object({
  /** Another leader's queue (admin, or a leader the admin allowed). Defaults to one's own. */
  leaderId: uuid.nullable().default(null),
});
export const sessionInput = z.object({ sessionId: uuid });

/**
 * 接谈记录: what was said (notes, lawyer, satisfaction stay on the talk) and the
 * decision on the matter, with the same fields and checks as matters.act's
 * 'decide' (the backend applies it through the same method).
 */
export const recordTalkInput = z
  .object({
    bookingId: uuid,
    notes: text('接谈情况', { min: 2, max: 4000 }),
    ...decisionFields,
    /** Null when the matter was already decided (a returning visitor): the talk is recorded, the decision stands. */
    decision: decisionFields.decision.nullable().default(null),
    lawyerPresent: z.boolean().default(false),
    satisfaction: z.enum(codesOf(SATISFACTION)).nullable().default(null),
  })
  .superRefine(refineDecision);

/** The talk notes as the leader types them, kept before the record is saved (empty notes remove the draft). */
export const saveTalkDraftInput = z.object({ bookingId: uuid, notes: cleanString('接谈情况').max(4000, '接谈情况不能超过4000字') });

export const setQueueScopeInput = z.object({ userId: uuid, seesAllQueues: z.boolean() });

// ---- outputs ---------------------------------------------------------------

/** A talk's notes saved while typed (reception.draft): what a reopened talk starts from. */
export interface TalkDraft {
  notes: string;
  updatedAt: string;
}

/** A room as the screens show it: what the roster rules check, and its number for the display. */
export interface RoomView extends RosterRoom {
  number: number;
}

/** A roster entry as saved: what the roster rules check, plus what the screens show. */
export interface SessionView extends RosterEntry {
  id: string;
  roomName: string;
  roomNumber: number;
  topics: string;
  lawyer: string;
  status: 'draft' | 'published' | 'cancelled';
  cancelReason: string;
  version: number;
  /** Bookings still to be received (scheduled, waiting, in talk). */
  activeBookings: number;
}

export interface BookingView {
  id: string;
  sessionId: string;
  visitId: string;
  visitNo: string;
  visitDate: string;
  petitionerId: string;
  /** The 信访事项 the visit is about. */
  matterId: string;
  /** Staff screens only: the board and the leader's queue are not public. */
  name: string;
  phone: string;
  peopleCount: number;
  attendees: number;
  category: string;
  summary: string;
  escort: string;
  kind: 'walk_in' | 'appointment';
  slot: string | null;
  /** Booked slot or estimated start 'HH:mm'; null when the day is full. */
  plannedAt: string | null;
  status: BookingStatusCode;
  ticketNo: string | null;
  calledAt: string | null;
  callCount: number;
  /** The decision taken at the talk, once recorded. */
  outcome: Decision | null;
}

export interface SessionBoard extends SessionView {
  /** In the order the leader will receive them. */
  bookings: BookingView[];
  /** Appointment slots still free. */
  freeSlots: string[];
  /** Where the next walk-in would go ('HH:mm'), null when full or not today. */
  nextWalkIn: string | null;
}

export interface DayBoard {
  date: string;
  rooms: RoomView[];
  sessions: SessionBoard[];
}

/** Who the clerk must tell after an appointment moved or was cancelled. */
export interface InformNotice {
  name: string;
  phone: string;
  message: string;
}

export interface BookingChange {
  booking: BookingView;
  inform: InformNotice | null;
}

export interface TalkRecordView {
  id: string;
  bookingId: string;
  visitId: string;
  visitNo: string;
  visitDate: string;
  name: string;
  leaderName: string;
  notes: string;
  /** The decision taken at this talk (the matter's timeline holds it, with its dates and clocks). */
  outcome: Decision;
  unit: string;
  reason: string;
  lawyerPresent: boolean;
  satisfaction: Satisfaction | null;
  decidedOn: string;
  /** The 信访事项 the talk decided: its clocks, extension and conclusion are in matters.get. */
  matterId: string;
  version: number;
}

export interface QueueVisitor extends BookingView {
  history: History | null;
  /** Earlier talk records of this person (the answers they were given). */
  earlierTalks: TalkRecordView[];
  talk: TalkRecordView | null;
}

export interface LeaderQueue {
  leaderId: string;
  leaderName: string;
  date: string;
  sessions: (SessionView & { visitors: QueueVisitor[] })[];
  /** Leaders whose queues this user may open (self first). */
  visibleLeaders: { id: string; name: string }[];
}
