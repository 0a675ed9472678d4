// The A4 papers. Of a 信访事项 (matter): the notices handed to the visitor
// (受理告知书, 转送/交办告知书, 不予受理/不再受理告知书, 引导告知书, 延期告知书,
// 信访处理意见书, 复查意见书, 复核意见书) and the sheets sent to a unit (交办单,
// 督办单). Of a leader's talk: the 接谈记录 signed at its end. Drawn from the
// same data the app shows; every date is a calendar date in Chinese form.
//
// Every legal sentence comes from shared/domain/legal-text.ts, the one reviewed
// place: a template here arranges data and those sentences and writes no legal
// wording of its own.
import { useEffect, type ReactNode } from 'react';
import type { MatterTemplate, SlipData, TalkTemplate } from '@shared/api/schemas/printing';
import type { Opinion } from '@shared/api/schemas/matters';
import type { VisitDetail } from '@shared/api/schemas/visits';
import type { TalkRecordView } from '@shared/api/schemas/reception';
import { labelOf } from '@shared/domain/categories';
import { maskIdNumber } from '@shared/domain/identity';
import { LEGAL } from '@shared/domain/legal-text';
import { DECISION_UNIT_LABELS, DECISIONS, DECLINE_GROUNDS, LEGAL_ROUTES, MATTER_STATES, decisionText } from '@shared/domain/matter';
import { matterPaperTitle } from '@shared/domain/matter-papers';
import { SATISFACTION } from '@shared/domain/reception';
import { formatCalendarDate, hallDate } from '@shared/time';
import { idTypeName } from '@lib/labels';
import './notices.css';

type MatterSlipData = Extract<SlipData, { template: MatterTemplate }>;
type TalkSlipData = Extract<SlipData, { template: TalkTemplate }>;

const day = formatCalendarDate;

/** Free text set into a sentence: trimmed, without its own closing punctuation. */
function clause(s: string): string {
  return s.trim().replace(/[。．.；;，,、\s]+$/u, '');
}

function idText(v: VisitDetail): string {
  return v.idNumber ? `${idTypeName(v.idType)}　${maskIdNumber(v.idNumber)}` : '无证件';
}

function peopleText(v: VisitDetail): string {
  if (!v.isGroup) return `${v.peopleCount}人`;
  const reps = v.representatives.map((r) => r.name).join('、');
  return `${v.peopleCount}人（集体访${reps ? `，代表：${reps}` : ''}）`;
}

function escortText(v: VisitDetail): string | null {
  if (!v.escort) return null;
  return [v.escort.unit, v.escort.name, v.escort.phone && `电话 ${v.escort.phone}`].filter(Boolean).join('　');
}

/** A paper's number: the matter's first visit number and a suffix per paper. */
function docNo(d: MatterSlipData | TalkSlipData): string {
  const m = 'matter' in d && d.template !== 'talk_record' ? d.matter : null;
  const suffix: Record<MatterTemplate | TalkTemplate, string> = {
    accept_notice: '受',
    forward_notice: m?.decision === 'assigned' ? '交告' : '转',
    assign_sheet: '交',
    decline_notice: m?.decision === 'not_again' ? '不再' : '不受',
    guide_notice: '引',
    extension_notice: '延',
    opinion: '意',
    review_opinion: '复查',
    recheck_opinion: '复核',
    supervise_sheet: `督${d.template === 'supervise_sheet' ? (d.supervision?.count ?? '') : ''}`,
    talk_record: '谈',
  };
  return `${d.visit.visitNo}-${suffix[d.template]}`;
}

function titleOf(d: MatterSlipData | TalkSlipData): string {
  return d.template === 'talk_record' ? '领导接访接谈记录' : matterPaperTitle(d.template, d.matter);
}

function DocNo({ d }: { d: MatterSlipData | TalkSlipData }) {
  return (
    <div className="doc-no">
      编号：{docNo(d)}
      {d.reprint && <span className="reprint"> 补打 </span>}
    </div>
  );
}

function Seal({ d }: { d: MatterSlipData | TalkSlipData }) {
  return <div className="seal">（{d.bureau.sealText}盖章）</div>;
}

/** Blank for a handwritten entry. */
const Blank = ({ w = 'name' }: { w?: 'name' | 'date' }) => <span className={`blank blank-${w}`} />;
const DateBlank = () => (
  <span className="date-blank">
    <Blank w="date" />年<Blank w="date" />月<Blank w="date" />日
  </span>
);

