// Issue #16: a clerk works the desk without the mouse. No click() in this file:
// every step is a key press (set-up through the API is allowed).
import { expect, test, type Page } from '@playwright/test';
import { CLERK_STATE, api, residentId, snap } from '../support';

test.use({ storageState: CLERK_STATE });

/** Presses Tab until the focused element has the given accessible text (the menu is a few stops in). */
async function tabTo(page: Page, text: string, max = 30) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.locator('*:focus').textContent();
    if (focused?.includes(text)) return;
  }
  throw new Error(`Tab never reached ${text}`);
}

test('the menu: real links by Tab and Enter, Alt+number, and Ctrl+K', async ({ page }) => {
  await page.goto('/#/today');
  await expect(page.getByRole('heading', { name: '今日来访' })).toBeVisible();
  const menu = page.getByRole('navigation', { name: '主菜单' });
  // Every item is a link to its screen, with its shortcut shown.
  await expect(menu.getByRole('link', { name: /期限提醒/ })).toHaveAttribute('href', '#/due');
  await expect(menu.getByRole('link', { name: /来访登记/ })).toContainText('Alt+1');
  await expect(menu.getByRole('link', { name: /期限提醒/ })).toContainText('Alt+8');
  await snap(page, '70-menu');

  await tabTo(page, '期限提醒');
  await expect(menu.getByRole('link', { name: /期限提醒/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/due$/);

  // Alt+1 is the clerk's first screen, also from inside a field.
  await page.keyboard.press('Alt+1');
  await expect(page).toHaveURL(/#\/register$/);
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toBeFocused();
  await page.keyboard.press('Alt+2');
  await expect(page).toHaveURL(/#\/today$/);

  // Ctrl+K: the search field has focus; Chinese or pinyin initials filter; Enter opens.
  await page.keyboard.press('Control+K');
  const switcher = page.getByRole('dialog', { name: '切换页面' });
  await expect(switcher.getByRole('textbox', { name: '页面名称' })).toBeFocused();
  await page.keyboard.type('期限');
  await expect(switcher.getByRole('option')).toHaveText([/期限提醒/]);
  await snap(page, '71-switcher');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/due$/);
  await expect(switcher).toBeHidden();

  await page.keyboard.press('Control+K');
  await expect(switcher.getByRole('textbox', { name: '页面名称' })).toHaveValue('');
  await page.keyboard.type('jh');
  await expect(switcher.getByRole('option')).toHaveText([/窗口叫号/, /叫号记录/]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/queue-log$/);

  await page.keyboard.press('Control+K');
  await page.keyboard.type('qxtx');
  await expect(switcher.getByRole('option')).toHaveText([/期限提醒/]);
  await page.keyboard.press('Escape');
  await expect(switcher).toBeHidden();
  await expect(page).toHaveURL(/#\/queue-log$/);
});

test('F3 puts the cursor in the search field; cjg and Enter pick 陈建国', async ({ page }) => {
  const id = residentId('110105', '19580808', '731');
  await api(page.request, 'visits.register', {
    idType: 'resident',
    idNumber: id,
    name: '陈建国',
    phone: '13900007310',
    address: '和平街道',
    peopleCount: 1,
    purpose: 'complaint',
    category: 'urban_construction',
    locationArea: '和平街道',
    summary: '楼道堆物',
    demands: '请清理楼道堆物。',
  });
  await page.goto('/#/register');
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toBeFocused();
  await page.keyboard.press('F3');
  const dialog = page.getByRole('dialog', { name: '查找来访人' });
  await expect(dialog.getByRole('textbox', { name: '查找内容' })).toBeFocused();
  // Enter straight after typing, before the search has answered: the first row is still picked.
  await page.keyboard.type('cjg');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('陈建国');
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toHaveValue(id);

  // Looked at with results showing. (Typed once the field has the focus: keys pressed while the dialog opens are lost.)
  await page.keyboard.press('F3');
  await expect(dialog.getByRole('textbox', { name: '查找内容' })).toBeFocused();
  await page.keyboard.type('cjg');
  await expect(dialog.getByRole('table', { name: '查找结果' })).toContainText('陈建国');
  await snap(page, '72-person-search');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('来访人数 takes what is typed; 添加代表 and Enter fill the representatives row by row', async ({ page }) => {
  await page.goto('/#/register');
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toBeFocused();
  await page.keyboard.type('周众');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const count = page.getByRole('textbox', { name: '来访人数' });
  await expect(count).toBeFocused();
  await expect(count).toHaveValue('1');
  // The 1 is selected on focus: typing 6 replaces it.
  await page.keyboard.type('6');
  await expect(count).toHaveValue('6');

  await tabTo(page, '添加代表');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '代表1姓名' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: '代表1姓名' })).toHaveValue('周众');
  // 姓名 → 证件类型 → 证件号码 → 联系电话, then Enter adds the next row and goes to its name.
  for (let row = 1; row <= 4; row++) {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: `代表${row}联系电话` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: `代表${row + 1}姓名` })).toBeFocused();
    await page.keyboard.type(`代表${'二三四五'[row - 1]}`);
  }
  await expect(page.getByText('集体访代表（5/5）')).toBeVisible();
  await snap(page, '73-representatives');
  // The fifth row's Enter moves on instead of asking for a sixth.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '代表6姓名' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '74-representatives-1366');
});

test('calendar headers read 2026年11月, not 十一月 2026', async ({ page }) => {
  await page.goto('/#/queue-log');
  await expect(page.getByRole('heading', { name: '叫号记录' })).toBeVisible();
  const date = page.getByRole('textbox', { name: '日期' });
  // Tab from the top of the page to the date field: focusing it opens the calendar.
  for (let i = 0; i < 30 && !(await date.evaluate((el) => el === el.ownerDocument.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(date).toBeFocused();
  const shown = await date.inputValue(); // 2026年11月30日
  const [, y, m] = /^(\d{4})年(\d{2})月/.exec(shown)!;
  const header = `${y}年${Number(m)}月`;
  await expect(page.getByRole('button', { name: header, exact: true })).toBeVisible();
  await expect(page.getByText(/[一二三四五六七八九十]+月 \d{4}/)).toHaveCount(0);
  await snap(page, '75-date-picker');
  await page.keyboard.press('Escape');
});

test('notices appear bottom-right, clear of the user menu', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/#/register');
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toBeFocused();
  // Ctrl+Enter on an empty form: 登记未保存.
  await page.keyboard.press('Control+Enter');
  const notice = page.locator('.mantine-Notification-root').filter({ hasText: '登记未保存' });
  await expect(notice).toBeVisible();
  await snap(page, '76-notice-1366');
  const box = (await notice.boundingBox())!;
  const menu = (await page.getByRole('button', { name: '当前用户' }).boundingBox())!;
  expect(box.y).toBeGreaterThan(menu.y + menu.height);
  expect(box.y + box.height).toBeGreaterThan(768 - 120);
  expect(box.x + box.width).toBeGreaterThan(1366 - 60);
});
