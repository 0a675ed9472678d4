// 叫号屏: the hall display on a second monitor (Electron) or a TV browser
// (serve mode, /#/display). Public: it shows ticket and desk numbers, counts
// and masked names only. It updates from pushed events, never by polling.
import { useEffect, useRef, useState } from 'react';
import type { DisplayState } from '@shared/api/schemas/queue';
import { announcement, PLACE_NAMES } from '@shared/domain/queue';
import type { EventMap } from '@shared/api/events';
import { formatTime } from '@shared/time';
import { call, subscribe } from '../../api/client';
import { announce, chineseVoice, unlockAudio } from './voice';
import './display.css';

const DISPLAY_ID_KEY = 'petition-hall.display.id';

/** This display's id, kept in the browser, so the desks can count displays without a Chinese voice. */
function displayId(): string {
  let id = localStorage.getItem(DISPLAY_ID_KEY);
  if (!id) localStorage.setItem(DISPLAY_ID_KEY, (id = crypto.randomUUID()));
  return id;
}

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  const d = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return <div className="clock">{d.format(now)}</div>;
}

export function DisplayPage() {
  const [state, setState] = useState<DisplayState | null>(null);
  const [spoken, setSpoken] = useState<string[]>([]);
  const [fresh, setFresh] = useState<string | null>(null);
  // Electron's display window may play sound at once; a browser needs one click first.
  const [locked, setLocked] = useState(!window.hall);
  const settings = useRef({ voiceEnabled: true, voiceVolume: 0.9 });

  useEffect(() => {
    let live = true;
    const load = () =>
      // Each load says whether this display can speak Chinese; the desks warn when it cannot.
      call('display.state', { display: displayId(), voice: chineseVoice() ? 'zh' : 'none' })
        .then((s) => {
          if (!live) return;
          settings.current = { voiceEnabled: s.voiceEnabled, voiceVolume: s.voiceVolume };
          setState(s);
        })
        .catch(() => undefined);
    void load();
    const unsubscribe = subscribe((e) => {
      if (e.name === 'queue.called') {
        const p = e.payload as EventMap['queue.called'];
        setSpoken((s) => [...s.slice(-19), announcement(p.ticketNo, p.deskNumber, p.place).text]);
        setFresh(p.ticketNo);
        if (settings.current.voiceEnabled) void announce(p.ticketNo, p.deskNumber, p.place, settings.current.voiceVolume);
      }
      // Every change (calls included) is followed by one queue.changed: refetch once, on that.
      if (e.name === 'queue.changed') void load();
      // Restored from a backup: start again from the restored database.
      if (e.name === 'system.restored') window.location.reload();
    }, 'public');
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  return (
    <div className="hall-display" lang="zh-CN">
      <header>
        <h1>信访接待大厅</h1>
        <Clock />
      </header>
      <main>
        <section className="panel" aria-label="正在叫号">
          <h2>正在叫号</h2>
          {state && state.current.length === 0 && <div className="empty">请取号后在等候区就座，留意叫号</div>}
          <div className="calls">
            {state?.current.map((c) => (
              <div key={`${c.place}${c.deskNumber}`} className={`call${fresh === c.ticketNo ? ' fresh' : ''}`} data-testid="current-call">
                <div className="no">{c.ticketNo}</div>
                <div className="to">
                  请到 {c.deskNumber} 号{PLACE_NAMES[c.place]}
                </div>
                <div className="name">{c.name}</div>
              </div>
            ))}
          </div>
        </section>
        <section className="panel" aria-label="等候情况">
          <h2>等候情况</h2>
          <table aria-label="各队列等候人数">
            <thead>
              <tr>
                <th>队列</th>
                <th>等候</th>
                <th>预计</th>
              </tr>
            </thead>
            <tbody>
              {state?.lanes.map((l) => (
                <tr key={l.prefix}>
                  <td>
                    {l.prefix} {l.name}
                  </td>
                  <td className="num">{l.waiting} 人</td>
                  <td className="num">{l.waiting === 0 ? '—' : l.estimatedMinutes === null ? '稍候' : `约 ${l.estimatedMinutes} 分钟`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="recent-title">最近叫号</h2>
          <table aria-label="最近叫号">
            <tbody>
              {state?.recent.slice(0, 5).map((r) => (
                <tr key={r.callId}>
                  <td className="num">
                    {r.ticketNo}
                    {r.recall && <span className="recall">重呼</span>}
                  </td>
                  <td>
                    {r.deskNumber} 号{PLACE_NAMES[r.place]}
                  </td>
                  <td>{r.name}</td>
                  <td className="num">{formatTime(r.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </main>
      <footer aria-label="通知">
        <span>{state?.notice}</span>
      </footer>
      <div role="log" aria-label="语音播报记录" className="visually-hidden">
        {spoken.map((s, i) => (
          <p key={i}>{s}</p>
        ))}
      </div>
      {locked && (
        <div
          className="unlock"
          role="button"
          tabIndex={0}
          onClick={() => {
            unlockAudio();
            setLocked(false);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            unlockAudio();
            setLocked(false);
          }}
        >
          点击屏幕启用语音播报
        </div>
      )}
    </div>
  );
}
