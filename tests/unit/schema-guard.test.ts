// schema.ts describes every table once; the migrations create them. This test
// migrates an empty file with the real migrations and compares the two, fact by
// fact, so a migration without its description (or the reverse) fails here
// with the differing lines rather than at run time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, sqliteRaw, type Store } from '../../electron/backend/db/connection';
import { tables } from '../../electron/backend/db/schema';
import { affinity, describedShape, shapeDiff, sqliteShape, type Shape } from '../support/schema-shape';

let dir: string;
let store: Store;
let actual: Shape;
const described = describedShape(tables);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'schema-guard-'));
  store = await openStore(join(dir, 'hall.db'));
  actual = sqliteShape(sqliteRaw(store));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('schema guard: schema.ts matches the migrated database', () => {
  it('has the same tables, columns, keys, unique constraints, indexes and foreign keys', () => {
    // "- …" is stated by schema.ts only; "+ …" exists in the database only.
    expect(shapeDiff(described, actual).join('\n')).toBe('');
  });

  it('describes every table the migrations create (and no other)', () => {
    expect(Object.keys(described).sort()).toEqual(Object.keys(actual).sort());
    expect(Object.keys(actual).length).toBeGreaterThanOrEqual(24);
  });

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

  it('notices a difference (the guard is not vacuous)', () => {
    const tampered: Shape = { ...described, visits: described.visits!.filter((l) => !l.includes('corrected_at')) };
    expect(shapeDiff(tampered, actual)).toEqual(['+ column visits.corrected_at text null']);
    expect(shapeDiff({ ...described, ghosts: [] }, actual)).toEqual([
      '- table ghosts (described in schema.ts, not created by the migrations)',
    ]);
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
});
