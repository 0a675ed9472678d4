// 个人信息保留 (issue 13): the report counts hand-made people exactly (an open matter, a recent
// visit, a later step of the matter and the day after the cutoff keep a person's data), nothing
// happens without the typed confirmation naming the count, the run removes the ID numbers,
// phones and addresses everywhere they are kept (person, visit snapshots, representatives,
// export outbox) but keeps names and matters, leaves the statistics unchanged, is audited,
// and is the administrator's alone. Runs on SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { InputOf } from '@shared/api/contract';
import { hallDate } from '@shared/time';
import { RETENTION_HEADERS, RETENTION_SHEET, retentionCutoff } from '../../electron/backend/services/retention';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

type Act = InputOf<'matters.act'>;
type ActBody = { [K in Act['action']]: Omit<Extract<Act, { action: K }>, 'matterId' | 'version' | 'on'> }[Act['action']];

let hall: TestHall;
let clerk: Client;
useHall(
  async (h) => {
    hall = h;
    clerk = await h.as('clerk');
  },
  { start: new Date('2014-03-03T02:00:00Z') },
);

const at = (date: string) => (hall.clock.now = new Date(`${date}T10:00:00+08:00`));
const ID = {
  old: residentId('110105', '19500101', '011'),
  group: residentId('110105', '19510101', '021'),
  open: residentId('110105', '19520101', '031'),
  recent: residentId('110105', '19530101', '041'),
  evaluated: residentId('110105', '19540101', '051'),
  onCutoff: residentId('110105', '19550101', '061'),
  dayAfter: residentId('110105', '19560101', '071'),
};
const REPS = [
  { name: '钱代表', idType: 'resident' as const, idNumber: residentId('110105', '19600101', '081'), phone: '13900000081' },
  { name: '周代表', idType: 'resident' as const, idNumber: residentId('110105', '19600101', '091'), phone: '13900000091' },
];

async function act(matterId: string, body: ActBody) {
  const cur = await clerk.call('matters.get', { matterId });
  return clerk.call('matters.act', { matterId, version: cur.version, on: hallDate(hall.clock.now), ...body } as Act);
}

async function visit(name: string, idNumber: string, phone: string, over: Partial<InputOf<'visits.register'>> = {}) {
  return clerk.call('visits.register', visitInput({ name, idNumber, phone, address: `${name}家住址1号`, ...over }));
}

/**
 * The hand-made hall (the cutoff, 10 years before 2026-11-29, is 2016-11-29):
 *   张旧     2014-03-03, answered at the window              → affected
 *   吴集体   2014-03-03, group of 5 with 2 representatives, answered → affected (2 representatives)
 *   李未结   2014-03-03, accepted, never concluded            → kept (open matter)
 *   王近来   2014-03-03 answered, again 2025-06-02 (new matter, answered) → kept (recent visit)
 *   赵回访   2014-03-03 answered, evaluated by phone 2020-01-10 → kept (a step after the cutoff)
 *   孙截止   2016-11-29 answered (the cutoff day itself)       → affected
 *   郑次日   2016-11-30 answered                               → kept (the day after)
 */
async function buildHall() {
  const ids: Record<string, { petitionerId: string; matterId: string; visitId: string }> = {};
  const keep = (k: string, r: { petitionerId: string; matterId: string; id: string }) =>
    (ids[k] = { petitionerId: r.petitionerId, matterId: r.matterId, visitId: r.id });
  at('2014-03-03');
  for (const [k, name, phone, over] of [
    ['old', '张旧', '13800000011', {}],
    ['group', '吴集体', '13800000021', { peopleCount: 5, representatives: REPS }],
    ['open', '李未结', '13800000031', {}],
    ['recent', '王近来', '13800000041', {}],
    ['evaluated', '赵回访', '13800000051', {}],
  ] as const) {
    const r = await visit(name, ID[k], phone, over);
    keep(k, r);
    if (k === 'open') await act(r.matterId, { action: 'decide', decision: 'accepted', unit: '区住建局' });
    else await act(r.matterId, { action: 'decide', decision: 'answered' });
  }
  at('2016-11-29');
  keep('onCutoff', await visit('孙截止', ID.onCutoff, '13800000061'));
  await act(ids.onCutoff!.matterId, { action: 'decide', decision: 'answered' });
  at('2016-11-30');
  keep('dayAfter', await visit('郑次日', ID.dayAfter, '13800000071'));
  await act(ids.dayAfter!.matterId, { action: 'decide', decision: 'answered' });
  at('2020-01-10');
  await act(ids.evaluated!.matterId, { action: 'evaluate', evaluation: 'satisfied', via: 'phone' });
  at('2025-06-02');
  const again = await visit('王近来', ID.recent, '13800000041', { petitionerId: ids.recent!.petitionerId });
  await act(again.matterId, { action: 'decide', decision: 'answered' });
  at('2026-11-29');
  return ids;
}

