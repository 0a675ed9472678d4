// The generated district in PostgreSQL: the SQLite file generate.ts writes is
// copied, table by table, into a fresh PostgreSQL database that the real
// migrations have created (openStore), so both engines hold the same rows.
// Rows go in batches of 5,000 as one JSON parameter expanded by
// json_populate_recordset (one round trip per batch, types converted by the
// server from the table's own column types); parents before children (the
// foreign keys of schema.ts), each table in rowid order (a ticket carried from
// another comes after it). Identity sequences are moved past the copied values,
// then ANALYZE. Rows the migrations seed are replaced by the file's.
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../electron/backend/db/connection';
import { tables } from '../../electron/backend/db/schema';
import { join } from 'node:path';
import { DB_FILE_NAME } from '../../electron/backend/backend';
import { adminQuery, withDatabase } from '../support/engine';

const BATCH = 5_000;

type Described = { columns: Record<string, { generated: boolean }>; references?: Record<string, string | undefined> };

/** Table names with every table after the tables it references (self-references aside). */
function parentsFirst(): string[] {
  const all = tables as unknown as Record<string, Described>;
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (name: string) => {
    if (done.has(name)) return;
    done.add(name);
    for (const ref of Object.values(all[name]!.references ?? {})) {
      const parent = ref!.split('.')[0]!;
      if (parent !== name && parent in all) visit(parent);
    }
    order.push(name);
  };
  for (const name of Object.keys(all)) visit(name);
  return order;
}

/** bytea takes '\\x…' hex text; JSON cannot hold a bigint. */
function toJson(row: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    if (Buffer.isBuffer(v)) row[k] = `\\x${v.toString('hex')}`;
    else if (typeof v === 'bigint') row[k] = v.toString();
  }
  return row;
}

/**
 * Copies every table of `sqliteFile` into the empty database at `url` (created
 * by the caller; migrated here). Returns rows copied and milliseconds.
 */
export async function copyToPostgres(
  sqliteFile: string,
  url: string,
  onTable?: (table: string, rows: number) => void,
): Promise<{ rows: number; ms: number }> {
  const t0 = Date.now();
  const store = await openStore(url);
  await store.close();
  const src = new BetterSqlite3(sqliteFile, { readonly: true, fileMustExist: true });
  const dst = new pg.Client({ connectionString: url });
  await dst.connect();
  let total = 0;
  try {
    await dst.query('BEGIN');
    const all = tables as unknown as Record<string, Described>;
    // The migrations seed some rows (lanes, desks, settings); the file's own replace them. The audit
    // log refuses TRUNCATE (0014): this throwaway benchmark database lifts its triggers for that one
    // statement (a superuser's session_replication_role), never the app.
    await dst.query('SET LOCAL session_replication_role = replica');
    await dst.query(
      `TRUNCATE ${Object.keys(all)
        .map((t) => `"${t}"`)
        .join(', ')} RESTART IDENTITY`,
    );
    await dst.query('SET LOCAL session_replication_role = origin');
    for (const name of parentsFirst()) {
      const cols = Object.keys(all[name]!.columns);
      const list = cols.map((c) => `"${c}"`).join(', ');
      const insert = `INSERT INTO "${name}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${name}", $1)`;
      const rows = src.prepare(`SELECT ${list} FROM "${name}" ORDER BY rowid`).iterate() as IterableIterator<Record<string, unknown>>;
      let batch: Record<string, unknown>[] = [];
      let n = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await dst.query(insert, [JSON.stringify(batch)]);
        n += batch.length;
        batch = [];
      };
      for (const row of rows) {
        batch.push(toJson(row));
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      for (const [c, d] of Object.entries(all[name]!.columns))
        if (d.generated && n > 0)
          await dst.query(`SELECT setval(pg_get_serial_sequence('"${name}"', '${c}'), (SELECT max("${c}") FROM "${name}"))`);
      total += n;
      onTable?.(name, n);
    }
    await dst.query('COMMIT');
    await dst.query('ANALYZE');
  } catch (e) {
    await dst.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await dst.end();
    src.close();
  }
  return { rows: total, ms: Date.now() - t0 };
}

/**
 * A fresh database `name` on `server` holding the district file of `dir` (replaced if it exists):
 * what both engine benchmarks measure PostgreSQL on.
 */
export async function districtOnPostgres(server: string, dir: string, name: string): Promise<{ url: string; ms: number }> {
  await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(server, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const url = withDatabase(server, name);
  console.log(`Copying ${join(dir, DB_FILE_NAME)} into PostgreSQL (${name}) …`);
  const copied = await copyToPostgres(join(dir, DB_FILE_NAME), url);
  console.log(`  ${copied.rows.toLocaleString('en')} rows in ${(copied.ms / 1000).toFixed(1)} s`);
  return { url, ms: copied.ms };
}
