// A clerk's day at the desk: a first visit, the same person again (history and
// 重复访), a refused ID, a refused sixth group representative, a correction.
import { expect, test, type Page } from '@playwright/test';
import { CLERK_STATE, residentId, snap } from '../support';

test.use({ storageState: CLERK_STATE });
test.describe.configure({ mode: 'serial' });

const ZHANG = residentId('110105', '19650312', '123');

async function fillVisit(
  page: Page,
  v: {
    id?: string;
    name?: string;
    phone?: string;
    purpose?: string;
    category?: string;
    location?: string;
    summary?: string;
    demands?: string;
  },
) {
  if (v.id !== undefined) await page.getByRole('textbox', { name: '证件号码', exact: true }).fill(v.id);
  if (v.name !== undefined) await page.getByRole('textbox', { name: '姓名', exact: true }).fill(v.name);
  if (v.phone !== undefined) await page.getByRole('textbox', { name: '联系电话', exact: true }).fill(v.phone);
  if (v.purpose) await page.getByLabel('信访目的').selectOption({ label: v.purpose });
  if (v.category) await page.getByLabel('内容分类').selectOption({ label: v.category });
  if (v.location !== undefined) await page.getByLabel('问题属地').fill(v.location);
  if (v.summary !== undefined) await page.getByLabel('诉求摘要').fill(v.summary);
  if (v.demands !== undefined) await page.getByLabel('主要诉求').fill(v.demands);
}

async function todayCount(page: Page): Promise<number> {
  const r = await page.request.post('/api/visits.listDay', { data: {} });
  const body = (await r.json()) as { ok: boolean; data: unknown[] };
  expect(body.ok).toBe(true);
  return body.data.length;
}

test('registers a first visit from the keyboard and gets a visit number', async ({ page }) => {
  await page.goto('/#/register');
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const before = await todayCount(page);
  // The ID field has focus: the clerk types straight away.
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toBeFocused();
  await page.keyboard.type(ZHANG.slice(0, 17) + ZHANG.slice(17).toLowerCase());
  await expect(page.getByTestId('id-derived')).toHaveText('男 · 1965年03月12日出生 · 北京市 朝阳区');
  // Enter moves to the next field (it does not submit half a form).
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toBeFocused();
  await page.keyboard.type('张三丰');
  await page.keyboard.press('Enter');
  await page.keyboard.type('138 1234 5678');
  expect(await todayCount(page)).toBe(before);
  await fillVisit(page, {
    purpose: '求决',
    category: '城乡建设',
    location: '和平街道',
    summary: '小区加装电梯补贴未落实',
    demands: '2025年申请加装电梯补贴，至今未发放。',
  });
  await snap(page, '10-register-filled');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved-visit-no')).toHaveText(new RegExp(`^LF\\d{8}-${String(before + 1).padStart(4, '0')}$`));
  await expect(page.getByRole('status')).toContainText('初访');
  // The window decision is offered at once (matters.spec.ts records one); Esc leaves it for later.
  await expect(page.getByRole('dialog', { name: /作出处理决定/ })).toBeVisible();
  await page.keyboard.press('Escape');
  // A fresh form, focused for the next visitor.
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toBeFocused();
  await snap(page, '11-register-saved');
});

test('the same person again: history appears and the visit is a 重复访', async ({ page }) => {
  await page.goto('/#/register');
  await page.getByRole('textbox', { name: '证件号码', exact: true }).fill(ZHANG);
  const history = page.getByLabel('来访历史');
  await expect(history.getByRole('heading', { name: '张三丰' })).toBeVisible();
  await expect(history.getByText('此人已有 1 件信访事项')).toBeVisible();
  await expect(history.getByRole('table', { name: '历次来访' })).toContainText('小区加装电梯补贴未落实');
  // Known details are filled in, and the earlier matter is linked: 重复访.
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('张三丰');
  await expect(page.getByRole('textbox', { name: '联系电话', exact: true })).toHaveValue('13812345678');
  await expect(history.getByRole('radio', { name: /城乡建设/ })).toBeChecked();
  await expect(page.locator('h3 + .mantine-Badge-root')).toHaveText('重复访');
  await fillVisit(page, { purpose: '求决', summary: '补贴仍未落实，再次反映' });
  await expect(page.getByLabel('内容分类')).toHaveValue('urban_construction');
  await snap(page, '12-repeat-history');
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByTestId('saved-visit-no')).toHaveText(/^LF\d{8}-\d{4}$/);
  await expect(page.getByRole('status')).toContainText('重复访');
  await expect(page.getByRole('dialog', { name: /作出处理决定/ })).toBeVisible();
  await page.keyboard.press('Escape');
  // Send the visitor on to the duty leader's lane, linked to this registration.
  await page.getByRole('button', { name: '为此来访取号' }).click();
  await page.getByRole('menuitem', { name: 'L 领导接访' }).click();
  await expect(page.getByRole('status')).toContainText(/已取号 L\d{3}/);
});

