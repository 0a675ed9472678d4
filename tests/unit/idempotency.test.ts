// Idempotency keys (issue 13): a save retried with its submission's key gets the first answer
// and writes nothing more; another user's key, or the key with other input, is refused; keys
// expire after 24 hours. The crash test kills a desk process mid-flight and resubmits every
// unanswered save with its key: no duplicates, every answered one present once.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HallEvent } from '@shared/api/events';
import { contract, type InputOf, type MethodName, type OutputOf } from '@shared/api/contract';
import type { ApiErrorBody } from '@shared/api/errors';
import { client, PASSWORD, residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK, LANE } from '../support/queue';

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk', 'keyclerk');
});

const newKey = () => randomBytes(16).toString('hex');

async function keyed<M extends MethodName>(c: Client, method: M, input: InputOf<M>, key: string): Promise<OutputOf<M>> {
  const r = await hall.backend.call(c.session, method, input, { idempotencyKey: key });
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.data as OutputOf<M>;
}

async function keyedFail(c: Client, method: MethodName, input: unknown, key: string): Promise<ApiErrorBody> {
  const r = await hall.backend.call(c.session, method, input, { idempotencyKey: key });
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
}

async function count(table: 'visits' | 'audit_log' | 'outbox' | 'tickets' | 'idempotency_keys' | 'ticket_calls') {
  const r = await hall.backend.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('which methods take a key', () => {
  // Every method that changes a petitioner's record ('audited') takes a key, or is left out here
  // for the reason given in contract.ts: a new one cannot be added without deciding.
  const LEFT_OUT: Partial<Record<MethodName, string>> = {
    'print.submit': 'renders and prints after its commit; a repeat is a visible 重印',
    'print.archivedPdf': 'a read of a kept PDF',
    'export.runNow': 'exports are idempotent by record id and version',
    'export.reexport': 'exports are idempotent by record id and version',
    'audit.query': 'a read',
    'audit.export': 'a read',
    'retention.reportXlsx': 'a read',
    'retention.apply': 'a repeat is refused: the report count no longer matches',
    'backup.runNow': 'a second verified copy, outside any database transaction',
    'backup.restore': 'replaces the database the key would live in; asks again',
  };
  it('covers every audited method but the ones left out on purpose', () => {
    const audited = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].personal === 'audited');
    const undecided = audited.filter((m) => !contract[m].idempotent && !LEFT_OUT[m]);
    expect(undecided).toEqual([]);
    for (const m of ['visits.register', 'queue.issue', 'queue.callNext', 'reception.schedule', 'reception.record', 'matters.act'] as const)
      expect(contract[m].idempotent).toBe(true);
  });
});

describe('idempotency keys in the dispatcher', () => {
  it('answers a repeated registration with the first visit and writes nothing more', async () => {
    const key = newKey();
    const first = await keyed(clerk, 'visits.register', visitInput(), key);
    const audit = await count('audit_log');
    const outbox = await count('outbox');
    const again = await keyed(clerk, 'visits.register', visitInput(), key);
    expect(again).toEqual(first);
    expect(again.visitNo).toBe('LF20261124-0001');
    expect(await count('visits')).toBe(1);
    expect(await count('audit_log')).toBe(audit);
    expect(await count('outbox')).toBe(outbox);
    // Without a key (or with a new one) the same input is a new visit, as before.
    const other = await keyed(clerk, 'visits.register', visitInput(), newKey());
    expect(other.visitNo).toBe('LF20261124-0002');
    expect(await count('visits')).toBe(2);
  });

  it('refuses the key of another user, and the same key with other input, in Chinese, writing nothing', async () => {
    const key = newKey();
    await keyed(clerk, 'visits.register', visitInput(), key);
    const other = await hall.as('clerk', 'otherclerk');
    const byOther = await keyedFail(other, 'visits.register', visitInput(), key);
    expect(byOther.code).toBe('CONFLICT');
    expect(byOther.message).toMatch(/其他用户.*未保存/);
    const changed = await keyedFail(clerk, 'visits.register', visitInput({ summary: '另一件事' }), key);
    expect(changed.code).toBe('CONFLICT');
    expect(changed.message).toMatch(/另一份内容.*未保存/);
    const otherMethod = await keyedFail(clerk, 'queue.issue', { laneId: LANE.A }, key);
    expect(otherMethod.code).toBe('CONFLICT');
    expect(await count('visits')).toBe(1);
    expect(await count('tickets')).toBe(0);
  });

  it('stores nothing for a call that failed, so its resubmission runs again', async () => {
    const key = newKey();
    const mine = await clerk.call('visits.register', visitInput());
    const err = await keyedFail(
      clerk,
      'visits.register',
      visitInput({ idNumber: residentId('310101', '19800202', '345'), name: '王五', matterId: mine.matterId }),
      key,
    );
    expect(err.code).toBe('VALIDATION');
    expect(await count('idempotency_keys')).toBe(0);
    expect(await count('visits')).toBe(1);
  });

  it('refuses a malformed key with a Chinese message', async () => {
    const err = await keyedFail(clerk, 'visits.register', visitInput(), 'short');
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('提交编号');
    expect(await count('visits')).toBe(0);
  });

  it('forgets keys after 24 hours', async () => {
    const key = newKey();
    const first = await keyed(clerk, 'visits.register', visitInput(), key);
    hall.clock.now = new Date(hall.clock.now.getTime() + 24 * 3600_000 + 60_000);
    const later = await keyed(clerk, 'visits.register', visitInput(), key);
    expect(later.id).not.toBe(first.id);
    // The old key was pruned; only the new row is left.
    expect(await count('idempotency_keys')).toBe(1);
  });

  it('publishes the events of a keyed save once, after it is committed, and none for a repeat', async () => {
    const seen: { event: HallEvent; visits: number }[] = [];
    const pending: Promise<void>[] = [];
    const unsubscribe = hall.backend.events.subscribe((event) => {
      if (event.name === 'visits.changed') pending.push(count('visits').then((visits) => void seen.push({ event, visits })));
    });
    hall.defer(unsubscribe);
    const key = newKey();
    await keyed(clerk, 'visits.register', visitInput(), key);
    await keyed(clerk, 'visits.register', visitInput(), key);
    await Promise.all(pending);
    expect(seen).toHaveLength(1);
    // A listener reading at once sees the visit the event announces.
    expect(seen[0]!.visits).toBe(1);
  });

  it('works for the queue: a repeated 取号 is one ticket, a repeated 叫号 does not call the next person', async () => {
    const k1 = newKey();
    const t1 = await keyed(clerk, 'queue.issue', { laneId: LANE.A }, k1);
    expect(await keyed(clerk, 'queue.issue', { laneId: LANE.A }, k1)).toEqual(t1);
    await clerk.call('queue.issue', { laneId: LANE.A });
    expect(await count('tickets')).toBe(2);
    const k2 = newKey();
    const called = await keyed(clerk, 'queue.callNext', { deskId: DESK[1] }, k2);
    const again = await keyed(clerk, 'queue.callNext', { deskId: DESK[1] }, k2);
    expect(again).toEqual(called);
    expect(called?.ticketNo).toBe(t1.ticketNo);
    expect(await count('ticket_calls')).toBe(1);
  });

  it('works for a matter decision: the repeat answers the decided matter instead of a version conflict', async () => {
    const v = await clerk.call('visits.register', visitInput());
    const key = newKey();
    const input = { matterId: v.matterId, version: 1, on: '2026-11-24', action: 'decide', decision: 'accepted', unit: '区住建局' } as const;
    const first = await keyed(clerk, 'matters.act', input, key);
    expect(first).toMatchObject({ decision: 'accepted', version: 2 });
    const events = await hall.backend.deps.db.selectFrom('matter_events').select('id').execute();
    expect(await keyed(clerk, 'matters.act', input, key)).toEqual(first);
    expect(await hall.backend.deps.db.selectFrom('matter_events').select('id').execute()).toHaveLength(events.length);
    // Without the key the same submission is refused as stale (it was decided meanwhile).
    expect((await clerk.fail('matters.act', input)).code).toBe('CONFLICT');
  });

  it('ignores a key on a method that takes none', async () => {
    const saved = await clerk.call('visits.register', visitInput());
    const key = newKey();
    expect((await keyed(clerk, 'visits.get', { visitId: saved.id }, key)).id).toBe(saved.id);
    expect(await count('idempotency_keys')).toBe(0);
  });
});

