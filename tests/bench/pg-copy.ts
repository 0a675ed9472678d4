// The generated district in PostgreSQL: the SQLite file generate.ts writes is
// copied, table by table, into a fresh PostgreSQL database that the real
// migrations have created (openStore), so both engines hold the same rows.
// Rows go in batches of 5,000 as one JSON parameter expanded by
// json_populate_recordset (one round trip per batch, types converted by the
// server from the table's own column types); parents before children (the
// foreign keys of schema.ts), each table in rowid order (a ticket carried from
// another comes after it). Identity sequences are moved past the copied values,
// then VACUUM ANALYZE: without the VACUUM the visibility map is empty and every
// index-only scan of the statistics still visits the heap (the year's calls
// query took 3.1 s on the 1M copy). Rows the migrations seed are replaced by the file's.
// The whole copy runs with session_replication_role = replica (a superuser's
// setting on this throwaway benchmark database, never the app's): foreign keys
// and the audit log's triggers are not checked row by row, because the rows come
// from a file whose own foreign keys and audit chain already hold.
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
    await dst.query('VACUUM (ANALYZE)');
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
 * What the copy was made from: the file's migrations and the rows the benchmarks
 * count (not its mtime: logging in to measure writes sessions and audit rows).
 */
function sourceMark(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const r = db
      .prepare(
        `SELECT (SELECT max(name) FROM kysely_migration) AS m, (SELECT count(*) FROM visits) AS v,
                (SELECT max(id) FROM visits) AS vmax, (SELECT count(*) FROM matters) AS mt, (SELECT count(*) FROM tickets) AS t`,
      )
      .get() as Record<string, unknown>;
    return `copy of ${file}: ${Object.entries(r)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ')}`;
  } finally {
    db.close();
  }
}

async function databaseComment(server: string, name: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    const r = await c.query<{ c: string | null }>('SELECT shobj_description(oid, $2) AS c FROM pg_database WHERE datname = $1', [
      name,
      'pg_database',
    ]);
    return r.rows[0]?.c ?? null;
  } finally {
    await c.end();
  }
}

/**
 * A database `name` on `server` holding the district file of `dir`: what both engine
 * benchmarks measure PostgreSQL on. Made fresh (replaced if it exists), unless
 * `reuse` and the database is marked as a finished copy of the same, unchanged
 * file (a read-only benchmark on a kept server then skips the half-hour copy of 1M).
 */
export async function districtOnPostgres(
  server: string,
  dir: string,
  name: string,
  opts: { reuse?: boolean } = {},
): Promise<{ url: string; ms: number }> {
  const file = join(dir, DB_FILE_NAME);
  const mark = sourceMark(file);
  if (opts.reuse && (await databaseComment(server, name)) === mark) {
    console.log(`Reusing ${name}, a finished copy of ${file}.`);
    return { url: withDatabase(server, name), ms: 0 };
  }
  await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(server, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const url = withDatabase(server, name);
  console.log(`Copying ${join(dir, DB_FILE_NAME)} into PostgreSQL (${name}) …`);
  const copied = await copyToPostgres(join(dir, DB_FILE_NAME), url);
  console.log(`  ${copied.rows.toLocaleString('en')} rows in ${(copied.ms / 1000).toFixed(1)} s`);
  await adminQuery(server, `COMMENT ON DATABASE ${name} IS '${mark.replace(/'/g, "''")}'`);
  return { url, ms: copied.ms };
}
