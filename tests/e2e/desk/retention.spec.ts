// 个人信息保留 in Chromium: a person whose matter closed and whose last visit lies beyond the
// retention period is reported (and nobody recent), the report is exported as xlsx (read back
// with a second reader), nothing happens until the confirmation naming the count is typed,
// then the person's ID number, phone and address are gone and the name stays. Keyboard first.
//
// Years cannot pass in a test: the old visit is registered today through the API and then
// moved back to 2014 in the database file (its visit date and its matter's dates), as if it
// had been registered then.
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { ADMIN, api, login, residentId, runTag, snap } from '../support';

const { stamp, tag } = runTag();
const DB_FILE = 'tests/e2e/.data/hall/petition-hall.sqlite3';

async function visitAnswered(request: Parameters<typeof api>[0], name: string, idNumber: string, phone: string) {
  const visit = await api<{ id: string; matterId: string }>(request, 'visits.register', {
    idType: 'resident',
    idNumber,
    name,
    phone,
    address: `${name}的住址1号`,
    peopleCount: 1,
    purpose: 'request',
    category: 'civil_affairs',
    locationArea: '和平街道',
    summary: '低保资格复核',
    demands: '',
  });
  const matter = await api<{ version: number }>(request, 'matters.get', { matterId: visit.matterId });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await api(request, 'matters.act', {
    matterId: visit.matterId,
    version: matter.version,
    on: today,
    action: 'decide',
    decision: 'answered',
  });
  return visit;
}

test('the administrator reports who is past the retention period and minimises them after typing the confirmation', async ({ page }) => {
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const oldName = `保留旧${tag}`;
  const newName = `保留新${tag}`;
  const oldId = residentId('110105', '19480808', stamp.slice(-3));
  const old = await visitAnswered(page.request, oldName, oldId, '13700000001');
  await visitAnswered(page.request, newName, residentId('110105', '19490909', stamp.slice(-3)), '13700000002');
  const db = new Database(DB_FILE);
  db.pragma('busy_timeout = 5000');
  db.prepare('UPDATE visits SET visit_date = ? WHERE id = ?').run('2014-03-03', old.id);
  db.prepare(
    "UPDATE matters SET received_on = '2014-03-03', decided_on = '2014-03-03', concluded_on = '2014-03-03', updated_at = '2014-03-03T02:00:00.000Z' WHERE id = ?",
  ).run(old.matterId);
  db.close();

  await page.goto('/#/admin/retention');
  await expect(page.getByRole('heading', { name: '个人信息保留', exact: true })).toBeVisible();
  const years = page.getByRole('textbox', { name: '保留年限（年）' });
  await expect(years).toBeFocused();
  await years.fill('10');
  await years.press('Enter');
  await expect(page.getByText('保留年限已设为 10 年')).toBeVisible();
  await page.keyboard.press('Tab'); // 保存
  await page.keyboard.press('Tab'); // 生成报告
  await page.keyboard.press('Enter');

  const report = page.getByRole('region', { name: '保留报告' }).or(page.getByLabel('保留报告'));
  await expect(report).toContainText(/截止 \d{4}年\d{1,2}月\d{1,2}日（含）/);
  await expect(report).toContainText('受影响信访人1 人');
  const list = page.getByRole('table', { name: '受影响人员' });
  await expect(list.getByRole('row').filter({ hasText: oldName })).toHaveCount(1);
  await expect(list).toContainText(`${oldId.slice(0, 6)}********${oldId.slice(-4)}`);
  await expect(list).not.toContainText(newName);
  await snap(page, '70-retention-1600');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '70-retention-1366');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const wb = XLSX.read(readFileSync(await (await download).path()), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['个人信息保留']!, { header: 1 });
  expect(rows[2]![1]).toBe('姓名');
  expect(rows.slice(3).map((r) => r[1])).toEqual([oldName]);

  const confirm = page.getByRole('textbox', { name: '确认文字' });
  const run = page.getByRole('button', { name: '执行' });
  await confirm.focus();
  await confirm.fill('确认处理2人');
  await expect(run).toBeDisabled();
  await confirm.press('Enter');
  await confirm.fill('确认处理1人');
  await expect(run).toBeEnabled();
  await confirm.press('Enter');
  await expect(page.getByText('已对 1 人完成个人信息最小化')).toBeVisible();
  await expect(report).toContainText('没有超过保留年限的人员，无需处理');
  await expect(report).toContainText('此前已处理 1 人');
  await snap(page, '71-retention-done-1366');

  const [gone] = await api<{ name: string; idNumber: string; phone: string; address: string }[]>(page.request, 'petitioners.search', {
    q: oldName,
  });
  expect(gone).toMatchObject({ name: oldName, idNumber: '', phone: '', address: '' });
  const [kept] = await api<{ idNumber: string; phone: string }[]>(page.request, 'petitioners.search', { q: newName });
  expect(kept!.phone).toBe('13700000002');
});
