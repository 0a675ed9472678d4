// The A4 papers of a 信访事项 (告知书, 意见书, 交办单, 督办单) and of a talk
// (接谈记录), each rendered by the print route from fixed data in real Chromium,
// printed to PDF at A4 and read back with pdftotext; pdftoppm turns the pages
// into PNG to look at (test-results/notices). The print.slip call is answered
// by the test, so the templates are checked apart from the backend that fills
// them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { MatterTemplate, SlipData, TalkTemplate } from '@shared/api/schemas/printing';
import type { MatterEventView, MatterView } from '@shared/api/schemas/matters';
import type { TalkRecordView } from '@shared/api/schemas/reception';
import type { VisitDetail } from '@shared/api/schemas/visits';
import { formatCalendarDate } from '@shared/time';
import { residentId } from '../support';

type MatterSlip = Extract<SlipData, { template: MatterTemplate }>;
type TalkSlip = Extract<SlipData, { template: TalkTemplate }>;
const OUT = 'test-results/notices';
const ID = residentId('110105', '19710707', '468');
const GROUP_REP_ID = residentId('110105', '19800101', '123');

const bureau = { name: '朝阳区信访局', address: '北京市朝阳区某某路1号', phone: '010-65090000', sealText: '朝阳区信访局' };

const visit: VisitDetail = {
  id: '0190b000-0000-7000-8000-000000000001',
  visitNo: 'LF20261124-0012',
  registeredAt: '2026-11-24T01:35:00.000Z',
  kind: 'first',
  petitionerId: '0190b000-0000-7000-8000-000000000002',
  matterId: '0190b000-0000-7000-8000-000000000003',
  name: '张建国',
  phone: '13700001111',
  category: 'urban_construction',
  purpose: 'complaint',
  summary: '小区地下车库长期积水，物业与开发商互相推诿，多次反映未果',
  peopleCount: 1,
  isGroup: false,
  outcome: null,
  registeredByName: '李登记',
  version: 1,
  correctedAt: null,
  idType: 'resident',
  idNumber: ID,
  gender: 'male',
  birthDate: '1971-07-07',
  address: '北京市朝阳区某某街道某某小区3号楼2单元501',
  locationArea: '某某街道',
  demands: '要求开发商和物业限期排查渗水原因并完成整改，公开处理结果。',
  escort: null,
  skipLevel: false,
  representatives: [],
  corrections: [],
};

/** An accepted matter, handled by this bureau, its 60-day deadline running. */
const matter: MatterView = {
  id: visit.matterId,
  version: 3,
  petitionerId: visit.petitionerId,
  name: visit.name,
  category: visit.category,
  locationArea: visit.locationArea,
  summary: visit.summary,
  kind: 'claim',
  state: 'handling',
  receivedOn: '2026-11-24',
  receivedOrgan: bureau.name,
  receivedByName: '李登记',
  decision: 'accepted',
  decidedOn: '2026-11-24',
  acceptedOn: '2026-11-24',
  handleDue: '2027-01-25',
  extensionDays: null,
  extensionReason: '',
  extensionApprover: '',
  repliedOn: null,
  opinionOn: null,
  concludedOn: null,
  reviewRequestedOn: null,
  reviewPausedDays: 0,
  reviewDecidedOn: null,
  recheckRequestedOn: null,
  recheckPausedDays: 0,
  recheckDecidedOn: null,
  finalOn: null,
  leadLeaderId: null,
  leadLeaderName: '',
  unit: '',
  declineGround: null,
  route: null,
  reason: '',
  opinion: null,
  reviewOpinion: null,
  recheckOpinion: null,
  evaluation: null,
  evaluationVia: null,
  evaluatedOn: null,
  resolution: null,
  superviseDue: null,
  supervisionCount: 0,
  clocks: [
    { clock: 'reply', due: '2026-12-09', state: 'ok', daysLeft: 15 },
    { clock: 'handle', due: '2027-01-25', state: 'ok', daysLeft: 62 },
  ],
  actions: [],
  visits: [{ id: visit.id, visitNo: visit.visitNo, visitDate: '2026-11-24', kind: 'first', peopleCount: 1 }],
  events: [],
};

function mslip(
  template: MatterTemplate,
  over: { matter?: Partial<MatterView>; visit?: Partial<VisitDetail>; rest?: Partial<MatterSlip> } = {},
): MatterSlip {
  return {
    template,
    bureau,
    paper: 'A4',
    reprint: false,
    printedAt: '2026-12-20T02:00:00.000Z',
    refId: '0193a000-0000-7000-8000-000000000999',
    matter: { ...matter, ...over.matter },
    visit: { ...visit, ...over.visit },
    originalHandleDue: null,
    extendedOn: null,
    supervision: null,
    ...over.rest,
  };
}

