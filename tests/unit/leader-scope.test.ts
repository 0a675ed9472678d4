// Who reads what: every contract method is classified here, so a new method
// cannot ship unclassified. Methods that return personal data say, for each
// role, allow / scoped / deny; the roles in the contract must agree, a denied
// role is refused by the backend, and the methods a leader reaches persons
// through are probed with a visitor placed in the leader's queue and one who
// is not: allowed roles see both, a scoped leader only the first.
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '@shared/api/contract';
import type { Role } from '@shared/api/roles';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK as DESKS, LANE } from '../support/queue';
import { publishedSession } from '../support/roster';

type Rule = 'allow' | 'scoped' | 'deny';
type Roles = { clerk: Rule; leader: Rule; admin: Rule };
type Class = 'no personal data' | 'public, masked' | 'one-time token' | Roles;

const DESK: Roles = { clerk: 'allow', leader: 'deny', admin: 'allow' };
const ADMIN: Roles = { clerk: 'deny', leader: 'deny', admin: 'allow' };
/** Persons, visits and matters: a leader reads those within reach (placed with them, talked to, or whose matter they lead). */
const REACH: Roles = { clerk: 'allow', leader: 'scoped', admin: 'allow' };
/** The duty leader's own queue and talks (another leader's only when the administrator allowed it). */
const OWN_QUEUE: Roles = { clerk: 'deny', leader: 'scoped', admin: 'allow' };

const TABLE: Record<MethodName, Class> = {
  'setup.status': 'no personal data',
  'setup.createAdmin': 'no personal data',
  'auth.login': 'no personal data',
  'auth.me': 'no personal data',
  'auth.logout': 'no personal data',
  'auth.changePassword': 'no personal data',
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.setDisabled': ADMIN,
  'users.resetPassword': ADMIN,
  'users.unlock': ADMIN,
  'users.setQueueScope': ADMIN,
  'petitioners.lookup': REACH,
  'petitioners.search': REACH,
  'visits.register': DESK,
  'visits.correct': DESK,
  'visits.get': REACH,
  'visits.listDay': REACH,
  'queue.lanes': 'no personal data',
  'queue.desks': 'no personal data',
  'queue.settings': 'no personal data',
  'queue.saveLane': 'no personal data',
  'queue.saveDesk': 'no personal data',
  'queue.saveSettings': 'no personal data',
  'queue.issue': DESK,
  'queue.board': DESK,
  'queue.callNext': DESK,
  'queue.callTicket': DESK,
  'queue.recall': DESK,
  'queue.noShow': DESK,
  'queue.finish': 'no personal data',
  'queue.requeue': DESK,
  'queue.transfer': DESK,
  'queue.park': DESK,
  'queue.unpark': DESK,
  'queue.serveWalkIn': DESK,
  'queue.pause': 'no personal data',
  'queue.resume': 'no personal data',
  // Every ticket of the day: a leader sees the names of persons within reach, the others masked.
  'queue.dayLog': REACH,
  'rooms.list': 'no personal data',
  'rooms.save': 'no personal data',
  'roster.list': 'no personal data',
  'roster.save': 'no personal data',
  'roster.setStatus': 'no personal data',
  'reception.board': DESK,
  'reception.schedule': DESK,
  'reception.checkIn': DESK,
  'reception.move': DESK,
  'reception.cancel': DESK,
  'reception.reorder': DESK,
  'reception.myQueue': OWN_QUEUE,
  'reception.callNext': OWN_QUEUE,
  'reception.recall': OWN_QUEUE,
  'reception.noShow': OWN_QUEUE,
  'reception.draft': OWN_QUEUE,
  'reception.saveDraft': OWN_QUEUE,
  'reception.record': OWN_QUEUE,
  'matters.get': REACH,
  'matters.act': REACH,
  // A leader's due list and 包案台账 hold the matters they lead (tests/unit/matters.test.ts).
  'matters.dueList': REACH,
  'matters.ledger': REACH,
  'stats.summary': 'no personal data',
  // Leaders and the administrator read the statistics of any period, drill-down lists included; a clerk today's only.
  // clerks: today only; leaders: out-of-reach names masked
  'stats.drill': { clerk: 'scoped', leader: 'scoped', admin: 'allow' },
  // 日报/周报/月报: counts only, no person's name.
  'stats.report': 'no personal data',
  'stats.printReport': 'no personal data',
  'stats.reports': 'no personal data',
  'stats.reportPdf': 'no personal data',
  'stats.reportXlsx': 'no personal data',
  // 评价器: the window, the clerk and a ticket number; never the visitor.
  'pads.settings': 'no personal data',
  'pads.saveSettings': 'no personal data',
  'pads.list': 'no personal data',
  'pads.pairCode': 'no personal data',
  'pads.revoke': 'no personal data',
  'pad.pair': 'no personal data',
  'pad.state': 'no personal data',
  'pad.answer': 'no personal data',
  // The card on the desk's reader: for the window, not for leaders.
  'reader.read': DESK,
  'reader.status': 'no personal data',
  'reader.settings': 'no personal data',
  'reader.saveSettings': 'no personal data',
  'reader.savePhotoPolicy': 'no personal data',
  // A kept card photo: for comparison at the window, never a leader's.
  'petitioners.photo': DESK,
  'display.state': 'public, masked',
  'print.bureau': 'no personal data',
  'print.saveBureau': 'no personal data',
  'print.settings': 'no personal data',
  'print.printers': 'no personal data',
  'print.saveSettings': 'no personal data',
  // Papers: a clerk never a talk record (the leader's notes); a leader only their talks' and matters' papers.
  'print.submit': { clerk: 'scoped', leader: 'scoped', admin: 'allow' },
  'print.preview': { clerk: 'scoped', leader: 'scoped', admin: 'allow' },
  'print.outcome': 'no personal data',
  'print.archive': REACH,
  'print.archivedPdf': REACH,
  'print.log': 'no personal data',
  'print.slip': 'one-time token',
  'calendar.year': 'no personal data',
  'calendar.save': 'no personal data',
  'export.overview': 'no personal data',
  'export.saveSettings': 'no personal data',
  'export.saveDestination': 'no personal data',
  'export.setDestinationEnabled': 'no personal data',
  'export.runNow': 'no personal data',
  'export.reexport': 'no personal data',
  'export.failures': ADMIN,
  'audit.verify': 'no personal data',
  'audit.query': ADMIN,
  'audit.export': ADMIN,
  'retention.settings': ADMIN,
  'retention.saveSettings': ADMIN,
  'retention.report': ADMIN,
  'retention.reportXlsx': ADMIN,
  'retention.apply': ADMIN,
  // backups hold every person's data: the administrator's alone
  'backup.overview': ADMIN,
  'backup.saveSettings': ADMIN,
  'backup.runNow': ADMIN,
  'backup.verify': ADMIN,
  'backup.planRestore': ADMIN,
  'backup.restore': ADMIN,
};

