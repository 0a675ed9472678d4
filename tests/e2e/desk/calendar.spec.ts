// The administrator enters the year's holidays and 调休 working days.
import { expect, test } from '@playwright/test';
import { ADMIN, login, snap } from '../support';

test('the administrator enters 国庆 holidays and a 调休 working day', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  await page.goto('/#/admin/calendar');
  await page.getByLabel('年份').selectOption('2026');
  const from = page.getByRole('textbox', { name: '从' });
  const to = page.getByRole('textbox', { name: '至' });
  await from.fill('2026-10-01');
  await to.fill('2026年10月7日');
  await to.press('Tab');
  await page.getByLabel('名称').fill('国庆节');
  await page.getByRole('button', { name: '加入' }).click();
  await from.fill('2026/10/10');
  await to.fill('2026-10-10');
  await to.press('Tab');
  await page.getByLabel('类型').selectOption({ label: '调休上班' });
  await page.getByLabel('名称').fill('国庆调休');
  await page.getByRole('button', { name: '加入' }).click();
  const table = page.getByRole('table', { name: '节假日列表' });
  await expect(table.getByRole('row')).toHaveCount(8);
  await page.getByRole('button', { name: '保存 2026 年节假日' }).click();
  await expect(page.getByText('2026 年节假日已保存')).toBeVisible();
  await snap(page, '31-calendar');
  const saved = (await (await page.request.post('/api/calendar.year', { data: { year: 2026 } })).json()) as {
    data: { date: string; kind: string }[];
  };
  expect(saved.data.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ]);
  expect(saved.data.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(['2026-10-10']);
});