const talk: TalkRecordView = {
  id: '0190b000-0000-7000-8000-000000000010',
  bookingId: '0190b000-0000-7000-8000-000000000011',
  visitId: visit.id,
  visitNo: visit.visitNo,
  visitDate: '2026-11-24',
  name: visit.name,
  leaderName: '赵局长',
  notes: '来访人反映车库积水情况，出示了照片和与物业的往来记录。接谈领导当场联系街道城建科，明确由街道牵头协调。',
  outcome: 'accepted',
  unit: '某某街道办事处',
  reason: '',
  lawyerPresent: true,
  satisfaction: 'basic',
  decidedOn: '2026-11-24',
  matterId: matter.id,
  version: 1,
};

function slip(
  template: TalkTemplate,
  over: { talk?: Partial<TalkRecordView>; visit?: Partial<VisitDetail>; rest?: Partial<TalkSlip> } = {},
): TalkSlip {
  return {
    template,
    bureau,
    paper: 'A4',
    reprint: false,
    printedAt: '2026-12-20T02:00:00.000Z',
    refId: '0193a000-0000-7000-8000-000000000999',
    talk: { ...talk, ...over.talk },
    visit: { ...visit, ...over.visit },
    matter,
    leaderName: '赵局长',
    roomName: '第一接谈室',
    lawyer: '孙律师',
    date: '2026-11-24',
    startedAt: '09:30',
    endedAt: '10:05',
    ...over.rest,
  };
}

/** Renders one paper through the print route, answering print.slip with `data`; returns text (whitespace removed), pages and size. */
async function render(opener: Page, data: MatterSlip | TalkSlip, name: string) {
  mkdirSync(OUT, { recursive: true });
  const page = await opener.context().newPage();
  await page.route('**/api/print.slip', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, data }) }),
  );
  await page.goto(`/#/print/job/${'t'.repeat(24)}${name.replace(/\W/g, '')}`);
  await expect(page).toHaveTitle('print-ready');
  await page.emulateMedia({ media: 'print' });
  const file = `${OUT}/${name}.pdf`;
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.close();
  execFileSync('pdftoppm', ['-png', '-r', '60', file, `${OUT}/${name}`]);
  const raw = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  return {
    text: raw.replace(/\s+/g, ''),
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    sizeMm: [Math.round((Number(w) * 25.4) / 72), Math.round((Number(h) * 25.4) / 72)],
  };
}

test.beforeAll(() => rmSync(OUT, { recursive: true, force: true }));

function expectAll(text: string, parts: string[]) {
  for (const p of parts) expect(text, `missing: ${p}`).toContain(p.replace(/\s+/g, ''));
}

const noArticles = /第[一二三四五六七八九十百\d]+条/;

/** Every paper: one A4 page, the number, the addressee, no article numbers, never the full ID number. */
function expectPaper(pdf: { text: string; pages: number; sizeMm: number[] }, pages = 1) {
  expect(pdf.sizeMm).toEqual([210, 297]);
  expect(pdf.pages).toBe(pages);
  expect(pdf.text).not.toMatch(noArticles);
  expect(pdf.text).not.toContain(ID);
}

test('受理告知书: this bureau’s 受理, the 60-day date, the way to 复查 after the opinion, seal and 送达回执', async ({ page }) => {
  const pdf = await render(page, mslip('accept_notice', { matter: { unit: '某某街道办事处' } }), 'accept-notice');
  expectPaper(pdf);
  expectAll(pdf.text, [
    '受理告知书',
    '编号：LF20261124-0012-受',
    '张建国：',
    '您于2026年11月24日反映的“小区地下车库长期积水',
    '本机关已于2026年11月24日依法受理，由某某街道办事处具体承办',
    '接收情况以及处理途径和程序',
    '60日内办结，办理期限至2027年01月25日',
    '不超过30日',
    '信访处理意见书',
    '30日内',
    '复查',
    '朝阳区信访局盖章',
    '010-65090000',
    '北京市朝阳区某某路1号',
    '送达回执',
    '签收人',
  ]);
});

