// The ID card reader at the registration desk, through the simulator (a file in the data
// folder that the test edits as a trainer would): the administrator chooses it, a card placed
// fills the form and brings up the person's history at once, an expired card and a card whose
// sex disagrees with its number are shown as such, F1 reads again, and a fault only changes the
// light: the clerk can still type. The settings page names the PC it configures; with photo
// storage turned on, the kept photo shows beside the person's history.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, CLERK_STATE, api, login, residentId, snap } from '../support';

const SIM = 'tests/e2e/.data/hall/card-reader-sim.json';
const ID = residentId('110103', '19721105', '357'); // 崇文区: a code retired in 2010, still on old cards
const card = {
  name: '赵读卡',
  sex: '男',
  nation: '汉',
  birthDate: '19721105',
  address: '北京市东城区崇文门外大街8号',
  idNumber: ID,
  authority: '北京市公安局崇文分局',
  validFrom: '20050101',
  validTo: '20250101',
  // A 1×1 PNG: enough to see that the photo is shown.
  photo: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
};
const wrongSex = {
  ...card,
  photo: undefined,
  name: '钱错性',
  sex: '女',
  idNumber: residentId('440305', '19880808', '123'),
  validTo: '长期',
};

const place = (placed: number | null, extra: object = {}) =>
  writeFileSync(SIM, JSON.stringify({ placed, cards: [card, wrongSex], ...extra }));

test.describe.configure({ mode: 'serial' });

