// Desk-speed benchmark on a district-sized database (npm run bench).
//   npm run bench -- --visits 1000000 --samples 500
// Generates (or reuses) bench-data/district-<n>/petition-hall.sqlite3, opens it
// with the real backend and times what a clerk waits for: lookup by ID number
// and by phone, pinyin-initials search, the history panel, and saving a
// registration. Each is also timed as the equivalent hand-written SQL on a raw
// better-sqlite3 connection to the same file, to show what the layers cost.
// Timings are reported, not asserted; functional errors exit non-zero.
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { openRaw } from '../../electron/backend/db/connection';
import { prefixEnd } from '../../electron/backend/db/queries/petitioners';
import type { PetitionersTable } from '../../electron/backend/db/schema';
import { newId } from '../../electron/backend/services/ids';
import { historyOf } from '../../electron/backend/services/petitioners';
import { formatVisitNo } from '../../electron/backend/services/visits';
import type { InputOf } from '@shared/api/contract';
import type { SessionHolder } from '../../electron/backend/services/sessions';
import { residentCheckChar } from '@shared/domain/identity';
import { hallDate } from '@shared/time';
import { BENCH_ADMIN, BENCH_PASSWORD, mulberry32 } from './generate';
import {
  BENCH_USER,
  WARMUP,
  api,
  ensureDatabase,
  fail,
  functionalErrorCount,
  measure,
  mib,
  percentile,
  printTable,
  rawAuditWriter,
  type Row,
} from './measure';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '1000000' },
    db: { type: 'string' },
    samples: { type: 'string', default: '500' },
    seed: { type: 'string', default: '20161101' },
    /** Also time the lookups and saves with plain (non-partial) indexes on id_number and phone, then drop them. */
    'what-if': { type: 'boolean', default: false },
  },
});

const WHAT_IF_INDEXES = [
  ['bench_whatif_id_number', 'petitioners (id_number)'],
  ['bench_whatif_phone', 'petitioners (phone)'],
] as const;