test('转送告知书 and 交办告知书: where the matter went, the unit tells the visitor; never this bureau’s 受理', async ({ page }) => {
  const forwarded = await render(
    page,
    mslip('forward_notice', {
      matter: { decision: 'forwarded', state: 'forwarded', unit: '市规划和自然资源委员会', acceptedOn: null, handleDue: null },
    }),
    'forward-notice',
  );
  expectPaper(forwarded);
  expectAll(forwarded.text, [
    '转送告知书',
    '编号：LF20261124-0012-转',
    '本机关已于2026年11月24日将该信访事项转送市规划和自然资源委员会处理',
    '市规划和自然资源委员会将依照规定的期限，书面告知您接收情况以及处理途径和程序',
    '送达回执',
  ]);
  for (const p of ['受理告知书', '本机关受理', '依法受理', '复查']) expect(forwarded.text).not.toContain(p);

  const assigned = await render(
    page,
    mslip('forward_notice', { matter: { decision: 'assigned', unit: '某某街道办事处', handleDue: '2027-01-08' } }),
    'assign-notice',
  );
  expectPaper(assigned);
  expectAll(assigned.text, ['交办告知书', '编号：LF20261124-0012-交告', '交由某某街道办事处办理', '处理意见书面答复您']);
  for (const p of ['受理告知书', '本机关受理', '依法受理', '转送']) expect(assigned.text).not.toContain(p);
});

test('不予受理告知书 and 不再受理告知书: the ground, no 复查 offered; a reprint says 补打', async ({ page }) => {
  const declined = await render(
    page,
    mslip('decline_notice', {
      matter: { decision: 'declined', state: 'declined', declineGround: 'not_petition', handleDue: null, acceptedOn: null },
    }),
    'decline-notice',
  );
  expectPaper(declined);
  expectAll(declined.text, [
    '不予受理告知书',
    '编号：LF20261124-0012-不受',
    '经审查，该事项不属于信访事项受理范围。依照《信访工作条例》的规定，本机关对该信访事项不予受理。',
    '送达回执',
  ]);
  expect(declined.text).not.toContain('复查');
  expect(declined.text).not.toContain('复核');

  const legal = await render(
    page,
    mslip('decline_notice', {
      matter: { decision: 'declined', state: 'declined', declineGround: 'in_legal_process', handleDue: null, acceptedOn: null },
      rest: { reprint: true },
    }),
    'decline-notice-legal',
  );
  expectPaper(legal);
  expectAll(legal.text, ['已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决', '法定时效或者期限', '补打']);
  expect(legal.text).not.toContain('复查');

  const other = await render(
    page,
    mslip('decline_notice', {
      matter: {
        decision: 'declined',
        state: 'declined',
        declineGround: 'other',
        reason: '您反映的问题已由法院作出生效判决。',
        handleDue: null,
      },
    }),
    'decline-notice-other',
  );
  expectAll(other.text, ['经审查，您反映的问题已由法院作出生效判决。依照']);
  expect(other.text).not.toContain('。。');
  expect(other.text).not.toContain('复查');

  const again = await render(
    page,
    mslip('decline_notice', { matter: { decision: 'not_again', state: 'not_again', handleDue: null, acceptedOn: null } }),
    'not-again-notice',
  );
  expectPaper(again);
  expectAll(again.text, ['不再受理告知书', '编号：LF20261124-0012-不再', '同一事实和理由', '不再受理']);
  expect(again.text).not.toContain('复查');
  expect(again.text).not.toContain('复核');
});

test('引导告知书 (诉访分离): names the route and its time limits, offers no 复查', async ({ page }) => {
  const pdf = await render(
    page,
    mslip('guide_notice', { matter: { decision: 'guided', state: 'guided', route: 'court', handleDue: null, acceptedOn: null } }),
    'guide-notice',
  );
  expectPaper(pdf);
  expectAll(pdf.text, [
    '引导告知书',
    '编号：LF20261124-0012-引',
    '依法应当通过法定途径解决',
    '请您依照有关法律、行政法规规定的程序向人民法院提起诉讼',
    '诉讼时效',
    '在法定期限内',
    '送达回执',
  ]);
  expect(pdf.text).toContain('时效');
  expect(pdf.text).not.toContain('复查');
  expect(pdf.text).not.toContain('不予受理告知书');

  const labour = await render(
    page,
    mslip('guide_notice', { matter: { decision: 'guided', state: 'guided', route: 'labour_arbitration', handleDue: null } }),
    'guide-notice-labour',
  );
  expectAll(labour.text, ['申请劳动人事争议仲裁', '仲裁时效']);
  expect(labour.text).not.toContain('复查');
});

