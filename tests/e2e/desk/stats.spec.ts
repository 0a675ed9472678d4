// 统计分析 in Chromium: the figures of the month with numerator/denominator,
// another period chosen, a number drilled into its visits, and the screen
// looked at at both sizes. The spec registers a group visit of its own, so the
// month has figures whether or not other specs ran before it.
import { expect, test } from '@playwright/test';
import { ADMIN, api, login, residentId, runTag, snap } from '../support';

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
