// The 信访事项 lifecycle through the real API on a real SQLite file: one
// method (matters.act) for every transition, at the window and at a leader's
// talk; each write is the matter row + a timeline event + audit + a new
// version for the district, or a refusal that writes nothing. Also the due
// list, the holiday calendar moving open dates, 约访 against the written
// answer, the registration history flag, and 0009 → 0010.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api/contract';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { migrationProvider } from '../../electron/backend/db/migrations';
import { HALL_MORNING, openHall, residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { publishedSession } from '../support/roster';

const TODAY = '2026-11-24'; // a Tuesday; the written answer is due 2026-12-09
const OPINION = { facts: '经核实，补贴已按政策发放', reasons: '符合加装电梯补贴政策', decision: '予以支持', basis: '' };

let hall: TestHall;
let clerk: Client;
let wang: Client;
let wangId: string;
let liId: string;

let seq = 100;
async function register(over: Parameters<typeof visitInput>[0] = {}) {
  return clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', String(seq++)), ...over }));
}

type Act = InputOf<'matters.act'>;
type ActBody = { [K in Act['action']]: Omit<Extract<Act, { action: K }>, 'matterId' | 'version' | 'on'> & { on?: string } }[Act['action']];

/** One act on the matter at the version it has now, dated today (hall date) unless told. */
async function act(c: Client, matterId: string, body: ActBody) {
  const m = await c.call('matters.get', { matterId });
  const on = body.on ?? hall.clock.now.toISOString().slice(0, 10);
  return c.call('matters.act', { matterId, version: m.version, ...body, on } as Act);
}
async function fail(c: Client, matterId: string, body: Record<string, unknown>) {
  const m = await c.call('matters.get', { matterId });
  return c.fail('matters.act', { matterId, version: m.version, on: TODAY, ...body });
}

const db = () => hall.backend.deps.db;
async function written() {
  const n = async (t: 'outbox' | 'matter_events' | 'matters') =>
    Number(
      (
        await db()
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // Reading the matter first (matters.get) leaves a read-audit row (issue 13); a refusal must add no other.
  const changes = await db()
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '!=', 'read')
    .executeTakeFirstOrThrow();
  return { outbox: await n('outbox'), audit: Number(changes.n), events: await n('matter_events') };
}
const row = (id: string) => db().selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeEach(async () => {
  hall = await openHall();
  clerk = await hall.as('clerk');
  wang = await hall.as('leader', 'wang');
  await hall.as('leader', 'li');
  const users = await hall.admin.call('users.list', {});
  wangId = users.find((u) => u.username === 'wang')!.id;
  liId = users.find((u) => u.username === 'li')!.id;
  // wang decides 复查/复核 and supervises across the hall: the administrator lets him open every queue
  // (a leader without that reads only the matters within reach: tests/unit/leader-scope.test.ts).
  await hall.admin.call('users.setQueueScope', { userId: wangId, seesAllQueues: true });
});
afterEach(() => hall.close());

describe('a decision at the window', () => {
  it('a clerk forwards a matter: state, the district’s new version, audit, the visit’s 处理结果 and the timeline', async () => {
    const v = await register();
    const before = await written();
    const m = await act(clerk, v.matterId, { action: 'decide', decision: 'forwarded', unit: '区住建局', reason: '属区住建局职权' });
    expect(m).toMatchObject({ state: 'forwarded', decision: 'forwarded', unit: '区住建局', decidedOn: TODAY, version: 2 });
    expect(m.actions).toEqual(expect.arrayContaining(['unit_accept', 'return']));

    const sent = await db()
      .selectFrom('outbox')
      .select(['entity_version', 'payload_json'])
      .where('entity', '=', 'matter')
      .where('entity_id', '=', v.matterId)
      .orderBy('seq')
      .execute();
    expect(sent.at(-1)!.entity_version).toBe(2);
    expect(JSON.parse(sent.at(-1)!.payload_json)).toMatchObject({ state: 'forwarded', unit: '区住建局', decided_on: TODAY });
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', v.matterId)
      .where('action', '=', 'matter.decide')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ state: 'forwarded', decision: 'forwarded' });

    expect((await clerk.call('visits.get', { visitId: v.id })).outcome).toBe('转送（区住建局）');
    expect(m.events).toEqual([
      expect.objectContaining({
        action: 'decide',
        actorName: expect.stringMatching(/^测试clerk/),
        fromState: 'registered',
        toState: 'forwarded',
        unit: '区住建局',
        reason: '属区住建局职权',
        on: TODAY,
      }),
    ]);
    // The matter, its event, its audit and outbox rows; the visit's outcome its own audit and outbox rows.
    const after = await written();
    expect(after.events - before.events).toBe(1);
    expect(after.outbox - before.outbox).toBe(2);
  });
});

