// The administrator sets up a folder export and exports now; the xlsx and the
// GB18030 CSV that land in the folder are read back by other readers.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { ADMIN, login, residentId, snap } from '../support';

test('export now to a folder: batch history with SHA-256, files readable by Excel readers', async ({ browser }) => {
  const folder = resolve('tests/e2e/.data/district-share');
  mkdirSync(folder, { recursive: true });
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const reg = await page.request.post('/api/visits.register', {
    data: {
      idType: 'resident',
      idNumber: residentId('110105', '19800808', '579'),
      name: '﨑山𠮷',
      phone: '13600003333',
      address: '',
      peopleCount: 1,
      purpose: 'suggestion',
      category: 'transport',
      locationArea: '和平街道',
      summary: '建议增设公交站, "东门"',
      demands: '',
    },
  });
  expect(((await reg.json()) as { ok: boolean }).ok).toBe(true);

  await page.goto('/#/admin/export');
  await expect(page.getByRole('heading', { name: '数据导出（区信访信息系统）' })).toBeVisible();
  await page.getByRole('button', { name: '添加导出位置' }).click();
  const dialog = page.getByRole('dialog', { name: '添加导出位置' });
  await dialog.getByLabel('名称').fill('区局共享盘');
  await dialog.getByLabel('文件夹路径').fill('relative/path');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText(/请填写完整路径/)).toBeVisible();
  await dialog.getByLabel('文件夹路径').fill(folder);
  await dialog.getByRole('button', { name: '保存' }).click();
  const card = page.getByLabel('导出位置 区局共享盘');
  await card.getByRole('button', { name: '立即导出' }).click();
  await expect(card.getByRole('table', { name: '区局共享盘 导出批次' })).toContainText('SHA-256');
  await expect(card).toContainText('失败：0 条');
  await snap(page, '30-export');

  const files = readdirSync(folder, { recursive: true }).map(String);
  const xlsxFile = files.find((f) => f.endsWith('.xlsx'))!;
  const csvFile = files.find((f) => f.endsWith('.csv'))!;
  expect(files.some((f) => f.endsWith('manifest.json'))).toBe(true);
  const sheet = XLSX.read(readFileSync(join(folder, xlsxFile))).Sheets;
  const rows = XLSX.utils.sheet_to_json<Record<string, string>>(Object.values(sheet)[0]!);
  expect(rows.some((r) => r['姓名'] === '﨑山𠮷' && String(r['诉求摘要']).includes('"东门"'))).toBe(true);
  const csv = iconv.decode(readFileSync(join(folder, csvFile)), 'gb18030');
  expect(csv.split('\r\n')[0]).toContain('登记编号');
  expect(csv).toContain('﨑山𠮷');
});
