// A registration whose answer is lost on the way back (issue 13): the server saved it, the
// browser saw a broken connection. The clerk presses 保存 again; the resubmission carries the
// same Idempotency-Key, the server answers with the first visit, and the day has one visit, not two.
import { expect, test } from '@playwright/test';
import { CLERK_STATE, residentId, snap } from '../support';

test.use({ storageState: CLERK_STATE });

async function todayCount(page: import('@playwright/test').Page): Promise<number> {
  const r = await page.request.post('/api/visits.listDay', { data: {} });
  const body = (await r.json()) as { ok: boolean; data: unknown[] };
  expect(body.ok).toBe(true);
  return body.data.length;
}

test('a save whose answer was lost, saved again, is one visit with the first number', async ({ page }) => {
  await page.goto('/#/register');
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const before = await todayCount(page);
  const keys: (string | null)[] = [];
  let firstVisitNo = '';
  await page.route('**/api/visits.register', async (route) => {
    keys.push(await route.request().headerValue('idempotency-key'));
    if (keys.length === 1) {
      // The server saves and answers; the answer never reaches the page.
      const res = await route.fetch();
      firstVisitNo = ((await res.json()) as { data: { visitNo: string } }).data.visitNo;
      await route.abort('connectionreset');
    } else await route.continue();
  });

  await page.getByRole('textbox', { name: '证件号码', exact: true }).fill(residentId('110105', '19720815', '457'));
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill('赵重试');
  await page.getByRole('textbox', { name: '联系电话', exact: true }).fill('13800001111');
  await page.getByLabel('信访目的').selectOption({ label: '求决' });
  await page.getByLabel('内容分类').selectOption({ label: '城乡建设' });
  await page.getByLabel('问题属地').fill('和平街道');
  await page.getByLabel('诉求摘要').fill('道路维修未完成');
  await page.getByLabel('主要诉求').fill('要求尽快完成道路维修。');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('未确认保存')).toBeVisible();
  await expect(page.getByText('不能确定是否已保存：请再次保存，同一份内容不会重复保存')).toBeVisible();
  // The form keeps what was typed.
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('赵重试');
  await snap(page, '90-register-answer-lost');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '90-register-answer-lost-1366');
  await page.setViewportSize({ width: 1600, height: 1000 });

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved-visit-no')).toHaveText(firstVisitNo);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  expect(keys[1]).toBe(keys[0]);
  expect(await todayCount(page)).toBe(before + 1);
  // The notice of the unconfirmed save goes once the save is confirmed.
  await expect(page.getByText('未确认保存')).toHaveCount(0);
  await snap(page, '91-register-saved-once');
});