describe('the life of a matter', () => {
  it('受理 → 延期 → 办结 → 复查 → 复查意见 → 复核 → 复核意见 ends it; a later visit about it is flagged, still registered', async () => {
    const v = await register();
    const id = v.matterId;
    let m = await act(clerk, id, { action: 'decide', decision: 'accepted', unit: '区住建局' });
    expect(m).toMatchObject({ state: 'handling', acceptedOn: TODAY, handleDue: '2027-01-25' });

    m = await act(clerk, id, { action: 'extend', days: 10, reason: '需要现场勘验', approver: '王主任' });
    // 2027-01-25 + 10 days = 2027-02-04.
    expect(m).toMatchObject({ extensionDays: 10, handleDue: '2027-02-04', extensionReason: '需要现场勘验', extensionApprover: '王主任' });
    expect(await row(id)).toMatchObject({ extension_days: 10, handle_due: '2027-02-04', extended_on: TODAY });
    expect(m.events.at(-1)).toMatchObject({ action: 'extend', reason: '需要现场勘验', data: { days: 10, approver: '王主任' } });

    hall.clock.now = new Date('2026-12-20T02:00:00Z');
    m = await act(clerk, id, { action: 'conclude', opinion: OPINION });
    expect(m).toMatchObject({ state: 'concluded', opinionOn: '2026-12-20', concludedOn: '2026-12-20', opinion: OPINION });
    hall.clock.now = new Date('2026-12-28T02:00:00Z');
    m = await act(clerk, id, { action: 'request_review', reason: '对处理意见不服，申请复查' });
    expect(m.state).toBe('review');
    expect(m.clocks.map((c) => c.clock)).toContain('review');
    hall.clock.now = new Date('2027-01-10T02:00:00Z');
    m = await act(wang, id, { action: 'decide_review', opinion: { ...OPINION, decision: '维持原处理意见' } });
    expect(m).toMatchObject({ state: 'reviewed', reviewDecidedOn: '2027-01-10' });
    hall.clock.now = new Date('2027-01-15T02:00:00Z');
    m = await act(clerk, id, { action: 'request_recheck', reason: '对复查意见不服，申请复核' });
    expect(m.state).toBe('recheck');
    hall.clock.now = new Date('2027-01-20T02:00:00Z');
    m = await act(wang, id, { action: 'decide_recheck', opinion: { ...OPINION, decision: '维持复查意见' } });
    expect(m).toMatchObject({ state: 'final', finalOn: '2027-01-20', recheckDecidedOn: '2027-01-20' });
    expect(m.actions).not.toContain('request_review');
    expect(m.actions).not.toContain('request_recheck');
    expect(m.events.map((e) => e.action)).toEqual([
      'decide',
      'extend',
      'conclude',
      'request_review',
      'decide_review',
      'request_recheck',
      'decide_recheck',
    ]);
    expect((await row(id)).next_due).toBe('2026-12-09'); // only the written answer (never delivered here) still runs

    const repeat = await clerk.call('visits.register', visitInput({ idNumber: v.idNumber, matterId: id, summary: '再次反映补贴问题' }));
    expect(repeat).toMatchObject({ kind: 'repeat', matterId: id });
    const look = await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: v.idNumber });
    expect(look.history!.matters[0]).toMatchObject({ id, state: 'final', endedNotice: '该事项已终结，依法不再受理', visitCount: 2 });
  });

  it('不再受理 only names an ended matter of the same person', async () => {
    const first = await register();
    const other = await register();
    const again = await register({ idNumber: first.idNumber, summary: '同一事项再次反映' });
    expect(again.petitionerId).toBe(first.petitionerId);
    const notAgain = { action: 'decide', decision: 'not_again', reason: '' } as const;

    expect((await fail(clerk, again.matterId, { ...notAgain, endedMatterId: other.matterId })).fields).toMatchObject({
      endedMatterId: '请选择该来访人已终结的事项',
    });
    const notEnded = await fail(clerk, again.matterId, { ...notAgain, endedMatterId: first.matterId });
    expect(notEnded.fields?.decision).toContain('只有经复查、复核或已终结的同一事项才能不再受理');
    expect((await fail(clerk, again.matterId, { action: 'decide', decision: 'not_again' })).fields).toMatchObject({
      endedMatterId: '请选择已终结的同一事项',
    });

    // The first matter answered on the spot and ended (no 处理意见书: no review window to wait for).
    await act(clerk, first.matterId, { action: 'decide', decision: 'answered' });
    await act(wang, first.matterId, { action: 'terminate', reason: '当场答复，来访人无异议' });
    const m = await act(clerk, again.matterId, { ...notAgain, endedMatterId: first.matterId });
    expect(m).toMatchObject({ state: 'not_again', decision: 'not_again' });
    expect((await row(again.matterId)).ended_matter_id).toBe(first.matterId);
  });
});

