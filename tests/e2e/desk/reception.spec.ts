// A leader's reception day in the browser: the admin's roster, a clerk placing
// a walk-in and an appointment on the day board, the duty leader seeing only
// their own queue, calling the visitor into the room (the hall display shows
// it) and recording an outcome whose due date the app computes.
//
// The server runs on the real clock, so today's sessions here span the whole
// day (00:00–23:59, 5-minute places) in rooms opened for it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { addDays, EMPTY_CALENDAR, handleDue, replyDue, type HolidayCalendar } from '@shared/domain/deadlines';
import { formatCalendarDate, hallDate } from '@shared/time';
import { ADMIN, CLERK_STATE, login, residentId, snap, api, runTag } from '../support';

const HD = { width: 1600, height: 1000 };
const { stamp, tag } = runTag();

/** A leader account, logged in with its first password changed, as a browser context. */
async function leaderContext(browser: Browser, admin: APIRequestContext, username: string, displayName: string) {
  const user = await api<{ id: string }>(admin, 'users.create', { username, displayName, role: 'leader', password: 'Start2026pw' });
  const context = await browser.newContext({ viewport: HD, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await api(context.request, 'auth.login', { username, password: 'Start2026pw' });
  await api(context.request, 'auth.changePassword', { oldPassword: 'Start2026pw', newPassword: 'Leader2026pass' });
  return { id: user.id, context };
}

test('roster, a walk-in and an appointment, the leader’s own queue, a call into the room and an outcome with its due date', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const today = hallDate();
  const adminPage = await (await browser.newContext({ viewport: HD })).newPage();
  await login(adminPage, ADMIN.username, ADMIN.password);
  await expect(adminPage.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const admin = adminPage.request;

  // The administrator: two rooms open all day, a session for each of two leaders, published.
  const wang = await leaderContext(browser, admin, `wang${stamp}`, `王局长${tag}`);
  const zhao = await leaderContext(browser, admin, `zhao${stamp}`, `赵主任${tag}`);
  const room = async (number: number) =>
    api<{ id: string }>(admin, 'rooms.save', {
      id: null,
      number,
      name: `${number}号接谈室`,
      kind: 'talk',
      capacity: 6,
      openFrom: '00:00',
      openTo: '23:59',
      active: true,
    }).catch(async () => {
      const rooms = await api<{ id: string; number: number }[]>(admin, 'rooms.list', {});
      return rooms.find((r) => r.number === number)!;
    });
  const session = async (leaderId: string, roomId: string) => {
    const s = await api<{ id: string }>(admin, 'roster.save', {
      id: null,
      leaderId,
      date: today,
      start: '00:00',
      end: '23:59',
      roomId,
      topics: '城建、拆迁安置',
      lawyer: '刘律师',
      slotMinutes: 5,
      expectedVersion: null,
    });
    return api<{ id: string }>(admin, 'roster.setStatus', { sessionId: s.id, status: 'published', reason: '' });
  };
  const room8 = await room(8);
  const room7 = await room(7);
  await session(wang.id, room8.id);
  const zhaoSession = await session(zhao.id, room7.id);

  // The clerk registers three visitors; one goes to the other leader.
  const clerk = await (await browser.newContext({ storageState: CLERK_STATE, viewport: HD })).newPage();
  const register = (name: string, seq: string) =>
    api<{ id: string; visitNo: string }>(clerk.request, 'visits.register', {
      idType: 'resident',
      idNumber: residentId('110105', '19580101', seq),
      name,
      phone: '13800001111',
      address: '和平街道8号',
      peopleCount: 1,
      purpose: 'complaint',
      category: 'urban_construction',
      locationArea: '和平街道',
      summary: '拆迁补偿款未按协议支付',
      demands: '要求按协议支付',
      skipLevel: false,
      escort: null,
      representatives: [],
      petitionerId: null,
      matterId: null,
    });
  const walkName = `钱${tag}江`;
  const apptName = `孙${tag}河`;
  const otherName = `周${tag}山`;
  await register(walkName, stamp.slice(-3));
  await register(apptName, String((Number(stamp.slice(-3)) + 1) % 1000).padStart(3, '0'));
  const other = await register(otherName, String((Number(stamp.slice(-3)) + 2) % 1000).padStart(3, '0'));
  await api(clerk.request, 'reception.schedule', { visitId: other.id, sessionId: zhaoSession.id, kind: 'walk_in' });

  // Day board: F2 opens scheduling; a walk-in shows its expected time before it is placed.
  await clerk.goto('/#/board');
  await expect(clerk.getByRole('heading', { name: /接访看板/ })).toBeVisible();
  await clerk.keyboard.press('F2');
  const dialog = clerk.getByRole('dialog', { name: '排入领导接访' });
  await dialog.getByRole('textbox', { name: '来访登记（今日）' }).fill(walkName);
  await clerk.getByRole('option', { name: new RegExp(walkName) }).click();
  await dialog.getByRole('textbox', { name: '接访安排' }).click();
  await clerk.getByRole('option', { name: new RegExp(`王局长${tag}`) }).click();
  await expect(dialog.getByLabel('预计接谈时间')).toContainText('现在排入，预计');
  await snap(clerk, '40-schedule-walk-in');
  await dialog.getByRole('button', { name: '排入' }).click();
  await expect(clerk.getByText(new RegExp(`已排入王局长${tag}的接访，号码 L\\d{3}`))).toBeVisible();

  // An appointment at the first free slot.
  await clerk.keyboard.press('F2');
  await dialog.getByRole('textbox', { name: '来访登记（今日）' }).fill(apptName);
  await clerk.getByRole('option', { name: new RegExp(apptName) }).click();
  await dialog.getByText('约访（选时段）').click();
  await dialog.getByRole('textbox', { name: '接访安排' }).click();
  await clerk.getByRole('option', { name: new RegExp(`王局长${tag}`) }).click();
  await dialog.getByRole('textbox', { name: '约访时段' }).click();
  await clerk.getByRole('option').first().click();
  await dialog.getByRole('button', { name: '排入' }).click();
  await expect(clerk.getByText(/当天到大厅签到/)).toBeVisible();
  const wangTable = clerk.getByLabel(`王局长${tag}的接访`);
  await expect(wangTable.getByRole('row', { name: new RegExp(walkName) })).toContainText('候谈中');
  await expect(wangTable.getByRole('row', { name: new RegExp(apptName) })).toContainText('已预约');
  await expect(clerk.getByRole('table', { name: '接谈室时间表' })).toContainText(walkName);
  await snap(clerk, '41-day-board');

  // The leader sees their own queue only — not the other leader's visitor — and may not open it.
  const leader = await wang.context.newPage();
  await leader.goto('/#/leader');
  const queue = leader.getByRole('table', { name: '接访队列' });
  await expect(queue).toContainText(walkName);
  await expect(queue).toContainText(apptName);
  await expect(leader.getByText(otherName)).toHaveCount(0);
  const refused = (await (await leader.request.post('/api/reception.myQueue', { data: { leaderId: zhao.id } })).json()) as {
    ok: boolean;
    error: { message: string };
  };
  expect(refused).toMatchObject({ ok: false, error: { message: '只能查看本人的接访队列' } });

  // 叫下一位: the hall display shows the number and the room.
  const display = await (await browser.newContext({ viewport: HD })).newPage();
  await display.goto('/#/display');
  await leader.getByRole('button', { name: '叫下一位（F5）' }).click();
  const ticketNo = (await queue
    .getByRole('row', { name: new RegExp(walkName) })
    .getByRole('cell')
    .nth(1)
    .textContent())!.trim();
  expect(ticketNo).toMatch(/^L\d{3}$/);
  await expect(display.getByTestId('current-call').filter({ hasText: ticketNo })).toContainText('请到 8 号接谈室');
  await snap(display, '42-display-room-call');

  // The talk record: 受理 with the responsible unit; the written-answer date is computed before saving.
  const form = leader.getByRole('form', { name: '接谈记录' });
  await form.getByLabel('接谈情况').fill('来访人反映拆迁补偿款未按协议支付，经核实协议约定于今年内支付。');
  await form.getByText('2 受理', { exact: true }).click();
  await form.getByLabel('责任单位').fill('区住建局');
  const cal = await calendarOf(leader.request, today);
  const due = formatCalendarDate(replyDue(today, cal));
  await expect(form.getByLabel('期限')).toContainText(`书面告知期限：${due}`);
  await form.getByText('满意', { exact: true }).click();
  await snap(leader, '43-leader-talk-form');
  await form.getByLabel('接谈情况').press('Control+Enter');
  await expect(leader.getByLabel('接谈结果')).toContainText('接谈结果：受理（区住建局）');
  // The dates now belong to the matter: the result links to its page.
  await expect(leader.getByLabel('接谈结果').getByRole('link', { name: /信访事项/ })).toBeVisible();
  await expect(leader.getByLabel('接谈结果')).toContainText('来访人满意');
  await expect(queue.getByRole('row', { name: new RegExp(walkName) })).toContainText('已接谈');
  await snap(leader, '44-leader-queue-after');

  // The 受理告知书: archived as the PDF the server's Chromium draws, with its SHA-256, before it prints.
  await leader.getByRole('button', { name: '受理告知书', exact: true }).click();
  const preview = leader.getByRole('dialog', { name: '预览：受理告知书' });
  await expect(preview.frameLocator('iframe').getByText('受理告知书').first()).toBeVisible();
  await snap(leader, '47-notice-preview');
  await preview.getByRole('button', { name: '打印' }).click();
  const archive = leader.getByRole('table', { name: '告知书存档' });
  await expect(archive).toContainText('受理告知书', { timeout: 60_000 });
  await expect(archive).toContainText('SHA-256');
  const talkId = (
    await api<{ sessions: { visitors: { name: string; talk: { id: string } | null }[] }[] }>(leader.request, 'reception.myQueue', {
      leaderId: null,
    })
  ).sessions[0]!.visitors.find((v) => v.name === walkName)!.talk!.id;
  const [kept] = await api<{ id: string; sha256: string }[]>(leader.request, 'print.archive', { talkId });
  const pdf = await api<{ sha256: string; base64: string }>(leader.request, 'print.archivedPdf', { archiveId: kept!.id });
  const bytes = Buffer.from(pdf.base64, 'base64');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(kept!.sha256);
  mkdirSync('test-results/notices', { recursive: true });
  writeFileSync('test-results/notices/archived-accept-notice.pdf', bytes);
  const text = execFileSync('pdftotext', ['test-results/notices/archived-accept-notice.pdf', '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
  for (const expected of [walkName, '区住建局', '受理告知书', formatCalendarDate(handleDue(today, cal))]) expect(text).toContain(expected);
  expect(text).not.toContain(residentId('110105', '19580101', stamp.slice(-3)));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    'test-results/notices/archived-accept-notice.pdf',
    'test-results/notices/archived-accept-notice',
  ]);
  await snap(leader, '46-leader-notice-archived');

  // The other leader assigns a matter due tomorrow: the clerks' menu warns before anyone opens the list.
  const called = await api<{ bookingId: string }>(zhao.context.request, 'reception.callNext', { sessionId: zhaoSession.id });
  await api(zhao.context.request, 'reception.record', {
    bookingId: called.bookingId,
    notes: '交办街道处理',
    decision: 'assigned',
    unit: '和平街道办',
    deadline: addDays(today, 1),
  });
  await clerk.goto('/#/board');
  await expect(clerk.getByLabel(/件期限临近或已逾期/)).toBeVisible();

  // The administrator opens any leader's queue under 领导接访.
  await adminPage.goto('/#/admin/leader');
  await adminPage.getByRole('textbox', { name: '查看领导' }).click();
  await adminPage.getByRole('option', { name: `王局长${tag}` }).click();
  await expect(adminPage.getByRole('heading', { name: new RegExp(`王局长${tag}的接访`) })).toBeVisible();
  await expect(adminPage.getByRole('table', { name: '接访队列' })).toContainText(walkName);
  await snap(adminPage, '48-admin-leader-queue');

  // The clerk's 期限提醒 lists the written answer due.
  await clerk.goto('/#/due');
  await expect(
    clerk
      .getByRole('table', { name: '期限列表' })
      .getByRole('row', { name: new RegExp(walkName) })
      .first(),
  ).toContainText(due.slice(5));
  await snap(clerk, '45-due-list');
});

async function calendarOf(request: APIRequestContext, today: string): Promise<HolidayCalendar> {
  const y = Number(today.slice(0, 4));
  const days = [
    ...(await api<{ date: string; kind: string }[]>(request, 'calendar.year', { year: y })),
    ...(await api<{ date: string; kind: string }[]>(request, 'calendar.year', { year: y + 1 })),
  ];
  if (days.length === 0) return EMPTY_CALENDAR;
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}
