// What the read audit costs on SQLite (issue 13): the bytes audit_log (table and
// its indexes, measured with dbstat) grows by for 1,000 lookups of different
// persons, and for 1,000 lookups of one person by one clerk (coalesced).
//   node --import tsx tests/bench/read-audit.bench.ts [--persons 1000]
import { parseArgs } from 'node:util';
import { sqliteRaw } from '../../electron/backend/db/connection';
import { openHall, residentId, visitInput } from '../support/backend';

const { values } = parseArgs({ options: { persons: { type: 'string', default: '1000' } } });
const N = Number(values.persons);

async function main(): Promise<void> {
  const hall = await openHall();
  try {
    const raw = sqliteRaw(hall.backend.store);
    const auditBytes = () =>
      (
        raw
          .prepare(`SELECT sum(pgsize) AS n FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'audit_log')`)
          .get() as { n: number }
      ).n;
    const rows = () => (raw.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'read'`).get() as { n: number }).n;
    const clerk = await hall.as('clerk');
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const idNumber = residentId('110105', `19${String(50 + (i % 40)).padStart(2, '0')}0101`, String(100 + (i % 900)).padStart(3, '0'));
      if (ids.includes(idNumber)) continue;
      ids.push(idNumber);
      await clerk.call('visits.register', visitInput({ idNumber, phone: '' }));
    }
    const before = auditBytes();
    const r0 = rows();
    for (const idNumber of ids) await clerk.call('petitioners.lookup', { idType: 'resident', idNumber });
    const distinct = auditBytes() - before;
    const r1 = rows();
    for (let i = 0; i < ids.length; i++) await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: ids[0]! });
    const same = auditBytes() - before - distinct;
    const r2 = rows();
    const per1000 = (b: number) => Math.round((b / ids.length) * 1000);
    console.log(
      `lookups of ${ids.length} different persons: ${r1 - r0} rows, ${per1000(distinct)} bytes per 1,000 lookups (${Math.round(distinct / (r1 - r0))} B a row)`,
    );
    console.log(`lookups of one person, same clerk, within 10 minutes: ${r2 - r1} rows, ${per1000(same)} bytes per 1,000 lookups`);
  } finally {
    await hall.close();
  }
}

void main();
