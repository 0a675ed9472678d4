// The A4 papers of a talk record (受理/不予受理/延期告知书, 交办单, 接谈记录),
// each rendered by the print route from fixed data in real Chromium, printed
// to PDF at A4 and read back with pdftotext; pdftoppm turns the pages into PNG
// to look at (test-results/notices). The print.slip call is answered by the
// test, so the templates are checked apart from the backend that fills them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { SlipData, TalkTemplate } from '@shared/api/schemas/printing';
import type { MatterView } from '@shared/api/schemas/matters';
import type { TalkRecordView } from '@shared/api/schemas/reception';
import type { VisitDetail } from '@shared/api/schemas/visits';
import { residentId } from '../support';

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
  matterId: visit.matterId,
  version: 1,
};

/** The talk's matter: its clocks and extension (the papers print the matter's dates). */
const matter: MatterView = {
  id: visit.matterId,
  version: 2,
  petitionerId: visit.petitionerId,
  name: visit.name,
  category: visit.category,
  locationArea: visit.locationArea,
  summary: visit.summary,
  kind: 'claim',
  receivedOrgan: '朝阳区信访局',
  receivedByName: '李登记',
  state: 'handling',
  receivedOn: '2026-11-24',
  decision: 'accepted',
  decidedOn: '2026-11-24',
  acceptedOn: '2026-11-24',
  handleDue: '2027-01-25',
  extensionDays: null,
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
  unit: '某某街道办事处',
  declineGround: null,
  route: null,
  reason: '',
  extensionReason: '',
  extensionApprover: '',
  opinion: null,
  reviewOpinion: null,
  recheckOpinion: null,
  evaluation: null,
  evaluationVia: null,
  evaluatedOn: null,
  leadLeaderName: '',
  resolution: null,
  superviseDue: null,
  supervisionCount: 0,
  clocks: [
    { clock: 'reply', due: '2026-12-09', state: 'ok', daysLeft: 15 },
    { clock: 'handle', due: '2027-01-25', state: 'ok', daysLeft: 62 },
  ],
  actions: [],
  visits: [],
  events: [],
};

function slip(
  template: TalkTemplate,
  over: { talk?: Partial<TalkRecordView>; matter?: Partial<MatterView>; visit?: Partial<VisitDetail>; rest?: Partial<TalkSlip> } = {},
): TalkSlip {
  return {
    template,
    bureau,
    paper: 'A4',
    reprint: false,
    printedAt: '2026-12-20T02:00:00.000Z',
    talk: { ...talk, ...over.talk },
    matter: { ...matter, ...over.matter },
    visit: { ...visit, ...over.visit },
    leaderName: '赵局长',
    roomName: '第一接谈室',
    lawyer: '孙律师',
    date: '2026-11-24',
    startedAt: '09:30',
    endedAt: '10:05',
    originalHandleDue: null,
    extendedOn: null,
    ...over.rest,
  };
}