const ROLES: Role[] = ['clerk', 'leader', 'admin'];
const TODAY = '2026-11-24';

describe('every contract method is classified', () => {
  it('the table names exactly the contract’s methods', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(contract).sort());
  });

  it('the contract’s roles agree with the table: a denied role is not allowed, an allowed or scoped one is', () => {
    for (const [name, c] of Object.entries(TABLE) as [MethodName, Class][]) {
      const access = contract[name].access;
      if (c === 'public, masked' || c === 'one-time token') {
        expect(access, name).toBe('public');
        continue;
      }
      if (typeof c === 'string') continue;
      for (const role of ROLES) {
        const allowed = access === 'user' || (access !== 'public' && access.includes(role));
        expect(allowed, `${name} for ${role}`).toBe(c[role] !== 'deny');
      }
    }
  });
});

let hall: TestHall;
const as: Partial<Record<Role, Client>> = {};

useHall(async (h) => {
  hall = h;
  as.clerk = await h.as('clerk');
  as.leader = await h.as('leader', 'wang');
  as.admin = h.admin;
});

describe('the backend enforces the table', () => {
  it('refuses every denied role with FORBIDDEN before reading its input', async () => {
    for (const [name, c] of Object.entries(TABLE) as [MethodName, Class][]) {
      if (typeof c === 'string') continue;
      for (const role of ROLES)
        if (c[role] === 'deny') expect((await as[role]!.fail(name, {})).code, `${name} for ${role}`).toBe('FORBIDDEN');
    }
  });

  it('a leader reads the person placed in their queue and not another; clerks and the administrator read both', async () => {
    const clerk = as.clerk!;
    const leaderId = (await hall.admin.call('users.list', {})).find((u) => u.username === 'wang')!.id;
    const s = await publishedSession(hall.admin, leaderId, TODAY);
    const placed = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', '321'), name: '吴用' }));
    const other = await clerk.call(
      'visits.register',
      visitInput({ idNumber: residentId('110105', '19800202', '456'), name: '卢俊义', phone: '13900001111' }),
    );
    await clerk.call('reception.schedule', { visitId: placed.id, sessionId: s.id, kind: 'walk_in' });
    await clerk.call('queue.issue', { laneId: LANE.A, visitId: other.id });

    /** Whether the subject (a visit) is visible through the method, or 'FORBIDDEN'. */
    type Probe = (c: Client, v: typeof placed) => Promise<boolean | 'FORBIDDEN'>;
    const attempt = async (c: Client, name: MethodName, input: unknown, seen: (data: never) => boolean) => {
      const r = await hall.backend.call(c.session, name, input);
      if (!r.ok) return r.error.code === 'FORBIDDEN' ? ('FORBIDDEN' as const) : false;
      return seen(r.data as never);
    };
    const probes: Partial<Record<MethodName, Probe>> = {
      'petitioners.lookup': (c, v) =>
        attempt(c, 'petitioners.lookup', { petitionerId: v.petitionerId }, (d: { matches: { id: string }[] }) =>
          d.matches.some((m) => m.id === v.petitionerId),
        ),
      'petitioners.search': (c, v) =>
        attempt(c, 'petitioners.search', { q: v.name }, (d: { id: string }[]) => d.some((p) => p.id === v.petitionerId)),
      'visits.get': (c, v) => attempt(c, 'visits.get', { visitId: v.id }, (d: { id: string }) => d.id === v.id),
      'visits.listDay': (c, v) => attempt(c, 'visits.listDay', {}, (d: { id: string }[]) => d.some((x) => x.id === v.id)),
      'queue.dayLog': (c, v) =>
        attempt(c, 'queue.dayLog', {}, (d: { visitId: string | null; visitorName: string }[]) =>
          d.some((t) => t.visitId === v.id && t.visitorName === v.name),
        ),
      'matters.get': (c, v) => attempt(c, 'matters.get', { matterId: v.matterId }, (d: { id: string }) => d.id === v.matterId),
      // A stale version: within reach the act gets as far as the version check (CONFLICT), out of reach it is refused first.
      'matters.act': async (c, v) => {
        const r = await hall.backend.call(c.session, 'matters.act', {
          matterId: v.matterId,
          version: 999,
          on: TODAY,
          action: 'decide',
          decision: 'answered',
        });
        return !r.ok && r.error.code === 'FORBIDDEN' ? 'FORBIDDEN' : true;
      },
    };
    const expected = (rule: Rule, inReach: boolean) => (rule === 'deny' ? 'FORBIDDEN' : rule === 'allow' || inReach);
    const got: string[] = [];
    const want: string[] = [];
    for (const [name, probe] of Object.entries(probes) as [MethodName, Probe][]) {
      const c = TABLE[name] as Roles;
      for (const role of ROLES) {
        for (const [v, inReach] of [
          [placed, true],
          [other, false],
        ] as const) {
          const seen = await probe(as[role]!, v);
          const rule = expected(c[role], inReach);
          // A scoped read out of reach is either refused or comes back without the person.
          got.push(`${name} ${role} ${v.name}: ${seen === 'FORBIDDEN' && rule === false ? false : seen}`);
          want.push(`${name} ${role} ${v.name}: ${rule}`);
        }
      }
    }
    expect(got).toEqual(want);

    // The masked name in the day's ticket log: the hall display's mask, not the name; nor the reason
    // a desk gave for calling that person out of order (it may name them or their condition).
    const ticket = (await clerk.call('queue.dayLog', {})).find((t) => t.visitId === other.id)!;
    await clerk.call('queue.callTicket', { deskId: DESKS[1], ticketId: ticket.id, reason: '卢某义腿脚不便' });
    const log = await as.leader!.call('queue.dayLog', {});
    expect(log.find((t) => t.visitId === other.id)?.visitorName).toBe('卢*义');
    expect(log.find((t) => t.visitId === other.id)?.calls).toEqual([expect.objectContaining({ outOfOrder: true, reason: null })]);
    expect((await clerk.call('queue.dayLog', {})).find((t) => t.visitId === other.id)?.calls).toEqual([
      expect.objectContaining({ outOfOrder: true, reason: '卢某义腿脚不便' }),
    ]);

    // The rows behind a statistic name persons: a leader sees the out-of-reach one masked, the counts whole.
    const drillNames = async (c: Client) => {
      const d = await c.call('stats.drill', { from: TODAY, to: TODAY, figure: 'visits', key: null });
      const rows = d.rows as { id: string; name: string }[];
      return { total: d.total, placed: rows.find((r) => r.id === placed.id)?.name, other: rows.find((r) => r.id === other.id)?.name };
    };
    expect(await drillNames(as.leader!)).toEqual({ ...(await drillNames(hall.admin)), other: '卢*义' });
    expect(await drillNames(hall.admin)).toEqual(expect.objectContaining({ placed: '吴用', other: '卢俊义' }));

    // A leader allowed every queue by the administrator is not limited.
    await hall.admin.call('users.setQueueScope', { userId: leaderId, seesAllQueues: true });
    expect((await as.leader!.call('visits.get', { visitId: other.id })).id).toBe(other.id);
  });
});
