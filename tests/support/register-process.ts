// A desk that registers visits with idempotency keys, for the crash test
// (tests/unit/idempotency.test.ts): reads one JSON line per save from stdin
// ({ key, seq }), registers the visit of person <seq> with that key, and only
// then — 150 ms later, as an answer crossing a slow network — writes
// `ACK <key> <visitNo>` on stdout. Killed with SIGKILL mid-flight by the test.
// Usage: node --import tsx tests/support/register-process.ts <dataDir> <username> <password>
// (the database: PETITION_HALL_DATABASE_URL, else the SQLite file in <dataDir>).
import { createInterface } from 'node:readline';
import { createBackend } from '../../electron/backend/backend';
import { residentId, visitInput } from './backend';

async function main() {
  const [dataDir, username, password] = process.argv.slice(2) as [string, string, string];
  const backend = await createBackend({ dataDir });
  const session = {};
  const login = await backend.call(session, 'auth.login', { username, password });
  if (!login.ok) throw new Error(login.error.message);
  process.stdout.write('READY\n');
  for await (const line of createInterface({ input: process.stdin })) {
    const { key, seq } = JSON.parse(line) as { key: string; seq: number };
    const input = visitInput({ idNumber: residentId('110105', '19700101', String(seq).padStart(3, '0')) });
    // One save at a time, as a desk does; the answer is on its way while the next save runs.
    const r = await backend.call(session, 'visits.register', input, { idempotencyKey: key });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    const visitNo = (r.data as { visitNo: string }).visitNo;
    setTimeout(() => process.stdout.write(`ACK ${key} ${visitNo}\n`), 150);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
