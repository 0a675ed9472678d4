// Brings a SQLite file to a given migration (not necessarily the latest), in
// one transaction like openStore does. For tests that check a migration
// against rows written under the schema before it.
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { openRaw, type Store } from './connection';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

/** Every migration's name, in order. */
export async function migrationNames(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}

/** Opens (creating if needed) `file` and migrates it up to and including `target`. */
export async function openStoreAt(file: string, target: string): Promise<Store> {
  const raw = openRaw(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrateTo(db, raw, target);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, raw, close: () => db.destroy() };
}

/** Migrates an open store up to and including `target`. */
export async function migrateTo(db: Kysely<Database>, raw: Store['raw'], target: string): Promise<void> {
  raw.exec('BEGIN IMMEDIATE');
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateTo(target);
  const failed = results?.find((r) => r.status === 'Error');
  raw.exec(error || failed ? 'ROLLBACK' : 'COMMIT');
  if (error || failed) throw new Error(`migration to ${target} failed (${failed?.migrationName ?? 'unknown'}): ${String(error)}`);
}
