// The A4 papers of a leader's talk record: the notices handed to the visitor
// (受理告知书, 不予受理告知书, 延期告知书), the 交办单 sent to the responsible unit
// and the 接谈记录 signed at the end of the talk. Drawn from the same data the
// app shows; every date is a calendar date in Chinese form. The 2022 条例's
// article numbers are deliberately not quoted (see DESIGN.md §3).
import { useEffect, type ReactNode } from 'react';
import type { SlipData, TalkTemplate } from '@shared/api/schemas/printing';
import type { VisitDetail } from '@shared/api/schemas/visits';
import type { TalkRecordView } from '@shared/api/schemas/reception';
import { labelOf } from '@shared/domain/categories';
import { maskIdNumber } from '@shared/domain/identity';
import { OUTCOME_FIELDS, OUTCOMES, SATISFACTION } from '@shared/domain/reception';
import { formatCalendarDate, hallDate } from '@shared/time';
import { idTypeName } from '@lib/labels';
import './notices.css';

type TalkSlipData = Extract<SlipData, { template: TalkTemplate }>;

const day = formatCalendarDate;

/** Free text set into a sentence: trimmed, without its own closing punctuation. */
function clause(s: string): string {
  return s.trim().replace(/[。．.；;，,、\s]+$/u, '');
}

