import { describe, expect, it } from 'vitest';
import { registerVisit } from '../../electron/backend/services/visits';
import { registerVisitInput } from '@shared/api/schemas/visits';
import { visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
});

async function counts() {
  const db = hall.backend.deps.db;
  const n = async (t: 'visits' | 'petitioners' | 'matters' | 'audit_log' | 'outbox' | 'daily_counters') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    visits: await n('visits'),
    petitioners: await n('petitioners'),
    matters: await n('matters'),
    audit: await n('audit_log'),
    outbox: await n('outbox'),
    counters: await n('daily_counters'),
  };
}

describe('a change, its audit entry and its outbox entry land together or not at all', () => {
  it('a failure late in a registration leaves no person, matter, visit, audit, outbox or used number', async () => {
    const before = await counts();
    // Bypass zod (as a bug would) so the database refuses the representative row
    // after the person, matter, visit and their audit/outbox rows were written.
    const input = registerVisitInput.parse(
      visitInput({ peopleCount: 5, representatives: [{ name: '代表甲', idType: 'resident', idNumber: '', phone: '' }] }),
    );
    input.representatives[0]!.name = '';
    const actor = { id: (await clerk.call('auth.me', {}))!.id, role: 'clerk' as const, displayName: '测试' };
    await expect(registerVisit(hall.backend.deps, actor, input)).rejects.toThrow(/CHECK constraint|violates check constraint/); // SQLite's words, PostgreSQL's;
    expect(await counts()).toEqual(before);
    // The visit number was not consumed either.
    expect((await clerk.call('visits.register', visitInput())).visitNo).toBe('LF20261124-0001');
  });

  it('an error reported through the API is a Chinese message and nothing is kept', async () => {
    const before = await counts();
    const err = await clerk.fail('visits.register', { ...visitInput(), peopleCount: 'many' });
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.peopleCount).toBeTruthy();
    expect(await counts()).toEqual(before);
  });
});
