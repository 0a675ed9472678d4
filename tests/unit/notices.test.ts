// The papers of a talk record (告知书, 交办单, 接谈记录): which a talk allows,
// the data they are drawn from, and the archive of each formal notice — the PDF
// kept with its SHA-256, refused rather than issued unkept, checked on reading.
// The PDF renderer is the one stand-in here (it needs the HTTP server and a
// browser); the e2e test renders the real one in Chromium.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHall, residentId, visitInput, type Client, type TestHall } from '../support/backend';

const ROOM1 = '0193a000-0000-7000-8000-000000000301';
let hall: TestHall;
let clerk: Client;
let leader: Client;
let rendered: string[];

/** 延期 of the talk's matter (the matter's one method). */
async function extend(matterId: string, days: number) {
  const m = await leader.call('matters.get', { matterId });
  await leader.call('matters.act', {
    action: 'extend',
    matterId,
    version: m.version,
    on: '2026-11-24',
    days,
    reason: '涉及多个部门',
    approver: '王主任',
  });
}

async function talk(outcome: 'accepted' | 'declined' | 'assigned', extra: Record<string, unknown>) {
  const leaderId = (await hall.admin.call('users.list', {})).find((u) => u.role === 'leader')!.id;
  const s = await hall.admin.call('roster.save', {
    id: null,
    leaderId,
    date: '2026-11-24',
    start: '09:00',
    end: '11:30',
    roomId: ROOM1,
    lawyer: '刘律师',
    slotMinutes: 30,
    expectedVersion: null,
  });
  await hall.admin.call('roster.setStatus', { sessionId: s.id, status: 'published', reason: '' });
  const v = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', '321'), name: '吴用' }));
  const b = await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
  await leader.call('reception.callNext', { sessionId: s.id });
  return leader.call('reception.record', { bookingId: b.id, notes: '接谈情况记录', decision: outcome, ...extra });
}

beforeEach(async () => {
  hall = await openHall();
  clerk = await hall.as('clerk');
  leader = await hall.as('leader', 'wang');
  rendered = [];
  hall.backend.deps.noticePdf = {
    render: async ({ route }) => {
      rendered.push(route);
      return Buffer.from(`%PDF-1.7 stand-in for ${route}`);
    },
  };
});
afterEach(() => hall.close());