const db = () => hall.backend.deps.db;

describe('个人信息保留', () => {
  it('counts back whole years from today, 29 February falling to the 28th', () => {
    expect(retentionCutoff('2026-11-29', 10)).toBe('2016-11-29');
    expect(retentionCutoff('2028-02-29', 1)).toBe('2027-02-28');
    expect(retentionCutoff('2026-01-01', 3)).toBe('2023-01-01');
  });

  it('reports exactly who would be minimised: closed matters, last visit and last step on or before the cutoff', async () => {
    await buildHall();
    expect(await hall.admin.call('retention.settings', {})).toEqual({ years: 10 });
    const r = await hall.admin.call('retention.report', {});
    expect(r).toMatchObject({
      years: 10,
      cutoff: '2016-11-29',
      persons: 3,
      visits: 3,
      matters: 3,
      representatives: 2,
      files: 0,
      oldestVisitOn: '2014-03-03',
      newestVisitOn: '2016-11-29',
      alreadyMinimized: 0,
      confirmation: '确认处理3人',
    });
    expect(r.list.map((p) => [p.name, p.lastVisitOn, p.visits, p.matters])).toEqual([
      ['吴集体', '2014-03-03', 1, 1],
      ['张旧', '2014-03-03', 1, 1],
      ['孙截止', '2016-11-29', 1, 1],
    ]);
    expect(r.list[1]!.idMasked).toBe(`${ID.old.slice(0, 6)}********${ID.old.slice(-4)}`);
    // a shorter period takes in the day after, and the evaluation of 2020 keeps 赵回访 until 2030
    await hall.admin.call('retention.saveSettings', { years: 5 });
    const five = await hall.admin.call('retention.report', {});
    expect(five.cutoff).toBe('2021-11-29');
    expect(five.list.map((p) => p.name).sort()).toEqual(['吴集体', '孙截止', '张旧', '赵回访', '郑次日'].sort());
    const bad = await hall.admin.fail('retention.saveSettings', { years: 0 });
    expect(bad.fields?.years).toBe('保留年限至少1年');
  });

  it('does nothing without the typed confirmation naming the count, or when the count changed since the report', async () => {
    const ids = await buildHall();
    const before = await db().selectFrom('petitioners').selectAll().orderBy('id').execute();
    const wrongWords = await hall.admin.fail('retention.apply', { count: 3, confirmation: '确认' });
    expect(wrongWords.code).toBe('VALIDATION');
    expect(wrongWords.fields?.confirmation).toBe('请输入“确认处理3人”');
    const wrongCount = await hall.admin.fail('retention.apply', { count: 2, confirmation: '确认处理2人' });
    expect(wrongCount.code).toBe('CONFLICT');
    expect(wrongCount.message).toContain('现为 3 人');
    expect(await db().selectFrom('petitioners').selectAll().orderBy('id').execute()).toEqual(before);
    const runs = await db().selectFrom('audit_log').select('id').where('action', 'like', 'retention.%').execute();
    expect(runs).toEqual([]);
    expect(ids.old).toBeTruthy();
  });

  it('removes ID numbers, phones and addresses everywhere, keeps names and matters, leaves the statistics unchanged, audited', async () => {
    const ids = await buildHall();
    const periods = [
      { from: '2014-01-01', to: '2016-12-31' },
      { from: '2024-01-01', to: '2026-11-29' },
    ];
    const statsBefore = await Promise.all(periods.map((p) => hall.admin.call('stats.summary', p)));

    const result = await hall.admin.call('retention.apply', { count: 3, confirmation: '确认处理3人' });
    expect(result).toMatchObject({ persons: 3, visits: 3, representatives: 2 });
    expect(result.outboxRows).toBeGreaterThanOrEqual(6);

    const people = await db().selectFrom('petitioners').selectAll().execute();
    const byName = new Map(people.map((p) => [p.name, p]));
    for (const name of ['张旧', '吴集体', '孙截止']) {
      expect(byName.get(name), name).toMatchObject({
        id_number: '',
        phone: '',
        address: '',
        birth_date: null,
        gender: null,
        id_type: 'resident',
      });
      expect(byName.get(name)!.minimized_at).toBe(result.at);
    }
    for (const name of ['李未结', '王近来', '赵回访', '郑次日']) {
      expect(byName.get(name), name).toMatchObject({ minimized_at: null, address: `${name}家住址1号` });
      expect(byName.get(name)!.id_number).not.toBe('');
    }
    const oldVisit = await db().selectFrom('visits').selectAll().where('id', '=', ids.old!.visitId).executeTakeFirstOrThrow();
    expect(oldVisit).toMatchObject({ name: '张旧', id_number: '', phone: '', address: '', summary: visitInput().summary });
    const reps = await db().selectFrom('visit_representatives').selectAll().where('visit_id', '=', ids.group!.visitId).execute();
    expect(reps.map((r) => [r.name, r.id_number, r.phone])).toEqual([
      ['钱代表', '', ''],
      ['周代表', '', ''],
    ]);
    // the numbers are nowhere in the records or the export outbox any more; the others' still are
    const outbox = (await db().selectFrom('outbox').select('payload_json').execute()).map((o) => o.payload_json).join('\n');
    for (const gone of [ID.old, ID.group, ID.onCutoff, REPS[0]!.idNumber, '13800000011', '13900000091', '张旧家住址1号'])
      expect(outbox).not.toContain(gone);
    for (const kept of [ID.open, ID.dayAfter, '13800000031']) expect(outbox).toContain(kept);
    expect(outbox).toContain('张旧');
    // matters stay as they were
    const matter = await hall.admin.call('matters.get', { matterId: ids.old!.matterId });
    expect(matter.state).toBe('concluded');

    const statsAfter = await Promise.all(periods.map((p) => hall.admin.call('stats.summary', p)));
    expect(statsAfter).toEqual(statsBefore);

    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'after_json'])
      .where('action', 'like', 'retention.%')
      .execute();
    expect(
      audit
        .filter((a) => a.action === 'retention.minimize')
        .map((a) => a.entity_id)
        .sort(),
    ).toEqual([ids.old!.petitionerId, ids.group!.petitionerId, ids.onCutoff!.petitionerId].sort());
    expect(audit.filter((a) => a.action === 'retention.run')).toHaveLength(1);
    // the audit rows say what was removed, never the values
    for (const a of audit) for (const gone of [ID.old, ID.group, '13800000011']) expect(a.after_json ?? '').not.toContain(gone);
    expect((await hall.admin.call('audit.verify', {})).ok).toBe(true);

    const again = await hall.admin.call('retention.report', {});
    expect(again).toMatchObject({ persons: 0, alreadyMinimized: 3, confirmation: '确认处理0人' });
    expect((await hall.admin.fail('retention.apply', { count: 0, confirmation: '确认处理0人' })).fields?.count).toBe('没有需要处理的人员');
  });

  it('exports every affected person as xlsx (read back with a second reader), the reading audited with their ids', async () => {
    const ids = await buildHall();
    const out = await hall.admin.call('retention.reportXlsx', {});
    expect(out.name).toBe('个人信息保留报告_20261129.xlsx');
    const wb = XLSX.read(Buffer.from(out.base64, 'base64'), { type: 'buffer' });
    expect(wb.SheetNames).toEqual([RETENTION_SHEET]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[RETENTION_SHEET]!, { header: 1 });
    expect(String(rows[0]![0])).toContain('保留年限 10 年，截止 2016年11月29日');
    expect(String(rows[1]![0])).toContain('受影响信访人 3 人，来访 3 次，事项 3 件，代表 2 人次');
    expect(rows[2]).toEqual([...RETENTION_HEADERS]);
    expect(rows.slice(3).map((r) => [r[1], r[3], r[5]])).toEqual([
      ['吴集体', '2014-03-03', 1],
      ['张旧', '2014-03-03', 1],
      ['孙截止', '2016-11-29', 1],
    ]);
    expect(JSON.stringify(rows)).not.toContain(ID.old);
    const read = await db()
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'read')
      .where('entity', '=', 'retention.reportXlsx')
      .executeTakeFirstOrThrow();
    expect((JSON.parse(read.after_json!) as { persons: string[] }).persons.sort()).toEqual(
      [ids.old!.petitionerId, ids.group!.petitionerId, ids.onCutoff!.petitionerId].sort(),
    );
    await hall.admin.call('retention.report', {});
    const screenRead = await db()
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity', '=', 'retention.report')
      .executeTakeFirstOrThrow();
    expect(screenRead.after_json).toContain(ids.old!.petitionerId);
  });

  it('is the administrator’s alone, checked in the backend', async () => {
    const leader = await hall.as('leader');
    for (const c of [clerk, leader]) {
      for (const m of ['retention.settings', 'retention.report', 'retention.reportXlsx'] as const)
        expect((await c.fail(m, {})).code).toBe('FORBIDDEN');
      expect((await c.fail('retention.saveSettings', { years: 1 })).code).toBe('FORBIDDEN');
      expect((await c.fail('retention.apply', { count: 1, confirmation: '确认处理1人' })).code).toBe('FORBIDDEN');
    }
  });
});
