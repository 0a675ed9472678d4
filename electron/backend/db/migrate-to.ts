// Brings a store to a given migration (not necessarily the latest), in one
// transaction like openStore does. For tests that check a migration against
// rows written under the schema before it.
import {
  migratePostgres,
  migrateSqlite,
  openPostgresUnmigrated,
  openSqliteUnmigrated,
  isPostgresUrl,
  type Engine,
  type Store,
} from './connection';
import { migrationProviderFor } from './migrations';

/** Every migration's name, in order (the same for both engines; a test checks it). */
export async function migrationNames(engine: Engine = 'sqlite'): Promise<string[]> {
  return Object.keys(await migrationProviderFor(engine).getMigrations()).sort();
}

/** Opens (creating if needed) `target` (a SQLite file or a PostgreSQL URL) and migrates it up to and including `migration`. */
export async function openStoreAt(target: string, migration: string): Promise<Store> {
  const store = isPostgresUrl(target) ? await openPostgresUnmigrated(target) : openSqliteUnmigrated(target);
  try {
    await migrateTo(store, migration);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** Migrates an open store up to and including `migration`. */
export async function migrateTo(store: Store, migration: string): Promise<void> {
  try {
    if (store.engine === 'sqlite') await migrateSqlite(store, migration);
    else await migratePostgres(store, migration);
  } catch (e) {
    throw new Error(`migration to ${migration} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
