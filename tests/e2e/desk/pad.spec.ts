// 评价器 in Chromium: the administrator pairs a pad (a browser with no login)
// to a new window by code; the pad shows the window and the clerk; F9 at the
// window pushes the question to the pad; the visitor taps 不满意 with a reason;
// a second visitor answers while the pad is offline (kept in localStorage and
// sent when the network is back); the statistics count both for that window.
// Screens of the pad at 1280×800 and 800×1280, and of the admin page.
import { expect, test } from '@playwright/test';
import { ADMIN, CLERK, CLERK_STATE, api, login, snap } from '../support';

const LANDSCAPE = { width: 1280, height: 800 };
const PORTRAIT = { width: 800, height: 1280 };
/** The pad's answers waiting for the network (an expression run in the page). */
const OUTBOX = "localStorage.getItem('petition-hall.pad.outbox')";

test('a pad paired to a window asks after F9; 不满意 with a reason and an answer sent after a network blip are counted', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // The administrator makes a window and a lane of their own for this spec (the queue spec counts lane A
  // from A001) and shows a code for the window.
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const desks = await api<{ number: number }[]>(page.request, 'queue.desks', {});
  const lane = await api<{ id: string }>(page.request, 'queue.saveLane', { id: null, prefix: 'P', name: '评价器测试' });
  const number = Array.from({ length: 99 }, (_, i) => i + 1).find((n) => n > 3 && !desks.some((d) => d.number === n))!;
  const deskName = `${number}号窗口`;
  const desk = await api<{ id: string }>(page.request, 'queue.saveDesk', {
    id: null,
    number,
    name: deskName,
    laneIds: [lane.id],
  });
  await page.goto('/#/admin/pads');
  await page.getByLabel('配对到').selectOption({ label: deskName });
  await page.getByRole('button', { name: '生成配对码' }).click();
  const code = (await page.getByTestId('pad-code').textContent())!.trim();
  expect(code).toMatch(/^\d{6}$/);
  await snap(page, '80-pads-admin-1600');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '80-pads-admin-1366');
  await page.setViewportSize({ width: 1600, height: 1000 });

  // The pad: a fresh browser, no login, no cookies.
  const padContext = await browser.newContext({ viewport: LANDSCAPE });
  const pad = await padContext.newPage();
  await pad.goto('/#/pad');
  await pad.getByLabel('配对码').fill(code);
  await pad.keyboard.press('Enter');
  await expect(pad.getByTestId('pad-place')).toHaveText(deskName);
  await snap(pad, '81-pad-idle-1280');

  // The clerk opens that window and calls a ticket: the pad shows who serves there.
  const deskContext = await browser.newContext({ storageState: CLERK_STATE, viewport: { width: 1600, height: 1000 } });
  const clerk = await deskContext.newPage();
  const serveOne = async () => {
    const t = await api<{ id: string; ticketNo: string }>(clerk.request, 'queue.issue', {
      laneId: lane.id,
    });
    await api(clerk.request, 'queue.callTicket', { deskId: desk.id, ticketId: t.id, reason: '评价器测试' });
    await expect(clerk.getByTestId('current-ticket')).toHaveText(t.ticketNo);
    return t;
  };
  await clerk.goto('/#/desk');
  await clerk.getByRole('button', { name: deskName }).click();
  await expect(clerk.getByRole('heading', { name: deskName })).toBeVisible();
  const first = await serveOne();
  await expect(pad.getByTestId('pad-staff')).toContainText(CLERK.displayName);
  await expect(pad.getByTestId('pad-staff')).toContainText(`工号 ${CLERK.username}`);
  await snap(pad, '81-pad-staff-1280');

  // F9 at the window: the question arrives on the pad by the pushed event.
  await clerk.keyboard.press('F9');
  await expect(pad.getByRole('region', { name: '服务评价' })).toBeVisible();
  await expect(pad.getByText(`排队号 ${first.ticketNo}`)).toBeVisible();
  await snap(pad, '82-pad-question-1280');
  await pad.getByRole('button', { name: '不满意' }).click();
  await pad.getByRole('button', { name: '等候时间太长' }).click();
  await expect(pad.getByRole('button', { name: '等候时间太长' })).toHaveAttribute('aria-pressed', 'true');
  await snap(pad, '83-pad-reasons-1280');
  await pad.getByRole('button', { name: '提交评价' }).click();
  await expect(pad.getByText('感谢您的评价！')).toBeVisible();

  // Second visitor, on a pad held upright, answering while the network is down.
  await pad.setViewportSize(PORTRAIT);
  await serveOne();
  await clerk.keyboard.press('F9');
  await expect(pad.getByRole('region', { name: '服务评价' })).toBeVisible();
  await snap(pad, '84-pad-question-800');
  await padContext.setOffline(true);
  await pad.getByRole('button', { name: '满意', exact: true }).click();
  await expect(pad.getByText('感谢您的评价！')).toBeVisible();
  await expect(pad.getByRole('status').filter({ hasText: '网络中断' })).toBeVisible();
  expect(await pad.evaluate<string | null>(OUTBOX)).toContain('"answer":"satisfied"');
  await snap(pad, '85-pad-offline-800');
  await padContext.setOffline(false);
  await expect.poll(() => pad.evaluate<string | null>(OUTBOX), { timeout: 20_000 }).toBeNull();
  await expect(pad.getByTestId('pad-staff')).toContainText(CLERK.displayName, { timeout: 20_000 });
  await expect(pad.getByRole('status').filter({ hasText: '网络中断' })).toHaveCount(0);
  await snap(pad, '86-pad-idle-800');

  // The statistics count both at that window: 满意 1, 不满意 1 (等候时间太长), 参评率 100%, 满意率 50%.
  await page.goto('/#/stats');
  const row = page.getByTestId(`window-evaluation-${deskName}`);
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell')).toHaveText([deskName, '1', '0', '1', '0', '100.0%', '50.0%']);
  await expect(page.getByText(/不满意原因：.*等候时间太长/)).toBeVisible();
  await snap(page, '87-stats-window-evaluations');
  // The pad never showed the visitor: no ID or phone pattern on any of its screens.
  expect(await pad.locator('body').innerText()).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  await padContext.close();
  await deskContext.close();
  // The lane leaves the 取号 screen the other specs use.
  await api(page.request, 'queue.saveLane', { id: lane.id, prefix: 'P', name: '评价器测试', active: false });
});
