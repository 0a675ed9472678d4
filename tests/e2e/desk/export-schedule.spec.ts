// 数据导出's schedule picker by keyboard only: the default schedule reads back in words, a line
// is changed to 工作日 18:05 and another to every 20 minutes, each shows the cron it writes,
// the next five runs are listed (the first the backend's own next scheduled run), the save
// survives a reload, and a bad 自定义 expression is refused at the field.
import { expect, test, type Page } from '@playwright/test';
import { formatTime } from '@shared/time';
import { ADMIN, api, snap } from '../support';

const DEFAULTS = { schedules: ['0,30 8-16 * * *', '30 17 * * *'], keepStagedDays: 90 };

/** Tab until the focused element's name (its aria-label, or its radio group's and its own label) matches. */
async function tabTo(page: Page, name: RegExp, max = 90) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // A string: the tests' tsconfig has no DOM types.
    const focused = await page.evaluate<string>(
      "(() => { const el = document.activeElement; if (!el) return ''; const own = el.getAttribute('aria-label'); if (own) return own; const group = el.closest('[role=radiogroup]'); return (group ? (group.getAttribute('aria-label') ?? '') + '：' : '') + (el.labels?.[0]?.textContent ?? el.textContent ?? ''); })()",
    );
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

test('the export schedule is picked in words by keyboard, with the next five runs', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await api(context.request, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await api(context.request, 'export.saveSettings', DEFAULTS);
  const page = await context.newPage();
  await page.goto('/#/admin/export');
  await expect(page.getByRole('heading', { name: '定时导出' })).toBeVisible();

  // The default schedule, read back as the picker's words.
  const line1 = page.getByRole('group', { name: '导出时间 1' });
  const line2 = page.getByRole('group', { name: '导出时间 2' });
  await expect(line1).toContainText('写入：0,30 8-16 * * *');
  await expect(line2).toContainText('写入：30 17 * * *');
  await expect(line1).toContainText('每天 08:00 至 17:00 每隔 30 分钟（末次 16:30）');
  await expect(line2).toContainText('每天 17:30');
  await expect(page.getByRole('list', { name: '接下来五次导出（北京时间）' }).getByRole('listitem')).toHaveCount(5);
  await snap(page, '96-export-schedule-1600');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '96-export-schedule-1366');
  await page.setViewportSize({ width: 1600, height: 1000 });

  // Line 1: every 20 minutes (← on the interval group); line 2: 工作日 18:05.
  await tabTo(page, /^导出时间 1 间隔：30分钟$/);
  await page.keyboard.press('ArrowLeft');
  await expect(line1).toContainText('写入：0,20,40 8-16 * * *');
  await tabTo(page, /^导出时间 2 日期：每天$/);
  await page.keyboard.press('ArrowRight');
  await tabTo(page, /^导出时间 2 时间$/);
  await page.keyboard.type('18:05');
  await expect(line2).toContainText('写入：5 18 * * 1-5');
  await expect(line1).toContainText('每天 08:00 至 17:00 每隔 20 分钟（末次 16:40）');
  await expect(line2).toContainText('工作日（周一至周五） 18:05');
  await tabTo(page, /^保存导出时间$/);
  await page.keyboard.press('Enter');
  await expect(page.getByText('导出时间已保存')).toBeVisible();

  // Saved as cron; the first run listed is the scheduler's next run as the backend computes it.
  const overview = await api<{ schedules: string[]; nextScheduledAt: string | null }>(context.request, 'export.overview', {});
  expect(overview.schedules).toEqual(['0,20,40 8-16 * * *', '5 18 * * 1-5']);
  await page.reload();
  await expect(line1).toContainText('写入：0,20,40 8-16 * * *');
  await expect(line2).toContainText('写入：5 18 * * 1-5');
  const first = page.getByRole('list', { name: '接下来五次导出（北京时间）' }).getByRole('listitem').first();
  await expect(first).toContainText(formatTime(overview.nextScheduledAt!));

  // 自定义 keeps the written cron for an administrator to edit; a bad one is refused at the field.
  await tabTo(page, /^导出时间 2 方式：每天定时$/);
  await page.keyboard.press('ArrowLeft'); // wraps round to 自定义（cron）
  await expect(page.getByRole('textbox', { name: '导出时间 2 定时表达式' })).toHaveValue('5 18 * * 1-5');
  await tabTo(page, /^导出时间 2 定时表达式$/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0 8 * *');
  await expect(line2).toContainText('不是有效的定时表达式');
  await snap(page, '96-export-schedule-custom-error');
  await tabTo(page, /^保存导出时间$/);
  await page.keyboard.press('Enter');
  await expect(page.getByText('请先改正标红的导出时间')).toBeVisible();
  expect((await api<{ schedules: string[] }>(context.request, 'export.overview', {})).schedules).toEqual([
    '0,20,40 8-16 * * *',
    '5 18 * * 1-5',
  ]);

  await api(context.request, 'export.saveSettings', DEFAULTS);
  await context.close();
});
