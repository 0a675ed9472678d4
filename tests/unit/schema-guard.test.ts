// schema.ts describes every table once; the migrations create them. This test
// migrates an empty SQLite file (and, when the suite runs on PostgreSQL, an empty
// PostgreSQL database) with the real migrations and compares them with it,
// fact by fact, so a migration without its description (or the reverse) fails here
// with the differing lines rather than at run time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, sqliteRaw, type Store } from '../../electron/backend/db/connection';
import { migrationNames } from '../../electron/backend/db/migrate-to';
import { tables } from '../../electron/backend/db/schema';
import { createTestDatabase, onPostgres } from '../support/engine';
import {
  affinity,
  describedShape,
  pgCondition,
  pgTypeClass,
  postgresShape,
  shapeDiff,
  sqliteShape,
  type Shape,
} from '../support/schema-shape';

const described = describedShape(tables);

it('both engines know the same migrations, in the same order', async () => {
  expect(await migrationNames('postgres')).toEqual(await migrationNames('sqlite'));
});

// SQLite always (a file); PostgreSQL too when the suite runs on it.
describe.each(onPostgres ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const))('schema guard on %s', (engine) => {
  let store: Store;
  let actual: Shape;
  const cleanup: (() => unknown)[] = [];
  beforeAll(async () => {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'schema-guard-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      store = await openStore(join(dir, 'hall.db'));
      actual = sqliteShape(sqliteRaw(store));
    } else {
      // An empty database, migrated from nothing (not the suite's template).
      const pgDb = await createTestDatabase(false);
      cleanup.push(() => pgDb.drop());
      store = await openStore(pgDb.url);
      const pool = store.engine === 'postgres' ? store.pool : null;
      actual = await postgresShape(async (text, params) => (await pool!.query(text, params)).rows as Record<string, unknown>[]);
    }
  });
  afterAll(async () => {
    await store?.close();
    for (const f of cleanup.reverse()) await f();
  });

  it('has the same tables, columns, keys, unique constraints, indexes and foreign keys as schema.ts', () => {
    // "- …" is stated by schema.ts only; "+ …" exists in the database only.
    expect(shapeDiff(described, actual).join('\n')).toBe('');
  });

  it('notices a difference (the guard is not vacuous)', () => {
    const tampered: Shape = { ...described, visits: described.visits!.filter((l) => !l.includes('corrected_at')) };
    expect(shapeDiff(tampered, actual)).toEqual(['+ column visits.corrected_at text null']);
  });

  it('describes every table the migrations create (and no other)', () => {
    expect(Object.keys(described).sort()).toEqual(Object.keys(actual).sort());
    expect(Object.keys(actual).length).toBeGreaterThanOrEqual(24);
  });
});

describe('schema guard: the description itself', () => {
  it('every foreign key in the description names a described column', () => {
    const missing: string[] = [];
    for (const [name, t] of Object.entries(tables)) {
      for (const [c, target] of Object.entries(t.references ?? {}) as [string, string][]) {
        const [tt, tc] = target.split('.') as [string, string];
        const to = (tables as Record<string, { columns: Record<string, unknown> }>)[tt];
        if (!to || !(tc in to.columns)) missing.push(`${name}.${c} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reads type classes from SQLite declared-type affinity', () => {
    expect(['INTEGER', 'BIGINT', 'TEXT', 'VARCHAR(10)', 'BLOB', '', 'REAL', 'DOUBLE', 'NUMERIC'].map(affinity)).toEqual([
      'integer',
      'integer',
      'text',
      'text',
      'blob',
      'blob',
      'real',
      'real',
      'numeric (NUMERIC)',
    ]);
  });

  it('reads type classes from PostgreSQL data types, and partial index conditions back in the migrations’ words', () => {
    expect(['integer', 'bigint', 'text', 'double precision', 'bytea', 'jsonb'].map(pgTypeClass)).toEqual([
      'integer',
      'integer',
      'text',
      'real',
      'blob',
      'other (jsonb)',
    ]);
    expect(pgCondition("(id_number <> ''::text)")).toBe("id_number <> ''");
    expect(pgCondition("(status = ANY (ARRAY['pending'::text, 'failed'::text]))")).toBe("status IN ('pending', 'failed')");
  });
});
