// Rooms × time for one day: each leader's session as a band in its room's row,
// each visitor at the time they are booked or expected, coloured by status.
import { Box, Text, Tooltip } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { hallMinutes } from '@shared/time';
import type { DayBoard } from '@shared/api/schemas/reception';
import { toClock, toMinutes } from '@shared/domain/reception';
import { bookingColor } from './StatusBadge';
import './board.css';

const STEP = 30;

export function BoardGrid({ board }: { board: DayBoard }) {
  const ref = useRef<HTMLDivElement>(null);
  // Open at the hour that matters: now (a little before), or the first session of the day.
  const focusMinutes =
    board.sessions.length > 0 ? Math.max(Math.min(...board.sessions.map((s) => toMinutes(s.start))), hallMinutes(new Date()) - 60) : 0;
  useEffect(() => {
    const el = ref.current;
    const cell = el?.querySelector<HTMLElement>(`[data-minutes="${Math.floor(focusMinutes / STEP) * STEP}"]`);
    if (el && cell) el.scrollLeft = cell.offsetLeft - 110;
  }, [focusMinutes, board.date]);
  const talkRooms = board.rooms.filter((r) => r.kind === 'talk');
  if (talkRooms.length === 0) return <Text c="dimmed">没有启用的接谈室</Text>;
  const from = Math.min(...talkRooms.map((r) => toMinutes(r.openFrom)));
  const to = Math.max(...talkRooms.map((r) => toMinutes(r.openTo)));
  const cols: number[] = [];
  for (let t = Math.floor(from / STEP) * STEP; t < to; t += STEP) cols.push(t);

  return (
    <Box
      ref={ref}
      className="board-grid"
      style={{ gridTemplateColumns: `110px repeat(${cols.length}, minmax(96px, 1fr))` }}
      role="table"
      aria-label="接谈室时间表"
      // It scrolls sideways through the hours: reachable by Tab so the arrow keys can scroll it.
      tabIndex={0}
    >
      {/* Rows are display: contents (board.css): the grid lays out the cells, the rows give the table its structure. */}
      <div className="board-row" role="row">
        <div className="corner" role="columnheader">
          接谈室
        </div>
        {cols.map((c) => (
          <div key={c} className="time" role="columnheader" data-minutes={c}>
            {toClock(c)}
          </div>
        ))}
      </div>
      {talkRooms.map((room) => {
        const sessions = board.sessions.filter((s) => s.roomId === room.id);
        return (
          <div key={room.id} className="board-row" role="row">
            <div className="room" role="rowheader">
              {room.name}
              <span className="cap">{room.capacity}人</span>
            </div>
            {cols.map((c) => {
              const s = sessions.find((x) => toMinutes(x.start) < c + STEP && c < toMinutes(x.end));
              const here =
                s?.bookings.filter(
                  (b) => b.plannedAt && toMinutes(b.plannedAt) >= c && toMinutes(b.plannedAt) < c + STEP && b.status !== 'cancelled',
                ) ?? [];
              const first = s && toMinutes(s.start) >= c && toMinutes(s.start) < c + STEP;
              return (
                <div key={`${room.id}${c}`} className={`cell${s ? ' in-session' : ''}${s?.status === 'draft' ? ' draft' : ''}`} role="cell">
                  {first && (
                    <div className="leader">
                      {s.leaderName}
                      {s.status === 'draft' ? '（草稿）' : ''}
                    </div>
                  )}
                  {here.map((b) => (
                    <Tooltip key={b.id} label={`${b.plannedAt} ${b.name} ${b.kind === 'appointment' ? '约访' : '现场'}`}>
                      <span
                        className="chip"
                        style={{
                          background: `var(--mantine-color-${bookingColor(b.status)}-${b.status === 'called' ? 'filled' : 1})`,
                          color: b.status === 'called' ? 'white' : undefined,
                        }}
                      >
                        {b.ticketNo ?? b.slot} {b.name}
                      </span>
                    </Tooltip>
                  ))}
                </div>
              );
            })}
          </div>
        );
      })}
    </Box>
  );
}
