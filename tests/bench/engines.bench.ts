// The desk's operations on both engines (npm run bench:engines).
//   npm run bench:engines -- --visits 100000 --samples 200
// The same generated district in SQLite (bench-data/district-<n>/) and in a
// PostgreSQL database copied from it (pg-copy.ts): a throwaway cluster
// (tests/support/pg-cluster.ts) unless PETITION_HALL_BENCH_PG_URL names a
// server, on which a database bench_district_<n> is created (replaced if there).
//
// Each operation is timed through the API beside a raw baseline that runs THE
// SAME statements with the same parameters: the statements the driver received
// during the API call are recorded (better-sqlite3's prepare, pg's
// Client.query) and replayed on the raw driver (the store's better-sqlite3
// handle; a plain pg.Client), so the ratio is the cost of our own layers
// (zod, services, Kysely, the pool) and not of the SQL.
// Reads: each key is called through the API (recorded), then replayed.
// Writes cannot be replayed after they committed (same ids, same numbers), so
// each sample first makes a recorded dry run, the API call with its COMMIT
// turned into ROLLBACK (untimed), then times the replay of those statements,
// which commits the change for real, then times a real API call of the same
// kind. Statements after the commit that read what the dry run rolled back are
// replayed as recorded.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import dayjs from 'dayjs';
import { sql } from 'kysely';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { sqliteRaw } from '../../electron/backend/db/connection';
import type { InputOf } from '@shared/api/contract';
import { hallDate, HALL_TZ } from '@shared/time';
import type { SessionHolder } from '../../electron/backend/services/sessions';
import { startCluster, type Cluster } from '../support/pg-cluster';
import { BENCH_ADMIN, BENCH_PASSWORD, mulberry32 } from './generate';
import { api, BENCH_USER, benchSession, ensureDatabase, fail, functionalErrorCount, printTable, time, type Api, type Row } from './measure';
import { districtOnPostgres } from './pg-copy';
import { isCommit, postgresEngine, sqliteEngine, summary, type Engine, type Stmt } from './record';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '200' },
    waiting: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20161101' },
  },
});
const WARM = 20;
const LANE_A = '0193a000-0000-7000-8000-00000000000a';
const DESK_1 = '0193a000-0000-7000-8000-000000000110';