/** Renders one paper through the print route, answering print.slip with `data`; returns text (whitespace removed), pages and size. */
async function render(opener: Page, data: TalkSlip, name: string) {
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

test('受理告知书: dates, unit, the way to 复查, seal and 送达回执 on one A4 page', async ({ page }) => {
  const pdf = await render(page, slip('accept_notice'), 'accept-notice');
  expect(pdf.sizeMm).toEqual([210, 297]);
  expect(pdf.pages).toBe(1);
  expectAll(pdf.text, [
    '受理告知书',
    '编号：LF20261124-0012-受',
    '张建国：',
    '2026年11月24日',
    '小区地下车库长期积水',
    '某某街道办事处负责办理',
    '接收情况以及处理途径和程序',
    '60日',
    '办理期限至2027年01月25日',
    '不超过30日',
    '信访处理意见书',
    '30日内',
    '复查',
    '朝阳区信访局盖章',
    '010-65090000',
    '北京市朝阳区某某路1号',
    '送达回执',
    '签收人',
    '日期',
  ]);
  expect(pdf.text).not.toMatch(/第[一二三四五六七八九十\d]+条/); // no article numbers of the 条例
  expect(pdf.text).not.toContain(ID);
});

test('不予受理告知书: the reason, and for 引导诉讼 the lawful route, reprinted with 补打', async ({ page }) => {
  const declined = await render(
    page,
    slip('decline_notice', {
      talk: { outcome: 'declined', unit: '', reason: '该事项已经依法作出处理并已答复，您未提出新的事实和理由。' },
      matter: { state: 'declined', decision: 'declined', handleDue: null, acceptedOn: null },
    }),
    'decline-notice',
  );
  expect(declined.sizeMm).toEqual([210, 297]);
  expect(declined.pages).toBe(1);
  expectAll(declined.text, [
    '不予受理告知书',
    '编号：LF20261124-0012-不受',
    '张建国：',
    '您于2026年11月24日反映的',
    '经审查，该事项已经依法作出处理并已答复，您未提出新的事实和理由，根据《信访工作条例》的规定，本机关不予受理。',
    '30日内',
    '复查',
    '朝阳区信访局盖章',
    '送达回执',
    '签收人',
  ]);
  expect(declined.text).not.toContain('。，');

  const lit = await render(
    page,
    slip('decline_notice', {
      talk: { outcome: 'guided', unit: '', reason: '向人民法院提起民事诉讼' },
      matter: { state: 'guided', decision: 'guided', route: 'court', handleDue: null, acceptedOn: null },
      rest: { reprint: true },
    }),
    'decline-notice-litigation',
  );
  expect(lit.pages).toBe(1);
  expectAll(lit.text, [
    '该事项属于应当通过诉讼、仲裁、行政复议等法定途径解决的事项',
    '请您向人民法院提起民事诉讼',
    '不予受理',
    '补打',
    '复查',
  ]);
  expect(lit.text).not.toContain(ID);
});

test('延期告知书: accepted on, the original and the extended deadline, the reason', async ({ page }) => {
  const pdf = await render(
    page,
    slip('extension_notice', {
      matter: { extensionDays: 30, extensionReason: '涉及多个部门，需现场勘验并委托第三方检测', handleDue: '2027-02-24' },
      rest: { originalHandleDue: '2027-01-25', extendedOn: '2026-12-20' },
    }),
    'extension-notice',
  );
  expect(pdf.sizeMm).toEqual([210, 297]);
  expect(pdf.pages).toBe(1);
  expectAll(pdf.text, [
    '延期告知书',
    '编号：LF20261124-0012-延',
    '（编号：LF20261124-0012）',
    '本机关于2026年11月24日受理',
    '原办理期限至2027年01月25日',
    '因涉及多个部门，需现场勘验并委托第三方检测，经批准，办理期限延长30日，至2027年02月24日。',
    '2026年12月20日',
    '朝阳区信访局盖章',
    '送达回执',
  ]);
});

test('交办单: a form for the responsible unit with the group, escort, deadline and the 5-working-day objection rule', async ({ page }) => {
  const reps = [
    { name: '王一', idType: 'resident', idNumber: GROUP_REP_ID, phone: '13800000001' },
    { name: '王二', idType: 'resident', idNumber: GROUP_REP_ID, phone: '13800000002' },
    { name: '王三', idType: 'none', idNumber: '', phone: '' },
  ] as VisitDetail['representatives'];
  const pdf = await render(
    page,
    slip('assign_sheet', {
      talk: { outcome: 'assigned', unit: '区住房和城乡建设委员会' },
      matter: { decision: 'assigned', unit: '区住房和城乡建设委员会', handleDue: '2027-01-08' },
      visit: {
        peopleCount: 12,
        isGroup: true,
        representatives: reps,
        escort: { name: '刘干部', unit: '某某街道办事处', phone: '010-65091111' },
      },
    }),
    'assign-sheet',
  );
  expect(pdf.sizeMm).toEqual([210, 297]);
  expect(pdf.pages).toBe(1);
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
    '接谈领导',
    '赵局长',
    '领导意见',
    '明确由街道牵头协调',
    '2027年01月08日前办结',
    '5个工作日内提出异议',
    '交办人',
    '签收人',
    '朝阳区信访局盖章',
    '第1页共1页',
  ]);
  expect(pdf.text).not.toContain(ID);
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
      matter: { state: 'concluded', decision: 'answered', handleDue: null, acceptedOn: null, concludedOn: '2026-11-24', clocks: [] },
      rest: { lawyer: '', endedAt: null },
    }),
    'talk-record-answered',
  );
  expect(answered.pages).toBe(1);
  expectAll(answered.text, ['当场答复', '未评价', '值班律师无', '2026年11月24日09:30起']);
  expect(answered.text).not.toContain('书面告知');
});
