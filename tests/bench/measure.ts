// Shared by the benchmarks: timing, percentiles, the results table, and the
// generated district database (made once under bench-data/, then reused).
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Backend } from '../../electron/backend/backend';
import type { InputOf, MethodName, OutputOf } from '@shared/api/contract';
import type { SessionHolder } from '../../electron/backend/services/sessions';
import { auditRowHash, GENESIS_HASH, type ChainedFields } from '../../electron/backend/db/audit-chain';
import { generateDistrict } from './generate';

export const BENCH_USER = 'bench';
export const WARMUP = 50;

let functionalErrors = 0;
export const functionalErrorCount = () => functionalErrors;
export function fail(what: string): void {
  functionalErrors++;
  if (functionalErrors <= 10) console.error(`  ✗ ${what}`);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

export async function time(fn: () => unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export interface Api {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M> | undefined>;
}

export function api(backend: Backend, session: SessionHolder): Api {
  return {
    async call(method, input) {
      const r = await backend.call(session, method, input);
      if (!r.ok) {
        fail(`${method}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
        return undefined;
      }
      return r.data as never;
    },
  };
}

/**
 * A new bench leader with a published session today in the bench room (08:00–23:55, 5-minute
 * places), for the benchmarks that fill a leader's day.
 */
export async function benchSession(admin: Api, today: string, password: string, displayName = '基准领导') {
  const leader = await admin.call('users.create', { username: `benchleader${Date.now() % 100000}`, displayName, role: 'leader', password });
  const rooms = (await admin.call('rooms.list', {}))!;
  const room =
    rooms.find((r) => r.name === '基准接谈室') ??
    (await admin.call('rooms.save', {
      id: null,
      number: 90,
      name: '基准接谈室',
      kind: 'talk',
      capacity: 10,
      openFrom: '00:00',
      openTo: '23:59',
      active: true,
    }))!;
  const session = (await admin.call('roster.save', {
    id: null,
    leaderId: leader!.id,
    date: today,
    start: '08:00',
    end: '23:55',
    roomId: room.id,
    slotMinutes: 5,
    expectedVersion: null,
  }))!;
  await admin.call('roster.setStatus', { sessionId: session.id, status: 'published', reason: '' });
  return { leader: leader!, room, session };
}

export interface Row {
  op: string;
  p50: number;
  p95: number;
  rawP50: number;
  rawP95: number;
  target: number | null;
}

/**
 * Times `samples` keys on both paths after WARMUP keys. Reads alternate which path
 * goes first per key; writes run in two blocks so neither connection keeps
 * invalidating the other's page cache (the app has one connection).
 */
export async function measure<K>(
  op: string,
  target: number | null,
  keys: K[],
  apiFn: (k: K) => Promise<void>,
  rawFn: (k: K) => void,
  mode: 'interleave' | 'blocks',
  warmup = WARMUP,
): Promise<Row> {
  const a: number[] = [];
  const b: number[] = [];
  if (mode === 'interleave') {
    for (const [i, k] of keys.entries()) {
      let ta: number;
      let tb: number;
      if (i % 2 === 0) {
        ta = await time(() => apiFn(k));
        tb = await time(() => rawFn(k));
      } else {
        tb = await time(() => rawFn(k));
        ta = await time(() => apiFn(k));
      }
      if (i >= warmup) {
        a.push(ta);
        b.push(tb);
      }
    }
  } else {
    const half = keys.length / 2;
    for (const [i, k] of keys.slice(0, half).entries()) {
      const t = await time(() => apiFn(k));
      if (i >= warmup) a.push(t);
    }
    for (const [i, k] of keys.slice(half).entries()) {
      const t = await time(() => rawFn(k));
      if (i >= warmup) b.push(t);
    }
  }
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  const row = { op, p50: percentile(a, 0.5), p95: percentile(a, 0.95), rawP50: percentile(b, 0.5), rawP95: percentile(b, 0.95), target };
  console.log(
    `  ${op}: p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms (raw ${row.rawP50.toFixed(3)} / ${row.rawP95.toFixed(3)} ms)`,
  );
  return row;
}

export function printTable(rows: Row[]): void {
  const head = ['operation', 'p50 ms', 'p95 ms', 'raw p50', 'raw p95', 'ratio', 'target p95', 'result'];
  const body = rows.map((r) => [
    r.op,
    r.p50.toFixed(2),
    r.p95.toFixed(2),
    r.rawP50.toFixed(3),
    r.rawP95.toFixed(3),
    `${(r.p50 / r.rawP50).toFixed(1)}×`,
    r.target === null ? '—' : `< ${r.target} ms`,
    r.target === null ? '—' : r.p95 < r.target ? 'PASS' : 'MISS',
  ]);
  const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i === 0 ? c + ' '.repeat(cols[i]! - width(c)) : ' '.repeat(cols[i]! - width(c)) + c)).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + cols.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
  for (const r of body) console.log(line(r));
}

export const mib = (f: string) => (existsSync(f) ? statSync(f).size / 1024 / 1024 : 0);

// ---- the database ---------------------------------------------------------------

export interface GenInfo {
  petitioners: number;
  matters: number;
  visits: number;
  ms: number;
  at: string;
  seed: number;
  /** File size right after generation. */
  mib?: number;
}

/** Visits not made by the benchmark itself: the generated size. */
export function generatedVisits(dbFile: string): number | null {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
    const bench = db.prepare(`SELECT id FROM users WHERE username = ?`).get(BENCH_USER) as { id: string } | undefined;
    const r = db.prepare(`SELECT count(*) AS n FROM visits WHERE registered_by <> ?`).get(bench?.id ?? '') as { n: number };
    return r.n;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export async function ensureDatabase(dbFile: string, visits: number, seed: number): Promise<GenInfo | null> {
  const metaFile = join(dirname(dbFile), 'generate.json');
  if (existsSync(dbFile)) {
    const n = generatedVisits(dbFile);
    if (n === visits) {
      console.log(`Reusing ${dbFile} (${n.toLocaleString('en')} generated visits).`);
      return existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as GenInfo) : null;
    }
    console.log(`${dbFile} holds ${n ?? '?'} generated visits, not ${visits}: regenerating.`);
  }
  rmSync(metaFile, { force: true });
  console.log(`Generating ${visits.toLocaleString('en')} visits into ${dbFile} …`);
  let last = 0;
  const r = await generateDistrict({
    dbFile,
    visits,
    seed,
    onProgress: (done) => {
      if (Date.now() - last < 2000 && done < visits) return;
      last = Date.now();
      console.log(`  ${done.toLocaleString('en')} / ${visits.toLocaleString('en')} visits`);
    },
  });
  const info: GenInfo = { ...r, at: new Date().toISOString(), seed, mib: mib(dbFile) };
  writeFileSync(metaFile, JSON.stringify(info, null, 2));
  return info;
}

// ---- main --------------------------------------------------------------------------

type RawAudit = Omit<ChainedFields, 'seq'>;

/** The raw baseline's audit insert: the same chained row the app writes (services/audit.ts, writeAudit). */
export function rawAuditWriter(raw: BetterSqlite3.Database): (row: RawAudit) => void {
  const last = raw.prepare(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
  const insert = raw.prepare(
    `INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, before_json, after_json, note, seq, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (row) => {
    const prev = last.get() as { seq: number; hash: string } | undefined;
    const fields = { ...row, seq: (prev?.seq ?? 0) + 1 };
    const prevHash = prev?.hash ?? GENESIS_HASH;
    const r = fields;
    insert.run(
      r.id,
      r.at,
      r.actor_id,
      r.action,
      r.entity,
      r.entity_id,
      r.before_json,
      r.after_json,
      r.note,
      r.seq,
      prevHash,
      auditRowHash(fields, prevHash),
    );
  };
}
