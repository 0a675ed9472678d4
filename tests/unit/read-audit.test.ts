// Issue 13: every contract method is classified for the read audit, and reads of
// personal data leave an audit row naming the persons read.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName, type Personal } from '@shared/api/contract';
import { READ_COALESCE_MS } from '../../electron/backend/services/read-audit';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

// Every method, with what it hands out. A new method fails this test until it is classified here.
const EXPECTED: Record<MethodName, Personal> = {
  'setup.status': 'none',
  'setup.createAdmin': 'none',
  'auth.login': 'none',
  'auth.me': 'none',
  'auth.logout': 'none',
  'auth.changePassword': 'none',
  'users.list': 'none',
  'users.create': 'none',
  'users.setDisabled': 'none',
  'users.resetPassword': 'none',
  'users.unlock': 'none',
  'users.setQueueScope': 'none',
  'petitioners.lookup': 'read',
  'petitioners.search': 'read',
  'visits.register': 'audited',
  'visits.correct': 'audited',
  'visits.get': 'read',
  'visits.listDay': 'read',
  'queue.lanes': 'none',
  'queue.desks': 'none',
  'queue.settings': 'none',
  'queue.saveLane': 'none',
  'queue.saveDesk': 'none',
  'queue.saveSettings': 'none',
  'queue.issue': 'audited',
  'queue.board': 'read',
  'queue.callNext': 'audited',
  'queue.callTicket': 'audited',
  'queue.recall': 'audited',
  'queue.noShow': 'audited',
  'queue.finish': 'none',
  'queue.requeue': 'audited',
  'queue.transfer': 'audited',
  'queue.park': 'audited',
  'queue.unpark': 'audited',
  'queue.serveWalkIn': 'audited',
  'queue.pause': 'none',
  'queue.resume': 'none',
  'queue.dayLog': 'read',
  'rooms.list': 'none',
  'rooms.save': 'none',
  'roster.list': 'none',
  'roster.save': 'none',
  'roster.setStatus': 'none',
  'reception.board': 'read',
  'reception.schedule': 'audited',
  'reception.checkIn': 'audited',
  'reception.move': 'audited',
  'reception.cancel': 'audited',
  'reception.reorder': 'audited',
  'reception.myQueue': 'read',
  'reception.callNext': 'audited',
  'reception.recall': 'audited',
  'reception.noShow': 'audited',
  'reception.record': 'audited',
  'reception.draft': 'read',
  'reception.saveDraft': 'read',
  'matters.get': 'read',
  'matters.act': 'audited',
  'matters.dueList': 'read',
  'matters.ledger': 'read',
  'stats.summary': 'none',
  'stats.drill': 'read',
  // reports are counts only (no person's name); the pads and the reader carry no stored personal data
  'stats.report': 'none',
  'stats.printReport': 'none',
  'stats.reports': 'none',
  'stats.reportPdf': 'none',
  'stats.reportXlsx': 'none',
  'pads.settings': 'none',
  'pads.saveSettings': 'none',
  'pads.list': 'none',
  'pads.pairCode': 'none',
  'pads.revoke': 'none',
  'pad.pair': 'none',
  'pad.state': 'none',
  'pad.answer': 'none',
  'reader.read': 'none',
  'reader.status': 'none',
  'reader.settings': 'none',
  'reader.saveSettings': 'none',
  'reader.savePhotoPolicy': 'none',
  'petitioners.photo': 'read',
  'display.state': 'none',
  'print.bureau': 'none',
  'print.saveBureau': 'none',
  'print.settings': 'none',
  'print.printers': 'none',
  'print.saveSettings': 'none',
  'print.submit': 'audited',
  'print.preview': 'read',
  'print.outcome': 'audited',
  'print.archive': 'read',
  'print.archivedPdf': 'audited',
  'print.log': 'read',
  'print.slip': 'read',
  'calendar.year': 'none',
  'calendar.save': 'none',
  'export.overview': 'none',
  'export.saveSettings': 'none',
  'export.saveDestination': 'none',
  'export.setDestinationEnabled': 'none',
  'export.runNow': 'audited',
  'export.reexport': 'audited',
  'export.failures': 'read',
  'audit.verify': 'none',
  'audit.query': 'audited',
  'audit.export': 'audited',
  'retention.settings': 'none',
  'retention.saveSettings': 'none',
  'retention.report': 'read',
  'retention.reportXlsx': 'audited',
  'retention.apply': 'audited',
  'backup.overview': 'none',
  'backup.saveSettings': 'none',
  'backup.runNow': 'audited',
  'backup.verify': 'none',
  'backup.planRestore': 'none',
  'backup.restore': 'audited',
};