/** Text with line breaks as paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/u)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s, i) => (
          <p key={i}>{s}</p>
        ))}
    </>
  );
}

// ---- the notices handed to the visitor ----------------------------------------------

function NoticeFrame({ d, issuedOn, children }: { d: MatterSlipData; issuedOn: string | null; children: ReactNode }) {
  const { bureau } = d;
  const title = titleOf(d);
  return (
    <div className={`slip slip-notice notice-${d.template}`}>
      <h1>{title}</h1>
      <DocNo d={d} />
      <p className="salutation">{d.matter.name || d.visit.name}：</p>
      <div className="body">{children}</div>
      <div className="issuer">
        <Seal d={d} />
        <div className="issuer-text">
          <div>{bureau.name}</div>
          <div>{day(issuedOn ?? hallDate(d.printedAt))}</div>
        </div>
      </div>
      {(bureau.address || bureau.phone) && (
        <div className="contact">
          {bureau.address && <span>联系地址：{bureau.address}</span>}
          {bureau.phone && <span>联系电话：{bureau.phone}</span>}
        </div>
      )}
      <div className="stub">
        <div className="stub-title">送达回执</div>
        <div className="stub-hint">（由来访人签收后沿虚线剪下，本机关存档）</div>
        <p>
          《{title}》（编号：{docNo(d)}）已收到。
        </p>
        <div className="sign-row">
          <span>
            <span className="sign-label">签收人：</span>
            <Blank />
          </span>
          <span>
            日期：
            <DateBlank />
          </span>
        </div>
      </div>
    </div>
  );
}

/** "您于2026年11月24日反映的“…”一事，" — what the matter is, in the visitor's words. */
const heard = (d: MatterSlipData) => `您于${day(d.matter.receivedOn)}反映的“${clause(d.matter.summary || d.visit.summary)}”一事，`;

function AcceptNotice({ d }: { d: MatterSlipData }) {
  const m = d.matter;
  return (
    <NoticeFrame d={d} issuedOn={m.decidedOn}>
      <p>
        {heard(d)}
        {LEGAL.accepted(m.decidedOn ?? m.receivedOn, m.unit)}
      </p>
      <p>一、{LEGAL.handleLimit(m.handleDue)}</p>
      <p>二、{LEGAL.opinionPromise}</p>
      <p>三、{LEGAL.reviewAfterOpinion}</p>
      <p className="closing">特此告知。</p>
    </NoticeFrame>
  );
}

function ForwardNotice({ d }: { d: MatterSlipData }) {
  const m = d.matter;
  const on = m.decidedOn ?? m.receivedOn;
  const assigned = m.decision === 'assigned';
  return (
    <NoticeFrame d={d} issuedOn={m.decidedOn}>
      <p>
        {heard(d)}
        {assigned ? LEGAL.assigned(on, m.unit) : LEGAL.forwarded(on, m.unit)}
      </p>
      <p>{assigned ? LEGAL.assignedFollowUp(m.unit) : LEGAL.forwardedFollowUp(m.unit)}</p>
      <p className="closing">特此告知。</p>
    </NoticeFrame>
  );
}

function DeclineNotice({ d }: { d: MatterSlipData }) {
  const m = d.matter;
  if (m.decision === 'not_again')
    return (
      <NoticeFrame d={d} issuedOn={m.decidedOn}>
        <p>
          {heard(d)}
          {LEGAL.notAgain(null)}
        </p>
        <p className="closing">特此告知。</p>
      </NoticeFrame>
    );
  // The ground as the maintained list names it ("该…" or "该事项…"), or the reason written out for 'other'.
  const ground = m.declineGround && m.declineGround !== 'other' ? labelOf(DECLINE_GROUNDS, m.declineGround) : null;
  const found = ground ? (ground.startsWith('该') ? ground : `该事项${ground}`) : clause(m.reason).replace(/^经审查[，,]?/u, '');
  return (
    <NoticeFrame d={d} issuedOn={m.decidedOn}>
      <p>
        {heard(d)}
        {LEGAL.declined(found)}
      </p>
      {m.declineGround === 'in_legal_process' && <p>{LEGAL.declinedToLegalRoute}</p>}
      <p className="closing">特此告知。</p>
    </NoticeFrame>
  );
}

