// The 信访事项 as the spine: a window decision right after registering (转送),
// a matter walked from 受理 to 终结 on its page by function keys and Enter, a
// repeat visit about the ended matter, 督办 from the due list and 包案 in the
// ledger; the 转送告知书 printed from the matter page, archived by the server's
// Chromium and read back, and its 送达 closing the written-answer clock.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, CLERK_STATE, api, login, residentId, runTag, snap } from '../support';

test.describe.configure({ mode: 'serial' });

const { stamp, tag } = runTag();
const FORWARDED = { id: residentId('110105', '19600101', stamp.slice(-3)), name: `林转送${tag}` };
const WALKED = { id: residentId('110105', '19620202', stamp.slice(-3)), name: `郑复核${tag}` };
const SMALL = { width: 1366, height: 768 };

/** Both screen sizes a hall uses, looked at after the run. */
async function snapBoth(page: Page, name: string) {
  await snap(page, `${name}-1600`);
  const size = page.viewportSize();
  await page.setViewportSize(SMALL);
  await snap(page, `${name}-1366`);
  if (size) await page.setViewportSize(size);
}

function visitInput(p: { id: string; name: string }, summary: string) {
  return {
    idType: 'resident',
    idNumber: p.id,
    name: p.name,
    phone: '',
    address: '',
    peopleCount: 1,
    purpose: 'request',
    category: 'urban_construction',
    locationArea: '和平街道',
    summary,
    demands: '',
    representatives: [],
  };
}

