// A desk in its own process: opens the hall's database with its own
// connection(s) (the SQLite file in <dataDir>, or PETITION_HALL_DATABASE_URL
// as the parent sets it) and, once told to go, either
//   call      calls next at desk <arg> until nobody waits, or
//   register  registers 20 visits (a different person each, <arg> tells the workers apart).
// Prints what it got (ticket or visit numbers) as JSON on its last line.
// Usage: node --import tsx tests/support/desk-process.ts <dataDir> <arg> <username> <password> [call|register]
import { createBackend } from '../../electron/backend/backend';
import { residentId, visitInput } from './backend';

async function main() {
  const [dataDir, arg, username, password, mode = 'call'] = process.argv.slice(2) as [string, string, string, string, string?];
  const backend = await createBackend({ dataDir });
  const session = {};
  const login = await backend.call(session, 'auth.login', { username, password });
  if (!login.ok) throw new Error(login.error.message);
  // Start together: say we are ready, then wait for the parent's go.
  process.stdout.write('READY\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const got: string[] = [];
  if (mode === 'register') {
    for (let i = 0; i < 20; i++) {
      const seq = String(Number(arg) * 20 + i).padStart(3, '0');
      const r = await backend.call(session, 'visits.register', visitInput({ idNumber: residentId('110105', '19700101', seq) }));
      if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
      got.push((r.data as { visitNo: string }).visitNo);
    }
  } else {
    for (;;) {
      const r = await backend.call(session, 'queue.callNext', { deskId: arg });
      if (!r.ok) throw new Error(r.error.message);
      if (r.data === null) break;
      got.push((r.data as { ticketNo: string }).ticketNo);
      // A desk does not call in a tight loop; a short pause lets the other
      // desks take the write lock in turn, as in real use.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  }
  await backend.close();
  process.stdout.write(`${JSON.stringify(got)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
