// 审计查询 in Chromium: the chain is reported whole, a person found by ID number
// shows their registration and the reads of their data, the result is exported
// as xlsx (read back with a second reader), and the screen is looked at at both sizes.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { ADMIN, api, login, residentId, runTag, snap } from '../support';

const { stamp, tag } = runTag();

test('the administrator checks the chain and finds who read a person’s data, keyboard first', async ({ page }) => {
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const idNumber = residentId('110105', '19580808', stamp.slice(-3));
  const name = `审计${tag}`;
  const visit = await api<{ id: string }>(page.request, 'visits.register', {
    idType: 'resident',
    idNumber,
    name,
    phone: '',
    address: '',
    peopleCount: 1,
    purpose: 'request',
    category: 'civil_affairs',
    locationArea: '和平街道',
    summary: '低保资格复核',
    demands: '',
  });
  await api(page.request, 'visits.get', { visitId: visit.id });

  await page.goto('/#/admin/audit');
  await expect(page.getByRole('heading', { name: '审计查询' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/审计链完整（\d+ 条）/);

  const person = page.getByRole('textbox', { name: '信访人' });
  await expect(person).toBeFocused();
  await person.fill(idNumber);
  await person.press('Enter');
  const rows = page.getByRole('row');
  // the reads of their data (the detail, and any list that showed them since) and the records made for them
  for (const action of ['查看来访详情', '来访登记', '新建信访事项', '新建信访人']) {
    await expect(rows.filter({ hasText: action }).filter({ hasText: name })).toHaveCount(1);
  }
  await snap(page, '60-audit-1600');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '60-audit-1366');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await (await download).path();
  const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
  const sheet = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['审计日志']!, { header: 1 });
  expect(sheet.slice(1).map((r) => r[3])).toEqual(expect.arrayContaining(['查阅个人信息', '来访登记', '新建信访事项', '新建信访人']));
  expect(sheet.slice(1).map((r) => r[4])).toContain('查看来访详情');
  expect(sheet.slice(1).every((r) => r[6] === name)).toBe(true);
});
