// The schema as lines of text, one fact a line ("column visits.corrected_at text null"),
// built once from the description in schema.ts and once from a migrated SQLite
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
