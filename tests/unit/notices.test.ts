// The papers of a 信访事项 (告知书, 意见书, 交办单, 督办单) and of a talk (接谈记录):
// which a matter allows, the data they are drawn from, and the archive of each
// formal notice — the PDF kept with its SHA-256, refused rather than issued
// unkept, checked on reading — and the 送达 that closes the 15-day clock.
// The PDF renderer is the one stand-in here (it needs the HTTP server and a
// browser); the e2e test renders the real one in Chromium.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api/contract';
import type { MatterView } from '@shared/api/schemas/matters';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { publishedSession } from '../support/roster';

const TODAY = '2026-11-24';
let hall: TestHall;
let clerk: Client;
let leader: Client;
let rendered: string[];

type Act = InputOf<'matters.act'>;
type Without<T> = T extends unknown ? Omit<T, 'matterId' | 'version' | 'on'> & { on?: string } : never;

/** A newly registered matter (its first visit opens it). */
async function newMatter(name = '吴用', seq = '321'): Promise<MatterView> {
  const v = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', seq), name }));
  return clerk.call('matters.get', { matterId: v.matterId });
}

/** One action on the matter at its current version, by the administrator. */
async function act(m: { id: string }, a: Without<Act>): Promise<MatterView> {
  const { version } = await hall.admin.call('matters.get', { matterId: m.id });
  return hall.admin.call('matters.act', { on: TODAY, ...a, matterId: m.id, version } as Act);
}

const decided = async (decision: Extract<Act, { action: 'decide' }>['decision'], extra: Partial<Act> = {}) =>
  act(await newMatter(), { action: 'decide', decision, ...extra } as Without<Act>);

const opinion = { facts: '经现场核实，补贴申请材料齐全。', reasons: '符合补贴政策条件。', decision: '予以发放补贴。', basis: '' };

async function talk(outcome: 'accepted' | 'declined' | 'assigned', extra: Record<string, unknown>) {
  const leaderId = (await hall.admin.call('users.list', {})).find((u) => u.role === 'leader')!.id;
  const s = await publishedSession(hall.admin, leaderId, TODAY, { lawyer: '刘律师' });
  const v = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', '321'), name: '吴用' }));
  const b = await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
  await leader.call('reception.callNext', { sessionId: s.id });
  const t = await leader.call('reception.record', { bookingId: b.id, notes: '接谈情况记录', decision: outcome, ...extra });
  return { talk: t, matterId: v.matterId };
}

/** The print page's read of a route's token, by the user who printed it (a token is bound to its maker). */
const slipOf = async (route: string, who: Client = clerk) => who.call('print.slip', { token: route.split('/').pop()! });

