// Every change that matters writes an audit entry and an export-outbox entry in
// the same transaction as the change, so either all three land or none do.
//
// This file is the one place that inserts into audit_log (a test checks no other
// code does): writeAudits appends a change's rows (writeAudit: one row) to the
// hash chain (db/audit-chain.ts), after the last row's seq and hash (remembered
// per process and checked by the insert itself, see below). It must run inside writeTransaction,
// which serializes every writer of the hall, so the chain stays linear; the
// unique index on seq turns a writer outside it into an error, not a fork.
import { sql } from 'kysely';
import { auditRowHash, GENESIS_HASH, type ChainedFields } from '../db/audit-chain';
import type { Db, Executor } from '../db/connection';
import { hotStatement } from '../db/compiled';
import { hallWriteLockRow } from '../db/dialect';
import { writeTransaction } from '../db/transaction';
import { newId } from './ids';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
  at: string;
}

/** The chain's last row as this process last wrote or read it, per database (keyed by its Kysely adapter, one per store). */
const heads = new WeakMap<object, { seq: number; hash: string }>();

function auditFields(e: AuditEntry): ChainedFields {
  return {
    seq: 0,
    id: newId(),
    at: e.at,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    before_json: e.before === undefined ? null : JSON.stringify(e.before),
    after_json: e.after === undefined ? null : JSON.stringify(e.after),
    note: e.note ?? null,
  };
}

/** Chains `fields` (in order) after the row `prev`: seq and prev_hash from it, each row's hash for the next. */
function chainAfter(prev: { seq: number; hash: string }, fields: ChainedFields[]) {
  const rows: ReturnType<typeof chained>[] = [];
  for (const f of fields) {
    const last = rows.at(-1) ?? prev;
    rows.push(chained({ ...f, seq: last.seq + 1 }, last.hash));
  }
  return rows;
}

/**
 * Appends the rows after the head this process knows of, in one statement, on the condition
 * (checked by that statement) that the database's last row is still that one (same seq, same
 * hash). Another process's write, or a rolled-back one of ours, fails the condition: nothing is
 * inserted (false). With `lock`, the statement takes the hall's write lock itself (PostgreSQL's
 * advisory lock; SQLite's write lock comes with any write), for a row written outside a transaction.
 */
async function appendAfterHead(
  x: Executor,
  fields: ChainedFields[],
  known: { seq: number; hash: string },
  lock: boolean,
): Promise<boolean> {
  const rows = chainAfter(known, fields);
  const values = { rows: rows.map(({ seq: _seq, ...row }) => row), knownSeq: known.seq, knownHash: known.hash };
  const inserted = await (lock ? APPEND_LOCKED : APPEND).affected(x, values);
  if (inserted !== rows.length) return false;
  const last = rows.at(-1)!;
  heads.set(x.getExecutor().adapter, { seq: last.seq, hash: last.hash });
  return true;
}

interface AppendValues {
  rows: Omit<ReturnType<typeof chained>, 'seq'>[];
  knownSeq: number;
  knownHash: string;
}

/**
 * appendAfterHead's statement, compiled once per number of rows (db/compiled.ts): it runs with
 * every change of the hall. Row k (from 1) is the head's seq + k, each a SELECT from the head that
 * finds it only if it is still the one known; the rows' hashes chain them in that order.
 */
const appendStatement = (lock: boolean) =>
  hotStatement((x, v: AppendValues) => {
    const locked = lock ? hallWriteLockRow(x) : null;
    return x
      .insertInto('audit_log')
      .columns(AUDIT_COLUMNS)
      .expression((eb) => {
        const afterHead = v.rows.map((row, k) => {
          let q = eb.selectFrom(x.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).as('head'));
          if (locked) q = q.innerJoin(locked.as('lock'), (j) => j.onTrue());
          return (
            q
              // seq from the head itself (a bare parameter would be text to PostgreSQL); the rest are text columns.
              .select((sb) => [sql<number>`head.seq + ${sql.lit(k + 1)}`.as('seq'), ...VALUE_COLUMNS.map((c) => sb.val(row[c]).as(c))])
              .where('head.seq', '=', v.knownSeq)
              .where('head.hash', '=', v.knownHash)
          );
        });
        return afterHead.reduce((all, q) => all.unionAll(q));
      });
  });
const APPEND = appendStatement(false);
const APPEND_LOCKED = appendStatement(true);

export async function writeAudit(trx: Executor, e: AuditEntry): Promise<void> {
  await writeAudits(trx, [e]);
}

/**
 * Several audit rows of one change, in this order, in one statement (a change that, say, finishes
 * one ticket and calls the next writes both rows with one round trip).
 */
