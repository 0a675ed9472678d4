// 备份与恢复 in Chromium, keyboard first: the administrator sets the folder and
// time, takes a backup (立即备份), sees it listed as verified with its hash,
// registers one more visit, then restores the backup through the confirmation
// that names both databases; every screen reloads onto the restored data, the
// later visit is gone from it and kept in the replaced file set aside.
import { expect, test } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADMIN, api, login, residentId, runTag, snap } from '../support';

const { stamp, tag } = runTag();
const FOLDER = resolve('tests/e2e/.data', `备份-${stamp}`);
const REPLACED = resolve('tests/e2e/.data/hall/replaced');

const visit = (seq: string, name: string) => ({
  idType: 'resident',
  idNumber: residentId('110105', '19620202', seq),
  name,
  phone: '',
  address: '',
  peopleCount: 1,
  purpose: 'request',
  category: 'civil_affairs',
  locationArea: '和平街道',
  summary: '备份测试',
  demands: '',
});

test('the administrator backs up and restores with the confirmation, keyboard first', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const kept = await api<{ id: string }>(page.request, 'visits.register', visit(stamp.slice(-3), `备份${tag}`));

  await page.goto('/#/admin/backup');
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  const folder = page.getByRole('textbox', { name: '备份位置（文件夹）' });
  await expect(folder).toBeFocused();
  await folder.fill(FOLDER);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: '每天备份时间' })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('22:30');
  await page.keyboard.press('Enter');
  await expect(page.getByText('备份设置已保存')).toBeVisible();
  await expect(page.getByText(/下次自动备份：\d{4}年\d{2}月\d{2}日 22:30/)).toBeVisible();

  await page.getByRole('button', { name: '立即备份' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/备份完成：/)).toBeVisible({ timeout: 20_000 });
  const list = page.getByRole('table', { name: '备份列表' });
  const row = list.getByRole('row').nth(1);
  await expect(row).toContainText('已核验');
  await expect(row).toContainText('日');
  const files = readdirSync(FOLDER).filter((f) => f.endsWith('.sqlite3'));
  expect(files).toHaveLength(1);
  const name = files[0]!.replace(/\.sqlite3$/, '');
  await snap(page, '70-backup-1600');

  // one more visit after the backup: the restore will replace it (kept in the file set aside)
  const later = await api<{ id: string }>(
    page.request,
    'visits.register',
    visit(
      String(Number(stamp.slice(-3)) + 1)
        .padStart(3, '0')
        .slice(-3),
      `后来${tag}`,
    ),
  );

  await page.getByRole('button', { name: `恢复 ${name}` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  const compare = dialog.getByRole('table', { name: '恢复前后对比' });
  await expect(compare).toContainText('当前数据库（将被替换）');
  const counts = await api<{ current: { visits: number }; backup: { visits: number } }>(page.request, 'backup.planRestore', { name });
  expect(counts.current.visits).toBe(counts.backup.visits + 1);
  await expect(compare.getByRole('row', { name: /来访登记/ })).toContainText(`${counts.current.visits} 条`);
  await expect(compare.getByRole('row', { name: /来访登记/ })).toContainText(`${counts.backup.visits} 条`);
  await expect(dialog).toContainText('当前比备份多 1 条来访登记');
  await expect(dialog).toContainText(REPLACED);
  const confirm = dialog.getByRole('textbox', { name: '请输入“恢复”两字以确认' });
  await expect(confirm).toBeFocused();
  await snap(page, '71-restore-confirm-1600');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '71-restore-confirm-1366');
  await expect(dialog.getByRole('button', { name: '恢复', exact: true })).toBeDisabled();
  await confirm.pressSequentially('恢复');
  const reloaded = page.waitForEvent('load');
  await confirm.press('Enter');
  await reloaded; // system.restored: the screen reloads onto the restored database
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  await snap(page, '70-backup-1366');

  const today = await api<{ id: string }[]>(page.request, 'visits.listDay', {});
  expect(today.map((v) => v.id)).toContain(kept.id);
  expect(today.map((v) => v.id)).not.toContain(later.id);
  const audit = await api<{ total: number }>(page.request, 'audit.query', { filter: { action: 'backup.restore', from: null, to: null } });
  expect(audit.total).toBe(1);
  // the replaced database is kept aside, with the later visit in it
  const aside = readdirSync(REPLACED).filter((f) => f.endsWith('.sqlite3'));
  expect(aside.length).toBeGreaterThan(0);
  const db = new BetterSqlite3(join(REPLACED, aside.sort().at(-1)!), { readonly: true });
  try {
    expect(db.prepare('SELECT count(*) FROM visits WHERE id = ?').pluck().get(later.id)).toBe(1);
  } finally {
    db.close();
  }
  expect(existsSync(join(FOLDER, `${name}.json`))).toBe(true);
});
