// A desk in its own process registering visits in a loop on the hall's SQLite
// file, for the backup test: prints `OK <visit id>` once each registration is
// confirmed (the call returned), stops when its stdin says so, exits 0.
// Usage: node --import tsx tests/support/backup-writer.ts <dataDir> <worker 1-9> <username> <password>
import { createBackend } from '../../electron/backend/backend';
import { residentId, visitInput } from './backend';

async function main() {
  const [dataDir, worker, username, password] = process.argv.slice(2) as [string, string, string, string];
  const backend = await createBackend({ dataDir });
  const session = {};
  const login = await backend.call(session, 'auth.login', { username, password });
  if (!login.ok) throw new Error(login.error.message);
  let stop = false;
  process.stdin.on('data', () => (stop = true));
  process.stdout.write('READY\n');
  for (let i = 0; !stop && i < 5000; i++) {
    // A different person each time: birth dates from 1950 on, the worker in the sequence number.
    const birth = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const r = await backend.call(
      session,
      'visits.register',
      visitInput({ idNumber: residentId('110105', birth, `00${worker}`), name: `写入${'甲乙丙丁戊己庚辛壬'[Number(worker) - 1]}` }),
    );
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    process.stdout.write(`OK ${(r.data as { id: string }).id}\n`);
    // A clerk does not save in a tight loop: a short pause lets the other writers take the lock in turn.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await backend.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