async function runSuite(e: Engine, samples: number, waiting: number): Promise<Row[]> {
  console.log(`\n== ${e.name} ==`);
  const db = e.backend.deps.db;
  const adminSession: SessionHolder = {};
  const admin: Api = api(e.backend, adminSession);
  if (!(await admin.call('auth.login', { username: BENCH_ADMIN, password: BENCH_PASSWORD }))) throw new Error('login failed');
  // Registrations are the benchmark clerk's, so measure.ts still counts the file's generated visits.
  const users = (await admin.call('users.list', {})) ?? [];
  if (!users.some((u) => u.username === BENCH_USER)) {
    const first: SessionHolder = {};
    await admin.call('users.create', { username: BENCH_USER, displayName: '性能测试', role: 'clerk', password: 'Initial123' });
    await e.backend.call(first, 'auth.login', { username: BENCH_USER, password: 'Initial123' });
    await e.backend.call(first, 'auth.changePassword', { oldPassword: 'Initial123', newPassword: BENCH_PASSWORD });
  }
  const clerkSession: SessionHolder = {};
  const clerk: Api = api(e.backend, clerkSession);
  if (!(await clerk.call('auth.login', { username: BENCH_USER, password: BENCH_PASSWORD }))) throw new Error('clerk login failed');
  const today = hallDate(e.backend.deps.now());
  // Earlier runs' tickets, bookings and sessions are set aside (bench data only).
  await db.updateTable('tickets').set({ status: 'closed' }).where('status', 'in', ['waiting', 'called', 'parked']).execute();
  await db
    .updateTable('reception_bookings')
    .set({ status: 'cancelled' })
    .where('status', 'in', ['scheduled', 'waiting', 'called'])
    .execute();
  await db.updateTable('reception_sessions').set({ status: 'cancelled' }).where('date', '=', today).execute();

  const n = WARM + samples;
  // The same people on both engines: a seeded choice among residents with a matter, in id order.
  const people = await db
    .selectFrom('petitioners')
    .innerJoin('matters', 'matters.petitioner_id', 'petitioners.id')
    .select([
      'petitioners.id',
      'petitioners.id_type',
      'petitioners.id_number',
      'petitioners.name',
      'petitioners.name_initials',
      'petitioners.phone',
      'petitioners.address',
      'matters.id as matter_id',
      'matters.category',
      'matters.summary',
      'matters.location_area',
    ])
    .where('petitioners.id_type', '=', 'resident')
    .where(sql<boolean>`matters.id = (SELECT max(m.id) FROM matters m WHERE m.petitioner_id = petitioners.id)`)
    .orderBy('petitioners.id')
    .limit(20_000)
    .execute();
  const r = mulberry32(Number(args.seed) ^ 0xe9e);
  const keys = () => Array.from({ length: n }, () => people[Math.floor(r.next() * people.length)]!);
  type Person = (typeof people)[number];

  /** Reads: each key's API call is timed while recorded, then its statements are replayed and timed. */
  const read = async (op: string, target: number | null, ks: Person[], call: (k: Person) => Promise<void>, warm = WARM) => {
    let last: Stmt[] = [];
    const a: number[] = [];
    const b: number[] = [];
    for (const [i, k] of ks.entries()) {
      const ta = await time(async () => {
        last = await e.record(false, () => call(k));
      });
      const tb = await time(() => e.replay(last));
      if (i >= warm) {
        a.push(ta);
        b.push(tb);
      }
    }
    return summary(op, target, a, b);
  };

  const rows: Row[] = [];
  rows.push(
    await read('ID lookup with history', 5, keys(), async (k) => {
      const d = await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: k.id_number });
      if (d && d.history?.petitioner.id !== k.id) fail(`${e.name}: lookup ${k.id_number} did not return ${k.name}`);
    }),
  );
  rows.push(
    await read('pinyin search', 50, keys(), async (k) => {
      const d = await clerk.call('petitioners.search', { q: k.name_initials.slice(0, 3) });
      if (d && d.length === 0) fail(`${e.name}: search '${k.name_initials}' found nobody`);
    }),
  );

  /**
   * Writes: a dry run recorded (COMMIT turned into ROLLBACK, untimed), the replay of
   * its statements timed (it commits), then the real API call timed and recorded.
   * The dry run's reads after its commit find nothing (and may stop the call), so
   * the replay uses, after the commit, the statements the previous real call ran
   * there: the same SQL, reading rows that exist.
   */
  const write = async (
    op: string,
    target: number | null,
    count: number,
    dryCall: (i: number) => Promise<unknown>,
    call: (i: number) => Promise<unknown>,
  ) => {
    const a: number[] = [];
    const b: number[] = [];
    let after: Stmt[] = [];
    for (let i = 0; i < count; i++) {
      const dry = await quietly(() => e.record(true, () => dryCall(i)));
      const end = dry.findIndex((x) => isCommit(x.sql));
      const stmts = end < 0 ? dry : [...dry.slice(0, end + 1), ...after];
      const tb = await time(() => e.replay(stmts));
      let real: Stmt[] = [];
      const ta = await time(async () => {
        real = await e.record(false, () => call(i));
      });
      after = real.slice(real.findIndex((x) => isCommit(x.sql)) + 1);
      if (i >= WARM) {
        a.push(ta);
        b.push(tb);
      }
    }
    return summary(op, target, a, b);
  };
  const registration = (k: Person): InputOf<'visits.register'> => ({
    idType: 'resident',
    idNumber: k.id_number,
    name: k.name,
    phone: k.phone,
    address: k.address,
    peopleCount: 1,
    purpose: 'request',
    category: k.category as InputOf<'visits.register'>['category'],
    locationArea: k.location_area,
    summary: k.summary,
    demands: '要求尽快解决。',
    skipLevel: false,
    escort: null,
    representatives: [],
    petitionerId: null,
    matterId: k.matter_id,
  });
  const saves = keys();
  rows.push(
    await write(
      'save registration (repeat visit)',
      10,
      n,
      (i) => e.backend.call(clerkSession, 'visits.register', registration(saves[i]!)),
      async (i) => {
        const k = saves[i]!;
        const d = await clerk.call('visits.register', registration(k));
        if (d && d.petitionerId !== k.id) fail(`${e.name}: repeat visit of ${k.name} saved for someone else`);
      },
    ),
  );

  // Call-next with `waiting` tickets in line: each sample calls two (the replay and the API), so as many more are issued.
  const issue = waiting + 2 * n;
  console.log(`  issuing ${issue} tickets …`);
  for (let i = 0; i < issue; i++) await admin.call('queue.issue', { laneId: LANE_A, priority: i % 7 === 0 ? 'elderly' : null });
  rows.push(
    await write(
      `call next, ≥${waiting} waiting`,
      5,
      n,
      () => e.backend.call(adminSession, 'queue.callNext', { deskId: DESK_1 }),
      () => admin.call('queue.callNext', { deskId: DESK_1 }),
    ),
  );
  await db.updateTable('tickets').set({ status: 'closed' }).where('status', 'in', ['waiting', 'called', 'parked']).execute();

  // The day board with one leader's session of 30 walk-ins.
  const { session: s } = await benchSession(admin, today, BENCH_PASSWORD);
  const visitIds = await db.selectFrom('visits').select('id').orderBy('created_at', 'desc').limit(30).execute();
  for (const v of visitIds) await admin.call('reception.schedule', { visitId: v.id, sessionId: s.id, kind: 'walk_in' });
  rows.push(
    // Fewer samples: on SQLite the board takes seconds (see README).
    await read(
      'day board (30 walk-ins)',
      null,
      keys().slice(0, 3 + Math.min(samples, 10)),
      async () => {
        const d = await admin.call('reception.board', { date: today });
        if (d === undefined) fail(`${e.name}: no board`);
      },
      3,
    ),
  );
  return rows;
}

