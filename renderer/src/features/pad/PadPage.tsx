// 评价器: the satisfaction pad at a window or talk room (a tablet's browser at
// /#/pad, or an Electron window). Public like the hall display: no login; it
// holds the token it got by pairing and shows the place, who serves there and
// the bureau's words, then asks when the visitor there is finished. It never
// receives the visitor's name, ID, phone or matter.
//
// Like the hall display, it loads through `call` with its own event stream
// (the pad's, not a staff session's), not through useQuery's shared staff stream.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PadState } from '@shared/api/schemas/pads';
import type { PadAnswer, PadReason } from '@shared/domain/pad';
import { ApiError } from '@shared/api/errors';
import { call, subscribe } from '../../api/client';
import { flush, pendingCount, pendingIds, queueAnswer } from './pad-outbox';
import { PadPairing } from './PadPairing';
import { PadQuestion } from './PadQuestion';
import './pad.css';

const TOKEN_KEY = 'petition-hall.pad.token';
/** How long 感谢 stays on screen. */
const THANKS_MS = 5000;
/** While answers wait for the network, they are sent again this often (and at once when the network is back). */
const RETRY_MS = 5000;

export function PadPage() {
  const [token, setToken] = useState(() => localStorage.getItem(TOKEN_KEY));
  const [state, setState] = useState<PadState | null>(null);
  const [offline, setOffline] = useState(false);
  const [waiting, setWaiting] = useState(pendingCount);
  const [thanks, setThanks] = useState(false);
  const [left, setLeft] = useState(0);
  const answered = useRef(new Set<string>());

  const load = useCallback(() => {
    if (!token) return;
    call('pad.state', { token })
      .then((s) => {
        setOffline(false);
        setState(s);
        setLeft(s.question?.secondsLeft ?? 0);
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'FORBIDDEN') {
          localStorage.removeItem(TOKEN_KEY);
          setToken(null);
        } else setOffline(true);
      });
  }, [token]);

  useEffect(() => {
    if (!token) return;
    load();
    // A reconnected stream is also the moment to send what waits and to catch up.
    const stop = subscribe(
      (e) => {
        if (e.name === 'queue.changed' || e.name === 'pads.answered') load();
      },
      { padToken: token },
    );
    const online = () => {
      void flush().then(() => setWaiting(pendingCount()));
      load();
    };
    window.addEventListener('online', online);
    return () => {
      stop();
      window.removeEventListener('online', online);
    };
  }, [token, load]);

  // Answers kept on the pad are sent again until the backend has them.
  useEffect(() => {
    if (waiting === 0) return;
    const t = setInterval(() => {
      void flush().then(() => {
        setWaiting(pendingCount());
        load();
      });
    }, RETRY_MS);
    return () => clearInterval(t);
  }, [waiting, load]);

  // The countdown of the open question; at 0 the pad goes back to idle (the backend counts 未参评).
  const questionId = state?.question?.evaluationId ?? null;
  useEffect(() => {
    if (!questionId) return;
    const t = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(t);
  }, [questionId]);

  useEffect(() => {
    if (!thanks) return;
    const t = setTimeout(() => setThanks(false), THANKS_MS);
    return () => clearTimeout(t);
  }, [thanks]);

  if (!token)
    return (
      <div className="pad" lang="zh-CN">
        <PadPairing
          onPaired={(t) => {
            localStorage.setItem(TOKEN_KEY, t);
            setToken(t);
          }}
        />
      </div>
    );

  const answer = (a: PadAnswer, reasons: PadReason[]) => {
    const q = state?.question;
    if (!q) return;
    answered.current.add(q.evaluationId);
    setThanks(true);
    void queueAnswer({ token, evaluationId: q.evaluationId, answer: a, reasons, answerKey: crypto.randomUUID() }).then(() =>
      setWaiting(pendingCount()),
    );
    setWaiting(pendingCount());
  };

  const q = state?.question;
  // A new visitor's question replaces the 感谢 screen at once (the next visitor should not wait for it).
  const asking = q && left > 0 && !answered.current.has(q.evaluationId) && !pendingIds().has(q.evaluationId);

  return (
    <div className="pad" lang="zh-CN">
      <header>
        <div className="pad-bureau">{state?.bureau ?? ''}</div>
        <div className="pad-place" data-testid="pad-place">
          {state?.place.name ?? ''}
        </div>
      </header>
      <main>
        {asking ? (
          <PadQuestion key={q.evaluationId} ticketNo={q.ticketNo} secondsLeft={left} onAnswer={answer} />
        ) : thanks ? (
          <section className="pad-thanks" role="status">
            <h2>感谢您的评价！</h2>
            <p>祝您生活顺利</p>
          </section>
        ) : (
          <section className="pad-idle">
            {state?.staff ? (
              <div className="pad-staff" data-testid="pad-staff">
                <div className="label">接待人员</div>
                <div className="name">{state.staff.name}</div>
                <div className="no">工号 {state.staff.staffNo}</div>
              </div>
            ) : (
              <div className="pad-staff">
                <div className="label">欢迎来访</div>
              </div>
            )}
            <p className="pad-words">{state?.words ?? ''}</p>
          </section>
        )}
      </main>
      <footer>
        {offline || waiting > 0 ? (
          <span className="pad-offline" role="status">
            {waiting > 0 ? `网络中断：${waiting} 条评价已保存在本机，恢复后自动提交` : '正在连接服务…'}
          </span>
        ) : (
          <span>您的评价仅用于改进接待工作</span>
        )}
      </footer>
    </div>
  );
}