test('an invalid ID number gets a field message and nothing is saved', async ({ page }) => {
  await page.goto('/#/register');
  const before = await todayCount(page);
  const bad = ZHANG.slice(0, 17) + (ZHANG[17] === '1' ? '2' : '1');
  await fillVisit(page, { id: bad, name: '赵六', purpose: '咨询', category: '民政', location: '和平街道', summary: '咨询低保申请' });
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.locator('.mantine-InputWrapper-error').getByText('身份证号码校验位不符')).toBeVisible();
  await snap(page, '13-invalid-id');
  // A 15-digit legacy number is refused with its own message.
  await page.getByRole('textbox', { name: '证件号码', exact: true }).fill('110105650312123');
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.locator('.mantine-InputWrapper-error').getByText(/15位/)).toBeVisible();
  expect(await todayCount(page)).toBe(before);
});

test('a group of six cannot have six representatives', async ({ page }) => {
  await page.goto('/#/register');
  const before = await todayCount(page);
  await fillVisit(page, {
    id: residentId('110105', '19700101', '234'),
    name: '钱七',
    purpose: '求决',
    category: '劳动和社会保障',
    location: '建国街道',
    summary: '某厂职工社保断缴',
  });
  await page.getByLabel('来访人数').fill('6');
  await expect(page.getByText('5人以上为集体访，请登记代表')).toBeVisible();
  const add = page.getByRole('button', { name: '添加代表' });
  for (let i = 0; i < 5; i++) await add.click();
  await expect(page.getByLabel('代表1姓名')).toHaveValue('钱七');
  for (const [i, n] of ['孙甲', '周乙', '吴丙', '郑丁'].entries()) await page.getByLabel(`代表${i + 2}姓名`).fill(n);
  await add.click();
  await expect(page.getByRole('alert').filter({ hasText: '集体访代表不得超过5人' })).toBeVisible();
  await expect(page.getByLabel('代表6姓名')).toHaveCount(0);
  await snap(page, '14-group-six-refused');

  // The backend refuses it too, whatever a form lets through.
  const rep = (name: string) => ({ name, idType: 'resident', idNumber: '', phone: '' });
  const r = await page.request.post('/api/visits.register', {
    data: {
      idType: 'resident',
      idNumber: residentId('110105', '19700101', '234'),
      name: '钱七',
      phone: '',
      address: '',
      peopleCount: 6,
      purpose: 'request',
      category: 'labour_social_security',
      locationArea: '建国街道',
      summary: '某厂职工社保断缴',
      demands: '',
      representatives: ['甲', '乙', '丙', '丁', '戊', '己'].map(rep),
    },
  });
  const body = (await r.json()) as { ok: boolean; error: { fields: Record<string, string> } };
  expect(body.ok).toBe(false);
  expect(body.error.fields.representatives).toContain('不得超过5人');
  expect(await todayCount(page)).toBe(before);

  // Five representatives is accepted.
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByTestId('saved-visit-no')).toBeVisible();
  expect(await todayCount(page)).toBe(before + 1);
});

test('F3 finds a person by pinyin initials and fills the form', async ({ page }) => {
  await page.goto('/#/register');
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toBeFocused();
  await page.keyboard.press('F3');
  const dialog = page.getByRole('dialog', { name: '查找来访人' });
  await dialog.getByLabel('查找内容').fill('zsf');
  await expect(dialog.getByRole('table', { name: '查找结果' })).toContainText('张三丰');
  await snap(page, '15-search');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '证件号码', exact: true })).toHaveValue(ZHANG);
  await expect(page.getByLabel('来访历史')).toContainText('来访 2 次');
});

test('today’s list opens a registration and corrects it with a reason, keeping the history', async ({ page }) => {
  await page.goto('/#/today');
  const table = page.getByRole('table', { name: '今日来访列表' });
  await expect(table.getByRole('row').filter({ hasText: '张三丰' })).toHaveCount(2);
  await snap(page, '16-today');
  await table.getByRole('row', { name: /补贴仍未落实/ }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('重复访');
  await drawer.getByRole('button', { name: '更正登记' }).click();
  await drawer.getByLabel('诉求摘要').fill('加装电梯补贴仍未发放，再次反映');
  await drawer.getByRole('button', { name: '保存更正' }).click();
  await expect(drawer.getByText('请填写更正原因')).toBeVisible();
  await drawer.getByLabel('更正原因').fill('摘要表述不准确');
  await drawer.getByRole('button', { name: '保存更正' }).click();
  await expect(drawer).toContainText('更正记录');
  await expect(drawer).toContainText('诉求摘要：补贴仍未落实，再次反映 → 加装电梯补贴仍未发放，再次反映');
  await snap(page, '17-corrected');
  await page.keyboard.press('Escape');
  await expect(table.getByText('已更正')).toBeVisible();
});
