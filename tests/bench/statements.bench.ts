// Where a hot call's time goes, statement by statement (npm run bench:statements).
//   npm run bench:statements -- --visits 100000 --calls 600 --op call-next --engine postgres
// Runs the call `calls` times (after 20 unmeasured) on a private copy of the generated district
// (SQLite) or on a copy of it in PostgreSQL (PETITION_HALL_BENCH_PG_URL, or a throwaway cluster),
// timing each statement inside the real call: on SQLite around better-sqlite3's Statement methods
// (they run synchronously), on PostgreSQL from pg's Client.query to its result. Prints each
// statement's median / p95 ms and how often it ran, then the call's own median / p95; what the
// statements do not account for is our layers (zod, the service, Kysely, the driver) and waiting.
// Found this way (issue 12): call-next's lane heads sorting every waiting ticket under PostgreSQL's
// generic plan, and the cost of preparing every SQLite statement anew.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { startCluster, type Cluster } from '../support/pg-cluster';
import { BENCH_ADMIN, BENCH_PASSWORD } from './generate';
import { api, ensureDatabase, percentile } from './measure';
import { districtOnPostgres } from './pg-copy';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '100000' },
    calls: { type: 'string', default: '600' },
    op: { type: 'string', default: 'call-next' },
    engine: { type: 'string', default: 'sqlite' },
    seed: { type: 'string', default: '20161101' },
    // A CPU profile of the measured calls only (this process): written there, and its heaviest functions printed.
    profile: { type: 'string' },
  },
});
const WARM = 20;
const LANE_A = '0193a000-0000-7000-8000-00000000000a';
const DESK_1 = '0193a000-0000-7000-8000-000000000110';

/** Statement text (whitespace folded) → its times in ms, collected while `on`. */
const times = new Map<string, number[]>();
let on = false;
const note = (text: string, ms: number) => {
  if (!on) return;
  const key = text.replace(/\s+/g, ' ').trim();
  times.set(key, [...(times.get(key) ?? []), ms]);
};

function timeSqlite(): void {
  const probe = new BetterSqlite3(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  probe.close();
  for (const m of ['all', 'run', 'get']) {
    const original = proto[m]!;
    proto[m] = function (this: BetterSqlite3.Statement, ...a: unknown[]) {
      const t0 = performance.now();
      try {
        return original.apply(this, a);
      } finally {
        note(this.source, performance.now() - t0);
      }
    };
  }
}

function timePostgres(): void {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: pg.Client, ...a: unknown[]) {
    const text = typeof a[0] === 'string' ? a[0] : ((a[0] as { text?: string } | undefined)?.text ?? '?');
    const t0 = performance.now();
    const r = query.apply(this, a);
    if (r instanceof Promise)
      r.then(
        () => note(text, performance.now() - t0),
        () => {},
      );
    return r;
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/** The profile's self time by function (file, or package under node_modules), heaviest first. */
function printProfile(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): void {
  const frame = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = frame.get(id)!;
    const where = f.url.includes('/node_modules/') ? f.url.split('/node_modules/')[1]!.split('/')[0]! : f.url.split('/').pop()!;
    const key = `${f.functionName || '(anonymous)'} ${where}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nCPU profile of the measured calls: ${total.toFixed(0)} ms; self time by function`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
}

const fmt = (v: number[]) => {
  const s = [...v].sort((x, y) => x - y);
  return `${percentile(s, 0.5).toFixed(3).padStart(7)} ${percentile(s, 0.95).toFixed(3).padStart(7)}`;
};

async function main(): Promise<void> {
  const visits = Number(args.visits);
  const calls = Number(args.calls);
  if (args.op !== 'call-next' && args.op !== 'lookup') throw new Error('--op is call-next or lookup');
  const dir = join('bench-data', `district-${visits}`);
  await ensureDatabase(join(dir, DB_FILE_NAME), visits, Number(args.seed));
  // A private copy: the calls below write (tickets, calls, audit rows). The file alone is whole
  // only once its write-ahead log is checkpointed into it (bench:engines writes to the district).
  const source = new BetterSqlite3(join(dir, DB_FILE_NAME));
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  const copy = join(dir, 'statements');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  copyFileSync(join(dir, DB_FILE_NAME), join(copy, DB_FILE_NAME));
  let cluster: Cluster | null = null;
  let database: string | undefined;
  if (args.engine === 'postgres') {
    let server = process.env.PETITION_HALL_BENCH_PG_URL;
    if (!server) {
      console.log('Starting a throwaway PostgreSQL cluster …');
      cluster = await startCluster();
      server = cluster.url;
    }
    database = (await districtOnPostgres(server, copy, `bench_statements_${visits}`)).url;
    timePostgres();
  } else timeSqlite();
  try {
    // On PostgreSQL the backend keeps its files (archive, settings) in a folder of its own, as bench:engines does.
    const dataDir = database ? join(copy, 'postgres-data') : copy;
    mkdirSync(dataDir, { recursive: true });
    const backend = await createBackend({ dataDir, ...(database ? { database } : {}) });
    const admin = api(backend, {});
    if (!(await admin.call('auth.login', { username: BENCH_ADMIN, password: BENCH_PASSWORD }))) throw new Error('login failed');
    const db = backend.deps.db;
    await db.updateTable('tickets').set({ status: 'closed' }).where('status', 'in', ['waiting', 'called', 'parked']).execute();
    const ids = (
      await db
        .selectFrom('petitioners')
        .select('id_number')
        .where('id_type', '=', 'resident')
        .orderBy('id')
        .limit(calls + WARM)
        .execute()
    ).map((r) => r.id_number!);
    // At least 1,000 waiting at the last call, as in bench:engines.
    if (args.op === 'call-next')
      for (let i = 0; i < 1000 + calls + WARM; i++)
        await admin.call('queue.issue', { laneId: LANE_A, priority: i % 7 === 0 ? 'elderly' : null });
    const whole: number[] = [];
    const inspector = args.profile ? new Session() : null;
    inspector?.connect();
    for (let i = 0; i < calls + WARM; i++) {
      on = i >= WARM;
      if (inspector && i === WARM) {
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.start');
      }
      const t0 = performance.now();
      if (args.op === 'lookup') await admin.call('petitioners.lookup', { idType: 'resident', idNumber: ids[i % ids.length]! });
      else await admin.call('queue.callNext', { deskId: DESK_1 });
      if (on) whole.push(performance.now() - t0);
    }
    on = false;
    if (inspector) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(args.profile!, JSON.stringify(profile));
      printProfile(profile as never);
      inspector.disconnect();
    }
    await new Promise((r) => setTimeout(r, 50)); // the last results' notes
    console.log(`\n${args.op} on ${args.engine}, ${visits.toLocaleString('en')} visits, ${calls} calls: median / p95 ms, runs`);
    for (const [text, v] of times) console.log(`${fmt(v)} ${String(v.length).padStart(5)}  ${text.slice(0, 140)}`);
    console.log(`${fmt(whole)} ${String(whole.length).padStart(5)}  the whole call`);
    await backend.close();
  } finally {
    cluster?.stop();
    rmSync(copy, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
