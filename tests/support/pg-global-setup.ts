// Vitest global setup. On PostgreSQL (PETITION_HALL_TEST_DB=postgres): uses the
// cluster at PETITION_HALL_TEST_PG_URL or starts a throwaway one, and migrates a
// template database once per run that every hall's database is copied from.
// On SQLite it does nothing.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openStore } from '../../electron/backend/db/connection';
import { adminQuery, withDatabase } from './engine';
import { startCluster, type Cluster } from './pg-cluster';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.PETITION_HALL_TEST_DB !== 'postgres') return;
  let cluster: Cluster | null = null;
  let url = process.env.PETITION_HALL_TEST_PG_URL;
  if (!url) {
    cluster = await startCluster();
    url = cluster.url;
  }
  const template = `hall_tpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${template} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const store = await openStore(withDatabase(url, template));
  await store.close();
  project.provide('pgClusterUrl', url);
  project.provide('pgTemplate', template);
  return async () => {
    try {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      cluster?.stop();
    }
  };
}
