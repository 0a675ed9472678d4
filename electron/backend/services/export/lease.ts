// One exporter per destination at a time, across processes. The desktop app
// and serve mode may share one database file; without this, both could resume
// the same pending batch and send it twice (harmless to an idempotent
// receiver, but confusing in the record states and the audit).
//
// A lease is (owner, until) on the destination row, taken in a write
// transaction. It may be taken over when it has expired, or at once when its
// owner was a process on this machine that no longer exists (killed, crashed):
// the next run then resumes what it left without waiting for the expiry.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Deps } from '../../context';
import { writeTransaction } from '../../db/transaction';

export const LEASE_MS = 5 * 60_000;

const HOST = hostname();

function ownerIsGone(owner: string): boolean {
  const [host, pid] = owner.split('/');
  if (host !== HOST || !pid) return false;
  // This very process: the other run is alive (two runs in one process are excluded too).
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface Lease {
  /** Extends the lease; call during long work. Resolves false if another process took it. */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export async function acquireLease(deps: Deps, destinationId: string): Promise<Lease | null> {
  // A fresh owner per run, so two runs inside one process exclude each other as well.
  const OWNER = `${HOST}/${process.pid}/${randomUUID()}`;
  const ok = await writeTransaction(deps.db, async (trx) => {
    const row = await trx
      .selectFrom('export_destinations')
      .select(['lease_owner', 'lease_until'])
      .where('id', '=', destinationId)
      .executeTakeFirst();
    if (!row) return false;
    const now = deps.now();
    const free = !row.lease_owner || !row.lease_until || row.lease_until <= now.toISOString() || ownerIsGone(row.lease_owner);
    if (!free) return false;
    await trx
      .updateTable('export_destinations')
      .set({ lease_owner: OWNER, lease_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', destinationId)
      .execute();
    return true;
  });
  if (!ok) return null;
  return {
    async renew() {
      const r = await deps.db
        .updateTable('export_destinations')
        .set({ lease_until: new Date(deps.now().getTime() + LEASE_MS).toISOString() })
        .where('id', '=', destinationId)
        .where('lease_owner', '=', OWNER)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async release() {
      await deps.db
        .updateTable('export_destinations')
        .set({ lease_owner: null, lease_until: null })
        .where('id', '=', destinationId)
        .where('lease_owner', '=', OWNER)
        .execute();
    },
  };
}
