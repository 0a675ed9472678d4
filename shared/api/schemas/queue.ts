import { z } from '../zod-setup';
import { codesOf } from '../../domain/categories';
import { PRIORITY_REASONS, type OrderRule, type PlaceKind, type PriorityReason, type TicketStatusCode } from '../../domain/queue';
import { text, uuid } from './common';

export const orderRuleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('strict_priority') }),
  z.object({
    kind: z.literal('ratio'),
    ordinary: z.number().int().min(1, '普通号数至少为1').max(10, '普通号数不超过10'),
    priority: z.number().int().min(1, '优先号数至少为1').max(10, '优先号数不超过10'),
  }),
]);

export const queueSettingsInput = z.object({
  orderRule: orderRuleInput,
  /** Calls before a ticket may be marked 过号. */
  noShowAfterCalls: z.number().int().min(1, '至少呼叫1次').max(5, '最多5次'),
  /** What happens to tickets still waiting when the day ends. */
  dayEnd: z.enum(['close', 'carry']),
  /** Names on the public display: masked (张*丰) or not shown at all. */
  displayNames: z.enum(['masked', 'hidden']),
  notice: text('滚动通知', { max: 300 }),
  voiceEnabled: z.boolean(),
  voiceVolume: z.number().min(0).max(1),
});
export type QueueSettings = z.output<typeof queueSettingsInput>;

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  orderRule: { kind: 'strict_priority' } as OrderRule,
  noShowAfterCalls: 2,
  dayEnd: 'close',
  displayNames: 'masked',
  notice: '请取号后在等候区就座，留意叫号屏和语音提示。依法逐级走访，理性表达诉求。',
  voiceEnabled: true,
  voiceVolume: 0.9,
};

const priority = z.enum(codesOf(PRIORITY_REASONS), { error: '请选择优先原因' }).nullable().default(null);
const deskId = uuid;

export const issueTicketInput = z.object({
  laneId: uuid,
  priority,
  visitId: uuid.nullable().default(null),
  /** For a 约访 ticket: the booked time today, 'HH:mm'. */
  appointmentTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '预约时间格式应为 时:分，如 14:30')
    .nullable()
    .default(null),
});

export const deskInput = z.object({ deskId });
export const callNextInput = z.object({
  deskId,
  /** The ticket the desk's screen shows as current (null: none). When given, the call is refused if it changed. */
  expectedCurrentId: uuid.nullable().optional(),
});
export const callTicketInput = z.object({ deskId, ticketId: uuid, reason: text('越号呼叫原因', { min: 2, max: 100 }) });
export const ticketInput = z.object({ ticketId: uuid });
export const transferInput = z
  .object({
    ticketId: uuid,
    toLaneId: uuid.nullable().default(null),
    toDeskId: uuid.nullable().default(null),
    reason: text('转移原因', { max: 100 }).default(''),
  })
  .refine((v) => v.toLaneId || v.toDeskId, { message: '请选择转往的队列或窗口', path: ['toLaneId'] });
export const walkInInput = z.object({ deskId, laneId: uuid });
export const dayLogInput = z.object({ date: z.iso.date().optional() });

export const saveLaneInput = z.object({
  id: uuid.nullable().default(null),
  prefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]$/, '队列字母应为一个英文字母'),
  name: text('队列名称', { min: 1, max: 20 }),
  kind: z.enum(['normal', 'appointment']).default('normal'),
  active: z.boolean().default(true),
});

export const saveDeskInput = z.object({
  id: uuid.nullable().default(null),
  number: z.number().int().min(1, '窗口号为1至99').max(99, '窗口号为1至99'),
  name: text('窗口名称', { min: 1, max: 20 }),
  laneIds: z.array(uuid).min(1, '请至少选择一个队列'),
  active: z.boolean().default(true),
});

// ---- outputs ---------------------------------------------------------------

export interface LaneView {
  id: string;
  prefix: string;
  name: string;
  kind: 'normal' | 'appointment';
  active: boolean;
}

export interface DeskView {
  id: string;
  number: number;
  name: string;
  laneIds: string[];
  paused: boolean;
  active: boolean;
}

export interface TicketView {
  id: string;
  ticketNo: string;
  laneId: string;
  laneName: string;
  status: TicketStatusCode;
  priority: PriorityReason | null;
  appointmentAt: string | null;
  visitId: string | null;
  visitorName: string;
  deskNumber: number | null;
  issuedAt: string;
  calledAt: string | null;
  callCount: number;
  finishedAt: string | null;
}

export interface IssuedTicket extends TicketView {
  /** Tickets in the same lane that will be called before this one. */
  peopleAhead: number;
}

export interface DeskBoard {
  desk: DeskView;
  current: TicketView | null;
  /** In the order this desk would call them. */
  waiting: TicketView[];
  parked: TicketView[];
  noShows: TicketView[];
  settings: Pick<QueueSettings, 'noShowAfterCalls' | 'orderRule'>;
  /** The hall displays' voices: the desk shows a warning when one has no Chinese voice. */
  displayVoice: DisplayVoiceStatus;
}

/** One step of a ticket's calling in 叫号记录, in time order. */
export interface TicketLogCall {
  at: string;
  /** A desk (窗口) or a leader's talk room (候谈室/接谈室: the leader called the visitor in). */
  place: PlaceKind;
  /** The desk's or the room's number. */
  placeNumber: number;
  kind: 'call' | 'recall' | 'walk_in';
  actorName: string;
  /** A desk's call out of the line's order (提前叫号), with the reason the clerk gave. */
  outOfOrder: boolean;
  /** That reason; null for a call in order (or, for a leader, a person outside their reach). */
  reason: string | null;
}

export interface TicketLogEntry extends TicketView {
  /** Calls and recalls at desks and into talk rooms, and a walk-in served without a call. */
  calls: TicketLogCall[];
}

/** What the public hall display may show: ticket numbers, desks, counts, masked names. */
export interface DisplayState {
  now: string;
  notice: string;
  voiceEnabled: boolean;
  voiceVolume: number;
  /** deskNumber is the talk room's number when place is 'room'. */
  current: { ticketNo: string; deskNumber: number; deskName: string; place: PlaceKind; calledAt: string; name: string }[];
  /** Each ticket once, at its latest call (recall: that call was a 重呼). */
  recent: { callId: string; ticketNo: string; deskNumber: number; place: PlaceKind; at: string; recall: boolean; name: string }[];
  lanes: { prefix: string; name: string; waiting: number; estimatedMinutes: number | null }[];
}

/** The hall display's own report with its state: which display (an id it keeps) and whether it can speak Chinese. */
export const displayStateInput = z
  .object({
    display: z
      .string({ error: '叫号屏编号格式不正确' })
      .regex(/^[0-9a-f-]{8,64}$/, { message: '叫号屏编号格式不正确' })
      .optional(),
    voice: z.enum(['zh', 'none'], { error: '叫号屏语音状态只能是 zh 或 none' }).optional(),
  })
  .strict();

/** The hall displays heard from in the last ten minutes, and how many cannot speak Chinese. */
export interface DisplayVoiceStatus {
  displays: number;
  withoutChinese: number;
}
