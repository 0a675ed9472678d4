// Hot statements built and compiled by Kysely once, then run with new values.
//
// Kysely builds a query as a tree of frozen objects and compiles the tree to SQL on every call.
// That is cheap once, but not on the calls a hall makes all day: on PostgreSQL, call-next spent
// about 0.75 ms of its 4.4 ms (median, 100k district) in Kysely's builders and compiler — more
// than any one of its statements takes on the server (bench:statements --profile). The SQL of a
// statement is the same on every call; only its values change. So a hot statement is written as
// a function of named values, built once per database with a placeholder for each value,
// compiled, and afterwards only the parameter list is made anew.
//
// The rule for the builder: it passes every value straight into Kysely (as a compared, inserted
// or set value), never computes with it or branches on it. A value computed from a placeholder
// would not be found among the compiled parameters: that fails at the first call, loudly, as does
// a value given but never used (pass each statement only the values it takes).
// What may change the SQL is part of the statement's shape, which gets its own compilation: the
// length of a list (Kysely writes `in ($1, $2)` for two) and whether a value is null or absent
// (the builder may say `is null` then); those are passed as they are, not as placeholders. A list
// may hold records (rows to insert): each field of each record is a value of its own.
import { createQueryId, type Compilable, type CompiledQuery } from 'kysely';
import type { Executor } from './connection';

type Values = Record<string, unknown>;

/** Compilations kept per statement and database; a statement run with more shapes compiles the rest each time. */
const MAX_SHAPES = 64;

/** Stands for one value (or one element of a list, or one field of a record in a list) while the statement is built. */
class Slot {
  constructor(
    readonly key: string,
    readonly index: number | null,
    readonly field: string | null,
  ) {}
}

interface Compiled {
  query: CompiledQuery;
  /** For each compiled parameter: where its value comes from (key, list index, record field), or null if it is constant. */
  from: (Slot | null)[];
}

export interface HotStatement<P extends object, R> {
  /** Every row. */
  rows(x: Executor, values: P): Promise<R[]>;
  /** The first row, if any. */
  first(x: Executor, values: P): Promise<R | undefined>;
  /** How many rows an INSERT, UPDATE or DELETE touched. */
  affected(x: Executor, values: P): Promise<number>;
}

const isPlain = (v: unknown) => v !== null && v !== undefined;
/** A row in a list of rows (not a Date or bytes, which are single values). */
const isRecord = (v: unknown): v is Values =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
const mark = (v: unknown) => (v === null ? '=null' : v === undefined ? '=undef' : '');

/** What changes the SQL: the keys, each list's length (and its records' fields), and which values are null or absent. */
function shapeOf(values: Values): string {
  return Object.keys(values)
    .sort()
    .map((k) => {
      const v = values[k];
      if (!Array.isArray(v)) return k + mark(v);
      const items = v.map((e) =>
        isRecord(e)
          ? `{${Object.keys(e)
              .sort()
              .map((f) => f + mark(e[f]))
              .join(';')}}`
          : mark(e),
      );
      return `${k}[${items.join(',')}]`;
    })
    .join(',');
}

/** The values with a Slot in place of each one the statement must take as a parameter. */
function slotsOf(values: Values): { slots: Values; count: Map<string, number> } {
  const count = new Map<string, number>();
  const slot = (key: string, index: number | null, field: string | null, v: unknown) => {
    if (!isPlain(v)) return v;
    count.set(key, (count.get(key) ?? 0) + 1);
    return new Slot(key, index, field);
  };
  const slots: Values = {};
  for (const [k, v] of Object.entries(values))
    slots[k] = Array.isArray(v)
      ? v.map((e, i) =>
          isRecord(e) ? Object.fromEntries(Object.entries(e).map(([f, fv]) => [f, slot(k, i, f, fv)])) : slot(k, i, null, e),
        )
      : slot(k, null, null, v);
  return { slots, count };
}

function valueAt(values: Values, s: Slot): unknown {
  const v = values[s.key];
  if (s.index === null) return v;
  const e = (v as unknown[])[s.index];
  return s.field === null ? e : (e as Values)[s.field];
}

export function hotStatement<P extends object, R>(build: (x: Executor, values: P) => Compilable<R>): HotStatement<P, R> {
  // Per database (a Kysely adapter per engine: the SQL differs), per shape.
  const byDb = new WeakMap<object, Map<string, Compiled>>();

  function compiledFor(x: Executor, values: P): Compiled {
    const adapter = x.getExecutor().adapter;
    let shapes = byDb.get(adapter);
    if (!shapes) byDb.set(adapter, (shapes = new Map()));
    const shape = shapeOf(values as Values);
    let c = shapes.get(shape);
    if (c) return c;
    const { slots, count } = slotsOf(values as Values);
    const query = build(x, slots as P).compile();
    const from = query.parameters.map((p) => (p instanceof Slot ? p : null));
    for (const [k, expected] of count)
      if (from.filter((s) => s?.key === k).length < expected || query.sql.includes('[object Object]'))
        throw new Error(`hotStatement: the value "${k}" did not reach the statement as a parameter (computed or branched on?)`);
    c = { query, from };
    if (shapes.size < MAX_SHAPES) shapes.set(shape, c);
    return c;
  }

  function run(x: Executor, values: P) {
    const { query, from } = compiledFor(x, values);
    const parameters = query.parameters.map((p, i) => {
      const s = from[i];
      return s ? valueAt(values as Values, s) : p;
    });
    return x.executeQuery<R>({ ...query, parameters, queryId: createQueryId() });
  }

  return {
    rows: async (x, values) => (await run(x, values)).rows,
    first: async (x, values) => (await run(x, values)).rows[0],
    affected: async (x, values) => Number((await run(x, values)).numAffectedRows ?? 0),
  };
}
