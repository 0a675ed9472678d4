// Where SQL must differ between SQLite and PostgreSQL, the difference lives
// here, as a named function; services and queries call these and never ask
// which engine they run on.
import { PostgresAdapter, sql } from 'kysely';
import type { Engine, Executor } from './connection';

/** The engine behind a database or transaction (from Kysely's adapter, so nothing needs passing along). */
export function engineOf(db: Executor): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * One constant key for PostgreSQL's transaction-level advisory lock that
 * serializes the hall's write transactions (see transaction.ts). Any 64-bit
 * number works as long as every process of every version uses the same one:
 * this is 'PHALL' in ASCII.
 */
export const HALL_WRITE_LOCK = 0x504841_4c4c;

/** Opens a write transaction on `conn` (a single connection), serialized against every other writer. */
export async function beginWrite(conn: Executor): Promise<void> {
  if (engineOf(conn) === 'postgres') {
    // One round trip: a text without parameters goes by the simple query protocol, which runs
    // both statements in order (the lock is taken inside the transaction just begun).
    await sql`BEGIN; SELECT pg_advisory_xact_lock(${sql.lit(HALL_WRITE_LOCK)})`.execute(conn);
  } else {
    await sql`BEGIN IMMEDIATE`.execute(conn);
  }
}

/**
 * A one-row query that takes the hall's write lock (PostgreSQL: the advisory lock, held to the
 * end of the statement's transaction), to join into a single statement that writes outside a
 * write transaction; null on SQLite, where the write itself takes the file's lock.
 */
export function hallWriteLockRow(db: Executor) {
  if (engineOf(db) !== 'postgres') return null;
  return db.selectNoFrom(sql<unknown>`pg_advisory_xact_lock(${sql.lit(HALL_WRITE_LOCK)})`.as('locked'));
}
