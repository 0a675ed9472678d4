// Desks calling at the same instant never receive the same ticket, and clerks
// registering at the same instant never receive the same visit number: several
// processes, each with its own connection(s), one database (a SQLite file, or
// PostgreSQL with PETITION_HALL_TEST_DB=postgres), nothing mocked.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSWORD, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK, LANE, issueMany } from '../support/queue';

let hall: TestHall;
let clerk: Client;
useHall(
  async (h) => {
    hall = h;
    clerk = await hall.as('clerk', 'deskclerk');
  },
  { start: new Date() }, // child processes use the real clock
);

/** A child process (tests/support/desk-process.ts) doing `mode` on the hall's database; resolves to what it got. */
function worker(mode: 'call' | 'register', arg: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../support/desk-process.ts'), hall.dir, arg, 'deskclerk', PASSWORD, mode],
    {
      env: { ...process.env, PETITION_HALL_DATABASE_URL: hall.database },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('READY\n')) markReady();
  });
  const done = new Promise<string[]>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.split('\n').filter(Boolean).at(-1)!) as string[])
        : reject(new Error(`desk process exited ${code}`)),
    ),
  );
  return { ready, go: () => child.stdin.end('go\n'), done };
}

async function ticketCalls(): Promise<number> {
  const calls = await hall.backend.deps.db
    .selectFrom('ticket_calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(calls.n);
}

async function together(workers: ReturnType<typeof worker>[]): Promise<string[][]> {
  await Promise.all(workers.map((w) => w.ready)); // each has opened the store and logged in
  workers.forEach((w) => w.go());
  return Promise.all(workers.map((w) => w.done));
}

describe('concurrent calling', () => {
  it('three desks in three processes share 90 tickets without a duplicate or a loss', async () => {
    await issueMany(clerk, LANE.A, 60);
    await issueMany(clerk, LANE.B, 30);
    const got = await together([worker('call', DESK[1]), worker('call', DESK[2]), worker('call', DESK[3])]);
    const all = got.flat();
    expect(all).toHaveLength(90);
    expect(new Set(all).size).toBe(90);
    // The desks really ran side by side (more than one of them got tickets).
    expect(got.filter((g) => g.length > 0).length).toBeGreaterThan(1);
    expect(await ticketCalls()).toBe(90);
  }, 60_000);

  it('two desks on one backend calling at once through the API also never share a ticket', async () => {
    await issueMany(clerk, LANE.A, 20);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => clerk.call('queue.callNext', { deskId: i % 2 ? DESK[1] : DESK[2] })),
    );
    const nos = results.map((r) => r?.ticketNo);
    expect(new Set(nos).size).toBe(20);
  });
});

// The shared engine's claim: many desks on many machines. Five processes stand
// in for five machines (each its own connections); on SQLite, five processes on one file.
describe('many desks on one database', () => {
  it('five desks in five processes share 300 tickets: none called twice, none lost', async () => {
    await issueMany(clerk, LANE.A, 180);
    await issueMany(clerk, LANE.B, 120);
    // Desks 1–3 exist from 0002; two more serve every lane too.
    const admin = hall.admin;
    const lanes = Object.values(LANE);
    const extra: string[] = [];
    for (const n of [4, 5]) {
      const d = await admin.call('queue.saveDesk', { id: null, number: n, name: `${n}号窗口`, laneIds: lanes, active: true });
      extra.push(d.id);
    }
    const got = await together([DESK[1], DESK[2], DESK[3], ...extra].map((d) => worker('call', d)));
    const all = got.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(got.filter((g) => g.length > 0).length).toBeGreaterThan(2);
    expect(await ticketCalls()).toBe(300);
  }, 120_000);

  it('five clerks in five processes register at once: visit numbers unique and gapless for the day', async () => {
    const got = await together(Array.from({ length: 5 }, (_, i) => worker('register', String(i))));
    const all = got.flat();
    expect(all).toHaveLength(5 * 20);
    expect(new Set(all).size).toBe(100);
    // Gapless: the day's sequence numbers are exactly 1..100.
    const seqs = all.map((no) => Number(/(\d+)$/.exec(no)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  }, 120_000);
});