test('a window decision right after saving: 转送 with its unit, shown on the matter page', async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: CLERK_STATE })).newPage();
  await page.goto('/#/register');
  await page.getByRole('textbox', { name: '证件号码', exact: true }).fill(FORWARDED.id);
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill(FORWARDED.name);
  await page.getByLabel('信访目的').selectOption({ label: '求决' });
  await page.getByLabel('内容分类').selectOption({ label: '城乡建设' });
  await page.getByLabel('问题属地').fill('和平街道');
  await page.getByLabel('诉求摘要').fill('老旧小区屋顶漏水无人维修');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved-visit-no')).toBeVisible();

  // The dialog opens on the decision: a digit picks it, Tab to the unit, Enter saves.
  const dialog = page.getByRole('dialog', { name: `作出处理决定 · ${FORWARDED.name}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('请选择处理方式', { exact: true })).toBeVisible();
  await page.keyboard.press('4');
  await expect(dialog.getByRole('radio', { name: '4 转送' })).toBeChecked();
  await expect(dialog.getByRole('textbox', { name: '转送单位' })).toBeFocused();
  await page.keyboard.type('区住建局');
  await snapBoth(page, '60-window-decision');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('saved-decision')).toHaveText('处理决定：转送（区住建局）');

  // Today's list shows the visit's outcome (the backend wrote it); its drawer leads to the matter.
  await page.goto('/#/today');
  const row = page.getByRole('table', { name: '今日来访列表' }).getByRole('row', { name: new RegExp(FORWARDED.name) });
  await expect(row).toContainText('转送（区住建局）');
  await row.click();
  await page.getByRole('link', { name: '打开事项' }).click();
  await expect(page.getByLabel('事项状态')).toHaveText('已转送');
  const timeline = page.getByRole('table', { name: '办理过程' });
  const decided = timeline.getByRole('row', { name: /作出处理决定/ });
  await expect(decided).toContainText('李登记');
  await expect(decided).toContainText('待处理 → 已转送');
  await expect(decided).toContainText('单位：区住建局');
  await expect(decided).toContainText('决定：转送');
  await expect(page.getByLabel('期限')).toContainText('书面告知');
  await snapBoth(page, '61-matter-forwarded');

  // The 转送告知书: previewed, printed (archived first as PDF with its SHA-256), read back.
  const papers = page.getByLabel('文书');
  await papers.getByRole('button', { name: '转送告知书' }).click();
  const preview = page.getByRole('dialog', { name: '预览：转送告知书' });
  await expect(preview.frameLocator('iframe').getByText('转送告知书').first()).toBeVisible();
  await preview.getByRole('button', { name: '打印' }).click();
  const archive = papers.getByRole('table', { name: '告知书存档' });
  await expect(archive).toContainText('转送告知书', { timeout: 60_000 });
  await expect(archive).toContainText('SHA-256');
  const matterId = decodeURIComponent(page.url().split('/matters/')[1]!);
  const [kept] = await api<{ id: string; sha256: string; template: string }[]>(page.request, 'print.archive', { matterId });
  expect(kept!.template).toBe('forward_notice');
  const pdf = await api<{ sha256: string; base64: string }>(page.request, 'print.archivedPdf', { archiveId: kept!.id });
  const bytes = Buffer.from(pdf.base64, 'base64');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(kept!.sha256);
  mkdirSync('test-results/notices', { recursive: true });
  writeFileSync('test-results/notices/archived-forward-notice.pdf', bytes);
  const text = execFileSync('pdftotext', ['test-results/notices/archived-forward-notice.pdf', '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
  for (const expected of ['转送告知书', FORWARDED.name, '区住建局', '送达回执']) expect(text).toContain(expected);
  for (const never of ['受理告知书', '本机关受理', '复查', FORWARDED.id]) expect(text).not.toContain(never);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    'test-results/notices/archived-forward-notice.pdf',
    'test-results/notices/archived-forward-notice',
  ]);
});

test('受理 → 延期 → 办结 → 复查 → 复查意见 → 复核 → 复核意见 (终结) by keyboard, then a repeat visit about it', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const visit = await api<{ matterId: string }>(page.request, 'visits.register', visitInput(WALKED, '征地补偿款分配不公'));
  await page.goto(`/#/matters/${visit.matterId}`);
  const state = page.getByLabel('事项状态');
  await expect(state).toHaveText('待处理');
  const timeline = page.getByRole('table', { name: '办理过程' });

  // F2 受理: a digit and Enter.
  await page.keyboard.press('F2');
  await expect(page.getByRole('dialog', { name: /作出处理决定/ })).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expect(state).toHaveText('办理中');
  await expect(page.getByLabel('期限')).toContainText('办理');

  // F6 延期: days (selected on focus), reason, approver; Enter from the last field, Enter again to confirm.
  await page.keyboard.press('F6');
  const extend = page.getByRole('dialog', { name: /延期/ });
  await expect(extend.getByRole('textbox', { name: '延期天数' })).toBeFocused();
  await page.keyboard.type('15');
  await page.keyboard.press('Enter');
  await page.keyboard.type('需要现场勘查并听取村民意见');
  await page.keyboard.press('Enter');
  await page.keyboard.type('王局长');
  await page.keyboard.press('Enter');
  await expect(extend.getByRole('alert')).toContainText('办理期限只能延长一次');
  await snapBoth(page, '62-extend-confirm');
  await page.keyboard.press('Enter');
  await expect(extend).toBeHidden();
  await expect(timeline.getByRole('row', { name: /延期/ })).toContainText('延期天数：15天');
  await expect(page.getByLabel('可办理的操作').getByRole('button', { name: /延期/ })).toHaveCount(0);

  // F7 办结 with the 处理意见书's four parts: Tab between them, Ctrl+Enter saves.
  const opinion = async (facts: string) => {
    await page.keyboard.press('F7');
    const d = page.getByRole('dialog');
    await expect(d.getByRole('textbox', { name: '查明的事实' })).toBeFocused();
    await page.keyboard.type(facts);
    await page.keyboard.press('Tab');
    await page.keyboard.type('经核实，补偿标准符合规定');
    await page.keyboard.press('Tab');
    await page.keyboard.type('维持原分配方案');
    await page.keyboard.press('Tab');
    await page.keyboard.type('《土地管理法》');
    await page.keyboard.press('Control+Enter');
    return d;
  };
  await expect(await opinion('经调查，村集体分配方案经村民会议通过')).toBeHidden();
  await expect(state).toHaveText('已办结');
  await expect(timeline.getByRole('row', { name: /办结（出具处理意见书）/ })).toContainText('查明的事实：经调查');

  // F9 申请复查, F7 复查意见, F9 申请复核, F7 复核意见 (confirmed: it ends the matter).
  const request = async (text: string) => {
    await page.keyboard.press('F9');
    await expect(page.getByRole('dialog').getByRole('textbox', { name: /^复[查核]请求/ })).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('dialog')).toBeHidden();
  };
  await request('对处理意见不服，申请复查');
  await expect(state).toHaveText('复查中');
  await expect(page.getByLabel('期限')).toContainText('复查答复');
  await expect(await opinion('复查查明：分配方案程序合法')).toBeHidden();
  await expect(state).toHaveText('已复查');
  await request('对复查意见不服，申请复核');
  await expect(state).toHaveText('复核中');
  const recheck = await opinion('复核查明：原处理意见正确');
  await expect(recheck.getByRole('alert')).toContainText('复核意见作出后该事项即终结');
  await page.keyboard.press('Control+Enter');
  await expect(recheck).toBeHidden();
  await expect(state).toHaveText('已终结');
  await expect(page.getByText('该事项已终结，依法不再受理')).toBeVisible();
  for (const step of ['申请复查', '复查意见', '申请复核', '复核意见'])
    await expect(timeline.getByRole('row', { name: new RegExp(step) }).first()).toBeVisible();
  await snapBoth(page, '63-matter-final');

  // A later visit about it: the history links the ended matter (a repeat visit) and nothing is left to decide.
  await page.goto('/#/register');
  await page.getByRole('textbox', { name: '证件号码', exact: true }).fill(WALKED.id);
  const history = page.getByLabel('来访历史');
  await expect(history.getByRole('radio', { name: /征地补偿款分配不公/ })).toBeChecked();
  // The ended matter is flagged in red beside the form, before anything is saved.
  await expect(history.getByTestId('ended-flag')).toContainText('该事项已终结，依法不再受理');
  await page.getByLabel('信访目的').selectOption({ label: '求决' });
  await page.getByLabel('诉求摘要').fill('再次反映征地补偿问题');
  await snapBoth(page, '64-repeat-ended');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toContainText('重复访');
  await page.waitForTimeout(500);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('督办 from the due list, 包案 and the ledger', async ({ page }) => {
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const leader = await api<{ id: string }>(page.request, 'users.create', {
    username: `zhou${stamp}`,
    displayName: `周书记${tag}`,
    role: 'leader',
    password: 'Start2026pw',
  });
  expect(leader.id).toBeTruthy();

  await page.goto('/#/due');
  const list = page.getByRole('table', { name: '期限列表' });
  const row = list.getByRole('row', { name: new RegExp(FORWARDED.name) });
  await expect(row).toContainText('已转送');
  await expect(row).toContainText('书面告知');
  await snapBoth(page, '65-due-list');
  await row.getByRole('button', { name: '督办' }).click();
  const dialog = page.getByRole('dialog', { name: `督办 · ${FORWARDED.name}` });
  await expect(dialog.getByRole('textbox', { name: '督办单位' })).toHaveValue('区住建局');
  await dialog.getByRole('textbox', { name: '督办事由' }).fill('群众反映漏水严重，请加快办理');
  await snapBoth(page, '66-supervise');
  await dialog.getByRole('textbox', { name: '督办事由' }).press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('button', { name: '督办（已1次）' })).toBeVisible();

  // Enter on the row opens the matter; Shift+F8 包案 (the administrator names the leader).
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: '办理过程' }).getByRole('row', { name: /督办/ })).toContainText('群众反映漏水严重');
  await page.keyboard.press('Shift+F8');
  const lead = page.getByRole('dialog', { name: /包案/ });
  await lead.getByRole('combobox', { name: '包案领导' }).selectOption({ label: `周书记${tag}` });
  await lead.getByRole('combobox', { name: '包案领导' }).press('Control+Enter');
  await expect(lead).toBeHidden();
  await expect(page.getByText(`周书记${tag}`).first()).toBeVisible();

  await page.locator('.mantine-NavLink-root', { hasText: '包案台账' }).click();
  const ledger = page.getByRole('table', { name: '包案台账' });
  await expect(ledger).toContainText(`周书记${tag}`);
  await expect(ledger.getByRole('row', { name: new RegExp(FORWARDED.name) })).toContainText('化解中');
  await snapBoth(page, '67-ledger');
  await ledger.getByRole('row', { name: new RegExp(FORWARDED.name) }).click();
  await expect(page.getByLabel('事项状态')).toHaveText('已转送');

  // 送达 of that paper answers the visitor in writing: the 15-day clock closes.
  await page.keyboard.press('F4');
  const deliver = page.getByRole('dialog', { name: /送达/ });
  await expect(deliver).toBeVisible();
  await deliver.getByLabel('送达的文书').selectOption({ index: 1 });
  await deliver.getByLabel('送达方式').selectOption({ label: '当面送达' });
  await page.keyboard.press('Control+Enter');
  await expect(deliver).toBeHidden();
  await expect(page.getByRole('table', { name: '办理过程' }).getByRole('row', { name: /送达/ })).toBeVisible();
  await expect(page.getByText('没有正在计算的期限')).toBeVisible();
  await snapBoth(page, '68-matter-delivered');
});
