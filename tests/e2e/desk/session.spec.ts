// A session that ends mid-registration (server restart, 12 hours idle) must not
// cost the clerk what they typed: a login overlay appears over the page.
import { expect, test } from '@playwright/test';
import { CLERK, login, residentId } from '../support';

test('an expired session asks for the password again and keeps the unsaved form', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill('孙未存');
  await page.getByLabel('诉求摘要').fill('尚未保存的诉求');
  // The session ends on the server side.
  await page.request.post('/api/auth.logout', { data: {} });
  await page.getByRole('textbox', { name: '证件号码', exact: true }).fill(residentId('110105', '19660606', '357'));
  await expect(page.getByText('登录已过期，请重新登录')).toBeVisible();
  await page.getByRole('textbox', { name: '用户名' }).fill(CLERK.username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(CLERK.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('登录已过期，请重新登录')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('孙未存');
  await expect(page.getByLabel('诉求摘要')).toHaveValue('尚未保存的诉求');
  await context.close();
});
