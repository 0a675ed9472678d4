// Issue #16, the rest of a clerk's day without the mouse. No click() in this file:
// every step on the page is a key press (set-up through the API is allowed).
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, CLERK_STATE, api, residentId, runTag, snap } from '../support';

test.use({ storageState: CLERK_STATE });

const idField = (page: Page) => page.getByRole('textbox', { name: '证件号码', exact: true });
const hallToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

test('a wrong check character is flagged when the number is complete, before saving', async ({ page }) => {
  await page.goto('/#/register');
  await expect(idField(page)).toBeFocused();
  const good = residentId('110105', '19660512', '227');
  const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  // Only the number is typed: every other field is still empty.
  await page.keyboard.type(bad);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toBeFocused();
  await expect(page.locator('.mantine-InputWrapper-error').getByText('身份证号码校验位不符')).toBeVisible();
  await expect(idField(page)).toHaveAttribute('aria-invalid', 'true');
  // No other field is marked while the clerk is still filling the form.
  await expect(page.locator('.mantine-InputWrapper-error')).toHaveCount(1);
  await snap(page, '77-id-check-on-enter');
  // Corrected: the message goes as the field is left again.
  await page.keyboard.press('Shift+Tab');
  await expect(idField(page)).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(good[17]!);
  await page.keyboard.press('Tab');
  await expect(page.locator('.mantine-InputWrapper-error')).toHaveCount(0);
});

test('无证件 with someone else’s phone: a question, not their record; 是 takes it over; after saving the panel is cleared', async ({
  page,
}) => {
  const { stamp, tag } = runTag();
  const phone = `1391${stamp.padStart(7, '0')}`;
  const longUnit = '区住房和城乡建设局城市管理综合行政执法大队第三中队及和平街道办事处联合工作组';
  const huang = await api<{ id: string; matterId: string }>(page.request, 'visits.register', {
    idType: 'none',
    idNumber: '',
    name: `黄志强${tag}`,
    phone,
    address: '和平街道幸福里',
    peopleCount: 1,
    purpose: 'complaint',
    category: 'land_resources',
    locationArea: `西山镇${tag}村`,
    summary: '宅基地纠纷',
    demands: '请调处宅基地纠纷。',
  });
  const matter = await api<{ version: number }>(page.request, 'matters.get', { matterId: huang.matterId });
  await api(page.request, 'matters.act', {
    matterId: huang.matterId,
    version: matter.version,
    on: hallToday(),
    action: 'decide',
    decision: 'forwarded',
    unit: longUnit,
  });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/#/register');
  await expect(idField(page)).toBeFocused();
  // 证件类型 → 无证件 by arrow keys.
  await page.keyboard.press('Shift+Tab');
  const idType = page.getByRole('combobox', { name: '证件类型' });
  await expect(idType).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(idType).toHaveValue('none');
  await page.keyboard.press('Enter');
  const name = page.getByRole('textbox', { name: '姓名', exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.type(`黄志刚${tag}`);
  await page.keyboard.press('Enter');
  await page.keyboard.type(phone);
  await page.keyboard.press('Enter');

  // The phone is someone else's: asked, nothing taken over.
  const question = page.getByRole('region', { name: '电话匹配' });
  await expect(question).toContainText(`此电话登记于 黄志强${tag}，是否同一人？`);
  await expect(question.getByRole('button', { name: /是（使用其记录）/ })).toBeVisible();
  await expect(page.getByRole('region', { name: '来访历史' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: '内容分类' })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: '问题属地' })).toHaveValue('');
  await expect(name).toHaveValue(`黄志刚${tag}`);
  await snap(page, '78-phone-question-1366');
  // 否: a different person; still nothing of 黄志强's.
  await page.keyboard.press('Alt+N');
  await expect(question).toHaveCount(0);
  await expect(page.getByText('无历史记录')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '内容分类' })).toHaveValue('');
  await expect(page.getByText('重复访')).toHaveCount(0);

  // Same phone again on a fresh form, and 是: now the record is this visitor's.
  await page.goto('/#/today');
  await page.keyboard.press('Alt+1');
  await expect(idField(page)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type(phone);
  await page.keyboard.press('Enter');
  await expect(question).toBeVisible();
  await page.keyboard.press('Alt+Y');
  const history = page.getByRole('region', { name: '来访历史' });
  await expect(history).toContainText(`黄志强${tag}`);
  await expect(name).toHaveValue(`黄志强${tag}`);
  await expect(page.getByRole('combobox', { name: '内容分类' })).toHaveValue('land_resources');
  await expect(page.getByRole('textbox', { name: '问题属地' })).toHaveValue(`西山镇${tag}村`);

  // 结果 at 1366: a long outcome takes at most two lines, the whole text in its title.
  const outcome = history.getByRole('table', { name: '历次来访' }).locator('[title^="转送"]');
  await expect(outcome).toHaveAttribute('title', `转送（${longUnit}）`);
  const lineHeight = await outcome.evaluate((el) => parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).lineHeight));
  const box = (await outcome.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(lineHeight * 2 + 1);
  await snap(page, '79-phone-yes-history-1366');

  // Save by keyboard: Ctrl+Enter goes to the first field missing (信访目的), then 诉求摘要.
  await page.keyboard.press('Control+Enter');
  const purpose = page.getByRole('combobox', { name: '信访目的' });
  await expect(purpose).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('textbox', { name: '诉求摘要' })).toBeFocused();
  await page.keyboard.type('宅基地纠纷再次来访');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved-visit-no')).toHaveText(/^LF\d{8}-\d{4}$/);
  await expect(page.getByRole('status')).toContainText('重复访');
  const decide = page.getByRole('dialog', { name: /作出处理决定/ });
  if (await decide.isVisible()) await page.keyboard.press('Escape');
  // The form and the panel are empty for the next visitor...
  await expect(history).toHaveCount(0);
  await expect(idField(page)).toBeFocused();
  // ...and a new person's number shows that they have no history, not the last visitor's.
  await page.keyboard.type(residentId('110105', '19900909', stamp.slice(-3)));
  await expect(page.getByText('无历史记录')).toBeVisible();
  await expect(history).toHaveCount(0);
  await snap(page, '80-new-person-1366');
});