describe('refusals write nothing', () => {
  it('an illegal transition is a CONFLICT with a Chinese message', async () => {
    const v = await register();
    const before = await written();
    const err = await fail(clerk, v.matterId, { action: 'conclude', opinion: OPINION });
    expect(err).toMatchObject({ code: 'CONFLICT', message: '该事项待处理，不能办结（出具处理意见书）' });
    expect(await written()).toEqual(before);
    expect((await row(v.matterId)).version).toBe(1);
  });

  it('a date outside its window names the field', async () => {
    const v = await register();
    const future = await fail(clerk, v.matterId, { action: 'decide', decision: 'accepted', on: '2026-11-25' });
    expect(future).toMatchObject({ code: 'VALIDATION', fields: { on: '日期不能晚于今天' } });
    await act(clerk, v.matterId, { action: 'decide', decision: 'forwarded', unit: '区住建局' });
    // The 5-working-day objection window after 2026-11-24 ends 2026-12-01.
    hall.clock.now = new Date('2026-12-03T02:00:00Z');
    const before = await written();
    const late = await fail(clerk, v.matterId, { action: 'return', unit: '区住建局', reason: '不属本单位职权', on: '2026-12-03' });
    expect(late.fields?.on).toBe('异议应在转送或交办后5个工作日内（2026年12月01日前）提出');
    expect(await written()).toEqual(before);
  });

  it('a missing reason is refused by the contract, naming the field', async () => {
    const v = await register();
    await act(clerk, v.matterId, { action: 'decide', decision: 'accepted' });
    const err = await fail(clerk, v.matterId, { action: 'extend', days: 10, approver: '王主任' });
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fields ?? {})).toEqual(['reason']);
    const declined = await fail(clerk, v.matterId, { action: 'decide', decision: 'declined', declineGround: 'other', reason: '' });
    expect(declined.fields).toMatchObject({ reason: '请写明不予受理的理由（至少4个字）' });
  });

  it('a stale version is refused', async () => {
    const v = await register();
    await act(clerk, v.matterId, { action: 'decide', decision: 'accepted' });
    const err = await clerk.fail('matters.act', {
      matterId: v.matterId,
      version: 1,
      on: TODAY,
      action: 'extend',
      days: 5,
      reason: '需要补充材料',
      approver: '王主任',
    });
    expect(err).toMatchObject({ code: 'CONFLICT', message: '该事项已被他人更新，请刷新后再操作' });
  });

  it('clerks cannot take a leader’s acts; a leader takes on (包案) only themselves', async () => {
    const v = await register();
    await act(clerk, v.matterId, { action: 'decide', decision: 'accepted' });
    expect((await fail(clerk, v.matterId, { action: 'supervise', unit: '区住建局', due: '2026-12-01', reason: '请加快办理' })).code).toBe(
      'FORBIDDEN',
    );
    expect((await fail(clerk, v.matterId, { action: 'lead', leaderId: wangId })).code).toBe('FORBIDDEN');
    expect((await fail(clerk, v.matterId, { action: 'decide_review', opinion: OPINION })).code).toBe('FORBIDDEN');

    expect(await fail(wang, v.matterId, { action: 'lead', leaderId: liId })).toMatchObject({
      code: 'FORBIDDEN',
      fields: { leaderId: '只能选择本人' },
    });
    const m = await act(wang, v.matterId, { action: 'lead', leaderId: wangId, reason: '' });
    expect(m.leadLeaderName).toBe('测试wang');
    expect(await clerk.call('matters.ledger', { leaderId: null })).toEqual([
      expect.objectContaining({ matterId: v.matterId, leaderId: wangId, leadOn: TODAY }),
    ]);
  });
});