describe('the contract says which methods hand out personal data', () => {
  it('every method is classified, as this table says', () => {
    expect(Object.keys(contract).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [name, def] of Object.entries(contract)) expect([name, def.personal]).toEqual([name, EXPECTED[name as MethodName]]);
  });
});

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await h.as('clerk');
});

interface ReadRow {
  actor_id: string | null;
  entity: string;
  after_json: string | null;
}

async function reads(method: string): Promise<{ actor: string | null; persons: string[]; visits: string[] }[]> {
  const rows =
    await sql<ReadRow>`SELECT actor_id, entity, after_json FROM audit_log WHERE action = 'read' AND entity = ${method} ORDER BY seq`.execute(
      hall.backend.deps.db,
    );
  return rows.rows.map((r) => ({ actor: r.actor_id, ...(JSON.parse(r.after_json!) as { persons: string[]; visits: string[] }) }));
}

async function userId(c: Client): Promise<string> {
  return (await c.call('auth.me', {}))!.id;
}

describe('reads of personal data are audited', () => {
  it('a lookup, a visit’s detail, a print slip and a preview each leave an entry naming the person', async () => {
    const visit = await clerk.call('visits.register', visitInput());
    const other = await clerk.call(
      'visits.register',
      visitInput({ idNumber: residentId('110105', '19700101', '456'), name: '李四', phone: '13900000000' }),
    );
    const me = await userId(clerk);

    const found = await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: visitInput().idNumber });
    expect(found.history?.petitioner.id).toBe(visit.petitionerId);
    expect(await reads('petitioners.lookup')).toEqual([
      { actor: me, persons: [visit.petitionerId], visits: expect.arrayContaining([visit.id]) as unknown as string[] },
    ]);

    await clerk.call('visits.get', { visitId: other.id });
    expect(await reads('visits.get')).toEqual([{ actor: me, persons: [other.petitionerId], visits: [other.id] }]);

    const job = await clerk.call('print.submit', { template: 'receipt', refId: visit.id });
    // the slip is read by whoever printed it (its token is one-time and theirs)
    await clerk.call('print.slip', { token: job.route.split('/').pop()! });
    expect(await reads('print.slip')).toEqual([{ actor: me, persons: [visit.petitionerId], visits: [visit.id] }]);

    await clerk.call('print.preview', { template: 'receipt', refId: other.id });
    expect(await reads('print.preview')).toEqual([{ actor: me, persons: [other.petitionerId], visits: [other.id] }]);

    // today's list names both
    await clerk.call('visits.listDay', {});
    const [day] = await reads('visits.listDay');
    expect(day!.persons.sort()).toEqual([visit.petitionerId, other.petitionerId].sort());
  });

  it(`repeated reads of the same record by the same user are written once per ${READ_COALESCE_MS / 60_000} minutes; another user gets their own entry`, async () => {
    const visit = await clerk.call('visits.register', visitInput());
    for (let i = 0; i < 5; i++) await clerk.call('visits.get', { visitId: visit.id });
    expect(await reads('visits.get')).toHaveLength(1);

    const other = await hall.as('clerk', 'clerk2');
    await other.call('visits.get', { visitId: visit.id });
    expect((await reads('visits.get')).map((r) => r.actor)).toEqual([await userId(clerk), await userId(other)]);

    hall.clock.now = new Date(hall.clock.now.getTime() + READ_COALESCE_MS);
    await clerk.call('visits.get', { visitId: visit.id });
    expect(await reads('visits.get')).toHaveLength(3);

    // a new registration on today's list logs only the new one
    await clerk.call('visits.listDay', {});
    const second = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', '456'), name: '李四' }));
    await clerk.call('visits.listDay', {});
    const day = await reads('visits.listDay');
    expect(day).toHaveLength(2);
    expect(day[1]).toMatchObject({ persons: [second.petitionerId], visits: [second.id] });
  });

  it('a read that returns nobody writes nothing, and the audit rows still chain', async () => {
    await clerk.call('petitioners.search', { q: '无此人' });
    expect(await reads('petitioners.search')).toEqual([]);
    expect((await hall.admin.call('audit.verify', {})).ok).toBe(true);
  });
});