export async function writeAudits(trx: Executor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const fields = entries.map(auditFields);
  // One round trip, not two: appended after the head this process knows of (appendAfterHead).
  // Under the hall's write lock nobody can come between its check and its insert; the unique
  // seq index still refuses a fork.
  const known = heads.get(trx.getExecutor().adapter);
  if (known && (await appendAfterHead(trx, fields, known, false))) return;
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const rows = chainAfter({ seq: Number(last?.seq ?? 0), hash: last?.hash ?? GENESIS_HASH }, fields);
  await trx.insertInto('audit_log').values(rows).execute();
  const head = rows.at(-1)!;
  heads.set(trx.getExecutor().adapter, { seq: head.seq, hash: head.hash });
}

/**
 * An audit row that is the whole change (the read audit): one statement, no transaction around
 * it, when this process knows the head. The statement takes the write lock while it runs, and a
 * statement on PostgreSQL reads as of its start, which may be before the lock was granted: if
 * another writer appended meanwhile, the row collides with theirs on the unique seq index and
 * fails alone (never theirs: they hold the lock until they commit). Then, or when the head has
 * moved, the row is written as every other, in a write transaction.
 */
export async function writeAuditAlone(db: Db, e: AuditEntry): Promise<void> {
  const known = heads.get(db.getExecutor().adapter);
  if (known) {
    try {
      if (await appendAfterHead(db, [auditFields(e)], known, true)) return;
    } catch {
      // Another writer came between (a duplicate seq, or SQLite's busy snapshot): as below.
    }
  }
  await writeTransaction(db, (trx) => writeAudit(trx, e));
}

const AUDIT_COLUMNS = [
  'seq',
  'id',
  'at',
  'actor_id',
  'action',
  'entity',
  'entity_id',
  'before_json',
  'after_json',
  'note',
  'prev_hash',
  'hash',
] as const;
/** The columns after seq: given as values (seq is the head's + 1). */
const VALUE_COLUMNS = AUDIT_COLUMNS.slice(1) as Exclude<(typeof AUDIT_COLUMNS)[number], 'seq'>[];

function chained(fields: ChainedFields, prevHash: string) {
  return { ...fields, prev_hash: prevHash, hash: auditRowHash(fields, prevHash) };
}

export interface ChangeRecord extends AuditEntry {
  entityId: string;
  /** The record's version after the change; the export sends id + version. */
  version: number;
  /** The full record as the district system should receive it. */
  payload: unknown;
}

export async function recordChange(trx: Executor, c: ChangeRecord): Promise<void> {
  await writeAudit(trx, c);
  await trx
    .insertInto('outbox')
    .values({
      id: newId(),
      at: c.at,
      entity: c.entity,
      entity_id: c.entityId,
      entity_version: c.version,
      op: 'upsert',
      payload_json: JSON.stringify(c.payload),
    })
    .execute();
}

export interface ChainBreak {
  seq: number;
  id: string;
  at: string;
  /** What is wrong at this row, in Chinese. */
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  /** Rows read. */
  count: number;
  /** The last row's hash: written down elsewhere, it shows later that no row was cut from the end. */
  headHash: string | null;
  broken: ChainBreak | null;
}

/**
 * Reads the whole audit log in seq order (pages of 5,000) and checks every
 * link: seq goes 1, 2, 3 … without a gap (a gap is a deleted row), each row's
 * prev_hash is the hash of the row before it, and its hash is what its fields
 * give. Stops at the first broken link.
 */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let count = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expected).orderBy('seq').limit(5000).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      const fail = (reason: string): ChainReport => ({ ok: false, count, headHash: null, broken: { seq, id: r.id, at: r.at, reason } });
      if (seq !== expected) return fail(`此前缺少第 ${expected}${seq - 1 > expected ? `–${seq - 1}` : ''} 条（记录被删除）`);
      if (r.prev_hash !== prev) return fail('前一条的哈希值不符（前一条被修改或删除）');
      if (auditRowHash({ ...r, seq }, prev) !== r.hash) return fail('本条内容与其哈希值不符（记录被修改）');
      prev = r.hash;
      expected += 1;
      count += 1;
    }
  }
  return { ok: true, count, headHash: count ? prev : null, broken: null };
}

/** The report in one line, as the admin screen and `npm run audit:verify` show it. */
export function describeChain(r: ChainReport, formatTime: (iso: string) => string): string {
  if (r.ok) return `审计链完整（${r.count} 条）`;
  const b = r.broken!;
  return `审计链在第 ${b.seq} 条断开（${formatTime(b.at)}，记录 ${b.id}）：${b.reason}；此前 ${r.count} 条完整`;
}
