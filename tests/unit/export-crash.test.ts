// The process is killed in the middle of an export. A child process runs the
// export against a real HTTP server on 127.0.0.1; the server applies the
// second part and holds its answer; the child is killed with SIGKILL while it
// waits. The next run, here in the parent, must finish the same batch — the
// held part resent with the same Idempotency-Key, the rest sent — so that
// every record is acknowledged and none is applied twice.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../electron/backend/services/export/runner';
import { listFailures } from '../../electron/backend/services/export/status';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { startDistrictServer, type DistrictServer } from '../support/district-server';
import { addHttp } from '../support/export';

let hall: TestHall;
let clerk: Client;
let server: DistrictServer;

useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
  server = await startDistrictServer({ script: ['ok', 'hold'] });
  hall.defer(() => server.close());
});

describe('export killed mid-send', () => {
  it('is completed by the next run: every record acknowledged, none applied twice', { timeout: 60_000 }, async () => {
    for (let i = 0; i < 7; i++) {
      await clerk.call(
        'visits.register',
        visitInput({ idNumber: residentId('110105', '19700101', String(200 + i)), name: `来访人${'甲乙丙丁戊己庚'[i]}` }),
      );
    }
    const dest = await addHttp(hall, server.url, server.token, { partSize: 4, timeoutMs: 60_000, retries: 0 });
    const db = hall.backend.deps.db;
    const total = Number(
      (
        await db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(total).toBeGreaterThan(8); // at least three parts of four

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../support/export-process.ts'), hall.dir, hall.clock.now.toISOString()],
      {
        cwd: join(__dirname, '../..'),
        // the hall's own database, whichever engine the suite runs on
        env: { ...process.env, PETITION_HALL_DATABASE_URL: hall.database },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit');
    await Promise.race([server.held, exited.then(() => Promise.reject(new Error(`export process ended early: ${stderr}`)))]);
    child.kill('SIGKILL');
    const [, signal] = (await exited) as [number | null, string | null];
    expect(signal).toBe('SIGKILL');

    // What the kill left: one batch, pending, its first part acknowledged, the second applied by the district but unanswered.
    const left = await db.selectFrom('export_batches').selectAll().execute();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ status: 'pending', parts_done: 1 });
    expect(server.applied.size).toBe(8);
    const states = await db.selectFrom('export_record_states').select(['state']).where('destination_id', '=', dest.id).execute();
    expect(states.filter((s) => s.state === 'acknowledged')).toHaveLength(4);
    expect(states.filter((s) => s.state === 'sending')).toHaveLength(total - 4);

    const r = await runExport(hall.backend.deps, { dataDir: hall.dir, actorId: null });
    expect(r.destinations[0]!.batches).toEqual([expect.objectContaining({ batchId: left[0]!.id, status: 'acknowledged', records: total })]);
    expect(server.requests.map((q) => [q.part, q.action])).toEqual([
      [1, 'ok'],
      [2, 'hold'],
      [2, 'replay'],
      ...Array.from({ length: Math.ceil(total / 4) - 2 }, (_, i) => [i + 3, 'ok']),
    ]);
    expect(server.applied.size).toBe(total);
    expect(server.duplicates).toBe(0);
    expect(server.invalid).toEqual([]);
    const after = await db.selectFrom('export_record_states').selectAll().where('destination_id', '=', dest.id).execute();
    expect(after).toHaveLength(total);
    for (const s of after) {
      expect(s.state).toBe('acknowledged');
      expect(s.district_id).toBe(server.applied.get(`${s.entity}/${s.entity_id}/${s.entity_version}`));
    }
    expect(await db.selectFrom('export_batches').select('id').execute()).toHaveLength(1);
    expect(await listFailures(hall.backend.deps, dest.id)).toEqual([]);
    // Nothing left: a further run sends nothing.
    expect((await runExport(hall.backend.deps, { dataDir: hall.dir, actorId: null })).destinations[0]!.batches).toEqual([]);
  });
});
