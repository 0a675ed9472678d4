// Generates a synthetic district database for the benchmark.
//   npm run generate -- --visits 1000000 --out bench-data/district-1m.sqlite3
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDistrict } from './generate';

const { values } = parseArgs({
  options: {
    visits: { type: 'string', default: '1000000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '20161101' },
  },
});

const visits = Number(values.visits);
if (!Number.isInteger(visits) || visits < 1_000 || visits > 1_000_000) {
  console.error('--visits must be an integer from 1000 to 1000000');
  process.exit(2);
}
const out = values.out ?? `bench-data/district-${visits}.sqlite3`;

async function main(): Promise<void> {
  let last = 0;
  const result = await generateDistrict({
    dbFile: out,
    visits,
    seed: Number(values.seed),
    onProgress: (done) => {
      const now = Date.now();
      if (now - last < 1000 && done < visits) return;
      last = now;
      process.stdout.write(`\r  ${done.toLocaleString('en')} / ${visits.toLocaleString('en')} visits written`);
    },
  });
  process.stdout.write('\n');
  const mb = statSync(out).size / 1024 / 1024;
  console.log(
    `${out}: ${result.petitioners.toLocaleString('en')} petitioners, ${result.matters.toLocaleString('en')} matters, ` +
      `${result.visits.toLocaleString('en')} visits in ${(result.ms / 1000).toFixed(1)} s, ${mb.toFixed(1)} MiB`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
