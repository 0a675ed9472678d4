// The desktop app's 选择数据位置 screen in Chromium. Electron cannot run here, so
// the page talks to serve mode's test-only /api/connection-setup/* (turned on
// by PETITION_HALL_TEST_CONNECTION_SETUP), which runs the same operations as the
// desktop's IPC (electron/backend/db/connection-settings.ts) against a real
// PostgreSQL that checks passwords.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { adminQuery } from '../../support/engine';
import { startCluster, type Cluster } from '../../support/pg-cluster';
import { snap } from '../support';
import { PORT_A, serve, stopAll } from './serve-process';

const SECRET = 'Hall@2026:#pw';
let cluster: Cluster;
let dir: string;
const servers: ChildProcess[] = [];

test.beforeAll(async () => {
  cluster = await startCluster({ password: SECRET });
  await adminQuery(cluster.url, 'CREATE DATABASE petition_hall');
  dir = mkdtempSync(join(tmpdir(), 'hall-e2e-conn-'));
  servers.push(await serve(PORT_A, join(dir, 'data'), { PETITION_HALL_TEST_CONNECTION_SETUP: join(dir, 'desk') }));
});

test.afterAll(async () => {
  await stopAll(servers);
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The outcome shown under the form, titled by the action (测试连接：成功 / 保存：未成功 …). */
const result = (page: Page, action: string) => page.getByTestId('connection-result').filter({ hasText: `${action}：` });

test('选择数据位置: test a hall database (wrong password, missing database, success), save it, enter the password at start', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${PORT_A}`, viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto('/#/connection');
  await expect(page.getByRole('heading', { name: '选择数据位置' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '本机数据' })).toBeChecked();
  await expect(page.getByRole('radio', { name: '本机数据' })).toBeFocused();
  await snap(page, 'conn-01-first-run');

  // Keyboard: the arrow key moves the choice to the hall database.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: '连接大厅数据库' })).toBeChecked();
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(page.getByText('请填写服务器地址')).toBeVisible();

  await page.getByLabel('服务器地址').fill('127.0.0.1');
  await page.getByLabel('端口').fill(String(cluster.port));
  await expect(page.getByLabel('数据库名')).toHaveValue('petition_hall');
  await expect(page.getByLabel('用户名')).toHaveValue('hall');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(result(page, '测试连接')).toContainText('用户名或密码错误');
  await snap(page, 'conn-02-wrong-password');

  await page.getByLabel('密码', { exact: true }).fill(SECRET);
  await page.getByLabel('数据库名').fill('no_such_hall');
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(result(page, '测试连接')).toContainText('数据库不存在');

  await page.getByLabel('数据库名').fill('petition_hall');
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(result(page, '测试连接')).toContainText(`连接成功（127.0.0.1:${cluster.port}/petition_hall）`);
  await snap(page, 'conn-03-success');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, 'conn-03-success-1366');

  // Saved with the password: encrypted in a file only its owner can read.
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(result(page, '保存')).toContainText('程序需重新启动');
  const file = join(dir, 'desk', 'connection.json');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { kind: string; host: string; password: string | null };
  expect(saved).toMatchObject({ kind: 'postgres', host: '127.0.0.1' });
  expect(saved.password).toEqual(expect.any(String));
  expect(readFileSync(file, 'utf8')).not.toContain(SECRET);

  // Reopened (the menu's 文件 → 数据位置): the saved choice is shown, never the password.
  await page.reload();
  await expect(page.getByRole('radio', { name: '连接大厅数据库' })).toBeChecked();
  await expect(page.getByLabel('服务器地址')).toHaveValue('127.0.0.1');
  await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');

  // Not saving the password: at the next start the screen asks for it.
  await page.getByLabel('密码', { exact: true }).fill(SECRET);
  await page.getByRole('checkbox', { name: /保存密码/ }).uncheck();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(result(page, '保存')).toContainText('程序需重新启动');
  expect((JSON.parse(readFileSync(file, 'utf8')) as { password: string | null }).password).toBeNull();
  await page.reload();
  await expect(page.getByText(`hall@127.0.0.1:${cluster.port}/petition_hall`)).toBeVisible();
  await expect(page.getByLabel('数据库密码')).toBeFocused();
  await page.keyboard.type('wrong-password');
  await page.keyboard.press('Enter');
  await expect(result(page, '连接')).toContainText('用户名或密码错误');
  await page.getByLabel('数据库密码').fill(SECRET);
  await page.keyboard.press('Enter');
  await expect(result(page, '连接')).toContainText('连接成功');
  await snap(page, 'conn-04-password-at-start');
  await context.close();
});