/** Runs fn with console.error silenced: the dry runs' failures after their rolled-back commit are expected. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const error = console.error;
  console.error = () => {};
  try {
    return await fn();
  } finally {
    console.error = error;
  }
}

async function main(): Promise<void> {
  const visits = Number(args.visits);
  const samples = Number(args.samples);
  const waiting = Number(args.waiting);
  const dir = join('bench-data', `district-${visits}`);
  await ensureDatabase(join(dir, DB_FILE_NAME), visits, Number(args.seed));
  const started = Date.now();
  // Hall time runs from 08:00 today, so the leader's session is open whatever the hour of the run.
  const morning = dayjs.tz(`${hallDate(new Date())} 08:00`, HALL_TZ).valueOf();
  const now = () => new Date(morning + (Date.now() - started));

  // SQLite first opened (migrated to the latest), then copied into PostgreSQL before either is measured.
  const sqlite = await createBackend({ dataDir: dir, now });
  sqliteRaw(sqlite.store).pragma('wal_checkpoint(TRUNCATE)');
  let cluster: Cluster | null = null;
  let server = process.env.PETITION_HALL_BENCH_PG_URL;
  if (!server) {
    console.log('Starting a throwaway PostgreSQL cluster …');
    cluster = await startCluster();
    server = cluster.url;
  }
  try {
    const copied = await districtOnPostgres(server, dir, `bench_district_${visits}`);
    const url = copied.url;

    const results: [string, Row[]][] = [];
    const sq = sqliteEngine(sqlite);
    results.push(['SQLite', await runSuite(sq, samples, waiting)]);
    await sq.close();
    const pgDir = join(dir, 'postgres-data');
    mkdirSync(pgDir, { recursive: true });
    const pgEngine = await postgresEngine(await createBackend({ dataDir: pgDir, database: url, now }), url);
    results.push(['PostgreSQL', await runSuite(pgEngine, samples, waiting)]);
    await pgEngine.close();

    console.log(`\n${visits.toLocaleString('en')} generated visits; copy into PostgreSQL ${(copied.ms / 1000).toFixed(1)} s.`);
    for (const [engine, rows] of results) {
      console.log(`\n${engine}:`);
      printTable(rows);
    }
  } finally {
    cluster?.stop();
  }
  if (functionalErrorCount() > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
