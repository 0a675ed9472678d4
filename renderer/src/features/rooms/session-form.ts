// The values of the session dialog, and how they become roster.save's input.
import type { SessionView } from '@shared/api/schemas/reception';
import { normalizeClock } from '@lib/clock';

export interface SessionForm {
  id: string | null;
  version: number | null;
  activeBookings: number;
  leaderId: string;
  date: string;
  start: string;
  end: string;
  roomId: string;
  topics: string;
  lawyer: string;
  slotMinutes: number | string;
}

export const newSession = (date: string): SessionForm => ({
  id: null,
  version: null,
  activeBookings: 0,
  leaderId: '',
  date,
  start: '09:00',
  end: '11:30',
  roomId: '',
  topics: '',
  lawyer: '',
  slotMinutes: 30,
});

export const fromSession = (s: SessionView): SessionForm => ({
  id: s.id,
  version: s.version,
  activeBookings: s.activeBookings,
  leaderId: s.leaderId,
  date: s.date,
  start: s.start,
  end: s.end,
  roomId: s.roomId,
  topics: s.topics,
  lawyer: s.lawyer,
  slotMinutes: s.slotMinutes,
});

export const toInput = (v: SessionForm) => ({
  id: v.id,
  leaderId: v.leaderId,
  date: v.date,
  start: normalizeClock(v.start),
  end: normalizeClock(v.end),
  roomId: v.roomId,
  topics: v.topics,
  lawyer: v.lawyer,
  slotMinutes: v.slotMinutes === '' ? 30 : Number(v.slotMinutes),
  expectedVersion: v.version,
});
