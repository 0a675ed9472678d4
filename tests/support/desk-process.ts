// A desk in its own process: opens the same SQLite file with its own
// connection and calls next until nobody waits. Prints the tickets it got.
// Usage: node --import tsx tests/support/desk-process.ts <dataDir> <deskId> <username> <password>
import { createBackend } from '../../electron/backend/backend';

async function main() {
  const [dataDir, deskId, username, password] = process.argv.slice(2) as [string, string, string, string];
  const backend = await createBackend({ dataDir });
  const session = {};
  const login = await backend.call(session, 'auth.login', { username, password });
  if (!login.ok) throw new Error(login.error.message);
  // Start together: say we are ready, then wait for the parent's go.
  process.stdout.write('READY\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const got: string[] = [];
  for (;;) {
    const r = await backend.call(session, 'queue.callNext', { deskId });
    if (!r.ok) throw new Error(r.error.message);
    if (r.data === null) break;
    got.push((r.data as { ticketNo: string }).ticketNo);
    // A desk does not call in a tight loop; a short pause lets SQLite's busy
    // handler hand the write lock to the other desks as in real use.
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  await backend.close();
  process.stdout.write(`${JSON.stringify(got)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