/** The desk process of the crash test (tests/support/register-process.ts). */
function deskProcess() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../support/register-process.ts'), hall.dir, 'keyclerk', PASSWORD],
    {
      env: { ...process.env, PETITION_HALL_DATABASE_URL: hall.database },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const acks = new Map<string, string>();
  let out = '';
  let onLine: () => void = () => undefined;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const lines = out.split('\n');
    out = lines.pop()!;
    for (const line of lines) {
      const [word, key, visitNo] = line.split(' ');
      if (word === 'ACK') acks.set(key!, visitNo!);
      onLine();
      if (word === 'READY') readyNow();
    }
  });
  let readyNow: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyNow = resolve));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    acks,
    ready,
    exited,
    /** Resolves once `n` answers have arrived. */
    acked: (n: number) =>
      new Promise<void>((resolve) => {
        onLine = () => acks.size >= n && resolve();
        onLine();
      }),
  };
}

describe('a desk killed mid-save (SIGKILL), every unanswered save resubmitted with its key', () => {
  it('leaves no duplicate and every answered visit present exactly once', async () => {
    const desk = deskProcess();
    await desk.ready;
    const sent = Array.from({ length: 40 }, (_, seq) => ({ key: newKey(), seq }));
    for (const s of sent) desk.child.stdin.write(`${JSON.stringify(s)}\n`);
    await desk.acked(8);
    desk.child.kill('SIGKILL');
    await desk.exited;
    const answered = new Map(desk.acks);
    const committed = await count('visits');
    // The crash left saves committed whose answer never came (what made duplicates before keys).
    expect(committed).toBeGreaterThan(answered.size);

    // After the restart the clerk logs in again and the screen resubmits every save it has no answer for.
    const again = client(hall.backend);
    await again.call('auth.login', { username: 'keyclerk', password: PASSWORD });
    const resubmit = async ({ key, seq }: { key: string; seq: number }) =>
      keyed(again, 'visits.register', visitInput({ idNumber: residentId('110105', '19700101', String(seq).padStart(3, '0')) }), key);
    for (const s of sent.filter((s) => !answered.has(s.key))) await resubmit(s);
    // An answered save resubmitted (a retry racing its answer) gets the same visit number.
    for (const s of sent.filter((s) => answered.has(s.key))) expect((await resubmit(s)).visitNo).toBe(answered.get(s.key));

    const rows = await hall.backend.deps.db.selectFrom('visits').select(['id_number', 'visit_no']).execute();
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.id_number)).size).toBe(40);
    expect(new Set(rows.map((r) => r.visit_no)).size).toBe(40);
    const byNo = new Set(rows.map((r) => r.visit_no));
    for (const visitNo of answered.values()) expect(byNo.has(visitNo)).toBe(true);
  }, 60_000);
});
