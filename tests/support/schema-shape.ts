// The schema as lines of text, one fact a line ("column visits.corrected_at text null"),
// built once from the description in schema.ts and once from a migrated SQLite or PostgreSQL
// file, so a test can show exactly which facts differ.
import type BetterSqlite3 from 'better-sqlite3';
import type { Column, TableDef, TypeClass } from '../../electron/backend/db/describe';

export type Shape = Record<string, string[]>;

type AnyTable = TableDef<Record<string, Column<unknown>>>;

function indexLine(table: string, name: string, ix: { columns: readonly string[]; unique?: boolean; nocase?: boolean; where?: string }) {
  const flags = [ix.unique ? 'unique' : '', ix.nocase ? 'nocase' : '', ix.where ? `where ${normalise(ix.where)}` : ''].filter(Boolean);
  return `index ${name} on ${table} (${ix.columns.join(', ')})${flags.length ? ' ' + flags.join(' ') : ''}`;
}

function normalise(sqlText: string): string {
  return sqlText.replace(/\s+/g, ' ').trim();
}

/** The facts schema.ts states. */
export function describedShape(tables: Record<string, unknown>): Shape {
  const shape: Shape = {};
  for (const [name, t] of Object.entries(tables as Record<string, AnyTable>)) {
    const lines: string[] = [];
    for (const [c, d] of Object.entries(t.columns)) {
      lines.push(`column ${name}.${c} ${d.type} ${d.nullable ? 'null' : 'not null'}${d.generated ? ' generated' : ''}`);
    }
    lines.push(`primary key ${name} (${t.primaryKey.join(', ')})`);
    for (const u of t.unique ?? []) lines.push(`unique ${name} (${u.join(', ')})`);
    for (const [ix, d] of Object.entries(t.indexes ?? {})) lines.push(indexLine(name, ix, d));
    for (const [c, target] of Object.entries(t.references ?? {})) lines.push(`foreign key ${name}.${c} → ${target}`);
    shape[name] = lines.sort();
  }
  return shape;
}

/** SQLite's type affinity of a declared type (https://sqlite.org/datatype3.html §3.1), as a type class. */
export function affinity(declared: string): TypeClass | `numeric (${string})` {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (/CHAR|CLOB|TEXT/.test(t)) return 'text';
  if (t.includes('BLOB') || t === '') return 'blob';
  if (/REAL|FLOA|DOUB/.test(t)) return 'real';
  return `numeric (${declared})`;
}