test.afterAll(async ({ browser }) => {
  place(null);
  // A context of its own (no clerk cookies: logging in on the clerk's browser would end the clerk's session).
  const context = await browser.newContext({ storageState: undefined });
  await api(context.request, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const s = await api<{ settings: Record<string, unknown> }>(context.request, 'reader.settings', {});
  await api(context.request, 'reader.saveSettings', { ...s.settings, driver: 'none', alsoHallDefault: false });
  await api(context.request, 'reader.savePhotoPolicy', { storePhoto: false, retentionDays: 180 });
  await context.close();
});

test('the administrator chooses the simulator', async ({ browser }) => {
  place(null);
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await login(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/admin/reader');
  await expect(page.getByText(/^本页设置的是电脑“.+”上的读卡器$/)).toBeVisible();
  await expect(page.getByText(/数据文件夹（.*tests\/e2e\/\.data\/hall）/)).toBeVisible();
  await page.getByLabel('读卡方式').selectOption({ label: '读卡器本地服务（厂商SDK）' });
  await page.getByLabel('套用示例').selectOption({ label: '示例B：WebSocket 本地服务（需按说明书核对）' });
  await expect(page.getByLabel('公民身份号码')).toHaveValue('CardInfo.IDCardNo');
  for (const [w, h] of [
    [1600, 1000],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await snap(page, `reader-admin-local-${w}`);
  }
  await page.getByLabel('读卡方式').selectOption({ label: '模拟读卡器（培训与测试）' });
  await expect(page.getByLabel('模拟读卡器文件')).toHaveValue('card-reader-sim.json');
  await page.getByRole('button', { name: '保存本机读卡器设置' }).click();
  await expect(page.getByText('本机读卡器设置已保存')).toBeVisible();
  await expect(page.getByText('本机设置', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '按已保存的设置试读一次' }).click();
  await expect(page.getByText('读卡器就绪，请放置身份证')).toBeVisible();
  // The hall's photo policy: kept, for 90 days.
  await page.getByRole('switch', { name: '保存身份证照片' }).check();
  await page.getByLabel('照片保存天数').fill('90');
  await page.getByRole('button', { name: '保存照片设置' }).click();
  await expect(page.getByText('身份证照片设置已保存')).toBeVisible();
  for (const [w, h] of [
    [1600, 1000],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await snap(page, `reader-admin-sim-${w}`);
  }
  await context.close();
});

async function registerEarlierVisit(page: Page) {
  await api(page.request, 'visits.register', {
    idType: 'resident',
    idNumber: ID,
    name: '赵读卡',
    phone: '13900001111',
    address: '北京市东城区崇文门外大街8号',
    peopleCount: 1,
    purpose: 'request',
    category: 'urban_construction',
    locationArea: '崇文门街道',
    summary: '老旧小区改造噪声扰民',
    demands: '要求夜间停止施工。',
    skipLevel: false,
    escort: null,
    representatives: [],
    petitionerId: null,
    matterId: null,
  });
}

test.describe('at the desk', () => {
  test.use({ storageState: CLERK_STATE });

  test('a card placed on the reader fills the form and shows the history at once', async ({ page }) => {
    await registerEarlierVisit(page);
    place(null);
    await page.goto('/#/register');
    await expect(page.getByTestId('reader-status')).toHaveAttribute('data-light', 'ready');
    const idBox = page.getByRole('textbox', { name: '证件号码', exact: true });
    await expect(idBox).toBeFocused();

    place(0);
    await expect(idBox).toHaveValue(ID);
    await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('赵读卡');
    await expect(page.getByRole('textbox', { name: '住址', exact: true })).toHaveValue('北京市东城区崇文门外大街8号');
    await expect(page.getByTestId('id-derived')).toHaveText('男 · 1972年11月05日出生 · 北京市 崇文区（旧代码，2009年12月后停用）');
    await expect(page.getByLabel('来访历史').getByRole('heading', { name: '赵读卡' })).toBeVisible();
    const panel = page.getByTestId('card-panel');
    await expect(panel).toContainText('签发机关：北京市公安局崇文分局');
    await expect(panel.getByTestId('card-expired')).toHaveText('证件已过期');
    await expect(panel).toContainText('照片已按管理员设置保存');
    await expect(panel.getByRole('img', { name: '证件照片' })).toBeVisible();
    // Kept and linked to the person registered earlier: shown beside their history.
    await expect(page.getByLabel('来访历史').getByRole('img', { name: '留存的身份证照片' })).toBeVisible();
    for (const [w, h] of [
      [1600, 1000],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await snap(page, `reader-card-${w}`);
    }

    // Cleared by the clerk, the card still on the reader: it is not read again by itself, F1 reads it.
    await page.getByRole('button', { name: '清空' }).click();
    await expect(idBox).toHaveValue('');
    await page.waitForTimeout(1000);
    await expect(idBox).toHaveValue('');
    await page.keyboard.press('F1');
    await expect(idBox).toHaveValue(ID);

    // The next visitor's card: its sex disagrees with its number; shown, not fixed.
    place(null);
    await expect(page.getByTestId('reader-status')).toHaveAttribute('data-light', 'ready');
    place(1);
    await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('钱错性');
    // Another person's card starts the form again: nothing of the previous visitor stays.
    await expect(page.getByRole('textbox', { name: '联系电话', exact: true })).toHaveValue('');
    await expect(page.getByLabel('问题属地')).toHaveValue('');
    await expect(page.getByTestId('card-mismatch')).toContainText('卡内性别为“女”，号码显示为“男”');
    await expect(page.getByTestId('id-derived')).toHaveText('男 · 1988年08月08日出生 · 广东省 深圳市 南山区');
    await snap(page, 'reader-mismatch-1366');
  });

  test('a fault lights red with the reason, and the clerk types instead', async ({ page }) => {
    place(null, { fault: 'unreadable' });
    await page.goto('/#/register');
    await expect(page.getByTestId('reader-status')).toHaveAttribute('data-light', 'fault');
    await expect(page.getByTestId('reader-status')).toContainText('读卡失败');
    const typed = residentId('130102', '19600101', '001');
    await page.getByRole('textbox', { name: '证件号码', exact: true }).fill(typed);
    await expect(page.getByTestId('id-derived')).toHaveText('男 · 1960年01月01日出生 · 河北省 石家庄市 长安区');
    await snap(page, 'reader-fault-1600');
    place(null);
    await expect(page.getByTestId('reader-status')).toHaveAttribute('data-light', 'ready');
  });
});