/** The guidance of an 引导诉讼 outcome, set after '请您': without a leading '请您'/'建议'. */
function guidance(s: string): string {
  return clause(s).replace(/^(建议您?|请您?)/u, '');
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

function outcomeText(t: TalkRecordView): string {
  const label = labelOf(OUTCOMES, t.outcome);
  const need = OUTCOME_FIELDS[t.outcome];
  if (need.unit && t.unit) return `${label}（${need.unit}：${t.unit}）`;
  if (need.reason && t.reason) return `${label}（${need.reason.replace(/（.*$/u, '')}：${clause(t.reason)}）`;
  return label;
}

function extensionText(t: TalkRecordView): string {
  return t.extensionDays ? `（已延期${t.extensionDays}日${t.extensionReason ? `，理由：${clause(t.extensionReason)}` : ''}）` : '';
}

const DOC_SUFFIX: Record<TalkTemplate, string> = {
  accept_notice: '受',
  decline_notice: '不受',
  extension_notice: '延',
  assign_sheet: '交',
  talk_record: '谈',
};

const TITLES: Record<TalkTemplate, string> = {
  accept_notice: '受理告知书',
  decline_notice: '不予受理告知书',
  extension_notice: '延期告知书',
  assign_sheet: '信访事项交办单',
  talk_record: '领导接访接谈记录',
};

function DocNo({ d }: { d: TalkSlipData }) {
  return (
    <div className="doc-no">
      编号：{d.visit.visitNo}-{DOC_SUFFIX[d.template]}
      {d.reprint && <span className="reprint"> 补打 </span>}
    </div>
  );
}

function Seal({ d }: { d: TalkSlipData }) {
  return <div className="seal">（{d.bureau.sealText}盖章）</div>;
}

/** Blank for a handwritten entry. */
const Blank = ({ w = 'name' }: { w?: 'name' | 'date' }) => <span className={`blank blank-${w}`} />;
const DateBlank = () => (
  <span className="date-blank">
    <Blank w="date" />年<Blank w="date" />月<Blank w="date" />日
  </span>
);

// ---- the notices handed to the visitor ----------------------------------------------

function NoticeFrame({ d, issuedOn, children }: { d: TalkSlipData; issuedOn: string; children: ReactNode }) {
  const { bureau } = d;
  const title = TITLES[d.template];
  return (
    <div className={`slip slip-notice notice-${d.template}`}>
      <h1>{title}</h1>
      <DocNo d={d} />
      <p className="salutation">{d.visit.name}：</p>
      <div className="body">{children}</div>
      <div className="issuer">
        <Seal d={d} />
        <div className="issuer-text">
          <div>{bureau.name}</div>
          <div>{day(issuedOn)}</div>
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
          《{title}》（编号：{d.visit.visitNo}-{DOC_SUFFIX[d.template]}）已收到。
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

function AcceptNotice({ d }: { d: TalkSlipData }) {
  const t = d.talk;
  return (
    <NoticeFrame d={d} issuedOn={t.decidedOn}>
      <p>
        您于{day(t.visitDate)}反映的“{clause(d.visit.summary)}”一事，本机关已于{day(t.decidedOn)}依法受理，由{t.unit || '本机关'}
        负责办理。现将接收情况以及处理途径和程序告知如下：
      </p>
      <p>
        一、该信访事项自受理之日起60日内办结{t.handleDue && `，办理期限至${day(t.handleDue)}`}
        。情况复杂的，经批准可以适当延长办理期限，延长期限不超过30日，并将延期理由书面告知您。
      </p>
      <p>二、办理结束后，将以书面形式（信访处理意见书）告知您处理意见。</p>
      <p>三、您对处理意见不服的，可以自收到书面答复之日起30日内请求原办理机关的上一级机关复查。</p>
      <p>办理期间，请您保持联系方式畅通，依法、有序反映诉求。</p>
      <p className="closing">特此告知。</p>
    </NoticeFrame>
  );
}

function DeclineNotice({ d }: { d: TalkSlipData }) {
  const t = d.talk;
  const heard = `您于${day(t.visitDate)}反映的“${clause(d.visit.summary)}”一事，经审查，`;
  return (
    <NoticeFrame d={d} issuedOn={t.decidedOn}>
      {t.outcome === 'litigation' ? (
        <p>
          {heard}该事项属于应当通过诉讼、仲裁、行政复议等法定途径解决的事项，根据《信访工作条例》的规定，本机关不予受理。请您
          {guidance(t.reason)}，依法维护自身合法权益。
        </p>
      ) : (
        <p>
          {heard}
          {clause(t.reason)}，根据《信访工作条例》的规定，本机关不予受理。
        </p>
      )}
      <p>您对本告知有异议的，可以自收到本告知书之日起30日内，依照有关规定请求上一级机关复查。</p>
      <p className="closing">特此告知。</p>
    </NoticeFrame>
  );
}

function ExtensionNotice({ d }: { d: TalkSlipData }) {
  const t = d.talk;
  // The talk record does not keep the day of the extension: the notice is dated the day it is printed.
  // Dated the day the extension was granted, so a reprint carries the same date.
  const issuedOn = d.extendedOn ?? hallDate(d.printedAt);
  return (
    <NoticeFrame d={d} issuedOn={issuedOn}>
      <p>
        您反映的“{clause(d.visit.summary)}”一事（编号：{d.visit.visitNo}），本机关于{day(t.decidedOn)}受理
        {d.originalHandleDue && `，原办理期限至${day(d.originalHandleDue)}`}。因{clause(t.extensionReason) || '情况复杂'}
        ，经批准，办理期限延长{t.extensionDays ?? 0}日{t.handleDue && `，至${day(t.handleDue)}`}。
      </p>
      <p>办理结束后，将以书面形式（信访处理意见书）告知您处理意见。办理期间如有疑问，请与本机关联系。</p>
      <p className="closing">特此告知。</p>
    </NoticeFrame>
  );
}

// ---- the forms: 交办单 and 接谈记录 --------------------------------------------------

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
function FormHead({ d }: { d: TalkSlipData }) {
  const label = `${TITLES[d.template]}　${d.visit.visitNo}-${DOC_SUFFIX[d.template]}　第 `;
  const footer = `${JSON.stringify(label)} counter(page) " 页　共 " counter(pages) " 页"`;
  return (
    <>
      <style>{`@page { @bottom-center { content: ${footer}; font-family: "Noto Serif CJK SC", serif; font-size: 9pt; color: #000; } }`}</style>
      <h1>{TITLES[d.template]}</h1>
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

function AssignSheet({ d }: { d: TalkSlipData }) {
  const t = d.talk;
  const v = d.visit;
  const escort = escortText(v);
  return (
    <div className="slip slip-notice slip-form notice-assign_sheet" data-visit-no={v.visitNo}>
      <FormHead d={d} />
      <FormTable>
        <Pair a="交办单位" av={d.bureau.name} b="交办日期" bv={day(t.decidedOn)} />
        <Row label="承办单位">
          <b>{t.unit}</b>
        </Row>
        <Pair a="来访人" av={v.name} b="联系电话" bv={v.phone || '—'} />
        <Row label="证件号码">{idText(v)}</Row>
        <Pair a="来访日期" av={day(t.visitDate)} b="登记编号" bv={v.visitNo} />
        <Row label="来访人数">{peopleText(v)}</Row>
        <Row label="住址">{v.address || '—'}</Row>
        {escort && <Row label="陪访人员">{escort}</Row>}
        <Row label="信访事项" long>
          {v.summary}
        </Row>
        {v.demands && (
          <Row label="主要诉求" long>
            {v.demands}
          </Row>
        )}
        <Pair a="接谈领导" av={d.leaderName} b="接谈日期" bv={day(d.date)} />
        <Row label="领导意见" long>
          {t.notes}
        </Row>
      </FormTable>
      <div className="form-tail">
        <FormTable>
          <Row label="办理期限">
            <b>{t.handleDue ? `${day(t.handleDue)}前办结` : '—'}</b>
            {extensionText(t)}
          </Row>
          <Row label="办理要求">请于期限内办结并将办理结果书面报送本机关；认为不属于本单位职责的，请于5个工作日内提出异议并说明理由。</Row>
        </FormTable>
        <div className="form-foot">
          <Signature label="交办人" />
          <Signature label="签收人" />
          <div className="issuer">
            <div className="contact">
              {d.bureau.address && <span>地址：{d.bureau.address}</span>}
              {d.bureau.phone && <span>电话：{d.bureau.phone}</span>}
            </div>
            <Seal d={d} />
          </div>
        </div>
      </div>
    </div>
  );
}

function TalkRecord({ d }: { d: TalkSlipData }) {
  const t = d.talk;
  const v = d.visit;
  const escort = escortText(v);
  const when = d.startedAt ? `${day(d.date)} ${d.startedAt}${d.endedAt ? `–${d.endedAt}` : '起'}` : day(d.date);
  const lawyer = d.lawyer ? `${d.lawyer}（${t.lawyerPresent ? '参与接谈' : '未参与接谈'}）` : t.lawyerPresent ? '有律师参与接谈' : '无';
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
          <Row label="处理结果">{outcomeText(t)}</Row>
          {(t.replyDue || t.handleDue) && (
            <Pair
              a="书面告知"
              av={t.replyDue ? `${day(t.replyDue)}前` : '—'}
              b="办理期限"
              bv={
                <>
                  {t.handleDue ? `${day(t.handleDue)}前` : '—'}
                  {extensionText(t)}
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

/** One of the papers of a talk record, by its template. */
export function TalkPaperSlip({ d, onReady }: { d: TalkSlipData; onReady: () => void }) {
  useEffect(onReady, [onReady]);
  switch (d.template) {
    case 'accept_notice':
      return <AcceptNotice d={d} />;
    case 'decline_notice':
      return <DeclineNotice d={d} />;
    case 'extension_notice':
      return <ExtensionNotice d={d} />;
    case 'assign_sheet':
      return <AssignSheet d={d} />;
    case 'talk_record':
      return <TalkRecord d={d} />;
  }
}
