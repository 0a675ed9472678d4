import { createPortal } from 'react-dom';
import type { Bureau } from '@shared/api/schemas/printing';
import type { SessionView } from '@shared/api/schemas/reception';
import { formatCalendarDate, hallDate } from '@shared/time';
import { weekdayOf } from './roster-dates';
import './roster-print.css';

/**
 * The week's published roster as an A4 notice for the hall's notice board.
 * Rendered beside the app (a child of <body>), hidden on screen; when printing,
 * only it is shown (roster-print.css).
 */
export function RosterNotice({ bureau, from, to, sessions }: { bureau: Bureau | null; from: string; to: string; sessions: SessionView[] }) {
  const byDate = new Map<string, SessionView[]>();
  for (const s of sessions) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  const name = bureau?.name ?? '';
  return createPortal(
    <div className="roster-print-root" data-testid="roster-print">
      <style>{'@page { size: A4; margin: 18mm 18mm 16mm; }'}</style>
      <div className="roster-notice">
        <h1>{name}领导接访日安排</h1>
        <p className="range">
          （{formatCalendarDate(from)}至{formatCalendarDate(to)}）
        </p>
        {sessions.length === 0 ? (
          <p className="empty">本周无领导接访安排。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th className="c-date">日期（星期）</th>
                <th className="c-time">时间</th>
                <th className="c-leader">接访领导</th>
                <th className="c-room">接谈室</th>
                <th>接访事项</th>
                <th className="c-lawyer">值班律师</th>
              </tr>
            </thead>
            <tbody>
              {[...byDate.entries()].map(([date, list]) =>
                list.map((s, i) => (
                  <tr key={s.id} className={i === 0 ? 'first' : undefined}>
                    {i === 0 && (
                      <td rowSpan={list.length} className="c-date">
                        {formatCalendarDate(date)}
                        <br />（{weekdayOf(date)}）
                      </td>
                    )}
                    <td className="c-time">
                      {s.start}–{s.end}
                    </td>
                    <td className="c-leader">{s.leaderName}</td>
                    <td className="c-room">{s.roomName}</td>
                    <td className="c-topics">{s.topics || '不限'}</td>
                    <td className="c-lawyer">{s.lawyer || '—'}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
        <ol className="notes">
          <li>请来访群众按安排时间到大厅取号候谈，按号依次接谈；预约来访的请按约定时间到达。</li>
          <li>来访时请携带本人居民身份证等有效证件。多人反映同一问题的，请推选不超过5名代表。</li>
          <li>如接访安排临时调整，以大厅公告为准。</li>
        </ol>
        <div className="foot">
          {(bureau?.address || bureau?.phone) && (
            <p className="contact">
              {bureau.address && <>地址：{bureau.address}</>}
              {bureau.address && bureau.phone && '　'}
              {bureau.phone && <>咨询电话：{bureau.phone}</>}
            </p>
          )}
          <p className="signed">
            {name}
            <br />
            {formatCalendarDate(hallDate())}
          </p>
        </div>
      </div>
    </div>,
    document.body,
  );
}