useHall(async (h) => {
  hall = h;
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

describe('papers of a matter', () => {
  it('a 受理告知书 is a paper of the matter, kept as PDF with its SHA-256 before it prints, and reads back verified', async () => {
    const m = await decided('accepted');
    const printed = await clerk.call('print.submit', { template: 'accept_notice', refId: m.id, copies: 1 });
    expect(printed.job.refId).toBe(m.id);
    // The archive's renderer gets its own one-time token, never the one the screen holds.
    expect(rendered).toHaveLength(1);
    expect(rendered[0]).toMatch(/^\/print\/job\//);
    expect(rendered[0]).not.toBe(printed.route);

    const [kept] = await clerk.call('print.archive', { matterId: m.id });
    expect(kept).toMatchObject({ template: 'accept_notice', jobId: printed.job.id, matterId: m.id, talkId: null, actorName: '测试clerk1' });
    const row = await hall.backend.deps.db.selectFrom('notice_archive').selectAll().executeTakeFirstOrThrow();
    const bytes = readFileSync(join(hall.dir, row.path));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(kept!.sha256);
    expect(row.path).toMatch(/^notices[/\\]2026[/\\]/);

    const pdf = await hall.admin.call('print.archivedPdf', { archiveId: kept!.id });
    expect(Buffer.from(pdf.base64, 'base64').equals(bytes)).toBe(true);
    expect(pdf.name).toMatch(/^受理告知书-/);

    const actions = (
      await hall.backend.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', m.id).orderBy('at').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['matter.decide', 'print.accept_notice', 'notice.archive', 'notice.open']));
  });

  it('printing the written answer does not close the 15-day clock; its 送达 does (and a 交办单 is no answer)', async () => {
    const m = await decided('assigned', { unit: '和平街道办', deadline: '2026-12-20' });
    const sheet = await clerk.call('print.submit', { template: 'assign_sheet', refId: m.id });
    const notice = await clerk.call('print.submit', { template: 'forward_notice', refId: m.id });
    let now = await clerk.call('matters.get', { matterId: m.id });
    expect(now.clocks.map((c) => c.clock)).toContain('reply');
    expect(now.repliedOn).toBeNull();

    now = await act(m, { action: 'deliver', printJobId: sheet.job.id, method: 'in_person' });
    expect(now.repliedOn).toBeNull();
    now = await act(m, { action: 'deliver', printJobId: notice.job.id, method: 'in_person' });
    expect(now.repliedOn).toBe(TODAY);
    expect(now.clocks.map((c) => c.clock)).not.toContain('reply');
    // The 交办单 is not a notice to the visitor: not archived.
    expect((await clerk.call('print.archive', { matterId: m.id })).map((a) => a.template)).toEqual(['forward_notice']);
  });

  it('the 引导告知书 answers a guided matter in writing: its 送达 closes the clock too', async () => {
    const m = await decided('guided', { route: 'court' });
    const notice = await clerk.call('print.submit', { template: 'guide_notice', refId: m.id });
    const now = await act(m, { action: 'deliver', printJobId: notice.job.id, method: 'in_person' });
    expect(now.repliedOn).toBe(TODAY);
    expect(now.clocks).toEqual([]);
  });

  it('no formal notice goes out before the bureau is named; the first run names it, and 单位与打印 can', async () => {
    // The test hall was set up as the first-run screen does it: named, with its address.
    expect(await hall.admin.call('print.bureau', {})).toMatchObject({ name: '某某区信访局', address: '某某区人民路1号' });
    // A hall set up without naming it (a script, an old version) has no bureau setting.
    await hall.backend.deps.db.deleteFrom('settings').where('key', '=', 'bureau').execute();
    const m = await decided('accepted');
    const refused = await clerk.fail('print.submit', { template: 'accept_notice', refId: m.id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('单位与打印');
    expect(rendered).toEqual([]);
    expect(await hall.backend.deps.db.selectFrom('print_jobs').select('id').execute()).toEqual([]);
    // The receipt and queue slips are not formal notices: they still print.
    await clerk.call('print.submit', { template: 'receipt', refId: (await clerk.call('visits.listDay', {}))[0]!.id });
    await hall.admin.call('print.saveBureau', {
      name: '东城区信访局',
      address: '东城区建国门内大街1号',
      phone: '',
      sealText: '东城区信访局',
    });
    await clerk.call('print.submit', { template: 'accept_notice', refId: m.id });
    expect(rendered).toHaveLength(1);
  });

  it('only the papers the matter allows, refused with a Chinese message', async () => {
    const forwarded = await decided('forwarded', { unit: '市住建委' });
    const refused = await clerk.fail('print.submit', { template: 'accept_notice', refId: forwarded.id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('只有本机关受理的事项出具受理告知书');
    expect((await clerk.fail('print.preview', { template: 'assign_sheet', refId: forwarded.id })).message).toContain('只有交办');
    expect((await clerk.fail('print.submit', { template: 'extension_notice', refId: forwarded.id })).message).toContain('没有延期');
    expect((await clerk.fail('print.submit', { template: 'opinion', refId: forwarded.id })).message).toContain('尚未办结');
    expect((await clerk.fail('print.submit', { template: 'supervise_sheet', refId: forwarded.id })).message).toContain('没有督办');
    await clerk.call('print.submit', { template: 'forward_notice', refId: forwarded.id });

    const registered = await newMatter('林冲', '457');
    expect((await clerk.fail('print.submit', { template: 'decline_notice', refId: registered.id })).message).toContain('只有不予受理');
    expect((await clerk.fail('print.submit', { template: 'guide_notice', refId: registered.id })).message).toContain('引导');
    // A paper of a matter needs a matter.
    expect((await clerk.fail('print.submit', { template: 'accept_notice', refId: registered.petitionerId })).code).toBe('NOT_FOUND');
  });

  it('the 延期告知书 carries the deadline before and after the one extension, as the matter stores it', async () => {
    const m = await decided('accepted');
    const extended = await act(m, { action: 'extend', days: 30, reason: '涉及多个部门，需现场勘验', approver: '李局长' });
    const printed = await clerk.call('print.submit', { template: 'extension_notice', refId: m.id });
    const slip = await slipOf(printed.route);
    expect(slip).toMatchObject({
      template: 'extension_notice',
      originalHandleDue: m.handleDue,
      extendedOn: TODAY,
      matter: expect.objectContaining({ extensionDays: 30, handleDue: extended.handleDue, extensionApprover: '李局长' }),
      visit: expect.objectContaining({ name: '吴用' }),
    });
    expect(m.handleDue).not.toBeNull();
    expect(extended.handleDue! > m.handleDue!).toBe(true);
  });

  it('the paper prints from the data it was archived from, even if the matter changes in between', async () => {
    const m = await decided('accepted');
    const printed = await clerk.call('print.submit', { template: 'accept_notice', refId: m.id, copies: 1 });
    await act(m, { action: 'extend', days: 10, reason: '涉及多个部门', approver: '李局长' });
    expect(await slipOf(printed.route)).toMatchObject({ matter: expect.objectContaining({ handleDue: m.handleDue, extensionDays: null }) });
  });

  it('the 督办单 names the latest 督办 and counts them; the opinions carry their four parts', async () => {
    const m = await decided('assigned', { unit: '和平街道办', deadline: '2026-12-20' });
    await act(m, { action: 'supervise', unit: '和平街道办', due: '2026-12-01', reason: '群众反映进展缓慢' });
    await act(m, { action: 'supervise', unit: '和平街道办', due: '2026-12-05', reason: '再次督促报告办理结果' });
    const sheet = await slipOf((await clerk.call('print.submit', { template: 'supervise_sheet', refId: m.id })).route);
    expect(sheet).toMatchObject({
      supervision: { on: TODAY, due: '2026-12-05', unit: '和平街道办', reason: '再次督促报告办理结果', count: 2 },
    });

    await act(m, { action: 'conclude', opinion });
    const op = await slipOf((await clerk.call('print.submit', { template: 'opinion', refId: m.id })).route);
    expect(op).toMatchObject({ template: 'opinion', matter: expect.objectContaining({ opinion, opinionOn: TODAY }) });
    expect((await clerk.fail('print.submit', { template: 'review_opinion', refId: m.id })).message).toContain('没有复查意见');
  });

  it('leaders print the papers of matters they talked about or lead, not others', async () => {
    // The talk decides the matter (受理), through the matter's own rule.
    const { talk: t, matterId } = await talk('accepted', { unit: '区住建局' });
    await leader.call('print.submit', { template: 'accept_notice', refId: matterId });
    await leader.call('print.submit', { template: 'talk_record', refId: t.id });
    const [kept] = await leader.call('print.archive', { talkId: t.id });
    expect(kept).toMatchObject({ template: 'accept_notice', matterId });

    const other = await hall.as('leader', 'li');
    expect((await other.fail('print.preview', { template: 'talk_record', refId: t.id })).code).toBe('FORBIDDEN');
    expect((await other.fail('print.submit', { template: 'accept_notice', refId: matterId })).code).toBe('FORBIDDEN');
    expect((await other.fail('print.archive', { matterId })).code).toBe('FORBIDDEN');
    expect((await other.fail('print.archivedPdf', { archiveId: kept!.id })).code).toBe('FORBIDDEN');
    expect((await leader.fail('print.submit', { template: 'receipt', refId: t.visitId })).code).toBe('FORBIDDEN');

    // 包案: the leading leader may print the matter's papers.
    const liId = (await hall.admin.call('users.list', {})).find((u) => u.username === 'li')!.id;
    await act({ id: matterId }, { action: 'lead', leaderId: liId });
    await other.call('print.preview', { template: 'accept_notice', refId: matterId });
  });

  it('the 接谈记录 stays a paper of the talk, not archived, with the matter it concerns', async () => {
    const { talk: t, matterId } = await talk('accepted', { unit: '区住建局' });
    const printed = await leader.call('print.submit', { template: 'talk_record', refId: t.id });
    expect(rendered).toEqual([]);
    expect(await slipOf(printed.route, leader)).toMatchObject({
      template: 'talk_record',
      talk: expect.objectContaining({ id: t.id }),
      matter: expect.objectContaining({ id: matterId }),
      leaderName: '测试wang',
      roomName: '1号接谈室',
      lawyer: '刘律师',
      date: TODAY,
      startedAt: '09:00',
    });
  });

  it('a changed archive file is detected on reading', async () => {
    const m = await decided('accepted');
    await clerk.call('print.submit', { template: 'accept_notice', refId: m.id, copies: 1 });
    const row = await hall.backend.deps.db.selectFrom('notice_archive').selectAll().executeTakeFirstOrThrow();
    writeFileSync(join(hall.dir, row.path), 'altered');
    expect((await clerk.fail('print.archivedPdf', { archiveId: row.id })).message).toContain('SHA-256不一致');
  });

  it('without a PDF renderer the notice is refused, the job says why, and nothing is archived', async () => {
    const m = await decided('declined', { declineGround: 'not_petition' });
    hall.backend.deps.noticePdf = null;
    const refused = await clerk.fail('print.submit', { template: 'decline_notice', refId: m.id, copies: 1 });
    expect(refused.message).toContain('告知书未打印');
    const [job] = await clerk.call('print.log', { refId: m.id });
    expect(job).toMatchObject({ template: 'decline_notice', status: 'failed' });
    expect(await clerk.call('print.archive', { matterId: m.id })).toEqual([]);
  });

  it('a preview draws the paper from its print route without printing, archiving or logging anything', async () => {
    const m = await decided('accepted');
    const { route } = await clerk.call('print.preview', { template: 'accept_notice', refId: m.id });
    expect(route).toMatch(/^\/print\/preview\//);
    expect(await slipOf(route)).toMatchObject({
      template: 'accept_notice',
      reprint: false,
      visit: expect.objectContaining({ name: '吴用' }),
    });
    expect(await clerk.call('print.log', { refId: m.id })).toEqual([]);
    expect(rendered).toEqual([]);
    // One read only; and a preview not read within 2 minutes is gone.
    expect((await clerk.fail('print.slip', { token: route.split('/').pop()! })).message).toContain('打印任务不存在或已过期');
    const late = await clerk.call('print.preview', { template: 'accept_notice', refId: m.id });
    hall.clock.now = new Date(hall.clock.now.getTime() + 3 * 60_000);
    expect((await clerk.fail('print.slip', { token: late.route.split('/').pop()! })).message).toContain('已过期');
  });
});