test('延期告知书: 延长N日，至 the date the matter stores, the reason and the approver', async ({ page }) => {
  const stored = '2027-02-24';
  const pdf = await render(
    page,
    mslip('extension_notice', {
      matter: {
        extensionDays: 30,
        extensionReason: '涉及多个部门，需现场勘验并委托第三方检测',
        extensionApprover: '李局长',
        handleDue: stored,
      },
      rest: { originalHandleDue: '2027-01-25', extendedOn: '2026-12-20' },
    }),
    'extension-notice',
  );
  expectPaper(pdf);
  expectAll(pdf.text, [
    '延期告知书',
    '编号：LF20261124-0012-延',
    '本机关于2026年11月24日受理',
    '原办理期限至2027年01月25日',
    `因涉及多个部门，需现场勘验并委托第三方检测，经李局长批准，办理期限延长30日，至${formatCalendarDate(stored)}。`,
    '2026年12月20日',
    '朝阳区信访局盖章',
  ]);
});

const opinion = {
  facts: '经现场勘验，车库积水系地下室外墙防水层破损所致。',
  reasons: '开发商对防水工程负有保修责任。',
  decision: '责成开发商于2027年3月底前完成防水修复，街道办事处监督实施。',
  basis: '《建设工程质量管理条例》等有关规定',
};

test('信访处理意见书: facts, reasons, decision, basis, and the 复查 route within 30 days', async ({ page }) => {
  const pdf = await render(
    page,
    mslip('opinion', { matter: { state: 'concluded', opinion, opinionOn: '2027-01-20', concludedOn: '2027-01-20' } }),
    'opinion',
  );
  expectPaper(pdf);
  expectAll(pdf.text, [
    '信访处理意见书',
    '编号：LF20261124-0012-意',
    '一、查明的事实',
    opinion.facts,
    '二、理由',
    opinion.reasons,
    '三、处理意见',
    opinion.decision,
    '四、依据',
    opinion.basis,
    '您对本处理意见不服的，可以自收到本意见书之日起30日内，请求原办理机关的上一级机关复查。',
    '2027年01月20日',
  ]);
});

test('复查意见书 opens 复核; 复核意见书 says the matter is final', async ({ page }) => {
  const review = await render(
    page,
    mslip('review_opinion', {
      matter: {
        state: 'reviewed',
        opinion,
        reviewOpinion: { ...opinion, basis: '' },
        reviewRequestedOn: '2027-02-01',
        reviewDecidedOn: '2027-02-25',
      },
    }),
    'review-opinion',
  );
  expectPaper(review);
  expectAll(review.text, [
    '复查意见书',
    '编号：LF20261124-0012-复查',
    '于2027年02月01日',
    '经复查',
    '30日内',
    '请求复核',
    '2027年02月25日',
  ]);
  expect(review.text).not.toContain('四、依据');

  const recheck = await render(
    page,
    mslip('recheck_opinion', {
      matter: {
        state: 'final',
        recheckOpinion: opinion,
        recheckRequestedOn: '2027-03-01',
        recheckDecidedOn: '2027-03-20',
        finalOn: '2027-03-20',
      },
    }),
    'recheck-opinion',
  );
  expectPaper(recheck);
  expectAll(recheck.text, ['复核意见书', '经复核', '最终处理意见', '办理终结', '同一事实和理由', '不再受理']);
  expect(recheck.text).not.toContain('请求复核');
  expect(recheck.text).not.toContain('复查。');
});

test('交办单: a form for the unit with the group, escort, the report deadline and the 5-working-day objection', async ({ page }) => {
  const reps = [
    { name: '王一', idType: 'resident', idNumber: GROUP_REP_ID, phone: '13800000001' },
    { name: '王二', idType: 'resident', idNumber: GROUP_REP_ID, phone: '13800000002' },
    { name: '王三', idType: 'none', idNumber: '', phone: '' },
  ] as VisitDetail['representatives'];
  const pdf = await render(
    page,
    mslip('assign_sheet', {
      matter: { decision: 'assigned', unit: '区住房和城乡建设委员会', handleDue: '2027-01-08', reason: '请牵头协调开发商与物业。' },
      visit: {
        peopleCount: 12,
        isGroup: true,
        representatives: reps,
        escort: { name: '刘干部', unit: '某某街道办事处', phone: '010-65091111' },
      },
    }),
    'assign-sheet',
  );
  expectPaper(pdf);
  expectAll(pdf.text, [
    '信访事项交办单',
    '编号：LF20261124-0012-交',
    '交办单位',
    '朝阳区信访局',
    '承办单位',
    '区住房和城乡建设委员会',
    '张建国',
    '110105********',
    '12人（集体访，代表：王一、王二、王三）',
    '陪访人员',
    '刘干部',
    '小区地下车库长期积水',
    '要求开发商和物业限期排查',
    '交办意见',
    '请牵头协调开发商与物业',
    '2027年01月08日前办结并报告结果',
    '请于2027年01月08日前办结，并将办理结果书面报告本机关',
    '5个工作日内提出异议',
    '交办人',
    '签收人',
    '朝阳区信访局盖章',
    '第1页共1页',
  ]);
});