describe('formal notices', () => {
  it('a 受理告知书 is kept as PDF with its SHA-256 before it prints, and reads back verified', async () => {
    const t = await talk('accepted', { unit: '区住建局' });
    const printed = await clerk.call('print.submit', { template: 'accept_notice', refId: t.id, copies: 1 });
    expect(rendered).toEqual([printed.route]);

    const [kept] = await clerk.call('print.archive', { talkId: t.id });
    expect(kept).toMatchObject({ template: 'accept_notice', jobId: printed.job.id, actorName: '测试clerk1' });
    const row = await hall.backend.deps.db.selectFrom('notice_archive').selectAll().executeTakeFirstOrThrow();
    const bytes = readFileSync(join(hall.dir, row.path));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(kept!.sha256);
    expect(row.path).toMatch(/^notices[/\\]2026[/\\]/);

    const pdf = await leader.call('print.archivedPdf', { archiveId: kept!.id });
    expect(Buffer.from(pdf.base64, 'base64').equals(bytes)).toBe(true);
    expect(pdf.name).toMatch(/^受理告知书-/);

    const actions = (
      await hall.backend.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', t.id).orderBy('at').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['talk.record', 'print.accept_notice', 'notice.archive', 'notice.open']));
  });

  it('the paper prints from the data it was archived from, even if the talk changes in between', async () => {
    const t = await talk('accepted', { unit: '区住建局' });
    const printed = await clerk.call('print.submit', { template: 'accept_notice', refId: t.id, copies: 1 });
    await extend(t.matterId, 30);
    const slip = await hall.backend.call({}, 'print.slip', { token: printed.route.split('/').pop()! });
    expect(slip.ok && slip.data).toMatchObject({ matter: expect.objectContaining({ handleDue: '2027-01-25', extensionDays: null }) });
  });

  it('another leader cannot preview, print or open the papers of a talk that is not theirs', async () => {
    const t = await talk('accepted', { unit: '区住建局' });
    await clerk.call('print.submit', { template: 'accept_notice', refId: t.id, copies: 1 });
    const other = await hall.as('leader', 'li');
    expect((await other.fail('print.preview', { template: 'talk_record', refId: t.id })).code).toBe('FORBIDDEN');
    expect((await other.fail('print.submit', { template: 'talk_record', refId: t.id })).code).toBe('FORBIDDEN');
    expect((await other.fail('print.archive', { talkId: t.id })).code).toBe('FORBIDDEN');
    const [kept] = await clerk.call('print.archive', { talkId: t.id });
    expect((await other.fail('print.archivedPdf', { archiveId: kept!.id })).code).toBe('FORBIDDEN');
  });

  it('a changed archive file is detected on reading', async () => {
    const t = await talk('accepted', { unit: '区住建局' });
    await clerk.call('print.submit', { template: 'accept_notice', refId: t.id, copies: 1 });
    const row = await hall.backend.deps.db.selectFrom('notice_archive').selectAll().executeTakeFirstOrThrow();
    writeFileSync(join(hall.dir, row.path), 'altered');
    expect((await clerk.fail('print.archivedPdf', { archiveId: row.id })).message).toContain('SHA-256不一致');
  });

  it('without a PDF renderer the notice is refused, the job says why, and nothing is archived', async () => {
    const t = await talk('declined', { declineGround: 'in_legal_process', reason: '已进入诉讼程序' });
    hall.backend.deps.noticePdf = null;
    const refused = await clerk.fail('print.submit', { template: 'decline_notice', refId: t.id, copies: 1 });
    expect(refused.message).toContain('告知书未打印');
    const [job] = await clerk.call('print.log', { refId: t.id });
    expect(job).toMatchObject({ template: 'decline_notice', status: 'failed' });
    expect(await clerk.call('print.archive', { talkId: t.id })).toEqual([]);
  });

  it('only the papers an outcome allows; 交办单 and 接谈记录 are not archived as notices', async () => {
    const t = await talk('accepted', { unit: '区住建局' });
    expect((await clerk.fail('print.submit', { template: 'decline_notice', refId: t.id })).message).toContain('只有不予受理');
    expect((await clerk.fail('print.submit', { template: 'extension_notice', refId: t.id })).message).toContain('没有延期');
    expect((await clerk.fail('print.submit', { template: 'assign_sheet', refId: t.id })).message).toContain('只有交办');
    await clerk.call('print.submit', { template: 'talk_record', refId: t.id });
    expect(rendered).toEqual([]);
    expect((await leader.fail('print.submit', { template: 'receipt', refId: t.visitId })).code).toBe('FORBIDDEN');
  });

  it('a preview draws the paper from its print route without printing, archiving or logging anything', async () => {
    const t = await talk('accepted', { unit: '区住建局' });
    const { route } = await leader.call('print.preview', { template: 'accept_notice', refId: t.id });
    expect(route).toMatch(/^\/print\/preview\//);
    const slip = await hall.backend.call({}, 'print.slip', { token: route.split('/').pop()! });
    expect(slip.ok && slip.data).toMatchObject({
      template: 'accept_notice',
      reprint: false,
      visit: expect.objectContaining({ name: '吴用' }),
    });
    expect(await clerk.call('print.log', { refId: t.id })).toEqual([]);
    expect(rendered).toEqual([]);
    expect((await leader.fail('print.preview', { template: 'decline_notice', refId: t.id })).message).toContain('只有不予受理');
    hall.clock.now = new Date(hall.clock.now.getTime() + 11 * 60_000);
    expect((await hall.backend.call({}, 'print.slip', { token: route.split('/').pop()! })).ok).toBe(false);
  });

  it('the 延期告知书 carries the deadline before and after the extension; the page gets the talk’s place and people', async () => {
    const t = await talk('assigned', { unit: '和平街道办', deadline: '2026-12-20' });
    await extend(t.matterId, 15);
    const printed = await leader.call('print.submit', { template: 'extension_notice', refId: t.id });
    const slip = await hall.admin.call('print.slip', { token: printed.route.split('/').pop()! });
    expect(slip).toMatchObject({
      template: 'extension_notice',
      leaderName: '测试wang',
      roomName: '1号接谈室',
      lawyer: '刘律师',
      date: '2026-11-24',
      startedAt: '09:00',
      originalHandleDue: '2026-12-20',
      extendedOn: '2026-11-24',
      matter: expect.objectContaining({ extensionDays: 15, extensionReason: '涉及多个部门', handleDue: '2027-01-04' }),
      visit: expect.objectContaining({ name: '吴用' }),
    });
  });
});
