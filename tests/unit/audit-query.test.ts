// Issue 13: 审计查询, the administrator's reading of the audit log, filtered and
// paged, its xlsx export read back by a second reader, admin only, itself audited.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { AUDIT_HEADERS, AUDIT_SHEET } from '../../electron/backend/services/audit-log';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await h.as('clerk');
});

const LI = residentId('110105', '19700101', '456');

async function twoPeople() {
  const zhang = await clerk.call('visits.register', visitInput());
  const li = await clerk.call('visits.register', visitInput({ idNumber: LI, name: '李四', phone: '13900000000' }));
  await clerk.call('visits.get', { visitId: li.id });
  return { zhang, li };
}

describe('审计查询', () => {
  it('is for the administrator only, checked in the backend', async () => {
    const leader = await hall.as('leader');
    for (const c of [clerk, leader]) {
      expect((await c.fail('audit.query', { filter: {} })).code).toBe('FORBIDDEN');
      expect((await c.fail('audit.export', { filter: {} })).code).toBe('FORBIDDEN');
      expect((await c.fail('audit.verify', {})).code).toBe('FORBIDDEN');
    }
  });

  it('finds a person’s rows by ID number or by name: their registration and every read of their data, nobody else’s', async () => {
    const { li } = await twoPeople();
    const byId = await hall.admin.call('audit.query', { filter: { person: LI.toLowerCase() } });
    expect(byId.rows.map((r) => [r.action, r.entity])).toEqual([
      ['read', 'visits.get'],
      ['visit.register', 'visit'],
      ['matter.create', 'matter'],
      ['petitioner.create', 'petitioner'],
    ]);
    expect(byId.rows.every((r) => r.persons.includes('李四'))).toBe(true);
    expect(byId.rows[0]!.detail).toBe('查看来访详情：1 人、1 条来访');
    expect(byId.rows[1]!.entityId).toBe(li.id);
    const byName = await hall.admin.call('audit.query', { filter: { person: '李四' } });
    expect(byName.rows.map((r) => r.seq)).toEqual(byId.rows.map((r) => r.seq));
    const nobody = await hall.admin.call('audit.query', { filter: { person: '王五' } });
    expect(nobody).toMatchObject({ total: 0, rows: [], personNotFound: true });
  });

  it('filters by user, hall dates and action, a page at a time, newest first', async () => {
    await twoPeople();
    const me = (await clerk.call('auth.me', {}))!.id;
    const mine = await hall.admin.call('audit.query', { filter: { userId: me }, pageSize: 10 });
    expect(mine.total).toBeGreaterThan(3);
    const seqs = mine.rows.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const page2 = await hall.admin.call('audit.query', { filter: { userId: me }, pageSize: 10, page: 2 });
    expect(page2.rows.length).toBe(Math.max(0, Math.min(10, mine.total - 10)));
    const registrations = await hall.admin.call('audit.query', { filter: { action: 'visit.register' } });
    expect(registrations.total).toBe(2);
    expect(registrations.actions).toContain('read');
    // the hall's day is 2026-11-24 (Asia/Shanghai): the day before and after hold nothing
    expect(
      (await hall.admin.call('audit.query', { filter: { from: '2026-11-24', to: '2026-11-24', action: 'visit.register' } })).total,
    ).toBe(2);
    expect((await hall.admin.call('audit.query', { filter: { to: '2026-11-23' } })).total).toBe(0);
    expect((await hall.admin.call('audit.query', { filter: { from: '2026-11-25' } })).total).toBe(0);
    const bad = await hall.admin.fail('audit.query', { filter: { from: '2026-11-25', to: '2026-11-24' } });
    expect(bad.fields?.['filter.to']).toBe('结束日期不能早于开始日期');
  });

  it('exports the filtered rows as xlsx (read back with a second reader), and each reading of the log is audited', async () => {
    await twoPeople();
    const out = await hall.admin.call('audit.export', { filter: { person: '李四' } });
    expect(out.name).toBe('审计日志_20261124.xlsx');
    const wb = XLSX.read(Buffer.from(out.base64, 'base64'), { type: 'buffer' });
    expect(wb.SheetNames).toEqual([AUDIT_SHEET]);
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[AUDIT_SHEET]!, { header: 1 });
    expect(rows[0]).toEqual([...AUDIT_HEADERS]);
    expect(rows.slice(1).map((r) => [r[3], r[4], r[6]])).toEqual([
      ['查阅个人信息', '查看来访详情', '李四'],
      ['来访登记', 'visit', '李四'],
      ['新建信访事项', 'matter', '李四'],
      ['新建信访人', 'petitioner', '李四'],
    ]);
    expect(out.rows).toBe(4);

    await hall.admin.call('audit.query', { filter: { person: '李四' } });
    const readings = await hall.admin.call('audit.query', { filter: { action: 'audit.query' } });
    // the query that asked is itself written only after it has read, so the earlier one is listed
    expect(readings.total).toBe(1);
    const exports = await hall.admin.call('audit.query', { filter: { action: 'audit.export' } });
    expect(exports.rows[0]).toMatchObject({ actorName: '管理员', entity: 'audit_log' });
    expect(exports.rows[0]!.detail).toBe('条件：信访人 李四；4 条');
  });
});