describe('the due list', () => {
  it('督办 counts on the matter and shows in the due list; filters by clock, unit and leader; counts over all matches', async () => {
    const a = await register();
    const b = await register();
    const c = await register();
    await act(clerk, a.matterId, { action: 'decide', decision: 'assigned', unit: '和平街道办', deadline: '2026-11-30' });
    await act(clerk, b.matterId, { action: 'decide', decision: 'forwarded', unit: '区民政局' });
    await act(wang, c.matterId, { action: 'lead', leaderId: wangId });
    await act(wang, b.matterId, { action: 'supervise', unit: '区民政局', due: '2026-12-05', reason: '请加快办理' });
    await act(wang, b.matterId, { action: 'supervise', unit: '区民政局', due: '2026-12-06', reason: '再次督办' });
    expect(await row(b.matterId)).toMatchObject({ supervision_count: 2, supervise_due: '2026-12-06' });

    hall.clock.now = new Date('2026-12-07T02:00:00Z');
    const all = await clerk.call('matters.dueList', {});
    expect(all.items.map((i) => [i.matterId, i.clock, i.due, i.dueState])).toEqual([
      [a.matterId, 'handle', '2026-11-30', 'overdue'],
      ...[b.matterId, c.matterId].sort().map((id) => [id, 'reply', '2026-12-09', 'due_soon']),
    ]);
    expect(all.counts).toEqual({ total: 3, overdue: 1, dueToday: 0, dueSoon: 2 });
    expect(all.items.find((i) => i.matterId === b.matterId)).toMatchObject({ supervisionCount: 2, unit: '区民政局' });
    // 督办 per unit, with open and overdue, over every filter but the unit (the unit filter keeps the breakdown whole).
    const byUnit = [
      { unit: '和平街道办', open: 1, overdue: 1, supervisions: 0 },
      { unit: '区民政局', open: 1, overdue: 0, supervisions: 2 },
      { unit: '', open: 1, overdue: 0, supervisions: 0 },
    ];
    expect(all.units).toEqual(byUnit);
    expect((await clerk.call('matters.dueList', { unit: '区民政局' })).units).toEqual(byUnit);

    const ids = (l: { items: { matterId: string }[] }) => l.items.map((i) => i.matterId);
    expect(ids(await clerk.call('matters.dueList', { clock: 'handle' }))).toEqual([a.matterId]);
    expect(ids(await clerk.call('matters.dueList', { unit: '区民政局' }))).toEqual([b.matterId]);
    const led = await clerk.call('matters.dueList', { leaderId: wangId });
    expect(ids(led)).toEqual([c.matterId]);
    expect(led.items[0]!.leadLeaderName).toBe('测试wang');
    // A leader sees the matters they took on; the page is a page, the counts are not.
    await hall.admin.call('users.setQueueScope', { userId: wangId, seesAllQueues: false });
    expect(ids(await wang.call('matters.dueList', {}))).toEqual([c.matterId]);
    const page = await clerk.call('matters.dueList', { limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.counts.total).toBe(3);
    expect((await clerk.call('matters.dueList', { withinDays: 0 })).items.map((i) => i.matterId)).toEqual([a.matterId]);
  });

  it('a holiday on the last day moves an open written-answer date to the next working day, audited', async () => {
    const v = await register();
    expect((await row(v.matterId)).next_due).toBe('2026-12-09');
    await hall.admin.call('calendar.save', { year: 2026, days: [{ date: '2026-12-09', kind: 'holiday', name: '测试假日' }] });
    expect(await row(v.matterId)).toMatchObject({ next_due: '2026-12-10', next_clock: 'reply' });
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'matters.recompute_due')
      .where('actor_id', 'is not', null) // not the one at the first start
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ changed: 1, year: 2026 });
    expect((await clerk.call('matters.get', { matterId: v.matterId })).clocks[0]).toMatchObject({ clock: 'reply', due: '2026-12-10' });
  });
});

