import { sql } from 'kysely';
import type { Db, Executor } from './connection';
import { beginWrite } from './dialect';

/**
 * A write transaction, serialized against every other write transaction of the
 * hall: everything inside commits or rolls back together, and nothing another
 * writer does can come between its reads and its writes.
 *
 * SQLite: BEGIN IMMEDIATE takes the file's write lock at BEGIN, so two
 * processes on the same file (the desktop app and serve mode, or two desks)
 * queue for the lock instead of one failing with SQLITE_BUSY halfway through a
 * read-then-write.
 *
 * PostgreSQL: BEGIN, then pg_advisory_xact_lock(HALL_WRITE_LOCK), one constant
 * key for the hall, held until COMMIT/ROLLBACK. Writers on any connection of any
 * process on any machine then run one at a time, exactly as under SQLite's
 * write lock; the services' read-then-write code (call-next picks the first
 * waiting ticket and marks it called; daily visit and ticket numbers; room
 * bookings' positions; export batch claims and the export lease) was written
 * for, and tested under, that guarantee, so it stays correct unchanged. Each
 * statement under READ COMMITTED sees every transaction committed before it,
 * and every earlier writer committed before we got the lock.
 * Why not row locks (FOR UPDATE SKIP LOCKED) or SERIALIZABLE with retry: both
 * are finer-grained but must be designed per service and every new
 * read-then-write must remember them; a missed one is a duplicate ticket call
 * in production. A hall writes a few times a second at most, each transaction
 * takes milliseconds, so one writer at a time costs nothing measurable, and
 * readers (screens, lists) never wait for it. Nothing can deadlock on this lock
 * (it is the only one taken first), and it is released by the server if the
 * process or the connection dies.
 */
export async function writeTransaction<T>(db: Db, fn: (trx: Executor) => Promise<T>): Promise<T> {
  // Inside a whole-call transaction (below), a service's write joins it: one commit for the call.
  if (joinable.has(db)) return fn(db);
  return inWriteTransaction(db, fn);
}

/** Connections of open whole-call transactions: writeTransaction on them joins instead of beginning. */
const joinable = new WeakSet<Db>();

/**
 * One write transaction around a whole API call (an idempotent call: its writes and its
 * idempotency key commit together). `fn` gets the transaction's connection as a Db: the
 * services it calls use it for every read and write, and their writeTransaction joins it.
 */
export async function callTransaction<T>(db: Db, fn: (conn: Db) => Promise<T>): Promise<T> {
  return inWriteTransaction(db, async (conn) => {
    joinable.add(conn);
    try {
      return await fn(conn);
    } finally {
      joinable.delete(conn);
    }
  });
}

/** BEGIN (taking the hall's write lock) on one connection, `fn`, then COMMIT, or ROLLBACK if it throws. */
function inWriteTransaction<T>(db: Db, fn: (conn: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await beginWrite(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (e) {
      await sql`ROLLBACK`.execute(conn);
      throw e;
    }
  });
}
