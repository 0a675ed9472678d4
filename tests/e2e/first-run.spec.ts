// First run on an empty data folder: the administrator is created, adds a clerk,
// and the clerk logs in and must replace the initial password.
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe';
import { ADMIN, BUREAU, CLERK, CLERK_STATE, login, snap } from './support';

test('first run: create the administrator, add a clerk, clerk changes the initial password', async ({ page, browser }) => {
  // Four steps each wait on a password hash (scrypt N=2^17, 128 MiB: about a second on a quiet
  // core, several on a busy one) and then load a page's code: those waits get HASHED, not the 5 s.
  test.setTimeout(120_000);
  const HASHED = { timeout: 30_000 };
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '首次使用：设置管理员' })).toBeVisible();
  // The bureau printed on formal notices is asked first (the cursor starts there).
  await expect(page.getByLabel('单位名称')).toBeFocused();
  await page.getByLabel('管理员用户名').fill(ADMIN.username);
  await page.getByLabel('管理员姓名').fill(ADMIN.displayName);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('short');
  await page.getByLabel('再次输入密码').fill('short');
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByText('密码至少8位')).toBeVisible();
  await expect(page.getByText('请填写单位名称')).toBeVisible();
  await snap(page, '01-first-run-error');
  // axe-core on the first-run screen, with its red field errors showing (issue 16).
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1600, height: 1000 },
  ]) {
    await page.setViewportSize(size);
    expect(await axeViolations(page, '首次使用：设置管理员')).toEqual([]);
  }
  await page.getByLabel('单位名称').fill(BUREAU.name);
  await page.getByLabel('单位地址').fill(BUREAU.address);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
  await page.getByLabel('再次输入密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByText(ADMIN.displayName)).toBeVisible(HASHED);

  await page
    .getByRole('link', { name: '账户管理' })
    .or(page.getByText('账户管理', { exact: true }))
    .first()
    .click();
  await page.getByRole('button', { name: '添加账户' }).click();
  const dialog = page.getByRole('dialog', { name: '添加账户' });
  await dialog.getByLabel('用户名').fill(CLERK.username);
  await dialog.getByLabel('姓名').fill(CLERK.displayName);
  await dialog.getByLabel('角色').selectOption({ label: '登记员' });
  await dialog.getByLabel('初始密码').fill(CLERK.initial);
  await dialog.getByRole('button', { name: '添加' }).click();
  const table = page.getByRole('table', { name: '账户列表' });
  await expect(table.getByText(CLERK.displayName)).toBeVisible(HASHED);
  await expect(table.getByText('待改密码')).toBeVisible();
  await expect(dialog).toBeHidden();
  await snap(page, '02-admin-users');

  // A wrong password is refused, with the same words as an unknown username.
  const clerkContext = await browser.newContext();
  const clerkPage = await clerkContext.newPage();
  await login(clerkPage, CLERK.username, 'wrong-password1');
  await expect(clerkPage.getByRole('alert')).toHaveText('用户名或密码错误；多次错误后需等待或请管理员解锁');
  await snap(clerkPage, '03-login-error');

  await login(clerkPage, CLERK.username, CLERK.initial);
  await expect(clerkPage.getByRole('heading', { name: '请修改初始密码' })).toBeVisible(HASHED);
  await snap(clerkPage, '04-change-password');
  await clerkPage.getByLabel('原密码').fill(CLERK.initial);
  await clerkPage.getByRole('textbox', { name: '新密码', exact: true }).fill(CLERK.password);
  await clerkPage.getByLabel('再次输入新密码').fill(CLERK.password);
  await clerkPage.getByRole('button', { name: '修改密码并进入' }).click();
  await expect(clerkPage.getByRole('heading', { name: '来访登记' })).toBeVisible(HASHED);
  // The clerk's navigation has no account management.
  await expect(clerkPage.getByText('账户管理')).toHaveCount(0);
  await clerkContext.storageState({ path: CLERK_STATE });
  await clerkContext.close();
});