function GuideNotice({ d }: { d: MatterSlipData }) {
  const m = d.matter;
  const route = m.route ? labelOf(LEGAL_ROUTES, m.route) : LEGAL.anyLegalRoute;
  return (
    <NoticeFrame d={d} issuedOn={m.decidedOn}>
      <p>
        {heard(d)}
        {LEGAL.guided(route)}
      </p>
      <p>{LEGAL.guidedTimeLimit(m.route, route)}</p>
      <p className="closing">特此告知。</p>
    </NoticeFrame>
  );
}

function ExtensionNotice({ d }: { d: MatterSlipData }) {
  const m = d.matter;
  return (
    <NoticeFrame d={d} issuedOn={d.extendedOn}>
      <p>
        {heard(d)}
        {LEGAL.extensionAccepted(m.acceptedOn ?? m.decidedOn ?? m.receivedOn, m.decision === 'accepted', m.unit)}
        {d.originalHandleDue && `，原办理期限至${day(d.originalHandleDue)}`}。
        {m.extensionDays && m.handleDue
          ? LEGAL.extension(clause(m.extensionReason) || '情况复杂', m.extensionApprover, m.extensionDays, m.handleDue)
          : null}
      </p>
      <p>{LEGAL.opinionPromise}</p>
      <p className="closing">特此告知。</p>
    </NoticeFrame>
  );
}

/** The four parts of an 意见书. */
function OpinionParts({ o }: { o: Opinion }) {
  return (
    <>
      <h2>一、查明的事实</h2>
      <Paragraphs text={o.facts} />
      <h2>二、理由</h2>
      <Paragraphs text={o.reasons} />
      <h2>三、处理意见</h2>
      <Paragraphs text={o.decision} />
      {o.basis.trim() && (
        <>
          <h2>四、依据</h2>
          <Paragraphs text={o.basis} />
        </>
      )}
    </>
  );
}

function OpinionPaper({ d }: { d: MatterSlipData }) {
  const m = d.matter;
  const [o, issuedOn, intro, remedy] =
    d.template === 'review_opinion'
      ? [m.reviewOpinion, m.reviewDecidedOn, LEGAL.reviewIntro(m.reviewRequestedOn), LEGAL.reviewRemedy]
      : d.template === 'recheck_opinion'
        ? [m.recheckOpinion, m.recheckDecidedOn, LEGAL.recheckIntro(m.recheckRequestedOn), LEGAL.recheckFinal]
        : [m.opinion, m.opinionOn, LEGAL.opinionIntro, LEGAL.opinionRemedy];
  return (
    <NoticeFrame d={d} issuedOn={issuedOn}>
      <p>
        {heard(d)}
        {intro}
      </p>
      {o && <OpinionParts o={o} />}
      <p className="remedy">{remedy}</p>
    </NoticeFrame>
  );
}

// ---- the forms: 交办单, 督办单 and 接谈记录 ----------------------------------------------

/** A two-column row across the whole form. */
function Row({ label, children, long }: { label: string; children: ReactNode; long?: boolean }) {
  return (
    <tr className={long ? 'long-row' : undefined}>
      <th>{label}</th>
      <td colSpan={3} className={long ? 'long' : undefined}>
        {children}
      </td>
    </tr>
  );
}

/** Two label/value pairs side by side. */
function Pair({ a, av, b, bv }: { a: string; av: ReactNode; b: string; bv: ReactNode }) {
  return (
    <tr>
      <th>{a}</th>
      <td>{av}</td>
      <th>{b}</th>
      <td>{bv}</td>
    </tr>
  );
}

/** Forms may run over several pages: each page names the paper and counts the pages. */
function FormHead({ d }: { d: MatterSlipData | TalkSlipData }) {
  const label = `${titleOf(d)}　${docNo(d)}　第 `;
  const footer = `${JSON.stringify(label)} counter(page) " 页　共 " counter(pages) " 页"`;
  return (
    <>
      <style>{`@page { @bottom-center { content: ${footer}; font-family: "Noto Serif CJK SC", serif; font-size: 9pt; color: #000; } }`}</style>
      <h1>{titleOf(d)}</h1>
      <DocNo d={d} />
    </>
  );
}

/**
 * The form's table, four columns (label, value, label, value). A form is two
 * of them: the body, whose long rows may run over pages, and the tail (result,
 * deadlines) kept on one page with the signatures below it.
 */
function FormTable({ children }: { children: ReactNode }) {
  return (
    <table>
      <colgroup>
        <col className="c-th" />
        <col className="c-td" />
        <col className="c-th" />
        <col className="c-td" />
      </colgroup>
      <tbody>{children}</tbody>
    </table>
  );
}

