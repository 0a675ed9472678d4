// The administrator sets up rooms and next week's roster of reception days:
// edits a room, adds a leader's session, is refused a second one that would put
// the leader in two rooms at once, publishes the first and prints the week's
// notice for the hall (rendered to PDF and read back). A clerk sees the roster
// without the editing controls. Sessions go on next week's Wednesday, never
// today: other tests use today's sessions.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addDays } from '@shared/domain/deadlines';
import { formatCalendarDate, hallDate } from '@shared/time';
import { ADMIN, CLERK_STATE, login, snap, api, runTag } from '../support';

const OUT = 'test-results/pdf';
const { stamp, tag } = runTag();

/** Screenshots without save notices or a dialog fading out over the page. */
async function settle(page: Page) {
  await page.mouse.move(5, 995); // a pointer over a notice keeps it open
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('.mantine-Modal-overlay')).toHaveCount(0);
}

/** Monday of next week and that week's Wednesday, as 'YYYY-MM-DD'. */
function nextWeek(): { monday: string; wednesday: string } {
  const today = hallDate();
  const monday = addDays(today, 7 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  return { monday, wednesday: addDays(monday, 2) };
}

test('rooms and the roster: edit a room, add a session, a leader in two rooms is refused, publish, print the notice', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const leaderName = `林书记${tag}`;
  await api(page.request, 'users.create', { username: `lin${stamp}`, displayName: leaderName, role: 'leader', password: 'Start2026pw' });

  // 房间设置: a wrong capacity is explained at the field, a right one is saved.
  await page.getByText('房间设置', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '房间设置' })).toBeVisible();
  const rooms = page.getByRole('table', { name: '房间列表' });
  await expect(rooms.getByRole('row', { name: /1号接谈室/ })).toContainText('08:30–17:30'); // other tests add rooms of their own
  await rooms.getByRole('button', { name: '编辑 候谈室' }).click();
  const roomDialog = page.getByRole('dialog', { name: '编辑房间：候谈室' });
  const capacity = roomDialog.getByRole('textbox', { name: '容纳人数' });
  await expect(capacity).toHaveValue('30');
  await capacity.fill('0');
  await capacity.press('Control+Enter');
  await expect(roomDialog.getByText('容纳人数至少为1')).toBeVisible();
  await snap(page, '51-room-edit-error');
  await capacity.fill('36');
  await capacity.press('Control+Enter');
  await expect(roomDialog).toBeHidden();
  await expect(rooms.getByRole('row', { name: /候谈室/ })).toContainText('36人');
  await settle(page);
  await snap(page, '52-rooms');
  const saved = await api<{ name: string; capacity: number }[]>(page.request, 'rooms.list', {});
  expect(saved.find((r) => r.name === '候谈室')?.capacity).toBe(36);

  // 接访安排, next week: a session for the leader, keyboard only.
  const { monday, wednesday } = nextWeek();
  const leaders = await api<{ id: string; displayName: string }[]>(page.request, 'users.list', {});
  const leaderId = leaders.find((u) => u.displayName === leaderName)!.id;
  await page.getByText('接访安排', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '接访安排' })).toBeVisible();
  await page.getByRole('button', { name: '下一周' }).click();
  await expect(page.getByTestId('roster-week')).toContainText(formatCalendarDate(monday));
  await page.getByRole('button', { name: '新增接访' }).click();
  const dialog = page.getByRole('dialog', { name: '新增接访' });
  await dialog.getByLabel('接访领导').selectOption({ label: leaderName });
  await dialog.getByRole('textbox', { name: '日期' }).fill(formatCalendarDate(wednesday));
  await dialog.getByRole('textbox', { name: '日期' }).press('Tab');
  await expect(dialog.getByText('星期三')).toBeVisible();
  await dialog.getByLabel('开始时间').fill('900'); // typed the quick way; shown as 09:00
  await dialog.getByLabel('开始时间').press('Enter');
  await expect(dialog.getByLabel('开始时间')).toHaveValue('09:00');
  await expect(dialog.getByLabel('结束时间')).toBeFocused();
  await dialog.getByLabel('结束时间').fill('11：30');
  await dialog.getByLabel('接谈室').selectOption({ label: '1号接谈室' });
  await dialog.getByLabel('接访事项').fill('征地拆迁、劳动社保');
  await dialog.getByLabel('值班律师').fill('张律师（某某律师事务所）');
  await expect(dialog.getByText('可约 5 个时段')).toBeVisible();
  await dialog.getByLabel('值班律师').press('Control+Enter');
  await expect(dialog).toBeHidden();
  const table = page.getByRole('table', { name: '接访安排' });
  const row = table.getByRole('row', { name: new RegExp(leaderName) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('09:00–11:30');
  await expect(row).toContainText('1号接谈室');
  await expect(row).toContainText('草稿');

  // The same leader at an overlapping time in 2号接谈室 is refused; the form stays as typed.
  await page.getByRole('button', { name: '新增接访' }).click();
  await dialog.getByLabel('接访领导').selectOption({ label: leaderName });
  await dialog.getByRole('textbox', { name: '日期' }).fill(formatCalendarDate(wednesday));
  await dialog.getByRole('textbox', { name: '日期' }).press('Tab');
  await dialog.getByLabel('开始时间').fill('10:00');
  await dialog.getByLabel('结束时间').fill('12:00');
  await dialog.getByLabel('接谈室').selectOption({ label: '2号接谈室' });
  await dialog.getByRole('button', { name: '加入安排' }).click();
  const conflict = dialog.getByTestId('roster-conflict');
  await expect(conflict).toContainText('同一时间不能在两个房间');
  await expect(conflict).toContainText(`${leaderName}在 09:00–11:30 已安排在1号接谈室接访`);
  await expect(dialog.getByLabel('开始时间')).toHaveValue('10:00');
  await page.mouse.move(5, 995);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
  await snap(page, '53-roster-conflict');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: new RegExp(leaderName) })).toHaveCount(1);

  // Publish.
  await row.getByRole('button', { name: '发布' }).click();
  await expect(row).toContainText('已发布');
  await expect(row.getByRole('button', { name: '撤回' })).toBeVisible();

  // A draft on Thursday in 2号接谈室, cancelled with a reason (asked for in a dialog).
  const room2 = (await api<{ id: string; name: string }[]>(page.request, 'rooms.list', {})).find((r) => r.name === '2号接谈室')!.id;
  const thursday = addDays(wednesday, 1);
  await api(page.request, 'roster.save', {
    id: null,
    leaderId,
    date: thursday,
    start: '14:00',
    end: '16:00',
    roomId: room2,
    topics: '',
    lawyer: '',
    slotMinutes: 20,
    expectedVersion: null,
  });
  const draft = table.getByRole('row', { name: /14:00–16:00/ });
  await expect(draft).toContainText('草稿'); // the page refreshes on the server's change event
  await draft.getByRole('button', { name: '取消' }).click();
  const cancel = page.getByRole('dialog', { name: '取消接访' });
  await expect(cancel).toContainText(`${formatCalendarDate(thursday)}（星期四）14:00–16:00 在2号接谈室`);
  await cancel.getByRole('button', { name: '确认取消接访' }).click();
  await expect(cancel.getByText('请填写取消原因')).toBeVisible();
  await cancel.getByLabel('取消原因').fill('领导临时参加防汛会议');
  await cancel.getByLabel('取消原因').press('Control+Enter');
  await expect(cancel).toBeHidden();
  await expect(draft).toContainText('已取消');
  await expect(draft).toContainText('取消原因：领导临时参加防汛会议');
  await expect(draft.getByRole('button')).toHaveCount(0);
  await settle(page);
  await snap(page, '54-roster');

  // Print the week's notice: the button opens the print dialog (stubbed here), the
  // print stylesheet shows only the notice, on A4.
  await page.evaluate("window.print = () => document.body.setAttribute('data-printed', 'yes')"); // a string: the tests' tsconfig has no DOM types
  await page.getByRole('button', { name: '打印接访安排' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  mkdirSync(OUT, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  const file = `${OUT}/roster-notice.pdf`;
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '80', file, `${OUT}/roster-notice`]);
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(1);
  expect(Math.round((Number(/Page size:\s+([\d.]+)/.exec(info)![1]) * 25.4) / 72)).toBe(210);
  const bureau = await api<{ name: string }>(page.request, 'print.bureau', {});
  for (const s of [
    `${bureau.name}领导接访日安排`,
    formatCalendarDate(wednesday),
    '星期三',
    '09:00–11:30',
    leaderName,
    '1号接谈室',
    '征地拆迁、劳动社保',
    '请来访群众按安排时间到大厅取号候谈',
  ]) {
    expect(text).toContain(s);
  }
  // Only the notice: not the cancelled session, not the screen's navigation.
  expect(text).not.toContain('2号接谈室');
  expect(text).not.toContain('来访登记');

  // A clerk reads the roster but cannot change it.
  const clerk = await (await browser.newContext({ storageState: CLERK_STATE })).newPage();
  await clerk.goto('/#/roster');
  await expect(clerk.getByRole('heading', { name: '接访安排' })).toBeVisible();
  await clerk.getByRole('button', { name: '下一周' }).click();
  const clerkRows = clerk.getByRole('table', { name: '接访安排' }).getByRole('row').filter({ hasText: leaderName });
  await expect(clerkRows.filter({ hasText: '09:00–11:30' })).toContainText('已发布');
  await expect(clerkRows.filter({ hasText: '14:00–16:00' })).toContainText('已取消');
  await expect(clerk.getByRole('button', { name: '新增接访' })).toHaveCount(0);
  await expect(clerk.getByRole('table', { name: '接访安排' }).getByRole('button')).toHaveCount(0);
  await snap(clerk, '55-roster-clerk');
  await clerk.context().close();
});
