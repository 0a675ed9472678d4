// Which engine the suite runs on, and a fresh PostgreSQL database per hall.
//
//   PETITION_HALL_TEST_DB=postgres   run every backend test on PostgreSQL
//   PETITION_HALL_TEST_PG_URL=postgres://user@host:port/postgres
//                                    the cluster (any database the user may CREATE DATABASE from);
//                                    without it, tests/support/pg-global-setup.ts starts a throwaway cluster
//
// Each hall gets CREATE DATABASE hall_test_<random> TEMPLATE <migrated template>
// (made once per run by the global setup, so a hall costs a file copy, not ten
// migrations), dropped when the hall closes.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type TestEngine = 'sqlite' | 'postgres';

export const TEST_ENGINE: TestEngine = process.env.PETITION_HALL_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = TEST_ENGINE === 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgClusterUrl: string;
    pgTemplate: string;
  }
}

/**
 * The cluster URL and the migrated template database (set by the global setup).
 * Vitest is imported here only, lazily: child processes (desk-process.ts) import
 * this module's neighbours outside Vitest.
 */
export async function pgCluster(): Promise<{ url: string; template: string }> {
  const { inject } = await import('vitest');
  return { url: inject('pgClusterUrl'), template: inject('pgTemplate') };
}

/** `url` with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(clusterUrl: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: clusterUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** A fresh database: a copy of the migrated template, or empty; `drop` removes it. */
export async function createTestDatabase(fromTemplate = true): Promise<{ url: string; drop(): Promise<void> }> {
  const { url: cluster, template: migrated } = await pgCluster();
  const template = fromTemplate ? migrated : null;
  const name = `hall_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(
    cluster,
    `CREATE DATABASE ${name} TEMPLATE ${template ?? 'template0'} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  return {
    url: withDatabase(cluster, name),
    drop: () => adminQuery(cluster, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