function Signature({ label }: { label: string }) {
  return (
    <div className="sign-row">
      <span>
        <span className="sign-label">{label}：</span>
        <Blank />
      </span>
      <span>
        日期：
        <DateBlank />
      </span>
    </div>
  );
}

function IssuerFoot({ d }: { d: MatterSlipData }) {
  return (
    <div className="issuer">
      <div className="contact">
        {d.bureau.address && <span>地址：{d.bureau.address}</span>}
        {d.bureau.phone && <span>电话：{d.bureau.phone}</span>}
      </div>
      <Seal d={d} />
    </div>
  );
}

function extensionText(m: { extensionDays: number | null; extensionReason: string }): string {
  return m.extensionDays ? `（已延期${m.extensionDays}日${m.extensionReason ? `，理由：${clause(m.extensionReason)}` : ''}）` : '';
}

function AssignSheet({ d }: { d: MatterSlipData }) {
  const m = d.matter;
  const v = d.visit;
  const escort = escortText(v);
  return (
    <div className="slip slip-notice slip-form notice-assign_sheet" data-visit-no={v.visitNo}>
      <FormHead d={d} />
      <FormTable>
        <Pair a="交办单位" av={d.bureau.name} b="交办日期" bv={m.decidedOn ? day(m.decidedOn) : '—'} />
        <Row label="承办单位">
          <b>{m.unit}</b>
        </Row>
        <Pair a="来访人" av={v.name} b="联系电话" bv={v.phone || '—'} />
        <Row label="证件号码">{idText(v)}</Row>
        <Pair a="登记日期" av={day(m.receivedOn)} b="登记编号" bv={v.visitNo} />
        <Row label="来访人数">{peopleText(v)}</Row>
        <Row label="住址">{v.address || '—'}</Row>
        {escort && <Row label="陪访人员">{escort}</Row>}
        <Row label="信访事项" long>
          {m.summary || v.summary}
        </Row>
        {v.demands && (
          <Row label="主要诉求" long>
            {v.demands}
          </Row>
        )}
        {m.reason && (
          <Row label="交办意见" long>
            {m.reason}
          </Row>
        )}
      </FormTable>
      <div className="form-tail">
        <FormTable>
          <Row label="办理期限">
            <b>{m.handleDue ? `${day(m.handleDue)}前办结并报告结果` : '—'}</b>
            {extensionText(m)}
          </Row>
          <Row label="办理要求">{LEGAL.assignDemand(m.handleDue)}</Row>
        </FormTable>
        <div className="form-foot">
          <Signature label="交办人" />
          <Signature label="签收人" />
          <IssuerFoot d={d} />
        </div>
      </div>
    </div>
  );
}

function SuperviseSheet({ d }: { d: MatterSlipData }) {
  const m = d.matter;
  const v = d.visit;
  const s = d.supervision;
  return (
    <div className="slip slip-notice slip-form notice-supervise_sheet" data-visit-no={v.visitNo}>
      <FormHead d={d} />
      <FormTable>
        <Pair a="督办单位" av={d.bureau.name} b="督办日期" bv={s ? day(s.on) : '—'} />
        <Row label="被督办单位">
          <b>{s?.unit || m.unit}</b>
        </Row>
        <Pair a="督办次数" av={s ? `第${s.count}次督办` : '—'} b="登记编号" bv={v.visitNo} />
        <Pair a="来访人" av={m.name || v.name} b="登记日期" bv={day(m.receivedOn)} />
        <Pair
          a="处理方式"
          av={`${m.decision ? labelOf(DECISIONS, m.decision) : '—'}${m.decidedOn ? `（${day(m.decidedOn)}）` : ''}`}
          b="事项状态"
          bv={labelOf(MATTER_STATES, m.state)}
        />
        <Row label="信访事项" long>
          {m.summary || v.summary}
        </Row>
        <Row label="办理期限">
          {m.handleDue ? `${day(m.handleDue)}前` : '—'}
          {extensionText(m)}
        </Row>
        <Row label="督办事由" long>
          {s?.reason ?? ''}
        </Row>
      </FormTable>
      <div className="form-tail">
        <FormTable>
          <Row label="报告期限">
            <b>{s ? `${day(s.due)}前` : '—'}</b>
          </Row>
          {s && <Row label="督办要求">{LEGAL.superviseDemand(s.due)}</Row>}
        </FormTable>
        <div className="form-foot">
          <Signature label="督办人" />
          <Signature label="签收人" />
          <IssuerFoot d={d} />
        </div>
      </div>
    </div>
  );
}

