// The unit/integration suite on PostgreSQL (npm run test:unit:pg [-- vitest args]).
// Uses PETITION_HALL_TEST_PG_URL when set (CI sets it: .ci/run starts a
// throwaway cluster); otherwise the Vitest global setup starts one from the
// installed PostgreSQL. Without either, says so and skips (exit 0) unless
// PETITION_HALL_REQUIRE_PG=1, which makes a missing PostgreSQL a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function pgInstalled() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return true;
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, 'bin', 'initdb')));
}

if (!process.env.PETITION_HALL_TEST_PG_URL && !pgInstalled()) {
  const msg = 'PostgreSQL is not installed and PETITION_HALL_TEST_PG_URL is not set';
  if (process.env.PETITION_HALL_REQUIRE_PG === '1') {
    console.error(`test:unit:pg: ${msg}`);
    process.exit(1);
  }
  console.warn(`test:unit:pg: ${msg}: the PostgreSQL run is SKIPPED (apt-get install postgresql, or set the URL)`);
  process.exit(0);
}
const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PETITION_HALL_TEST_DB: 'postgres' },
  shell: process.platform === 'win32',
});
process.exit(r.status ?? 1);
