// THE ONE REVIEWED PLACE for the legal wording printed on the papers of a
// 信访事项 (告知书, 意见书, 交办单, 督办单). Every sentence that states a legal
// fact, a time limit, a right, a remedy or a duty is written here, once; the
// print templates (renderer/src/features/printing/notices.tsx) import these
// sentences and never write legal wording of their own. Change wording here,
// and only after checking it:
//
// - The wording follows 《信访工作条例》(2022). No article numbers are printed:
//   quote one only after checking it against the official text.
// - Never state a right or a remedy the 条例 does not give. 复查 lies only
//   against a 信访处理意见 and 复核 only against a 复查意见; a refusal (不予受理,
//   不再受理) or a guidance to a legal route offers neither. When unsure, say
//   less and name the route.
// - Dates are passed in as the matter stores them ('YYYY-MM-DD') and printed
//   as 2026年11月24日: a paper never computes a date of its own.
import { formatCalendarDate } from '../time';
import type { LegalRoute } from './matter';

const day = formatCalendarDate;

/** The regulation, by name (no article numbers: see above). */
export const LAW = '《信访工作条例》';

/** The time limits of a lawful route the visitor is guided to (诉访分离). */
const ROUTE_LIMITS: Record<LegalRoute, string> = {
  court: '诉讼时效',
  procuratorate: '申请期限',
  arbitration: '仲裁时效',
  labour_arbitration: '仲裁时效',
  reconsideration: '行政复议申请期限',
};

/** The one rule for an extension, on the 延期告知书 and wherever it is shown: "延长N日，至YYYY年MM月DD日". */
export const extendedTo = (days: number, due: string) => `延长${days}日，至${day(due)}`;

export const LEGAL = {
  // ---- 受理告知书 (this bureau's own 受理) -------------------------------------
  accepted: (on: string, unit: string) =>
    `本机关已于${day(on)}依法受理${unit ? `，由${unit}具体承办` : ''}。现将接收情况以及处理途径和程序告知如下：`,
  handleLimit: (due: string | null) =>
    `该信访事项自受理之日起60日内办结${due ? `，办理期限至${day(due)}` : ''}。情况复杂的，经批准可以适当延长办理期限，延长期限不超过30日，并将延期理由告知您。`,
  opinionPromise: '办理结束后，将以书面形式（信访处理意见书）答复您。',
  reviewAfterOpinion: '您对信访处理意见不服的，可以自收到书面答复之日起30日内请求原办理机关的上一级机关复查。',

  // ---- 转送告知书 / 交办告知书 (the matter went to another organ: not this bureau's 受理) --
  forwarded: (on: string, unit: string) => `本机关已于${day(on)}将该信访事项转送${unit}处理。`,
  forwardedFollowUp: (unit: string) => `${unit}将依照规定的期限，书面告知您接收情况以及处理途径和程序。具体办理情况，请您向${unit}了解。`,
  assigned: (on: string, unit: string) => `本机关已于${day(on)}将该信访事项交由${unit}办理。`,
  assignedFollowUp: (unit: string) => `${unit}将依照规定的期限办理，并将处理意见书面答复您。具体办理情况，请您向${unit}了解。`,

  // ---- 不予受理告知书 / 不再受理告知书: no remedy is offered against a refusal ------------
  /** `found` is the ground's label or the written reason. */
  declined: (found: string) => `经审查，${found}。依照${LAW}的规定，本机关对该信访事项不予受理。`,
  declinedToLegalRoute: '请您依照有关法律、行政法规规定的程序，通过相应的法定途径提出，并注意该途径的法定时效或者期限。',
  notAgain: (endedOn: string | null) =>
    `经审查，您反映的事项与${endedOn ? `已于${day(endedOn)}` : '已经'}办理终结的信访事项属于同一事项，您仍然以同一事实和理由提出。依照${LAW}的规定，对该信访事项不再受理。`,

  // ---- 引导告知书 (诉访分离): names the route and its own time limits; no 复查 ---------
  guided: (routeLabel: string) => `经审查，您反映的事项依法应当通过法定途径解决。请您依照有关法律、行政法规规定的程序${routeLabel}。`,
  guidedTimeLimit: (route: LegalRoute | null, routeLabel: string) =>
    `请注意：${routeLabel}受法律规定的时效或者期限限制${route ? `（${ROUTE_LIMITS[route]}）` : ''}，请您在法定期限内依法提出，以免影响您的合法权益。`,
  /** When no route was recorded: name the family of routes, nothing more. */
  anyLegalRoute: '通过诉讼、仲裁、行政复议等法定途径提出',

  // ---- 延期告知书 ------------------------------------------------------------
  /** Who accepted it: this bureau (受理), or the unit it was assigned or forwarded to. */
  extensionAccepted: (on: string, ownAcceptance: boolean, unit: string) =>
    ownAcceptance || !unit ? `本机关于${day(on)}受理` : `${unit}于${day(on)}受理`,
  /** The reason as written for the visitor, the approver, and the days and date the matter stores. */
  extension: (reason: string, approver: string, days: number, due: string) =>
    `因${reason}，经${approver ? approver : '本机关负责人'}批准，办理期限${extendedTo(days, due)}。`,

  // ---- 信访处理意见书 / 复查意见书 / 复核意见书 ------------------------------------
  opinionIntro: '经调查核实，现将处理意见书面答复如下：',
  reviewIntro: (requestedOn: string | null) =>
    `您${requestedOn ? `于${day(requestedOn)}` : ''}对该信访事项的处理意见提出复查请求。经复查，现将复查意见书面答复如下：`,
  recheckIntro: (requestedOn: string | null) =>
    `您${requestedOn ? `于${day(requestedOn)}` : ''}对该信访事项的复查意见提出复核请求。经复核，现将复核意见书面答复如下：`,
  /** The remedy a 处理意见 opens: 复查, within 30 days of receiving it. */
  opinionRemedy: '您对本处理意见不服的，可以自收到本意见书之日起30日内，请求原办理机关的上一级机关复查。',
  /** The remedy a 复查意见 opens: 复核, within 30 days of receiving it. */
  reviewRemedy: '您对本复查意见不服的，可以自收到本意见书之日起30日内，向复查机关的上一级机关请求复核。',
  /** A 复核意见 ends the matter. */
  recheckFinal:
    '本复核意见为该信访事项的最终处理意见，该信访事项办理终结。您对复核意见不服，仍然以同一事实和理由提出投诉请求的，不再受理。',

  // ---- the sheets sent to a unit (交办单, 督办单) -------------------------------
  assignDemand: (due: string | null) =>
    `请${due ? `于${day(due)}前` : '在规定期限内'}办结，并将办理结果书面报告本机关；认为不属于本单位职责范围的，请自收到本交办单之日起5个工作日内提出异议并说明理由。`,
  superviseDemand: (due: string) => `请于${day(due)}前将办理情况和结果书面报告本机关。`,
} as const;
