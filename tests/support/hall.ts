// The per-file test setup every backend test shares.
import { afterEach, beforeEach } from 'vitest';
import { openHall, type TestHall } from './backend';

/**
 * A fresh hall for every test of the file: opened before each test (then
 * `setup` runs: log users in, subscribe, start servers with `hall.defer` for
 * their shutdown), closed after it with everything deferred. Assign what the
 * tests use inside `setup`:
 *
 *   let hall: TestHall;
 *   let clerk: Client;
 *   useHall(async (h) => {
 *     hall = h;
 *     clerk = await h.as('clerk');
 *   });
 */
export function useHall(setup: (hall: TestHall) => unknown, opts: { start?: Date } = {}): void {
  let current: TestHall | null = null;
  beforeEach(async () => {
    current = await openHall(opts);
    await setup(current);
  });
  afterEach(async () => {
    const h = current;
    current = null;
    await h?.close();
  });
}
