// 统计分析 in Chromium: the figures of the month with numerator/denominator,
// another period chosen, a number drilled into its visits, and the screen
// looked at at both sizes; the 月报 printed and reopened as PDF, the workbook
// exported and read back. The spec registers a group visit of its own, so the
// month has figures whether or not other specs ran before it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { ADMIN, CLERK_STATE, api, login, residentId, runTag, snap } from '../support';

const OUT = 'test-results/pdf';

const { stamp, tag } = runTag();

test('statistics: the month’s figures, another period, a number drilled into its visits', async ({ page }) => {
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  await api(page.request, 'visits.register', {
    idType: 'resident',
    idNumber: residentId('110105', '19660606', stamp.slice(-3)),
    name: `统计${tag}`,
    phone: '',
    address: '',
    peopleCount: 6,
    purpose: 'request',
    category: 'civil_affairs',
    locationArea: '和平街道',
    summary: '低保资格复核',
    demands: '',
    representatives: [{ name: `代表${tag}`, idType: 'none', idNumber: '', phone: '' }],
  });
  await page.goto('/#/stats');
  await expect(page.getByRole('heading', { name: '统计分析' })).toBeVisible();

  // The card's number is what the API counts for the month, and it opens the visits behind it.
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const summary = await api<{ figures: { key: string; label: string; numerator: number }[] }>(page.request, 'stats.summary', {
    from: `${today.slice(0, 8)}01`,
    to: monthEnd,
  });
  const visits = summary.figures.find((f) => f.key === 'visits')!;
  expect(visits.numerator).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: `${visits.label}明细` })).toHaveText(String(visits.numerator));
  await snap(page, '70-stats-1600');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '70-stats-1366');
  await page.setViewportSize({ width: 1600, height: 1000 });

  await page.getByRole('button', { name: `${visits.label}明细` }).click();
  const drill = page.getByRole('dialog', { name: `${visits.label}明细` });
  await expect(drill).toBeVisible();
  await expect(drill.getByRole('row')).not.toHaveCount(0);
  await expect(drill).toContainText('LF');
  await snap(page, '71-stats-drill');
  await page.keyboard.press('Escape');
  await expect(drill).toBeHidden();

  // The year as the period: the figure can only grow.
  await page.getByText('年', { exact: true }).click();
  const yearCard = page.getByRole('button', { name: `${visits.label}明细` });
  await expect(yearCard).not.toHaveText('');
  expect(Number((await yearCard.textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(visits.numerator);
});

test('the 月报 printed from the page is kept as PDF showing the API’s figure; 导出Excel reads back', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  await page.goto('/#/stats');
  await expect(page.getByRole('heading', { name: '统计分析' })).toBeVisible();
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const report = await api<{ volume: { key: string; value: number }[]; rates: { key: string; numerator: number; denominator: number }[] }>(
    page.request,
    'stats.report',
    { kind: 'month', date: today },
  );
  const visits = report.volume.find((v) => v.key === 'visits')!.value;
  const people = report.volume.find((v) => v.key === 'people')!.value;
  const before = (await api<unknown[]>(page.request, 'stats.reports', {})).length;

  // Keyboard: the button is reached with Tab and pressed with Enter; the browser prints through a frame.
  const printMonth = page.getByRole('button', { name: '打印月报' });
  await printMonth.focus();
  await page.keyboard.press('Enter');
  await expect(page.frameLocator('iframe').locator('.slip-report')).toContainText('信访月报');
  await expect.poll(async () => (await api<unknown[]>(page.request, 'stats.reports', {})).length, { timeout: 30_000 }).toBe(before + 1);

  // Reopened from 报表存档: the kept PDF shows 走访 N 批 M 人次 as the API counts them.
  await page.getByRole('button', { name: '报表存档' }).click();
  const dialog = page.getByRole('dialog', { name: '报表存档' });
  await expect(dialog.getByRole('row')).not.toHaveCount(0);
  await snap(page, '72-stats-report-archive');
  const pdfDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '打开信访月报存档PDF' }).first().click();
  const pdf = await pdfDownload;
  mkdirSync(OUT, { recursive: true });
  const pdfFile = `${OUT}/${pdf.suggestedFilename()}`;
  await pdf.saveAs(pdfFile);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, `${OUT}/report`]);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toMatch(new RegExp(`走访\\s*${visits}\\s*批\\s*${people}\\s*人次`));
  const timely = report.rates.find((r) => r.key === 'timely_reply')!;
  expect(text).toMatch(new RegExp(`及时受理率\\s+${timely.numerator}/${timely.denominator} = `));
  await page.keyboard.press('Escape');

  // 导出Excel: a workbook whose first sheet has the title row, the headers and the same figure as a number.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel（月报）' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^信访月报-.*\.xlsx$/);
  const wb = XLSX.read(readFileSync(await xlsx.path()), { cellNF: true });
  const sheet = wb.Sheets['来访情况']!;
  expect(String(sheet.A1!.v)).toContain('信访月报');
  expect(sheet.B2!.v).toBe('本期');
  expect(sheet.B3!.t).toBe('n');
  expect(sheet.B3!.v).toBe(visits);
  const rates = wb.Sheets['三率及相关比率']!;
  expect(rates.D2!.v).toBe('比率');

  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '73-stats-actions-1366');
});

test.describe('a clerk', () => {
  test.use({ storageState: CLERK_STATE });

  test('今日大厅 shows today’s hall figures; any other range is refused by the backend', async ({ page }) => {
    await page.goto('/#/hall-today');
    await expect(page.getByRole('heading', { name: '今日大厅' })).toBeVisible();
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const s = await api<{ figures: { key: string; label: string; numerator: number }[]; hall: { byClerk: unknown[] } }>(
      page.request,
      'stats.summary',
      { from: today, to: today },
    );
    const visits = s.figures.find((f) => f.key === 'visits')!;
    await expect(page.getByLabel(visits.label, { exact: true })).toHaveText(String(visits.numerator));
    expect(s.hall.byClerk).toEqual([]);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const refused = (await (await page.request.post('/api/stats.summary', { data: { from: yesterday, to: today } })).json()) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '登记员只能查看当日大厅统计' } });
    await snap(page, '74-hall-today-1600');
    await page.setViewportSize({ width: 1366, height: 768 });
    await snap(page, '75-hall-today-1366');
  });
});