test('the leader: talk notes are kept as a draft through a reload; F7 asks first, Esc cancels, Enter marks 未到 and keeps the notes', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const { stamp, tag } = runTag();
  const today = hallToday();
  // Fresh contexts: this file's storageState (the clerk's cookie) would otherwise be replaced by these logins.
  const none = { cookies: [], origins: [] };
  const admin = (await browser.newContext({ storageState: none })).request;
  await api(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const leader = await api<{ id: string }>(admin, 'users.create', {
    username: `kbd${stamp}`,
    displayName: `钱局长${tag}`,
    role: 'leader',
    password: 'Start2026pw',
  });
  const room = await api<{ id: string }>(admin, 'rooms.save', {
    id: null,
    number: 17,
    name: '17号接谈室',
    kind: 'talk',
    capacity: 6,
    openFrom: '00:00',
    openTo: '23:59',
    active: true,
  }).catch(async () => (await api<{ id: string; number: number }[]>(admin, 'rooms.list', {})).find((r) => r.number === 17)!);
  const draft = await api<{ id: string }>(admin, 'roster.save', {
    id: null,
    leaderId: leader.id,
    date: today,
    start: '00:00',
    end: '23:59',
    roomId: room.id,
    topics: '',
    lawyer: '',
    slotMinutes: 5,
    expectedVersion: null,
  });
  const session = await api<{ id: string }>(admin, 'roster.setStatus', { sessionId: draft.id, status: 'published', reason: '' });
  const visit = await api<{ id: string }>(page.request, 'visits.register', {
    idType: 'resident',
    idNumber: residentId('110105', '19720304', stamp.slice(-3)),
    name: `孙大娘${tag}`,
    phone: '',
    address: '和平街道',
    peopleCount: 1,
    purpose: 'complaint',
    category: 'urban_construction',
    locationArea: '和平街道',
    summary: '楼上漏水',
    demands: '请协调维修。',
  });
  const booking = await api<{ id: string }>(page.request, 'reception.schedule', {
    visitId: visit.id,
    sessionId: session.id,
    kind: 'walk_in',
  });

  const context = await browser.newContext({ storageState: none, viewport: { width: 1366, height: 768 } });
  await api(context.request, 'auth.login', { username: `kbd${stamp}`, password: 'Start2026pw' });
  await api(context.request, 'auth.changePassword', { oldPassword: 'Start2026pw', newPassword: 'Leader2026pass' });
  const lp = await context.newPage();
  await lp.goto('/#/leader');
  await expect(lp.getByRole('heading', { name: new RegExp(`钱局长${tag}的接访`) })).toBeVisible();
  await lp.keyboard.press('F5');
  const notes = lp.getByRole('textbox', { name: '接谈情况' });
  await expect(notes).toBeVisible();
  const tabToNotes = async () => {
    for (let i = 0; i < 40 && !(await notes.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await lp.keyboard.press('Tab');
    await expect(notes).toBeFocused();
  };
  await tabToNotes();
  await lp.keyboard.type('来访人反映楼上漏水三个月，物业不予处理');
  await expect(lp.getByText(/接谈情况草稿已存/)).toBeVisible();

  // A reload (or a crash) keeps what was typed.
  await lp.reload();
  await expect(notes).toHaveValue('来访人反映楼上漏水三个月，物业不予处理');

  // F7 asks; Esc leaves the visitor in the room.
  await lp.keyboard.press('F7');
  const confirm = lp.getByRole('dialog', { name: '确认未到' });
  await expect(confirm).toContainText(`孙大娘${tag}`);
  await expect(confirm.getByRole('button', { name: /标记未到/ })).toBeFocused();
  await snap(lp, '81-no-show-confirm-1366');
  await lp.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(notes).toHaveValue('来访人反映楼上漏水三个月，物业不予处理');
  await expect(lp.getByRole('table', { name: '接访队列' })).toContainText('接谈中');

  // More notes, then F7 and Enter straight away: marked 未到, and the notes are kept on the backend.
  await tabToNotes();
  await lp.keyboard.press('End');
  await lp.keyboard.type('；要求维修');
  await lp.keyboard.press('F7');
  await expect(confirm).toBeVisible();
  await lp.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(notes).toHaveCount(0);
  await expect(lp.getByRole('table', { name: '接访队列' })).toContainText('未到');
  await expect
    .poll(async () => (await api<{ notes: string } | null>(context.request, 'reception.draft', { bookingId: booking.id }))?.notes)
    .toBe('来访人反映楼上漏水三个月，物业不予处理；要求维修');
  await lp.setViewportSize({ width: 1600, height: 1000 });
  await snap(lp, '82-leader-after-no-show');
  await context.close();
});

test('the hall display: 最近叫号 fits at 1366×768, 1600×1000 and 1920×1080; a 重呼 is one row, on top, marked', async ({
  browser,
  page,
}) => {
  const lanes = await api<{ id: string; prefix: string }[]>(page.request, 'queue.lanes', {});
  // Lane B, at a desk serving it: other specs count lane A's numbers from A001.
  const laneB = lanes.find((l) => l.prefix === 'B')!.id;
  const desks = await api<{ id: string; laneIds: string[] }[]>(page.request, 'queue.desks', {});
  const desk = desks.find((d) => d.laneIds.includes(laneB))!.id;
  const called: string[] = [];
  for (let i = 0; i < 6; i++) {
    await api(page.request, 'queue.issue', { laneId: laneB });
    await api(page.request, 'queue.finish', { deskId: desk }).catch(() => undefined);
    called.push((await api<{ ticketNo: string }>(page.request, 'queue.callNext', { deskId: desk })).ticketNo);
  }
  // The last ticket called is recalled: it stays one row, on top, marked 重呼.
  await api(page.request, 'queue.recall', { deskId: desk });
  const last = called.at(-1)!;

  const display = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  for (const [width, height] of [
    [1366, 768],
    [1600, 1000],
    [1920, 1080],
  ] as const) {
    await display.setViewportSize({ width, height });
    await display.goto('/#/display');
    // The sound unlock is a button for the keyboard too.
    await display.keyboard.press('Tab');
    await display.keyboard.press('Enter');
    await expect(display.getByRole('button', { name: '点击屏幕启用语音播报' })).toHaveCount(0);
    const recent = display.getByRole('table', { name: '最近叫号' });
    await expect(recent.getByRole('row')).toHaveCount(5);
    await expect(recent.getByRole('row').first()).toContainText(last);
    await expect(recent.getByRole('row').first()).toContainText('重呼');
    await expect(recent.getByRole('row').filter({ hasText: last })).toHaveCount(1);
    // Every row and column inside its panel, and the panel inside the screen.
    const panel = (await display.getByRole('region', { name: '等候情况' }).boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(width);
    for (const cell of await recent.getByRole('cell').all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width, `${width}×${height}: ${await cell.textContent()}`).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
      expect(box.y + box.height, `${width}×${height}: ${await cell.textContent()}`).toBeLessThanOrEqual(panel.y + panel.height + 0.5);
    }
    await snap(display, `83-display-${width}`);
  }
  // Leave the queue as found for the other tests.
  await api(page.request, 'queue.finish', { deskId: desk });
});

test('修改密码 from the user menu, by keyboard: the new password logs in, the old one no longer', async ({ browser }) => {
  const { stamp, tag } = runTag();
  const none = { cookies: [], origins: [] };
  const admin = (await browser.newContext({ storageState: none })).request;
  await api(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const username = `pw${stamp}`;
  await api(admin, 'users.create', { username, displayName: `周登记${tag}`, role: 'clerk', password: 'Start2026pw' });
  const context = await browser.newContext({ storageState: none, viewport: { width: 1366, height: 768 } });
  await api(context.request, 'auth.login', { username, password: 'Start2026pw' });
  await api(context.request, 'auth.changePassword', { oldPassword: 'Start2026pw', newPassword: 'First2026pass' });
  const page = await context.newPage();
  await page.goto('/#/today');
  await expect(page.getByRole('heading', { name: '今日来访' })).toBeVisible();

  const menuButton = page.getByRole('button', { name: '当前用户' });
  for (let i = 0; i < 10 && !(await menuButton.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: '修改密码' });
  await expect(item).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await expect(dialog.getByLabel('原密码')).toBeFocused();
  await page.keyboard.type('First2026pass');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second2026pass');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second2026pas');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByText('两次输入的密码不一致')).toBeVisible();
  await snap(page, '84-change-password-1366');
  await page.keyboard.press('End');
  await page.keyboard.type('s');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('密码已修改', { exact: false })).toBeVisible();
  // The keyboard carries on from the user menu's button.
  await expect(menuButton).toBeFocused();
  // Still logged in here; a new login takes the new password only.
  await expect(page.getByRole('heading', { name: '今日来访' })).toBeVisible();
  const fresh = (await browser.newContext({ storageState: none })).request;
  await expect(api(fresh, 'auth.login', { username, password: 'First2026pass' })).rejects.toThrow('用户名或密码错误');
  await api(fresh, 'auth.login', { username, password: 'Second2026pass' });
  await context.close();
});
