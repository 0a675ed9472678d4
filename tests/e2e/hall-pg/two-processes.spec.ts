// Two serve processes on one PostgreSQL database, as two machines of one hall
// (issue 12): the hall display served by process A shows, within a second, a
// ticket called at a desk served by process B. Then the database server goes
// away mid-day: the desk shows 数据库连接中断 while calls fail, and drops it
// once they succeed again, and calls reach the display again.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { adminQuery, withDatabase } from '../../support/engine';
import { startCluster, type Cluster } from '../../support/pg-cluster';
import { ADMIN, CLERK, residentId, snap } from '../support';
import { PORT_A, PORT_B, serve, stopAll } from './serve-process';

const A = `http://127.0.0.1:${PORT_A}`;
const B = `http://127.0.0.1:${PORT_B}`;

let cluster: Cluster;
let dir: string;
const servers: ChildProcess[] = [];

test.beforeAll(async () => {
  cluster = await startCluster({ killable: true });
  await adminQuery(cluster.url, 'CREATE DATABASE hall');
  const database = withDatabase(cluster.url, 'hall');
  dir = mkdtempSync(join(tmpdir(), 'hall-e2e-pg-'));
  // Process A first: it creates the schema; B then finds it up to date.
  servers.push(await serve(PORT_A, join(dir, 'a'), { PETITION_HALL_DATABASE_URL: database }));
  servers.push(await serve(PORT_B, join(dir, 'b'), { PETITION_HALL_DATABASE_URL: database }));
});

test.afterAll(async () => {
  await stopAll(servers);
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function post<T>(ctx: APIRequestContext, method: string, data: unknown): Promise<T> {
  const body = (await (await ctx.post(`/api/${method}`, { data })).json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data;
}

/** A clerk's desk page on `server`, logged in (the initial password already changed). */
async function clerkDesk(browser: Browser, server: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server, viewport: { width: 1600, height: 1000 } });
  await post(context.request, 'auth.login', { username: CLERK.username, password: CLERK.password });
  const page = await context.newPage();
  await page.goto('/#/desk');
  await page.getByRole('button', { name: '1号窗口' }).click();
  await expect(page.getByRole('heading', { name: '1号窗口' })).toBeVisible();
  return page;
}

test('a ticket called through process B appears on process A’s hall display; a database outage shows and clears', async ({ browser }) => {
  // Two server starts, a cluster restart and password hashing (scrypt, 128 MiB each) on a shared machine.
  test.setTimeout(240_000);
  // The administrator (through A) adds a clerk; the clerk (through B) sets a password: one hall, two processes.
  const adminA = await request.newContext({ baseURL: A });
  await post(adminA, 'setup.createAdmin', { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password });
  await post(adminA, 'users.create', { username: CLERK.username, displayName: CLERK.displayName, role: 'clerk', password: CLERK.initial });
  const clerkB = await request.newContext({ baseURL: B });
  await post(clerkB, 'auth.login', { username: CLERK.username, password: CLERK.initial });
  await post(clerkB, 'auth.changePassword', { oldPassword: CLERK.initial, newPassword: CLERK.password });
  const lanes = await post<{ id: string; prefix: string }[]>(clerkB, 'queue.lanes', {});
  const laneA = lanes.find((l) => l.prefix === 'A')!.id;
  await post(clerkB, 'queue.issue', { laneId: laneA, visitId: null });
  await post(clerkB, 'queue.issue', { laneId: laneA, visitId: null });

  const displayContext = await browser.newContext({ baseURL: A, viewport: { width: 1600, height: 1000 } });
  const display = await displayContext.newPage();
  await display.goto('/#/display');
  await display.getByRole('button', { name: '点击屏幕启用语音播报' }).click();
  await expect(display.getByRole('heading', { name: '正在叫号' })).toBeVisible();
  await expect(display.getByTestId('current-call')).toHaveCount(0);

  const desk = await clerkDesk(browser, B);
  await desk.keyboard.press('F5');
  await expect(desk.getByTestId('current-ticket')).toHaveText('A001');
  // Served by the other process, through PostgreSQL's NOTIFY: on A's display within a second.
  await expect(display.getByTestId('current-call')).toContainText('A001', { timeout: 1000 });
  await snap(display, 'pg-01-display-on-a');
  await snap(desk, 'pg-02-desk-on-b');

  // A registration being typed at B when the server goes.
  const form = await desk.context().newPage();
  await form.goto('/#/register');
  await expect(form.getByRole('heading', { name: '来访登记' })).toBeVisible({ timeout: 15_000 });
  await form.getByRole('textbox', { name: '证件号码', exact: true }).fill(residentId('110105', '19650312', '123'));
  await form.getByRole('textbox', { name: '姓名', exact: true }).fill('张三丰');
  await form.getByRole('textbox', { name: '联系电话', exact: true }).fill('13812345678');
  await form.getByLabel('信访目的').selectOption({ label: '求决' });
  await form.getByLabel('内容分类').selectOption({ label: '城乡建设' });
  await form.getByLabel('问题属地').fill('和平街道');
  await form.getByLabel('诉求摘要').fill('小区加装电梯补贴未落实');
  await form.getByLabel('主要诉求').fill('要求落实补贴。');

  // The database server stops (as in a crash or a pulled cable).
  cluster.kill();
  await form.keyboard.press('Control+Enter');
  await expect(form.getByRole('alert', { name: '数据库连接中断' })).toBeVisible();
  // Nothing typed is lost.
  await expect(form.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('张三丰');
  await expect(form.getByLabel('诉求摘要')).toHaveValue('小区加装电梯补贴未落实');
  await expect(form.getByTestId('saved-visit-no')).toHaveCount(0);
  await desk.keyboard.press('F5');
  const banner = desk.getByRole('alert', { name: '数据库连接中断' });
  await expect(banner).toBeVisible();
  await expect(desk.getByTestId('current-ticket')).toHaveText('A001'); // the failed call changed nothing on screen
  await snap(desk, 'pg-03-desk-db-down');
  await desk.setViewportSize({ width: 1366, height: 768 });
  await snap(desk, 'pg-03-desk-db-down-1366');

  // Back: the banner's probe (1 s, 2 s, 4 s … apart) finds it; the next call goes through and reaches A's display.
  cluster.restart();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  // The same form, submitted again, is saved once.
  await expect(form.getByRole('alert', { name: '数据库连接中断' })).toBeHidden({ timeout: 20_000 });
  await form.getByRole('button', { name: '保存登记' }).click();
  await expect(form.getByTestId('saved-visit-no')).toHaveText(/^LF\d{8}-0001$/);
  expect(await post<unknown[]>(clerkB, 'visits.listDay', {})).toHaveLength(1);
  await form.close();
  await desk.bringToFront();
  await desk.keyboard.press('F5');
  await expect(desk.getByTestId('current-ticket')).toHaveText('A002');
  // A's listener reconnects with back-off (at most 10 s apart); then the call reaches its display.
  await expect(display.getByTestId('current-call')).toContainText('A002', { timeout: 20_000 });
  await adminA.dispose();
  await clerkB.dispose();
});