test('督办单: to the unit, the latest 督办 with its deadline and reason, and how many there were', async ({ page }) => {
  const events: MatterEventView[] = [1, 2].map((n) => ({
    id: `e${n}`,
    at: '2026-12-10T02:00:00.000Z',
    on: '2026-12-10',
    action: 'supervise',
    actorName: '赵局长',
    fromState: 'handling',
    toState: 'handling',
    unit: '某某街道办事处',
    reason: n === 2 ? '群众再次来访反映进展缓慢' : '请加快办理',
    data: { due: n === 2 ? '2026-12-18' : '2026-12-12' },
  }));
  const pdf = await render(
    page,
    mslip('supervise_sheet', {
      matter: { decision: 'assigned', unit: '某某街道办事处', supervisionCount: 2, superviseDue: '2026-12-18', events },
      rest: { supervision: { on: '2026-12-10', due: '2026-12-18', unit: '某某街道办事处', reason: '群众再次来访反映进展缓慢', count: 2 } },
    }),
    'supervise-sheet',
  );
  expectPaper(pdf);
  expectAll(pdf.text, [
    '信访事项督办单',
    '编号：LF20261124-0012-督2',
    '督办单位',
    '被督办单位',
    '某某街道办事处',
    '第2次督办',
    '交办（2026年11月24日）',
    '办理中',
    '群众再次来访反映进展缓慢',
    '2026年12月18日前',
    '请于2026年12月18日前将办理情况和结果书面报告本机关',
    '督办人',
    '签收人',
  ]);
});

test('接谈记录: every part of the talk, a long record runs over pages to its last words, with three signature lines', async ({ page }) => {
  const para =
    '来访人详细陈述了车库积水的经过：自2019年交房起每逢雨季即积水，最深处没过车轮，电梯井进水停运，物业称系开发商防水施工问题，开发商称已过保修期。';
  let notes = '';
  for (let i = 1; notes.length < 2980; i++) notes += `${i}. ${para}\n`;
  notes = notes.slice(0, 2980) + '\n最后：接谈领导要求街道三日内到现场核实。【记录完毕】';
  expect(notes.length).toBeGreaterThanOrEqual(3000);
  const pdf = await render(
    page,
    slip('talk_record', { talk: { notes }, visit: { escort: { name: '刘干部', unit: '某某街道办事处', phone: '' } } }),
    'talk-record',
  );
  expect(pdf.sizeMm).toEqual([210, 297]);
  expect(pdf.pages).toBeGreaterThanOrEqual(2);
  expectAll(pdf.text, [
    '领导接访接谈记录',
    '编号：LF20261124-0012-谈',
    '接谈时间',
    '2026年11月24日09:30–10:05',
    '第一接谈室',
    '赵局长',
    '孙律师（参与接谈）',
    '张建国',
    '110105********',
    '13700001111',
    '1人',
    '某某街道办事处刘干部',
    '小区地下车库长期积水',
    '1.来访人详细陈述了车库积水的经过',
    '最后：接谈领导要求街道三日内到现场核实。【记录完毕】',
    '受理（责任单位：某某街道办事处）',
    '书面告知',
    '2026年12月09日前',
    '2027年01月25日前',
    '基本满意',
    '来访人签字',
    '接谈领导签字',
    '记录人签字',
    `共${pdf.pages}页`,
  ]);
  expect(pdf.text).not.toContain(ID);

  // Answered on the spot, nobody rated it: no deadlines, 未评价.
  const answered = await render(
    page,
    slip('talk_record', {
      talk: { outcome: 'answered', unit: '', satisfaction: null, lawyerPresent: false },
      rest: { lawyer: '', endedAt: null, matter: { ...matter, decision: 'answered', state: 'concluded', handleDue: null, clocks: [] } },
    }),
    'talk-record-answered',
  );
  expect(answered.pages).toBe(1);
  expectAll(answered.text, ['当场答复', '未评价', '值班律师无', '2026年11月24日09:30起']);
  expect(answered.text).not.toContain('书面告知');
});