describe('the leader’s talk and the 约访', () => {
  async function session(date: string) {
    return publishedSession(hall.admin, wangId, date);
  }

  it('the talk’s decision is the matter’s, through the same method: one timeline event linked to the talk', async () => {
    const v = await register();
    const s = await session(TODAY);
    const b = await clerk.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
    await wang.call('reception.callNext', { sessionId: s.id });
    const t = await wang.call('reception.record', {
      bookingId: b.id,
      notes: '来访人反映补贴未落实',
      decision: 'guided',
      route: 'court',
      reason: '属民事纠纷',
      lawyerPresent: true,
    });
    expect(t).toMatchObject({ outcome: 'guided', matterId: v.matterId, lawyerPresent: true });
    const m = await wang.call('matters.get', { matterId: v.matterId });
    expect(m).toMatchObject({ state: 'guided', decision: 'guided', route: 'court', reason: '属民事纠纷' });
    const events = await db().selectFrom('matter_events').selectAll().where('matter_id', '=', v.matterId).execute();
    expect(events).toEqual([expect.objectContaining({ action: 'decide', talk_id: t.id, visit_id: v.id, actor_id: wangId })]);
    expect((await clerk.call('visits.get', { visitId: v.id })).outcome).toBe('引导向人民法院提起诉讼');
    // The talk row keeps what was said; its old clock columns are no longer written.
    expect(await db().selectFrom('talk_records').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow()).toMatchObject({
      notes: '来访人反映补贴未落实',
      outcome: 'litigation',
      reply_due: null,
      handle_due: null,
      concluded_on: null,
    });
    // A decision refused by the rules leaves the talk unrecorded.
    const v2 = await register();
    const b2 = await clerk.call('reception.schedule', { visitId: v2.id, sessionId: s.id, kind: 'walk_in' });
    await act(clerk, v2.matterId, { action: 'decide', decision: 'accepted' });
    await wang.call('reception.callNext', { sessionId: s.id });
    const refused = await wang.fail('reception.record', { bookingId: b2.id, notes: '再次接谈', decision: 'answered' });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: '该事项办理中，不能作出处理决定' });
    expect(await db().selectFrom('talk_records').select('id').where('booking_id', '=', b2.id).execute()).toEqual([]);
    // Without a decision, the talk with the returning visitor is recorded and the matter's decision stands.
    const before = await wang.call('matters.get', { matterId: v2.matterId });
    const again = await wang.call('reception.record', { bookingId: b2.id, notes: '再次接谈，解释办理进度', decision: null });
    expect(again).toMatchObject({ outcome: 'accepted', matterId: v2.matterId });
    const after = await wang.call('matters.get', { matterId: v2.matterId });
    expect({ state: after.state, version: after.version, events: after.events.length }).toEqual({
      state: before.state,
      version: before.version,
      events: before.events.length,
    });
    // A matter still 待处理 needs the decision at the talk.
    const v3 = await register();
    const b3 = await clerk.call('reception.schedule', { visitId: v3.id, sessionId: s.id, kind: 'walk_in' });
    await wang.call('reception.callNext', { sessionId: s.id });
    expect(await wang.fail('reception.record', { bookingId: b3.id, notes: '接谈', decision: null })).toMatchObject({
      code: 'VALIDATION',
      fields: { decision: '请选择处理方式' },
    });
  });

  it('an appointment past the 15-day written answer is refused, naming the date', async () => {
    const v = await register();
    const late = await session('2026-12-10');
    const err = await clerk.fail('reception.schedule', { visitId: v.id, sessionId: late.id, kind: 'appointment', slot: '09:30' });
    expect(err).toMatchObject({ code: 'CONFLICT', message: '该事项应在2026年12月09日前书面告知来访人，约访日期不能晚于该日' });
    const ok = await session('2026-12-09');
    const booked = await clerk.call('reception.schedule', { visitId: v.id, sessionId: ok.id, kind: 'appointment', slot: '09:30' });
    const moved = await clerk.fail('reception.move', { bookingId: booked.id, sessionId: late.id, slot: '10:00' });
    expect(moved.message).toContain('2026年12月09日前书面告知');
  });
});

