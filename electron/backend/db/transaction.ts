import { sql } from 'kysely';
import type { Db, Executor } from './connection';

/**
 * A write transaction that takes SQLite's write lock at BEGIN (IMMEDIATE), so
 * that two processes on the same file (the desktop app and serve mode, or two
 * desks) queue for the lock instead of one failing with SQLITE_BUSY halfway
 * through a read-then-write. Everything inside commits or rolls back together.
 */
export async function writeTransaction<T>(db: Db, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
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
