// Records what the database driver is sent during one API call and replays it
// on the raw driver, for the benchmarks' baselines (engines.bench.ts,
// stats.bench.ts): better-sqlite3's prepare, pg's Client.query.
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { Backend } from '../../electron/backend/backend';
import { sqliteRaw } from '../../electron/backend/db/connection';
import type { Row } from './measure';

export interface Stmt {
  sql: string;
  params: unknown[];
  /** pg: the prepared statement's name (db/pg-named.ts), replayed under the same name. */
  name?: string;
}

/** Records what the driver is sent during one API call; `dry` turns its COMMIT into ROLLBACK. */
export interface Engine {
  name: string;
  backend: Backend;
  record<T>(dry: boolean, fn: () => Promise<T>): Promise<Stmt[]>;
  replay(stmts: Stmt[]): Promise<void>;
  /** Stops recording for good (the driver as it was; the backend stays open). */
  detach(): Promise<void>;
  close(): Promise<void>;
}

export const isCommit = (s: string) => /^\s*commit\s*;?\s*$/i.test(s);

type Run = (this: BetterSqlite3.Statement, ...a: unknown[]) => unknown;
const EXECUTE = ['all', 'run', 'get', 'iterate'] as const;

/**
 * Records on better-sqlite3's Statement methods (the store keeps its statements for reuse,
 * db/sqlite-statements.ts, so a statement is prepared once and executed many times): every
 * execution on this backend's handle is logged with its text (`source`) and parameters.
 */
export function sqliteEngine(backend: Backend): Engine {
  const raw = sqliteRaw(backend.store);
  const proto = Object.getPrototypeOf(raw.prepare('SELECT 1')) as Record<(typeof EXECUTE)[number], Run>;
  const original = Object.fromEntries(EXECUTE.map((m) => [m, proto[m]])) as Record<(typeof EXECUTE)[number], Run>;
  let log: Stmt[] | null = null;
  let dry = false;
  for (const m of EXECUTE)
    proto[m] = function (this: BetterSqlite3.Statement, ...a: unknown[]) {
      if (!log || this.database !== raw) return original[m].apply(this, a);
      log.push({ sql: this.source, params: (a[0] ?? []) as unknown[] });
      if (dry && isCommit(this.source)) return original.run.apply(raw.prepare('ROLLBACK'), []);
      return original[m].apply(this, a);
    };
  const restore = () => {
    for (const m of EXECUTE) proto[m] = original[m];
  };
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    name: 'SQLite',
    backend,
    async record(isDry, fn) {
      log = [];
      dry = isDry;
      const got = log;
      try {
        await fn();
      } finally {
        log = null;
        dry = false;
      }
      return got;
    },
    async replay(stmts) {
      for (const s of replayable(stmts)) {
        let st = cache.get(s.sql);
        if (!st) cache.set(s.sql, (st = raw.prepare(s.sql)));
        if (st.reader) st.all(s.params);
        else st.run(s.params);
      }
    },
    async detach() {
      restore();
    },
    async close() {
      restore();
      await backend.close();
    },
  };
}

/**
 * The recorded statements the raw baseline can run again. An audit row's insert is left out: its
 * chain position (seq, 0014) was taken by the recorded call and cannot be inserted twice, so the
 * baseline is one small insert cheaper than the API on writes (the ratio errs against our layers).
 */
function replayable(stmts: Stmt[]): Stmt[] {
  return stmts.filter((s) => !/^\s*insert\s+into\s+"?audit_log"?/i.test(s.sql));
}

export async function postgresEngine(backend: Backend, url: string): Promise<Engine> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const query = proto.query;
  let log: Stmt[] | null = null;
  let dry = false;
  proto.query = function (this: pg.Client, ...a: unknown[]) {
    if (log && this !== client && typeof a[0] === 'string') {
      log.push({ sql: a[0], params: (a[1] ?? []) as unknown[] });
      if (dry && isCommit(a[0])) a[0] = 'ROLLBACK';
    } else if (log && this !== client && a[0] && typeof a[0] === 'object' && 'text' in a[0]) {
      const q = a[0] as { name?: string; text: string; values?: unknown[] };
      log.push({ sql: q.text, params: q.values ?? [], name: q.name });
    }
    return query.apply(this, a);
  };
  const detach = async () => {
    proto.query = query;
    await client.end();
  };
  return {
    name: 'PostgreSQL',
    backend,
    async record(isDry, fn) {
      log = [];
      dry = isDry;
      const got = log;
      try {
        await fn();
      } finally {
        log = null;
        dry = false;
      }
      return got;
    },
    async replay(stmts) {
      for (const s of replayable(stmts))
        await (s.name ? client.query({ name: s.name, text: s.sql, values: s.params }) : client.query(s.sql, s.params));
    },
    detach,
    async close() {
      await detach();
      await backend.close();
    },
  };
}

export function summary(op: string, target: number | null, a: number[], b: number[]): Row {
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  const pct = (xs: number[], p: number) => xs[Math.max(0, Math.ceil(p * xs.length) - 1)] ?? NaN;
  const row = { op, target, p50: pct(a, 0.5), p95: pct(a, 0.95), rawP50: pct(b, 0.5), rawP95: pct(b, 0.95) };
  console.log(
    `  ${op}: p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms (raw ${row.rawP50.toFixed(3)} / ${row.rawP95.toFixed(3)})`,
  );
  return row;
}
