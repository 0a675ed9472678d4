// What the public hall display shows. The public sees it: ticket numbers, desk
// numbers, counts and at most a masked name (张*丰), never an ID or phone.
import type { ParsedInputOf } from '@shared/api/contract';
import { reportDisplayVoice } from './display-voices';
import type { DisplayState } from '@shared/api/schemas/queue';
import { maskName } from '@shared/domain/identity';
import { hallDate } from '@shared/time';
import type { Deps } from '../../context';
import { callLog, calledNow } from '../../db/queries/calls';
import { listDesks, listLanes } from './config';
import { getQueueSettings } from './settings';

const RECENT_CALLS = 8;
/** Calls read to find RECENT_CALLS tickets: a ticket called again (重呼) has several. */
const RECENT_SCAN = 40;

export async function getDisplayState(deps: Deps, input: ParsedInputOf<'display.state'> = {}): Promise<DisplayState> {
  if (input.display && input.voice) reportDisplayVoice(deps, input.display, input.voice);
  const db = deps.db;
  const now = deps.now();
  const today = hallDate(now);
  const settings = await getQueueSettings(db);
  const shown = (name: string) => (settings.displayNames === 'masked' && name ? maskName(name) : '');

  // Desks and leaders' talk rooms (领导接访) show side by side.
  const current = await calledNow(db, today);
  // Each ticket once, at its latest call: a 重呼 moves it to the top, marked, rather than adding a row.
  const seen = new Set<string>();
  const recent = (await callLog(db).where('day', '=', today).orderBy('at', 'desc').limit(RECENT_SCAN).execute())
    .filter((r) => !seen.has(r.ticket_id) && seen.add(r.ticket_id))
    .slice(0, RECENT_CALLS);

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
    current: current.map((c) => ({
      ticketNo: c.ticket_no,
      deskNumber: c.number,
      deskName: c.name,
      place: c.place,
      calledAt: c.called_at!,
      name: shown(c.visitor_name),
    })),
    recent: recent.map((r) => ({
      callId: r.id,
      ticketNo: r.ticket_no,
      deskNumber: r.number,
      place: r.place,
      at: r.at,
      recall: r.recall === 1,
      name: shown(r.visitor_name),
    })),
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
