// Slips rendered by their print routes in Chromium at their real paper size,
// read back with pdftotext and turned into PNG with pdftoppm (to look at).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, CLERK_STATE, residentId, api } from '../support';

test.use({ storageState: CLERK_STATE });
const OUT = 'test-results/pdf';

/** Renders a print route to PDF at the size its own @page rule asks for; returns the text and page count. */
async function renderPdf(opener: Page, route: string, name: string): Promise<{ text: string; pages: number; widthMm: number }> {
  mkdirSync(OUT, { recursive: true });
  const page = await opener.context().newPage(); // each slip in its own page, as the print window does
  await page.goto(`/#${route}`);
  await expect(page).toHaveTitle('print-ready');
  await page.emulateMedia({ media: 'print' });
  const file = `${OUT}/${name}.pdf`;
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '110', file, `${OUT}/${name}`]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const widthPt = Number(/Page size:\s+([\d.]+)/.exec(info)![1]);
  await page.close();
  return { text, pages, widthMm: Math.round((widthPt * 25.4) / 72) };
}

test('queue ticket (80 mm and 58 mm) and registration receipt (A4, long text paginates) print right', async ({ page, browser }) => {
  const admin = await (await browser.newContext({ storageState: undefined })).request;
  await api(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await api(admin, 'print.saveBureau', {
    name: '朝阳区信访局',
    address: '北京市朝阳区某某路1号',
    phone: '010-65090000',
    sealText: '朝阳区信访局',
  });

  const lanes = await api<{ id: string; prefix: string }[]>(page.request, 'queue.lanes', {});
  const ticket = await api<{ id: string; ticketNo: string }>(page.request, 'queue.issue', {
    laneId: lanes.find((l) => l.prefix === 'F')!.id,
    priority: 'military',
  });
  const t80 = await api<{ route: string }>(page.request, 'print.submit', { template: 'ticket', refId: ticket.id });
  const ticketPdf = await renderPdf(page, t80.route, 'ticket-80mm');
  expect(ticketPdf.pages).toBe(1);
  expect(ticketPdf.widthMm).toBe(80);
  for (const s of ['朝阳区信访局', '排队凭条', ticket.ticketNo, '法律咨询', '优先：军人/退役军人', '前面还有', '取号时间'])
    expect(ticketPdf.text).toContain(s);

  const settings = await api<Record<string, unknown>>(admin, 'print.settings', {});
  await api(admin, 'print.saveSettings', { ...settings, ticket: { printer: '', paper: '58mm', silent: true } });
  const t58 = await api<{ route: string; job: { reprint: boolean } }>(page.request, 'print.submit', {
    template: 'ticket',
    refId: ticket.id,
  });
  expect(t58.job.reprint).toBe(true);
  const ticket58 = await renderPdf(page, t58.route, 'ticket-58mm');
  expect(ticket58.text).toContain(ticket.ticketNo);
  expect(ticket58.text).toContain('补打');
  expect(ticket58.widthMm).toBe(58);

  const longDemands =
    Array.from(
      { length: 60 },
      (_, i) => `第${i + 1}条：2019年起小区地下车库长期积水，物业与开发商互相推诿，住户多次反映未果，要求责任单位限期整改并公开处理结果。`,
    ).join('\n') + '\n结尾：以上诉求请依法处理。';
  const visit = await api<{ id: string; visitNo: string }>(page.request, 'visits.register', {
    idType: 'resident',
    idNumber: residentId('110105', '19710707', '468'),
    name: '𠮷田﨑',
    phone: '13700001111',
    address: '朝阳区某某街道',
    peopleCount: 1,
    purpose: 'complaint',
    category: 'urban_construction',
    locationArea: '某某街道',
    summary: '地下车库积水多年未整改',
    demands: longDemands,
  });
  const receipt = await api<{ route: string }>(page.request, 'print.submit', { template: 'receipt', refId: visit.id });
  const receiptPdf = await renderPdf(page, receipt.route, 'receipt-a4');
  expect(receiptPdf.pages).toBeGreaterThan(1);
  expect(receiptPdf.widthMm).toBe(210);
  for (const s of [
    '来访登记回执',
    visit.visitNo,
    '𠮷田﨑',
    '110105********',
    '地下车库积水多年未整改',
    '接收情况以及处理途径和程序',
    '结尾：以上诉求请依法处理。',
    '朝阳区信访局',
    '010-65090000',
  ]) {
    expect(receiptPdf.text.replace(/\s+/g, '')).toContain(s.replace(/\s+/g, ''));
  }
  // Purpose, category and place each on their own row (issue #16), not run together.
  const rows = receiptPdf.text.replace(/[ \t]+/g, '');
  for (const row of ['信访目的投诉', '内容分类城乡建设', '问题属地某某街道']) expect(rows).toContain(row);
  expect(receiptPdf.text).not.toContain('投诉 · 城乡建设');
  // The full ID number is not printed on the visitor's slip.
  expect(receiptPdf.text).not.toContain(residentId('110105', '19710707', '468'));

  // Leave the queue as we found it for the other tests: serve and finish F001.
  const desks = await api<{ id: string; number: number }[]>(page.request, 'queue.desks', {});
  const desk3 = desks.find((d) => d.number === 3)!.id;
  await api(page.request, 'queue.callTicket', { deskId: desk3, ticketId: ticket.id, reason: '打印测试' });
  await api(page.request, 'queue.finish', { deskId: desk3 });
});

test('the browser prints a receipt from the registration drawer through a print frame, logged as 补打', async ({ page }) => {
  await page.goto('/#/today');
  const row = page.getByRole('table', { name: '今日来访列表' }).getByRole('row', { name: /𠮷田﨑/ });
  await row.click();
  const drawer = page.getByRole('dialog');
  const visitId = await page.evaluate(async () => {
    const r = await fetch('/api/visits.listDay', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return ((await r.json()) as { data: { id: string; name: string }[] }).data.find((v) => v.name === '𠮷田﨑')!.id;
  });
  await drawer.getByRole('button', { name: '补打回执' }).click();
  // The print page loads in a same-origin frame and opens the browser's print dialog
  // (headless Chromium has none to show); the job is on the visit's print log.
  await expect(page.frameLocator('iframe').locator('.slip-receipt')).toContainText('来访登记回执');
  const log = await api<{ reprint: boolean }[]>(page.request, 'print.log', { refId: visitId });
  expect(log).toHaveLength(2);
  expect(log[0]!.reprint).toBe(true);
});
