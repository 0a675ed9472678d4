// A small, engine-neutral way to describe tables once, at runtime, so that the
// TypeScript row types Kysely uses are derived from the same description the
// schema guard (tests/unit/schema-guard.test.ts) checks against the migrated
// database. Type classes are those every engine we target can tell apart:
// text, integer, real, blob.
import type { Generated } from 'kysely';

export type TypeClass = 'text' | 'integer' | 'real' | 'blob';

export interface Column<T> {
  readonly type: TypeClass;
  readonly nullable: boolean;
  /** Filled in by the database (an autoincrement key); Kysely's Generated<T>. */
  readonly generated: boolean;
  /** Type-level only: the TypeScript type of the column. Never set at runtime. */
  readonly __type: T;
}

function column<T>(type: TypeClass): Column<T> {
  return { type, nullable: false, generated: false } as Column<T>;
}

export const col = {
  text: <T extends string = string>() => column<T>('text'),
  int: <T extends number = number>() => column<T>('integer'),
  real: <T extends number = number>() => column<T>('real'),
  blob: () => column<Uint8Array>('blob'),
  nullable: <T>(c: Column<T>): Column<T | null> => ({ ...c, nullable: true }) as Column<T | null>,
  generated: <T>(c: Column<T>): Column<Generated<T>> => ({ ...c, generated: true }) as unknown as Column<Generated<T>>,
};

export interface IndexDef<C extends string> {
  columns: readonly C[];
  unique?: boolean;
  /** Compared case-insensitively (SQLite COLLATE NOCASE). */
  nocase?: boolean;
  /** A partial index's condition, as written in the migration. */
  where?: string;
}

export interface TableDef<Cols extends Record<string, Column<unknown>>> {
  columns: Cols;
  primaryKey: readonly (keyof Cols & string)[];
  /** UNIQUE constraints written in the table (unnamed; SQLite names them sqlite_autoindex_*). */
  unique?: readonly (readonly (keyof Cols & string)[])[];
  /** Named indexes (CREATE INDEX). */
  indexes?: Record<string, IndexDef<keyof Cols & string>>;
  /** Foreign keys: column → 'table.column'. */
  references?: { [K in keyof Cols]?: `${string}.${string}` };
}

export function table<Cols extends Record<string, Column<unknown>>>(def: TableDef<Cols>): TableDef<Cols> {
  return def;
}

/** The row type of a described table. */
export type RowOf<T extends { columns: Record<string, Column<unknown>> }> = { [K in keyof T['columns']]: T['columns'][K]['__type'] };