/** The talk's decision as the 接谈记录 states it: the unit with what it is, or the reason given. */
function outcomeText(t: TalkRecordView, m: TalkSlipData['matter']): string {
  const text = decisionText({ decision: t.outcome, route: t.outcome === 'guided' ? m.route : null });
  const unitLabel = DECISION_UNIT_LABELS[t.outcome];
  if (t.unit && unitLabel) return `${text}（${unitLabel}：${t.unit}）`;
  return t.reason ? `${text}（${clause(t.reason)}）` : text;
}

function TalkRecord({ d }: { d: TalkSlipData }) {
  const t = d.talk;
  const v = d.visit;
  const m = d.matter;
  const escort = escortText(v);
  const when = d.startedAt ? `${day(d.date)} ${d.startedAt}${d.endedAt ? `–${d.endedAt}` : '起'}` : day(d.date);
  const lawyer = d.lawyer ? `${d.lawyer}（${t.lawyerPresent ? '参与接谈' : '未参与接谈'}）` : t.lawyerPresent ? '有律师参与接谈' : '无';
  // The matter's clocks as they stood when the record was printed.
  const replyDue = m.clocks.find((c) => c.clock === 'reply')?.due ?? null;
  const handleDue = m.state === 'handling' ? m.handleDue : null;
  return (
    <div className="slip slip-notice slip-form notice-talk_record" data-visit-no={v.visitNo}>
      <FormHead d={d} />
      <FormTable>
        <Pair a="接谈时间" av={when} b="接谈地点" bv={d.roomName} />
        <Pair a="接谈领导" av={d.leaderName} b="值班律师" bv={lawyer} />
        <Pair a="来访人" av={v.name} b="联系电话" bv={v.phone || '—'} />
        <Row label="证件号码">{idText(v)}</Row>
        <Pair a="来访日期" av={day(t.visitDate)} b="登记编号" bv={v.visitNo} />
        <Row label="来访人数">{peopleText(v)}</Row>
        {v.address && <Row label="住址">{v.address}</Row>}
        <Row label="陪访人员">{escort ?? '无'}</Row>
        <Row label="反映问题" long>
          {v.summary}
        </Row>
        {v.demands && (
          <Row label="主要诉求" long>
            {v.demands}
          </Row>
        )}
        <Row label="接谈情况" long>
          {t.notes}
        </Row>
      </FormTable>
      <div className="form-tail">
        <FormTable>
          <Row label="处理结果">{outcomeText(t, m)}</Row>
          {(replyDue || handleDue) && (
            <Pair
              a="书面告知"
              av={replyDue ? `${day(replyDue)}前` : '—'}
              b="办理期限"
              bv={
                <>
                  {handleDue ? `${day(handleDue)}前` : '—'}
                  {m && handleDue ? extensionText(m) : ''}
                </>
              }
            />
          )}
          <Row label="满意度">{t.satisfaction ? labelOf(SATISFACTION, t.satisfaction) : '未评价'}</Row>
        </FormTable>
        <div className="form-foot">
          <Signature label="来访人签字" />
          <Signature label="接谈领导签字" />
          <Signature label="记录人签字" />
        </div>
      </div>
    </div>
  );
}

function MatterPaperSlip({ d }: { d: MatterSlipData }) {
  switch (d.template) {
    case 'accept_notice':
      return <AcceptNotice d={d} />;
    case 'forward_notice':
      return <ForwardNotice d={d} />;
    case 'decline_notice':
      return <DeclineNotice d={d} />;
    case 'guide_notice':
      return <GuideNotice d={d} />;
    case 'extension_notice':
      return <ExtensionNotice d={d} />;
    case 'opinion':
    case 'review_opinion':
    case 'recheck_opinion':
      return <OpinionPaper d={d} />;
    case 'assign_sheet':
      return <AssignSheet d={d} />;
    case 'supervise_sheet':
      return <SuperviseSheet d={d} />;
  }
}

/** One of the A4 papers (of a matter, or the talk record), by its template. */
export function A4PaperSlip({ d, onReady }: { d: MatterSlipData | TalkSlipData; onReady: () => void }) {
  useEffect(onReady, [onReady]);
  return d.template === 'talk_record' ? <TalkRecord d={d} /> : <MatterPaperSlip d={d} />;
}
