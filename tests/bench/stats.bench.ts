// Statistics on the district-sized database (npm run bench:stats).
//   npm run bench:stats -- --visits 1000000 --samples 20 [--engines sqlite,postgres]
// stats.summary through the API for a month (2026-10), a year (2025) and the
// hall's today (the last generated day, 2026-11-23, as a clerk sees it), each
// with its 环比 and 同比 periods as the service computes them. Beside each, the
// raw baseline: the statements the driver received during the API call,
// replayed on the raw driver (record.ts), so the ratio is the cost of our own
// layers and of the counting in JS, not of the SQL. Read-only.
// PostgreSQL: the SQLite file is copied into a throwaway cluster (or a database
// bench_stats_<n> on PETITION_HALL_BENCH_PG_URL) as engines.bench.ts does.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, DB_FILE_NAME, type Backend } from '../../electron/backend/backend';
import type { InputOf } from '@shared/api/contract';
import { startCluster, type Cluster } from '../support/pg-cluster';
import { BENCH_ADMIN, BENCH_PASSWORD, GEN_LAST_DAY } from './generate';
import { api, ensureDatabase, fail, functionalErrorCount, printTable, time, type Row } from './measure';
import { districtOnPostgres } from './pg-copy';
import { postgresEngine, sqliteEngine, summary, type Engine, type Stmt } from './record';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '20' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    seed: { type: 'string', default: '20161101' },
    /** Print each case's slowest statements (one raw replay each), to see where the time goes. */
    statements: { type: 'boolean', default: false },
  },
});
const WARM = 3;

/** The generated data's last day at 16:00 hall time: "today" for the hall figures. */
const NOW = new Date(`${GEN_LAST_DAY}T08:00:00.000Z`);

const CASES: { op: string; target: number; input: InputOf<'stats.summary'>; samples: (n: number) => number }[] = [
  { op: "hall's today (clerk)", target: 50, input: { from: GEN_LAST_DAY, to: GEN_LAST_DAY }, samples: (n) => n * 5 },
  { op: 'month report (2026-10)', target: 300, input: { from: '2026-10-01', to: '2026-10-31' }, samples: (n) => n },
  { op: 'year report (2025)', target: 2000, input: { from: '2025-01-01', to: '2025-12-31' }, samples: (n) => n },
];

async function runSuite(e: Engine, samples: number): Promise<Row[]> {
  console.log(`\n== ${e.name} ==`);
  const admin = api(e.backend, {});
  if (!(await admin.call('auth.login', { username: BENCH_ADMIN, password: BENCH_PASSWORD }))) throw new Error('login failed');
  const clerk = api(e.backend, {});
  if (!(await clerk.call('auth.login', { username: 'clerk2', password: BENCH_PASSWORD }))) throw new Error('clerk login failed');
  const rows: Row[] = [];
  for (const c of CASES) {
    const who = c.op.includes('clerk') ? clerk : admin;
    const a: number[] = [];
    const b: number[] = [];
    let stmts: Stmt[] = [];
    let first = '';
    for (let i = 0; i < WARM + c.samples(samples); i++) {
      const ta = await time(async () => {
        stmts = await e.record(false, async () => {
          const s = await who.call('stats.summary', c.input);
          if (!s) return;
          const visits = s.figures.find((f) => f.key === 'visits')!.numerator;
          if (visits === 0) fail(`${e.name}: ${c.op} counted no visits`);
          // The same figures every time (and, printed, the same on both engines).
          const got = JSON.stringify(s.figures.map((f) => [f.key, f.numerator, f.denominator]));
          if (first === '') {
            first = got;
            console.log(`  ${c.op}: ${got}`);
          } else if (got !== first) fail(`${e.name}: ${c.op} changed between calls`);
        });
      });
      const tb = await time(() => e.replay(stmts));
      if (i >= WARM) {
        a.push(ta);
        b.push(tb);
      }
    }
    console.log(`  (${stmts.length} statements a call)`);
    if (args.statements) await slowest(e, stmts);
    rows.push(summary(c.op, c.target, a, b));
  }
  return rows;
}

/** Each statement replayed alone on the raw driver, the slowest first. */
async function slowest(e: Engine, stmts: Stmt[]): Promise<void> {
  const timed: [number, string][] = [];
  for (const s of stmts) timed.push([await time(() => e.replay([s])), s.sql.replace(/\s+/g, ' ')]);
  for (const [ms, text] of timed.sort((a, b) => b[0] - a[0]).slice(0, 8))
    console.log(`    ${ms.toFixed(1).padStart(9)} ms  ${text.slice(0, 300)}`);
}

async function main(): Promise<void> {
  const visits = Number(args.visits);
  const samples = Number(args.samples);
  const engines = args.engines.split(',');
  const dir = join('bench-data', `district-${visits}`);
  await ensureDatabase(join(dir, DB_FILE_NAME), visits, Number(args.seed));
  const now = () => NOW;
  const results: [string, Row[]][] = [];
  let copiedMs = 0;
  let sqlite: Backend | null = await createBackend({ dataDir: dir, now });
  if (engines.includes('sqlite')) {
    const sq = sqliteEngine(sqlite);
    results.push(['SQLite', await runSuite(sq, samples)]);
    await sq.close();
    sqlite = null;
  }
  await sqlite?.close();
  if (engines.includes('postgres')) {
    let cluster: Cluster | null = null;
    let server = process.env.PETITION_HALL_BENCH_PG_URL;
    if (!server) {
      console.log('Starting a throwaway PostgreSQL cluster …');
      cluster = await startCluster();
      server = cluster.url;
    }
    try {
      const { url, ms } = await districtOnPostgres(server, dir, `bench_stats_${visits}`, { reuse: true });
      copiedMs = ms;
      const pgDir = join(dir, 'postgres-stats');
      mkdirSync(pgDir, { recursive: true });
      const pgEngine = await postgresEngine(await createBackend({ dataDir: pgDir, database: url, now }), url);
      results.push(['PostgreSQL', await runSuite(pgEngine, samples)]);
      await pgEngine.close();
    } finally {
      cluster?.stop();
    }
  }
  console.log(
    `\n${visits.toLocaleString('en')} generated visits${copiedMs ? `; copy into PostgreSQL ${(copiedMs / 1000).toFixed(1)} s` : ''}.`,
  );
  for (const [engine, rows] of results) {
    console.log(`\n${engine}:`);
    printTable(rows);
  }
  if (functionalErrorCount() > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
