// What the public hall display shows. The public sees it: ticket numbers, desk
// numbers, counts and at most a masked name (张*丰), never an ID or phone.
import type { DisplayState } from '@shared/api/schemas/queue';
import { maskName } from '@shared/domain/identity';
import { hallDate } from '@shared/time';
import type { Deps } from '../../context';
import { listDesks, listLanes } from './config';
import { getQueueSettings } from './settings';

const RECENT_CALLS = 8;

export async function displayState(deps: Deps): Promise<DisplayState> {
  const db = deps.db;
  const now = deps.now();
  const today = hallDate(now);
  const settings = await getQueueSettings(db);
  const shown = (name: string) => (settings.displayNames === 'masked' && name ? maskName(name) : '');

  const current = await db
    .selectFrom('tickets')
    .innerJoin('desks', 'desks.id', 'tickets.desk_id')
    .select(['tickets.ticket_no', 'tickets.visitor_name', 'tickets.called_at', 'desks.number', 'desks.name'])
    .where('tickets.status', '=', 'called')
    .where('tickets.day', '=', today)
    .where('tickets.call_count', '>', 0)
    .orderBy('desks.number')
    .execute();

  const recent = await db
    .selectFrom('ticket_calls')
    .innerJoin('tickets', 'tickets.id', 'ticket_calls.ticket_id')
    .innerJoin('desks', 'desks.id', 'ticket_calls.desk_id')
    .select(['ticket_calls.id', 'ticket_calls.at', 'tickets.ticket_no', 'tickets.visitor_name', 'desks.number'])
    .where('tickets.day', '=', today)
    .orderBy('ticket_calls.at', 'desc')
    .limit(RECENT_CALLS)
    .execute();

  // Visitors called into a leader's talk room (领导接访) show beside the desks.
  const inRooms = await db
    .selectFrom('tickets')
    .innerJoin('rooms', 'rooms.id', 'tickets.room_id')
    .select(['tickets.ticket_no', 'tickets.visitor_name', 'tickets.called_at', 'rooms.number', 'rooms.name'])
    .where('tickets.status', '=', 'called')
    .where('tickets.day', '=', today)
    .orderBy('rooms.number')
    .execute();
  const recentRooms = await db
    .selectFrom('room_calls')
    .innerJoin('tickets', 'tickets.id', 'room_calls.ticket_id')
    .innerJoin('rooms', 'rooms.id', 'room_calls.room_id')
    .select(['room_calls.id', 'room_calls.at', 'tickets.ticket_no', 'tickets.visitor_name', 'rooms.number'])
    .where('tickets.day', '=', today)
    .orderBy('room_calls.at', 'desc')
    .limit(RECENT_CALLS)
    .execute();

  // Estimated wait per lane: today's average service time × people waiting ÷ open desks serving it.
  const lanes = (await listLanes(db)).filter((l) => l.active);
  const desks = (await listDesks(db)).filter((d) => d.active && !d.paused);
  const waiting = await db
    .selectFrom('tickets')
    .select((eb) => ['lane_id', eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'waiting')
    .where('day', '=', today)
    .groupBy('lane_id')
    .execute();
  const served = await db
    .selectFrom('tickets')
    .select(['lane_id', 'called_at', 'finished_at'])
    .where('day', '=', today)
    .where('status', '=', 'done')
    .where('called_at', 'is not', null)
    .execute();
  const minutes = (r: { called_at: string | null; finished_at: string | null }) =>
    (Date.parse(r.finished_at ?? '') - Date.parse(r.called_at ?? '')) / 60_000;
  const avg = (rows: typeof served) => {
    const ok = rows.map(minutes).filter((m) => Number.isFinite(m) && m >= 0);
    return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
  };
  const overall = avg(served);

  return {
    now: now.toISOString(),
    notice: settings.notice,
    voiceEnabled: settings.voiceEnabled,
    voiceVolume: settings.voiceVolume,
    current: [
      ...current.map((c) => ({
        ticketNo: c.ticket_no,
        deskNumber: c.number,
        deskName: c.name,
        place: 'desk' as const,
        calledAt: c.called_at!,
        name: shown(c.visitor_name),
      })),
      ...inRooms.map((c) => ({
        ticketNo: c.ticket_no,
        deskNumber: c.number,
        deskName: c.name,
        place: 'room' as const,
        calledAt: c.called_at!,
        name: shown(c.visitor_name),
      })),
    ],
    recent: [
      ...recent.map((r) => ({
        callId: r.id,
        ticketNo: r.ticket_no,
        deskNumber: r.number,
        place: 'desk' as const,
        at: r.at,
        name: shown(r.visitor_name),
      })),
      ...recentRooms.map((r) => ({
        callId: r.id,
        ticketNo: r.ticket_no,
        deskNumber: r.number,
        place: 'room' as const,
        at: r.at,
        name: shown(r.visitor_name),
      })),
    ]
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, RECENT_CALLS),
    lanes: lanes.map((l) => {
      const n = Number(waiting.find((w) => w.lane_id === l.id)?.n ?? 0);
      const per = avg(served.filter((s) => s.lane_id === l.id)) ?? overall;
      const open = desks.filter((d) => d.laneIds.includes(l.id)).length;
      return {
        prefix: l.prefix,
        name: l.name,
        waiting: n,
        estimatedMinutes: per === null || n === 0 ? (n === 0 ? 0 : null) : Math.ceil((n * per) / Math.max(open, 1)),
      };
    }),
  };
}