function dropWhatIfIndexes(db: BetterSqlite3.Database): void {
  for (const [name] of WHAT_IF_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

// ---- helpers --------------------------------------------------------------------

async function main(): Promise<void> {
  const visits = Number(args.visits);
  const samples = Number(args.samples);
  const seed = Number(args.seed);
  if (!Number.isInteger(visits) || visits < 1_000 || visits > 1_000_000)
    throw new Error('--visits must be an integer from 1000 to 1000000');
  if (!Number.isInteger(samples) || samples < 10) throw new Error('--samples must be an integer ≥ 10');
  const dbFile = args.db ?? join('bench-data', `district-${visits}`, DB_FILE_NAME);
  if (basename(dbFile) !== DB_FILE_NAME)
    throw new Error(`--db must name a file called ${DB_FILE_NAME} (the backend opens <dataDir>/${DB_FILE_NAME})`);
  const dataDir = dirname(dbFile);

  const gen = await ensureDatabase(dbFile, visits, seed);

  const backend = await createBackend({ dataDir });
  const raw = openRaw(dbFile);
  try {
    dropWhatIfIndexes(raw); // left over from an interrupted --what-if run

    // ---- log in a clerk through the real API
    const adminSession: SessionHolder = {};
    const admin = api(backend, adminSession);
    if (!(await admin.call('auth.login', { username: BENCH_ADMIN, password: BENCH_PASSWORD }))) throw new Error('admin login failed');
    const users = (await admin.call('users.list', {})) ?? [];
    const session: SessionHolder = {};
    const clerk = api(backend, session);
    if (!users.some((u) => u.username === BENCH_USER)) {
      await admin.call('users.create', { username: BENCH_USER, displayName: '性能测试', role: 'clerk', password: 'Initial123' });
      await clerk.call('auth.login', { username: BENCH_USER, password: 'Initial123' });
      await clerk.call('auth.changePassword', { oldPassword: 'Initial123', newPassword: BENCH_PASSWORD });
    } else {
      await clerk.call('auth.login', { username: BENCH_USER, password: BENCH_PASSWORD });
    }
    const me = await clerk.call('auth.me', {});
    if (!me || me.role !== 'clerk') throw new Error('could not log in the benchmark clerk');

    const counts = raw
      .prepare(`SELECT (SELECT count(*) FROM petitioners) AS p, (SELECT count(*) FROM matters) AS m, (SELECT count(*) FROM visits) AS v`)
      .get() as { p: number; m: number; v: number };
    console.log(
      `\nDatabase ${dbFile}: ${counts.p.toLocaleString('en')} petitioners, ${counts.m.toLocaleString('en')} matters, ` +
        `${counts.v.toLocaleString('en')} visits (incl. earlier benchmark saves).`,
    );

    // ---- random existing keys (seeded)
    const r = mulberry32(seed ^ 0x5eed);
    const n = WARMUP + samples;
    const maxRowid = (raw.prepare(`SELECT max(rowid) AS m FROM petitioners`).get() as { m: number }).m;
    const byRowid = raw.prepare(`SELECT * FROM petitioners WHERE rowid = ?`);
    const randomPetitioner = (ok: (p: PetitionersTable) => boolean): PetitionersTable => {
      for (;;) {
        const p = byRowid.get(1 + Math.floor(r.next() * maxRowid)) as PetitionersTable | undefined;
        if (p && ok(p)) return p;
      }
    };
    const keysOf = <K>(make: () => K, count = n) => Array.from({ length: count }, make);

    // raw equivalents: the same SQL the Kysely queries compile to
    const qDoc = raw.prepare(`SELECT * FROM petitioners WHERE id_type = ? AND id_number = ?`);
    const qPhone = raw.prepare(`SELECT * FROM petitioners WHERE phone = ? LIMIT 20`);
    const qInitials = raw.prepare(
      `SELECT * FROM petitioners WHERE name_initials >= ? AND name_initials < ? ORDER BY name_initials LIMIT 20`,
    );
    const qVisits = raw.prepare(
      `SELECT visits.*, users.display_name AS registered_by_name FROM visits INNER JOIN users ON users.id = visits.registered_by
       WHERE visits.petitioner_id = ? ORDER BY visits.created_at DESC LIMIT 50`,
    );
    const qMatters = raw.prepare(
      `SELECT matters.id, matters.category, matters.summary, matters.location_area, count(*) AS visit_count,
         min(visits.created_at) AS first_at, max(visits.created_at) AS last_at, min(visits.visit_no) AS first_no
       FROM matters INNER JOIN visits ON visits.matter_id = matters.id
       WHERE matters.petitioner_id = ? GROUP BY matters.id ORDER BY last_at DESC`,
    );
    const qLastMatter = raw.prepare(
      `SELECT id, category, summary, location_area FROM matters WHERE petitioner_id = ? ORDER BY created_at DESC LIMIT 1`,
    );

    // ---- the operations (same keys distribution for the API path and the raw SQL)
    interface Op<K> {
      op: string;
      target: number | null;
      keys: () => K;
      api: (k: K) => Promise<void>;
      raw: (k: K) => void;
      mode: 'interleave' | 'blocks';
      /** Fewer samples for slow informational rows. */
      samples?: number;
    }
    const defineOp = <K>(o: Op<K>) => o as unknown as Op<unknown>;
    const run = async (o: Op<unknown>) => {
      const warmup = o.samples ? 10 : WARMUP;
      const count = warmup + (o.samples ?? samples);
      const keys = keysOf(o.keys, count).concat(o.mode === 'blocks' ? keysOf(o.keys, count) : []);
      return measure(o.op, o.target, keys, o.api, o.raw, o.mode, warmup);
    };

    // (a) lookup by ID number: zod, document query, visit stats and full history
    const lookupById = defineOp({
      op: 'lookup by ID number',
      target: 5,
      keys: () => randomPetitioner((p) => p.id_type === 'resident'),
      api: async (p) => {
        const d = await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: p.id_number });
        if (d && (d.matches.length !== 1 || d.history?.petitioner.id !== p.id))
          fail(`lookup by ID ${p.id_number} did not return ${p.name} with history`);
      },
      // .all(), as Kysely runs it (executeTakeFirst still steps through every row)
      raw: (p) => {
        const found = qDoc.all('resident', p.id_number) as PetitionersTable[];
        if (found.length !== 1 || found[0]!.id !== p.id) fail(`raw lookup by ID ${p.id_number}`);
      },
      mode: 'interleave',
    });

    // (b) lookup by phone (a shared number returns both people, without history)
    const lookupByPhone = defineOp({
      op: 'lookup by phone',
      target: null,
      keys: () => randomPetitioner((p) => p.phone !== ''),
      api: async (p) => {
        const d = await clerk.call('petitioners.lookup', { phone: p.phone });
        if (d && !d.matches.some((m) => m.id === p.id)) fail(`lookup by phone ${p.phone} missed ${p.name}`);
      },
      raw: (p) => {
        if (!(qPhone.all(p.phone) as PetitionersTable[]).some((m) => m.id === p.id)) fail(`raw lookup by phone ${p.phone}`);
      },
      mode: 'interleave',
    });

    // (c) search box with 2-3 pinyin initials of a random person
    const searchInitials = defineOp({
      op: 'search by pinyin initials',
      target: 50,
      keys: () => randomPetitioner((p) => p.name_initials.length >= 2).name_initials.slice(0, r.next() < 0.5 ? 2 : 3),
      api: async (q) => {
        const d = await clerk.call('petitioners.search', { q });
        if (d && d.length === 0) fail(`search '${q}' found nobody`);
      },
      raw: (q) => {
        if ((qInitials.all(q, prefixEnd(q)) as unknown[]).length === 0) fail(`raw search '${q}' found nobody`);
      },
      mode: 'interleave',
    });

    // (d) the history panel for a random petitioner (everyone generated has visits)
    const history = defineOp({
      op: 'history panel (historyOf)',
      target: 5,
      keys: () => randomPetitioner(() => true),
      api: async (p) => {
        const h = await historyOf(backend.deps.db, p);
        if (h.visits.length === 0 || h.matters.length === 0) fail(`history of ${p.name} is empty`);
      },
      raw: (p) => {
        if ((qVisits.all(p.id) as unknown[]).length === 0 || (qMatters.all(p.id) as unknown[]).length === 0)
          fail(`raw history of ${p.name} is empty`);
      },
      mode: 'interleave',
    });

    // (info) typing the start of an ID number into the search box (no target set)
    const qIdPrefix = raw.prepare(`SELECT * FROM petitioners WHERE id_number >= ? AND id_number < ? ORDER BY id_number LIMIT 20`);
    const qPhonePrefix = raw.prepare(`SELECT * FROM petitioners WHERE phone >= ? AND phone < ? ORDER BY phone LIMIT 20`);
    const searchIdPrefix = defineOp({
      op: 'search by ID-number prefix (info)',
      target: null,
      keys: () => randomPetitioner((p) => p.id_type === 'resident').id_number.slice(0, 10),
      api: async (q) => {
        const d = await clerk.call('petitioners.search', { q });
        if (d && d.length === 0) fail(`search '${q}' found nobody`);
      },
      raw: (q) => {
        if ((qIdPrefix.all(q, prefixEnd(q)) as unknown[]).length === 0) fail(`raw ID prefix '${q}' found nobody`);
        qPhonePrefix.all(q, prefixEnd(q));
      },
      mode: 'interleave',
      samples: Math.min(samples, 100),
    });

    // (e) saving a registration, synchronous = FULL, committed
    const benchUserId = me.id;
    const day = hallDate(new Date());
    const nextCounter = raw.prepare(
      `INSERT INTO daily_counters (scope, day, last_value) VALUES ('visit', ?, 1)
       ON CONFLICT (scope, day) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
    );
    const insVisit = raw.prepare(
      `INSERT INTO visits (id, visit_no, visit_date, petitioner_id, matter_id, kind, name, id_type, id_number, phone, address, people_count,
         purpose, category, location_area, summary, demands, escort_json, skip_level, outcome, registered_by, created_at, updated_at, version)
       VALUES (@id, @visit_no, @visit_date, @petitioner_id, @matter_id, @kind, @name, @id_type, @id_number, @phone, @address, @people_count,
         @purpose, @category, @location_area, @summary, @demands, NULL, 0, NULL, @registered_by, @created_at, @updated_at, 1)`,
    );
    const insPetitioner = raw.prepare(
      `INSERT INTO petitioners (id, id_type, id_number, name, name_initials, gender, birth_date, phone, address, created_at, updated_at, version)
       VALUES (@id, @id_type, @id_number, @name, @name_initials, @gender, @birth_date, @phone, @address, @created_at, @updated_at, 1)`,
    );
    const insMatter = raw.prepare(
      `INSERT INTO matters (id, petitioner_id, category, location_area, summary, first_visit_id, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)`,
    );
    const setFirstVisit = raw.prepare(`UPDATE matters SET first_visit_id = ? WHERE id = ?`);
    const insAudit = rawAuditWriter(raw);
    const insOutbox = raw.prepare(
      `INSERT INTO outbox (id, at, entity, entity_id, entity_version, op, payload_json) VALUES (?, ?, ?, ?, 1, 'upsert', ?)`,
    );
    const recordChange = (at: string, action: string, entity: string, entityId: string, payload: unknown) => {
      const json = JSON.stringify(payload);
      insAudit({
        id: newId(),
        at,
        actor_id: benchUserId,
        action,
        entity,
        entity_id: entityId,
        before_json: null,
        after_json: json,
        note: null,
      });
      insOutbox.run(newId(), at, entity, entityId, json);
    };

    type SaveKey = { p: PetitionersTable; matter: { id: string; category: string; summary: string; location_area: string } };
    const saveInput = (k: SaveKey, matterId: string | null): InputOf<'visits.register'> => ({
      idType: k.p.id_type,
      idNumber: k.p.id_number,
      name: k.p.name,
      phone: k.p.phone,
      address: k.p.address,
      peopleCount: 1,
      purpose: 'request',
      category: k.matter.category as InputOf<'visits.register'>['category'],
      locationArea: k.matter.location_area,
      summary: k.matter.summary,
      demands: '要求尽快解决。',
      skipLevel: false,
      escort: null,
      representatives: [],
      petitionerId: null,
      matterId,
    });
    const visitRow = (k: SaveKey, petitionerId: string, matterId: string, kind: 'first' | 'repeat') => {
      const at = new Date().toISOString();
      return {
        id: newId(),
        visit_no: formatVisitNo(day, (nextCounter.get(day) as { last_value: number }).last_value),
        visit_date: day,
        petitioner_id: petitionerId,
        matter_id: matterId,
        kind,
        name: k.p.name,
        id_type: k.p.id_type,
        id_number: k.p.id_number,
        phone: k.p.phone,
        address: k.p.address,
        people_count: 1,
        purpose: 'request',
        category: k.matter.category,
        location_area: k.matter.location_area,
        summary: k.matter.summary,
        demands: '要求尽快解决。',
        registered_by: benchUserId,
        created_at: at,
        updated_at: at,
      };
    };

    // (e1) a returning petitioner, follow-up on their latest matter (重复访)
    const saveRepeatRaw = raw.transaction((k: SaveKey) => {
      const v = visitRow(k, k.p.id, k.matter.id, 'repeat');
      insVisit.run(v);
      recordChange(v.created_at, 'visit.register', 'visit', v.id, v);
    });
    const saveRepeat = defineOp({
      op: 'save registration (repeat visit)',
      target: 10,
      keys: (): SaveKey => {
        const p = randomPetitioner((x) => x.id_type === 'resident');
        return { p, matter: qLastMatter.get(p.id) as SaveKey['matter'] };
      },
      api: async (k) => {
        const d = await clerk.call('visits.register', saveInput(k, k.matter.id));
        if (d && (d.kind !== 'repeat' || d.petitionerId !== k.p.id)) fail(`repeat visit of ${k.p.name} saved as ${d.kind}`);
      },
      raw: (k) => saveRepeatRaw(k),
      mode: 'blocks',
    });

    // (e2) a first-time petitioner with a new ID number (new person + new matter, 初访)
    const usedIds = new Set<string>();
    // existence check for fresh keys: the literal predicate lets SQLite use the partial unique index
    const qDocExists = raw.prepare(`SELECT 1 FROM petitioners WHERE id_type = 'resident' AND id_number = ? AND id_number <> ''`);
    const saveFirstRaw = raw.transaction((k: SaveKey) => {
      const at = new Date().toISOString();
      const p = { ...k.p, id: newId(), created_at: at, updated_at: at };
      insPetitioner.run(p);
      recordChange(at, 'petitioner.create', 'petitioner', p.id, p);
      const matterId = newId();
      insMatter.run(matterId, p.id, k.matter.category, k.matter.location_area, k.matter.summary, at);
      const v = visitRow(k, p.id, matterId, 'first');
      insVisit.run(v);
      setFirstVisit.run(v.id, matterId);
      recordChange(at, 'visit.register', 'visit', v.id, v);
    });
    const saveFirst = defineOp({
      op: 'save registration (first visit)',
      target: 10,
      keys: (): SaveKey => {
        const template = randomPetitioner((x) => x.id_type === 'resident');
        for (;;) {
          const birth = `19${50 + Math.floor(r.next() * 50)}0${1 + Math.floor(r.next() * 9)}1${Math.floor(r.next() * 9)}`;
          const body = `110229${birth}${String(Math.floor(r.next() * 1000)).padStart(3, '0')}`;
          const idNumber = body + residentCheckChar(body);
          if (usedIds.has(idNumber) || qDocExists.get(idNumber)) continue;
          usedIds.add(idNumber);
          const gender: 'male' | 'female' = Number(body[16]) % 2 === 1 ? 'male' : 'female';
          const p: PetitionersTable = {
            ...template,
            id: '',
            id_number: idNumber,
            gender,
            birth_date: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
            phone: `139${String(r.u32() % 100_000_000).padStart(8, '0')}`,
          };
          return { p, matter: { id: '', category: 'urban_construction', summary: '小区加装电梯补贴未落实', location_area: '和平街街道' } };
        }
      },
      api: async (k) => {
        const d = await clerk.call('visits.register', saveInput(k, null));
        if (d && (d.kind !== 'first' || d.idNumber !== k.p.id_number)) fail(`first visit of ${k.p.id_number} saved as ${d.kind}`);
      },
      raw: (k) => saveFirstRaw(k),
      mode: 'blocks',
    });

    console.log(`\nTiming ${samples} samples per operation after ${WARMUP} warm-up calls …`);
    const rows: Row[] = [];
    for (const o of [lookupById, lookupByPhone, searchInitials, history, saveRepeat, saveFirst, searchIdPrefix]) rows.push(await run(o));

    // ---- report
    console.log(`\nResults (${samples} samples each, ${WARMUP} warm-up; API = backend.call incl. session check, zod and Kysely):\n`);
    printTable(rows);
    const size = mib(dbFile);
    console.log(`\nDB size: ${size.toFixed(1)} MiB (+ WAL ${mib(dbFile + '-wal').toFixed(1)} MiB)`);
    if (gen) {
      console.log(
        `Generation: ${(gen.ms / 1000).toFixed(1)} s for ${gen.visits.toLocaleString('en')} visits, ${gen.petitioners.toLocaleString('en')} petitioners, ` +
          `${gen.matters.toLocaleString('en')} matters, ${gen.mib?.toFixed(1) ?? '?'} MiB when generated (${gen.at})`,
      );
    } else console.log('Generation: reused database, no record of its generation time');

    // ---- query plans of the SQL the app runs (compiled by the app's own Kysely instance)
    console.log('\nQuery plans (SQLite ' + (raw.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v + '):');
    const planOf = (sqlText: string, params: readonly unknown[]) =>
      (raw.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(...params) as { detail: string }[]).map((x) => x.detail).join('; ');
    const sample = randomPetitioner((p) => p.id_type === 'resident' && p.phone !== '');
    const kysely = backend.deps.db;
    const appQueries = () => {
      const idPrefix = sample.id_number.slice(0, 10);
      return [
        [
          'lookup by ID',
          kysely
            .selectFrom('petitioners')
            .selectAll()
            .where('id_type', '=', 'resident')
            .where('id_number', '=', sample.id_number)
            .compile(),
        ],
        ['lookup by phone', kysely.selectFrom('petitioners').selectAll().where('phone', '=', sample.phone).limit(20).compile()],
        [
          'search by ID prefix',
          kysely
            .selectFrom('petitioners')
            .selectAll()
            .where('id_number', '>=', idPrefix)
            .where('id_number', '<', prefixEnd(idPrefix))
            .orderBy('id_number')
            .limit(20)
            .compile(),
        ],
      ] as const;
    };
    for (const [label, q] of appQueries()) console.log(`  ${label}: ${planOf(q.sql, q.parameters)}`);
    console.log(`  pinyin initials: ${planOf(qInitials.source, ['zs', prefixEnd('zs')])}`);
    console.log(`  history visits: ${planOf(qVisits.source, [sample.id])}`);
    console.log(`  history matters: ${planOf(qMatters.source, [sample.id])}`);

    // The partial indexes (WHERE id_number <> '' / phone <> '') are only usable when the query
    // repeats that predicate as a literal; a bound parameter does not prove it.
    const fixDoc = `SELECT * FROM petitioners WHERE id_type = ? AND id_number = ? AND id_number <> ''`;
    const fixPhone = `SELECT * FROM petitioners WHERE phone = ? AND phone <> '' LIMIT 20`;
    console.log(
      `  same lookups with a literal \`<> ''\`: ${planOf(fixDoc, ['resident', sample.id_number])} / ${planOf(fixPhone, [sample.phone])}`,
    );
    const fd = raw.prepare(fixDoc);
    const fp = raw.prepare(fixPhone);
    const fixTimes = (f: (i: number) => unknown) => {
      const t: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t0 = process.hrtime.bigint();
        f(i);
        t.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      t.sort((x, y) => x - y);
      return `p50 ${percentile(t, 0.5).toFixed(3)} ms, p95 ${percentile(t, 0.95).toFixed(3)} ms`;
    };
    const docs = keysOf(() => randomPetitioner((p) => p.id_type === 'resident'), 200);
    const phones = keysOf(() => randomPetitioner((p) => p.phone !== ''), 200);
    console.log(`  raw lookup by ID with the literal predicate: ${fixTimes((i) => fd.all('resident', docs[i]!.id_number))}`);
    console.log(`  raw lookup by phone with the literal predicate: ${fixTimes((i) => fp.all(phones[i]!.phone))}`);

    // ---- what if the two partial indexes were plain ones? (opt-in; the indexes are dropped again)
    const partial = (
      raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'petitioners' AND sql LIKE '%WHERE%'`).all() as {
        name: string;
      }[]
    ).map((x) => x.name);
    if (args['what-if'] && !partial.includes('petitioners_id_number') && !partial.includes('petitioners_phone')) {
      console.log('\nWhat-if skipped: petitioners_id_number and petitioners_phone are already plain indexes in this schema.');
    } else if (args['what-if']) {
      console.log(`\nWhat-if: temporary plain indexes ${WHAT_IF_INDEXES.map(([name, def]) => `${name} ${def}`).join(', ')} …`);
      try {
        for (const [name, def] of WHAT_IF_INDEXES) raw.exec(`CREATE INDEX ${name} ON ${def}`);
        for (const [label, q] of appQueries()) console.log(`  ${label}: ${planOf(q.sql, q.parameters)}`);
        const whatIf: Row[] = [];
        for (const o of [lookupById, lookupByPhone, saveRepeat, saveFirst, searchIdPrefix]) whatIf.push(await run(o));
        console.log(`\nWhat-if results (same API path; only the two indexes added):\n`);
        printTable(whatIf);
      } finally {
        dropWhatIfIndexes(raw);
      }
    }
  } finally {
    raw.close();
    await backend.close();
  }

  if (functionalErrorCount() > 0) {
    console.error(`\n${functionalErrorCount()} functional error(s).`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
