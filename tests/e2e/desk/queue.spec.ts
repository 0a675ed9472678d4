// The hall at work: tickets issued at the front desk, called from two desks at
// once, each call shown once on the public display (masked) and announced.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CLERK_STATE, residentId, snap } from '../support';

const HD = { width: 1920, height: 1080 };

async function deskPage(browser: Browser, deskName: string): Promise<Page> {
  const context = await browser.newContext({ storageState: CLERK_STATE, viewport: HD });
  const page = await context.newPage();
  await page.goto('/#/desk');
  await page.getByRole('button', { name: deskName }).click();
  await expect(page.getByRole('heading', { name: deskName })).toBeVisible();
  return page;
}

test('two desks and the hall display: issue, call, recall, no-show, each call shown once and masked', async ({ browser }) => {
  // The public display: no login.
  const displayContext = await browser.newContext({ viewport: HD });
  const display = await displayContext.newPage();
  await display.goto('/#/display');
  await display.getByRole('button', { name: '点击屏幕启用语音播报' }).click();
  await expect(display.getByRole('heading', { name: '正在叫号' })).toBeVisible();

  // Front desk: one keystroke per ticket; 1 then A gives an elderly-priority ticket.
  const front = await (await browser.newContext({ storageState: CLERK_STATE, viewport: HD })).newPage();
  const reg = await front.request.post('/api/visits.register', {
    data: {
      idType: 'resident',
      idNumber: residentId('110105', '19580808', '246'),
      name: '欧阳娜娜',
      phone: '13900002222',
      address: '',
      peopleCount: 1,
      purpose: 'request',
      category: 'civil_affairs',
      locationArea: '和平街道',
      summary: '低保待遇咨询',
      demands: '',
    },
  });
  const visit = ((await reg.json()) as { data: { id: string } }).data;
  await front.goto('/#/issue');
  await expect(front.getByRole('heading', { name: '取号' })).toBeVisible();
  const lanes = ((await (await front.request.post('/api/queue.lanes', { data: {} })).json()) as { data: { id: string; prefix: string }[] })
    .data;
  const laneA = lanes.find((l) => l.prefix === 'A')!.id;
  // The first ticket is linked to the registration, so the display has a name to mask.
  await front.request.post('/api/queue.issue', { data: { laneId: laneA, visitId: visit.id } });
  await expect(front.getByRole('button', { name: /A 普通来访/ })).toBeVisible();
  await front.keyboard.press('a');
  await expect(front.getByTestId('issued-ticket')).toHaveText('A002');
  await front.keyboard.press('a');
  await expect(front.getByTestId('issued-ticket')).toHaveText('A003');
  await front.keyboard.press('1');
  await front.keyboard.press('a');
  await expect(front.getByTestId('issued-ticket')).toHaveText('A004');
  await expect(front.getByLabel('刚取的号')).toContainText('优先：老年人');
  await expect(front.getByLabel('刚取的号')).toContainText('前面还有 0 人');
  await snap(front, '20-issue');

  const desk1 = await deskPage(browser, '1号窗口');
  const desk2 = await deskPage(browser, '2号窗口');
  // The display told the backend whether it can speak Chinese; the desks warn when it cannot
  // (Debian's Chromium here usually has no voices at all, a hall PC may).
  const displaySpeaks = await display.evaluate<boolean>('speechSynthesis.getVoices().some((v) => /^zh/i.test(v.lang))');
  await expect(desk1.getByTestId('display-voice-warning')).toHaveCount(displaySpeaks ? 0 : 1);
  // (Other specs' displays may be counted too: each browser context is a display of its own.)
  if (!displaySpeaks) await expect(desk1.getByTestId('display-voice-warning')).toContainText(/\d+ 台叫号屏所在电脑未安装中文语音/);
  // Waiting line in desk 1's calling order: priority first.
  await expect(desk1.getByRole('table', { name: '等候队列' }).getByRole('row').first()).toContainText('A004');

  // Both desks call at the same moment.
  await Promise.all([desk1.keyboard.press('F5'), desk2.keyboard.press('F5')]);
  const got = [await desk1.getByTestId('current-ticket').textContent(), await desk2.getByTestId('current-ticket').textContent()];
  expect(new Set(got).size).toBe(2);
  expect([...got].sort()).toEqual(['A001', 'A004']);

  // The display shows both within a second, the linked visitor masked.
  const calls = display.getByTestId('current-call');
  await expect(calls).toHaveCount(2, { timeout: 1000 });
  await expect(display.getByLabel('正在叫号')).toContainText('欧**娜');
  await expect(display.locator('body')).not.toContainText('欧阳娜娜');
  const log = display.getByRole('log', { name: '语音播报记录' });
  await expect(log.getByText('请 A004 号到', { exact: false })).toHaveCount(1);
  await expect(log.getByText('请 A001 号到', { exact: false })).toHaveCount(1);

  // Recall is announced again; no-show needs the configured two calls.
  const a004desk = got[0] === 'A004' ? desk1 : desk2;
  await a004desk.keyboard.press('F6');
  await expect(log.getByText('请 A004 号到', { exact: false })).toHaveCount(2);
  await a004desk.keyboard.press('F7');
  await expect(a004desk.getByText('今日过号')).toBeVisible();
  await expect(a004desk.getByTestId('current-ticket')).toHaveCount(0);

  await snap(desk1, '21-desk-1');
  await snap(display, '22-display');

  // The day's log records who called what, where.
  await desk2.goto('/#/queue-log');
  const table = desk2.getByRole('table', { name: '叫号记录' });
  // Chinese date format whatever the browser's locale.
  await expect(desk2.getByLabel('日期')).toHaveValue(/^\d{4}年\d{2}月\d{2}日$/);
  await expect(table.getByRole('row', { name: /A004/ })).toContainText('过号');
  await expect(table.getByRole('row', { name: /A004/ })).toContainText('重呼');
  await snap(desk2, '23-queue-log');
});