/** The facts a migrated SQLite database states, ignoring Kysely's and SQLite's own tables. */
export function sqliteShape(raw: BetterSqlite3.Database): Shape {
  const shape: Shape = {};
  const tables = raw
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_migration%' ORDER BY name`,
    )
    .all() as { name: string; sql: string }[];
  for (const { name, sql } of tables) {
    const lines: string[] = [];
    const strict = (raw.prepare(`SELECT strict FROM pragma_table_list WHERE name = ?`).get(name) as { strict: number }).strict === 1;
    if (!strict) lines.push(`table ${name} is not STRICT`);
    const cols = raw.prepare(`SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as {
      name: string;
      type: string;
      nn: number;
      pk: number;
    }[];
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    // A single INTEGER PRIMARY KEY is the rowid: the database fills it in. AUTOINCREMENT keeps it from being reused.
    const rowid = pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' && /AUTOINCREMENT/i.test(sql) ? pk[0]!.name : null;
    for (const c of cols) {
      // STRICT tables refuse NULL in any primary key column, though the pragma does not say NOT NULL.
      const nullable = c.nn === 0 && !(c.pk > 0 && (strict || c.name === rowid));
      lines.push(`column ${name}.${c.name} ${affinity(c.type)} ${nullable ? 'null' : 'not null'}${c.name === rowid ? ' generated' : ''}`);
    }
    lines.push(`primary key ${name} (${pk.map((c) => c.name).join(', ')})`);

    const indexes = raw.prepare(`SELECT name, "unique" AS u, origin, partial FROM pragma_index_list(?)`).all(name) as {
      name: string;
      u: number;
      origin: 'c' | 'u' | 'pk';
      partial: number;
    }[];
    for (const ix of indexes) {
      if (ix.origin === 'pk') continue;
      const keys = raw.prepare(`SELECT name, coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno`).all(ix.name) as {
        name: string | null;
        coll: string;
      }[];
      const columns = keys.map((k) => k.name ?? '<expression>');
      if (ix.origin === 'u') {
        lines.push(`unique ${name} (${columns.join(', ')})`);
        continue;
      }
      const ixSql = (raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(ix.name) as { sql: string }).sql;
      const where = ix.partial ? /\bWHERE\b([\s\S]*)$/i.exec(ixSql)?.[1] : undefined;
      lines.push(
        indexLine(name, ix.name, { columns, unique: ix.u === 1, nocase: keys.some((k) => k.coll.toUpperCase() === 'NOCASE'), where }),
      );
    }

    const fks = raw.prepare(`SELECT "table" AS t, "from" AS f, "to" AS c FROM pragma_foreign_key_list(?)`).all(name) as {
      t: string;
      f: string;
      c: string | null;
    }[];
    for (const fk of fks) lines.push(`foreign key ${name}.${fk.f} → ${fk.t}.${fk.c ?? '<primary key>'}`);
    shape[name] = lines.sort();
  }
  return shape;
}

/** What differs, one line per fact: "- …" stated by schema.ts only, "+ …" found in the database only. */
export function shapeDiff(described: Shape, actual: Shape): string[] {
  const out: string[] = [];
  for (const t of [...new Set([...Object.keys(described), ...Object.keys(actual)])].sort()) {
    if (!(t in actual)) out.push(`- table ${t} (described in schema.ts, not created by the migrations)`);
    else if (!(t in described)) out.push(`+ table ${t} (created by the migrations, not described in schema.ts)`);
    else {
      const a = new Set(actual[t]);
      const d = new Set(described[t]);
      for (const l of described[t]!) if (!a.has(l)) out.push(`- ${l}`);
      for (const l of actual[t]!) if (!d.has(l)) out.push(`+ ${l}`);
    }
  }
  return out;
}

/** PostgreSQL's data type (information_schema.columns.data_type) as a type class. */
export function pgTypeClass(dataType: string): TypeClass | `other (${string})` {
  if (['integer', 'bigint', 'smallint'].includes(dataType)) return 'integer';
  if (['text', 'character varying', 'character'].includes(dataType)) return 'text';
  if (['double precision', 'real'].includes(dataType)) return 'real';
  if (dataType === 'bytea') return 'blob';
  return `other (${dataType})`;
}

/** PostgreSQL's rendering of a partial index's condition, back in the words the migrations use. */
export function pgCondition(expr: string): string {
  let s = expr.replace(/::text\b/g, '');
  // status = ANY (ARRAY['a', 'b'])  →  status IN ('a', 'b')
  s = s.replace(/(\w+) = ANY \(ARRAY\[([^\]]*)\]\)/g, '$1 IN ($2)');
  while (/^\(.*\)$/.test(s) && balanced(s.slice(1, -1))) s = s.slice(1, -1);
  return normalise(s);
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * The facts a migrated PostgreSQL database states (schema `public`), read from
 * information_schema and pg_catalog, ignoring Kysely's tables. An index on
 * lower(column) is the twin of SQLite's COLLATE NOCASE and reads as "nocase".
 */
export async function postgresShape(query: Query): Promise<Shape> {
  const shape: Shape = {};
  const tables = await query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_migration%' ORDER BY 1`,
  );
  for (const { name } of tables as { name: string }[]) {
    const lines: string[] = [];
    const cols = (await query(
      `SELECT column_name AS c, data_type AS t, is_nullable AS n, is_identity AS i FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [name],
    )) as { c: string; t: string; n: 'YES' | 'NO'; i: 'YES' | 'NO' }[];
    for (const c of cols)
      lines.push(`column ${name}.${c.c} ${pgTypeClass(c.t)} ${c.n === 'YES' ? 'null' : 'not null'}${c.i === 'YES' ? ' generated' : ''}`);

    const cons = (await query(
      `SELECT con.contype AS kind,
              ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS cols,
              ft.relname AS ftable,
              ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o) AS fcols
         FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid
         LEFT JOIN pg_class ft ON ft.oid = con.confrelid
        WHERE t.relname = $1 AND t.relnamespace = 'public'::regnamespace AND con.contype IN ('p', 'u', 'f')`,
      [name],
    )) as { kind: 'p' | 'u' | 'f'; cols: string[]; ftable: string | null; fcols: string[] }[];
    for (const k of cons) {
      if (k.kind === 'p') lines.push(`primary key ${name} (${k.cols.join(', ')})`);
      else if (k.kind === 'u') lines.push(`unique ${name} (${k.cols.join(', ')})`);
      else k.cols.forEach((c, i) => lines.push(`foreign key ${name}.${c} → ${k.ftable}.${k.fcols[i]}`));
    }

    // Indexes that are not a constraint's own (CREATE INDEX in a migration).
    const indexes = (await query(
      `SELECT i.relname AS name, x.indisunique AS u, pg_get_expr(x.indpred, x.indrelid) AS pred,
              ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) k ORDER BY k) AS keys
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = $1 AND t.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [name],
    )) as { name: string; u: boolean; pred: string | null; keys: string[] }[];
    for (const ix of indexes) {
      const lower = ix.keys.map((k) => /^lower\((\w+)\)$/.exec(k)?.[1]);
      lines.push(
        indexLine(name, ix.name, {
          columns: ix.keys.map((k, i) => lower[i] ?? k),
          unique: ix.u,
          nocase: lower.some(Boolean),
          where: ix.pred ? pgCondition(ix.pred) : undefined,
        }),
      );
    }
    shape[name] = lines.sort();
  }
  return shape;
}
