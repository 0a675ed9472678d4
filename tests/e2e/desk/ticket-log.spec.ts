// 叫号记录 by keyboard only: a call out of order shows its reason, a duty leader's call into
// the talk room is in the log beside the desks' calls, and the filters narrow the list.
// The data is made through the API (its own lane and window, as the pad spec does, so the
// queue spec's lane A is untouched); the screen is driven by keys.
import { expect, test, type Page } from '@playwright/test';
import { hallDate } from '@shared/time';
import { ADMIN, CLERK_STATE, api, residentId, runTag, snap } from '../support';

const HD = { width: 1600, height: 1000 };
const { stamp, tag } = runTag();

async function tabTo(page: Page, accessibleName: RegExp, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // A string: the tests' tsconfig has no DOM types.
    const name = await page.evaluate<string>(
      "(() => { const el = document.activeElement; return el ? (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '') : ''; })()",
    );
    if (accessibleName.test(name)) return;
  }
  throw new Error(`Tab never reached ${String(accessibleName)}`);
}

test('叫号记录 shows the reason of a call out of order and the leader’s room calls; filtered by keyboard', async ({ browser }) => {
  test.setTimeout(120_000);
  const today = hallDate();
  const adminContext = await browser.newContext({ viewport: HD });
  const admin = adminContext.request;
  await api(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });

  // A lane and a window of this spec's own.
  const desks = await api<{ number: number }[]>(admin, 'queue.desks', {});
  const lane = await api<{ id: string }>(admin, 'queue.saveLane', { id: null, prefix: 'J', name: '叫号记录测试' });
  const deskNumber = Array.from({ length: 99 }, (_, i) => i + 1).find((n) => n > 3 && !desks.some((d) => d.number === n))!;
  const desk = await api<{ id: string }>(admin, 'queue.saveDesk', {
    id: null,
    number: deskNumber,
    name: `${deskNumber}号窗口`,
    laneIds: [lane.id],
  });

  // J001, J002, J003: J003 is called first (out of order, with a reason), then the others in line.
  const clerkContext = await browser.newContext({ storageState: CLERK_STATE, viewport: HD });
  const clerk = clerkContext.request;
  const issued = [];
  for (let i = 0; i < 3; i++) issued.push(await api<{ id: string; ticketNo: string }>(clerk, 'queue.issue', { laneId: lane.id }));
  await api(clerk, 'queue.callTicket', { deskId: desk.id, ticketId: issued[2]!.id, reason: '行动不便，先行办理' });
  await api(clerk, 'queue.callNext', { deskId: desk.id }); // J001
  await api(clerk, 'queue.callNext', { deskId: desk.id }); // J002, still at the window

  // A duty leader calls a visitor into a talk room.
  const username = `jhjl${stamp}`;
  const leaderName = `吴局长${tag}`;
  const leader = await api<{ id: string }>(admin, 'users.create', {
    username,
    displayName: leaderName,
    role: 'leader',
    password: 'Start2026pw',
  });
  const leaderContext = await browser.newContext({ viewport: HD });
  await api(leaderContext.request, 'auth.login', { username, password: 'Start2026pw' });
  await api(leaderContext.request, 'auth.changePassword', { oldPassword: 'Start2026pw', newPassword: 'Leader2026pass' });
  const rooms = await api<{ number: number }[]>(admin, 'rooms.list', {});
  const roomNumber = Array.from({ length: 99 }, (_, i) => i + 10).find((n) => !rooms.some((r) => r.number === n))!;
  const room = await api<{ id: string }>(admin, 'rooms.save', {
    id: null,
    number: roomNumber,
    name: `${roomNumber}号接谈室`,
    kind: 'talk',
    capacity: 6,
    openFrom: '00:00',
    openTo: '23:59',
    active: true,
  });
  const draft = await api<{ id: string }>(admin, 'roster.save', {
    id: null,
    leaderId: leader.id,
    date: today,
    start: '00:00',
    end: '23:59',
    roomId: room.id,
    topics: '叫号记录测试',
    lawyer: '',
    slotMinutes: 5,
    expectedVersion: null,
  });
  const session = await api<{ id: string }>(admin, 'roster.setStatus', { sessionId: draft.id, status: 'published', reason: '' });
  const visit = await api<{ id: string }>(clerk, 'visits.register', {
    idType: 'resident',
    idNumber: residentId('110105', '19620303', String(Number(stamp.slice(-3)) % 1000).padStart(3, '0')),
    name: `郑${tag}林`,
    phone: '13800002222',
    address: '和平街道9号',
    peopleCount: 1,
    purpose: 'complaint',
    category: 'urban_construction',
    locationArea: '和平街道',
    summary: '物业纠纷',
    demands: '要求协调',
    skipLevel: false,
    escort: null,
    representatives: [],
    petitionerId: null,
    matterId: null,
  });
  await api(clerk, 'reception.schedule', { visitId: visit.id, sessionId: session.id, kind: 'walk_in' });
  await api(leaderContext.request, 'reception.callNext', { sessionId: session.id });

  // The clerk opens 叫号记录 (Alt+5 in the clerk's menu) by keyboard.
  const page = await clerkContext.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: '叫号记录' })).toBeVisible();
  const table = page.getByRole('table', { name: '叫号记录' });
  const j3 = table.getByRole('row', { name: /J003/ });
  await expect(j3).toContainText(`叫号（提前） · ${deskNumber}号窗口`);
  await expect(j3.getByRole('cell').nth(5)).toContainText('行动不便，先行办理');
  await expect(table.getByRole('row', { name: /J001/ }).getByRole('cell').nth(5)).toHaveText('');
  await expect(table.getByRole('row', { name: new RegExp(`${roomNumber}号接谈室`) })).toContainText(
    `叫入接谈室 · ${roomNumber}号接谈室 · ${leaderName}`,
  );
  await snap(page, '95-ticket-log-1600');

  // Filters by keyboard: Tab to the radio group, → moves along it.
  await tabTo(page, /^全部（\d+）$/);
  await page.keyboard.press('ArrowRight'); // 窗口叫号
  await page.keyboard.press('ArrowRight'); // 领导接谈室叫号
  await expect(page.getByRole('radio', { name: /^领导接谈室叫号/ })).toBeChecked();
  await expect(table.getByRole('row', { name: new RegExp(`${roomNumber}号接谈室`) })).toBeVisible();
  await expect(table.getByRole('row', { name: /J00\d/ })).toHaveCount(0);
  await page.keyboard.press('ArrowRight'); // 提前叫号
  await expect(page.getByRole('radio', { name: /^提前叫号/ })).toBeChecked();
  await expect(table.getByRole('row', { name: /J003/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /J001|J002|号接谈室/ })).toHaveCount(0);
  // F3 puts the cursor in 号码; a number narrows the list (here to nothing among the out-of-order calls).
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft'); // back to 全部
  await page.keyboard.press('F3');
  await expect(page.getByRole('textbox', { name: '号码（F3）' })).toBeFocused();
  await page.keyboard.type('j00');
  await expect(table.getByRole('row', { name: /J00\d/ })).toHaveCount(3);
  await page.keyboard.type('2');
  await expect(table.getByRole('row')).toHaveCount(2); // the header and J002
  await expect(table.getByRole('row', { name: /J002/ })).toContainText('已叫号');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await snap(page, '95-ticket-log-filtered-1600');
  await page.setViewportSize({ width: 1366, height: 768 });
  await snap(page, '95-ticket-log-1366');

  // The lane leaves the 取号 screen the other specs use.
  await api(admin, 'queue.saveLane', { id: lane.id, prefix: 'J', name: '叫号记录测试', active: false });
  await leaderContext.close();
  await clerkContext.close();
  await adminContext.close();
});
