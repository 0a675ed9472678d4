// Statements compiled once and run with new values (db/compiled.ts), on the engine of the run:
// each run gives the rows the same statement built anew gives, a list of another length or a
// null value gets its own compilation, and a builder that computes with a value is refused at
// its first run instead of running with a wrong parameter.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { hotStatement } from '../../electron/backend/db/compiled';
import type { TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
useHall((h) => {
  hall = h;
});

const db = () => hall.backend.store.db;

describe('hot statements', () => {
  it('build once per shape and return, for each set of values, what the statement built anew returns', async () => {
    let builds = 0;
    const lanesOf = hotStatement((x, v: { prefixes: string[]; active: number }) => {
      builds++;
      return x
        .selectFrom('lanes')
        .select(['prefix', 'name'])
        .where('prefix', 'in', v.prefixes)
        .where('active', '=', v.active)
        .orderBy('prefix');
    });
    const anew = (prefixes: string[], active: number) =>
      db()
        .selectFrom('lanes')
        .select(['prefix', 'name'])
        .where('prefix', 'in', prefixes)
        .where('active', '=', active)
        .orderBy('prefix')
        .execute();
    for (const [prefixes, active] of [
      [['A', 'B'], 1],
      [['B', 'C'], 1],
      [['A', 'C'], 0],
      [['A'], 1],
      [['C'], 1],
      [['A', 'B', 'C'], 1],
    ] as const) {
      const rows = await lanesOf.rows(db(), { prefixes: [...prefixes], active });
      expect(rows).toEqual(await anew([...prefixes], active));
    }
    // Three list lengths: three compilations for six runs.
    expect(builds).toBe(3);
    expect((await lanesOf.rows(db(), { prefixes: ['A', 'B'], active: 1 })).map((r) => r.prefix)).toEqual(['A', 'B']);
    expect(builds).toBe(3);
  });

  it('a null value is part of the shape: its statement says IS NULL where the builder says so', async () => {
    const byRoom = hotStatement((x, v: { roomId: string | null }) =>
      x
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => (v.roomId === null ? eb('room_id', 'is', null) : eb('room_id', '=', v.roomId))),
    );
    const clerk = await hall.as('clerk');
    const lane = (await db().selectFrom('lanes').select('id').where('prefix', '=', 'A').executeTakeFirstOrThrow()).id;
    await clerk.call('queue.issue', { laneId: lane, priority: null });
    expect(Number((await byRoom.first(db(), { roomId: null }))?.n)).toBe(1);
    expect(Number((await byRoom.first(db(), { roomId: 'no-such-room' }))?.n)).toBe(0);
    expect(Number((await byRoom.first(db(), { roomId: null }))?.n)).toBe(1);
  });

  it('affected counts the rows an UPDATE touched, and runs inside the caller’s transaction', async () => {
    const rename = hotStatement((x, v: { name: string; prefix: string }) =>
      x.updateTable('lanes').set({ name: v.name }).where('prefix', '=', v.prefix),
    );
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          expect(await rename.affected(trx, { name: '改名', prefix: 'A' })).toBe(1);
          expect(await rename.affected(trx, { name: '改名', prefix: 'nobody' })).toBe(0);
          throw new Error('roll back');
        }),
    ).rejects.toThrow('roll back');
    const a = await db().selectFrom('lanes').select('name').where('prefix', '=', 'A').executeTakeFirstOrThrow();
    expect(a.name).not.toBe('改名');
  });

  it('a list of records is a list of rows: each field a value, the number of rows part of the shape', async () => {
    let builds = 0;
    const put = hotStatement((x, v: { rows: { key: string; value_json: string; updated_at: string }[] }) => {
      builds++;
      return x.insertInto('settings').values(v.rows);
    });
    const row = (k: string, n: number) => ({
      key: `probe.${k}`,
      value_json: JSON.stringify({ n }),
      updated_at: '2026-11-24T01:00:00.000Z',
    });
    expect(await put.affected(db(), { rows: [row('a', 1), row('b', 2)] })).toBe(2);
    expect(await put.affected(db(), { rows: [row('c', 3), row('d', 4)] })).toBe(2);
    expect(await put.affected(db(), { rows: [row('e', 5)] })).toBe(1);
    expect(builds).toBe(2);
    const stored = await db().selectFrom('settings').select(['key', 'value_json']).where('key', 'like', 'probe.%').orderBy('key').execute();
    expect(stored.map((r) => [r.key, JSON.parse(r.value_json).n])).toEqual([
      ['probe.a', 1],
      ['probe.b', 2],
      ['probe.c', 3],
      ['probe.d', 4],
      ['probe.e', 5],
    ]);
  });

  it('refuses, at its first run, a builder that computes with a value instead of passing it on, or never uses one', async () => {
    const computed = hotStatement((x, v: { number: number }) =>
      x
        .selectFrom('lanes')
        .select('prefix')
        .where(sql<boolean>`1 = 1`)
        .limit(v.number + 1),
    );
    await expect(computed.rows(db(), { number: 1 })).rejects.toThrow(/"number" did not reach the statement/);
    const embedded = hotStatement((x, v: { prefix: string }) =>
      x
        .selectFrom('lanes')
        .select('prefix')
        .where(sql<boolean>`prefix = ${sql.lit(String(v.prefix))}`),
    );
    await expect(embedded.rows(db(), { prefix: 'A' })).rejects.toThrow(/"prefix" did not reach the statement/);
    // A value given but never used: the caller meant something the statement does not do.
    const unused = hotStatement((x, v: { prefix: string; active: number }) =>
      x.selectFrom('lanes').select('prefix').where('prefix', '=', v.prefix),
    );
    await expect(unused.rows(db(), { prefix: 'A', active: 1 })).rejects.toThrow(/"active" did not reach the statement/);
  });
});
