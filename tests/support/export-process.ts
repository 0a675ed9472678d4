// An export run in its own process, for the crash test: the parent kills it
// (SIGKILL) mid-send and checks that the next run finishes the job.
// Usage: node --import tsx tests/support/export-process.ts <dataDir> <nowIso>
import { createBackend } from '../../electron/backend/backend';
import { runExport } from '../../electron/backend/services/export/runner';

async function main() {
  const [dataDir, nowIso] = process.argv.slice(2) as [string, string];
  const backend = await createBackend({ dataDir, now: () => new Date(nowIso) });
  const r = await runExport(backend.deps, { dataDir, actorId: null });
  await backend.close();
  process.stdout.write(JSON.stringify(r));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