describe('0009 → 0010', () => {
  /** Inserts a row, filling NOT NULL columns not given with an empty value of their type. */
  function insert(raw: BetterSqlite3.Database, table: string, values: Record<string, unknown>) {
    const cols = raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown }[];
    const row: Record<string, unknown> = {};
    for (const c of cols)
      if (c.name in values) row[c.name] = values[c.name];
      else if (c.notnull && c.dflt_value === null) row[c.name] = c.type === 'INTEGER' ? 0 : '';
    const names = Object.keys(row);
    raw.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`).run(row);
  }

  it('a talk record (accepted, extended) becomes the matter’s decision; next_due is computed at the first start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-0009-'));
    try {
      const raw = new BetterSqlite3(join(dir, DB_FILE_NAME));
      // The talk's booking and session are left out: only what 0010 reads is inserted.
      raw.pragma('foreign_keys = OFF');
      const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
      const res = await new Migrator({ db: k, provider: migrationProvider }).migrateTo('0009_print_snapshot');
      expect(res.error).toBeUndefined();
      const at = '2026-11-10T02:00:00.000Z';
      const ids = { user: '0193b000-0000-7000-8000-000000000001', person: '0193b000-0000-7000-8000-000000000002' };
      const matter = '0193b000-0000-7000-8000-000000000003';
      const visit = '0193b000-0000-7000-8000-000000000004';
      const talk = '0193b000-0000-7000-8000-000000000005';
      insert(raw, 'users', { id: ids.user, username: 'leader', display_name: '老领导', role: 'leader', created_at: at, updated_at: at });
      insert(raw, 'petitioners', { id: ids.person, id_type: 'resident', name: '张三', created_at: at, updated_at: at, version: 1 });
      insert(raw, 'matters', {
        id: matter,
        petitioner_id: ids.person,
        category: 'urban_construction',
        summary: '加装电梯',
        created_at: at,
      });
      insert(raw, 'visits', {
        id: visit,
        visit_no: 'LF20261110-0001',
        visit_date: '2026-11-10',
        petitioner_id: ids.person,
        matter_id: matter,
        kind: 'first',
        id_type: 'resident',
        people_count: 1,
        purpose: 'request',
        registered_by: ids.user,
        created_at: at,
        updated_at: at,
        version: 1,
      });
      insert(raw, 'talk_records', {
        id: talk,
        booking_id: '0193b000-0000-7000-8000-000000000006',
        visit_id: visit,
        leader_id: ids.user,
        notes: '接谈',
        outcome: 'accepted',
        unit: '区住建局',
        decided_on: '2026-11-10',
        reply_due: '2026-11-25',
        handle_due: '2027-02-08',
        extension_days: 30,
        extension_reason: '涉及多个部门',
        recorded_by: ids.user,
        created_at: at,
        updated_at: at,
        version: 2,
      });
      await k.destroy();

      const backend = await createBackend({ dataDir: dir, now: () => new Date(HALL_MORNING) });
      try {
        const m = await backend.deps.db.selectFrom('matters').selectAll().where('id', '=', matter).executeTakeFirstOrThrow();
        expect(m).toMatchObject({
          state: 'handling',
          decision: 'accepted',
          decided_on: '2026-11-10',
          accepted_on: '2026-11-10',
          handle_due: '2027-02-08',
          extension_days: 30,
          extension_reason: '涉及多个部门',
          received_on: '2026-11-10',
          received_by: ids.user,
          version: 2,
          // The written answer (from 2026-11-10: 2026-11-25) never recorded as sent is the earliest open clock.
          next_due: '2026-11-25',
          next_clock: 'reply',
        });
        const events = await backend.deps.db.selectFrom('matter_events').selectAll().execute();
        expect(events).toEqual([expect.objectContaining({ matter_id: matter, talk_id: talk, action: 'decide', to_state: 'handling' })]);
        expect(await backend.deps.db.selectFrom('settings').select('key').where('key', '=', 'matters.recomputeDue').execute()).toEqual([]);
        const audit = await backend.deps.db
          .selectFrom('audit_log')
          .select('after_json')
          .where('action', '=', 'matters.recompute_due')
          .execute();
        expect(audit.map((a) => JSON.parse(a.after_json!))).toEqual([{ changed: 1 }]);
      } finally {
        await backend.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
