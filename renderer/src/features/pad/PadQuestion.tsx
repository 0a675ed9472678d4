// The question: three large answers; after 不满意, reasons to tap (or none).
// Keys 1/2/3 answer, for a pad with a keypad; Enter sends the reasons.
import { useEffect, useState } from 'react';
import { PAD_ANSWERS, PAD_REASONS, type PadAnswer, type PadReason } from '@shared/domain/pad';

const TONE: Record<PadAnswer, string> = { satisfied: 'good', basic: 'fair', unsatisfied: 'poor' };

export function PadQuestion({
  ticketNo,
  secondsLeft,
  onAnswer,
}: {
  ticketNo: string | null;
  secondsLeft: number;
  onAnswer: (answer: PadAnswer, reasons: PadReason[]) => void;
}) {
  const [unhappy, setUnhappy] = useState(false);
  const [reasons, setReasons] = useState<PadReason[]>([]);
  const choose = (a: PadAnswer) => (a === 'unsatisfied' ? setUnhappy(true) : onAnswer(a, []));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!unhappy && ['1', '2', '3'].includes(e.key)) choose(PAD_ANSWERS[Number(e.key) - 1]!.code);
      else if (unhappy && e.key === 'Enter') onAnswer('unsatisfied', reasons);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (unhappy)
    return (
      <section className="pad-question" aria-label="不满意的原因">
        <h2>很抱歉让您不满意，请告诉我们原因</h2>
        <p className="pad-hint">可选多项，也可以不选直接提交</p>
        <div className="pad-reasons">
          {PAD_REASONS.map((r) => {
            const on = reasons.includes(r.code);
            return (
              <button
                key={r.code}
                type="button"
                aria-pressed={on}
                className={on ? 'on' : ''}
                onClick={() => setReasons(on ? reasons.filter((x) => x !== r.code) : [...reasons, r.code])}
              >
                {r.label}
              </button>
            );
          })}
        </div>
        <button type="button" className="pad-primary" onClick={() => onAnswer('unsatisfied', reasons)}>
          提交评价
        </button>
        <div className="pad-countdown">还剩 {secondsLeft} 秒</div>
      </section>
    );

  return (
    <section className="pad-question" aria-label="服务评价">
      <h2>请您对本次接待服务作出评价</h2>
      {ticketNo && <p className="pad-hint">排队号 {ticketNo}</p>}
      <div className="pad-answers">
        {PAD_ANSWERS.map((a) => (
          <button key={a.code} type="button" className={`pad-answer ${TONE[a.code]}`} onClick={() => choose(a.code)}>
            {a.label}
          </button>
        ))}
      </div>
      <div className="pad-countdown">还剩 {secondsLeft} 秒</div>
    </section>
  );
}
