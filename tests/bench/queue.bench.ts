// Queue benchmark on the district-sized database (npm run bench:queue).
//   npm run bench:queue -- --visits 1000000 --waiting 1000
// Times, with ~1,000 tickets waiting and 10 years of history in the file:
// issuing a ticket, calling the next one (finishing the previous), each as
// p50/p95 against the same work done with raw better-sqlite3 statements; and
// the hall display's update latency: from a desk's HTTP call to the event
// arriving on the display's Server-Sent Events stream.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sqliteRaw } from '../../electron/backend/db/connection';
import { createBackend, DB_FILE_NAME } from '../../electron/backend/backend';
import { startHttpServer } from '../../electron/backend/http/server';
import { newId } from '../../electron/backend/services/ids';
import { hallDate } from '@shared/time';
import { BENCH_ADMIN, BENCH_PASSWORD } from './generate';
import { api, ensureDatabase, functionalErrorCount, percentile, printTable, rawAuditWriter, time, WARMUP, type Row } from './measure';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '1000000' },
    waiting: { type: 'string', default: '1000' },
    samples: { type: 'string', default: '300' },
    seed: { type: 'string', default: '20161101' },
  },
});
const LANE_A = '0193a000-0000-7000-8000-00000000000a';
const DESK_1 = '0193a000-0000-7000-8000-000000000110';

function summarise(op: string, target: number | null, api: number[], raw: number[]): Row {
  const a = api.slice(WARMUP).sort((x, y) => x - y);
  const b = raw.slice(WARMUP).sort((x, y) => x - y);
  return { op, target, p50: percentile(a, 0.5), p95: percentile(a, 0.95), rawP50: percentile(b, 0.5), rawP95: percentile(b, 0.95) };
}

async function main() {
  const visits = Number(args.visits);
  const waiting = Number(args.waiting);
  const samples = Number(args.samples);
  const dir = join('bench-data', `district-${visits}`);
  await ensureDatabase(join(dir, DB_FILE_NAME), visits, Number(args.seed));
  const backend = await createBackend({ dataDir: dir });
  const raw = sqliteRaw(backend.store);
  const desk = api(backend, {});
  if (!(await desk.call('auth.login', { username: BENCH_ADMIN, password: BENCH_PASSWORD }))) throw new Error('login failed');
  const actor = raw.prepare(`SELECT id FROM users WHERE username = ?`).get(BENCH_ADMIN) as { id: string };

  // A clean queue for today: earlier runs' tickets are closed (bench data only).
  raw.prepare(`UPDATE tickets SET status = 'closed' WHERE status IN ('waiting', 'called', 'parked')`).run();

  console.log(`Issuing ${waiting} tickets (the first ${WARMUP} are warm-up) …`);
  const issueApi: number[] = [];
  for (let i = 0; i < waiting; i++)
    issueApi.push(await time(() => desk.call('queue.issue', { laneId: LANE_A, priority: i % 7 === 0 ? 'elderly' : null })));

  // The raw equivalent of issuing: counter, ticket row and audit row in one transaction (lane Z, cleaned up after).
  raw
    .prepare(
      `INSERT OR IGNORE INTO lanes (id, prefix, name, kind, active, sort_order, created_at, updated_at) VALUES ('bench-lane', 'Z', '基准', 'normal', 0, 99, ?, ?)`,
    )
    .run(new Date().toISOString(), new Date().toISOString());
  const bump = raw.prepare(
    `INSERT INTO daily_counters (scope, day, last_value) VALUES (?, ?, 1) ON CONFLICT (scope, day) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
  );
  const insertTicket = raw.prepare(
    `INSERT INTO tickets (id, day, lane_id, number, ticket_no, status, priority, visitor_name, issued_at, queued_at, issued_by) VALUES (?, ?, 'bench-lane', ?, ?, 'closed', NULL, '', ?, ?, ?)`,
  );
  const insertAudit = rawAuditWriter(raw);
  const rawIssue = raw.transaction(() => {
    const at = new Date().toISOString();
    const day = hallDate(at);
    const n = (bump.get('bench:Z', day) as { last_value: number }).last_value;
    const id = newId();
    insertTicket.run(id, day, n, `Z${n}`, at, at, actor.id);
    insertAudit({
      id: newId(),
      at,
      actor_id: actor.id,
      action: 'ticket.issue',
      entity: 'ticket',
      entity_id: id,
      before_json: null,
      after_json: '{}',
      note: null,
    });
  });
  const issueRaw: number[] = [];
  for (let i = 0; i < waiting; i++) issueRaw.push(await time(() => rawIssue.immediate()));

  console.log(`Calling ${samples} tickets at desk 1 with ~${waiting} waiting …`);
  const callApi: number[] = [];
  for (let i = 0; i < samples; i++) callApi.push(await time(() => desk.call('queue.callNext', { deskId: DESK_1 })));
  // Raw equivalent: pick the head of the line by priority then issue time, finish the previous, mark called, record the call.
  const pick = raw.prepare(
    `SELECT id, call_count FROM tickets WHERE status = 'waiting' AND lane_id = ? ORDER BY priority IS NULL, queued_at, number LIMIT 1`,
  );
  const finishPrev = raw.prepare(`UPDATE tickets SET status = 'done', finished_at = ? WHERE desk_id = ? AND status = 'called'`);
  const mark = raw.prepare(
    `UPDATE tickets SET status = 'called', desk_id = ?, called_at = ?, call_count = call_count + 1 WHERE id = ? AND status = 'waiting'`,
  );
  const recordCall = raw.prepare(`INSERT INTO ticket_calls (id, ticket_id, desk_id, at, recall, actor_id) VALUES (?, ?, ?, ?, 0, ?)`);
  const rawCall = raw.transaction(() => {
    const at = new Date().toISOString();
    finishPrev.run(at, DESK_1);
    const t = pick.get(LANE_A) as { id: string } | undefined;
    if (!t) return;
    mark.run(DESK_1, at, t.id);
    recordCall.run(newId(), t.id, DESK_1, at, actor.id);
    insertAudit({
      id: newId(),
      at,
      actor_id: actor.id,
      action: 'ticket.call',
      entity: 'ticket',
      entity_id: t.id,
      before_json: null,
      after_json: '{}',
      note: null,
    });
  });
  const callRaw: number[] = [];
  for (let i = 0; i < samples; i++) callRaw.push(await time(() => rawCall.immediate()));

  // Display latency over real HTTP: desk POST → SSE event on the public stream.
  const rounds = 100 + WARMUP;
  for (let i = 0; i < rounds; i++) await desk.call('queue.issue', { laneId: LANE_A });
  const http = await startHttpServer(backend, { host: '127.0.0.1', port: 0, staticDir: dir });
  const login = await fetch(`${http.url}/api/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: BENCH_ADMIN, password: BENCH_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const sse = await fetch(`${http.url}/api/display/events`);
  const reader = sse.body!.getReader();
  const decoder = new TextDecoder();
  const latency: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    void fetch(`${http.url}/api/queue.callNext`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ deskId: DESK_1 }),
    });
    let buf = '';
    while (!buf.includes('queue.called')) buf += decoder.decode((await reader.read()).value);
    latency.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await new Promise((r) => setTimeout(r, 5));
  }
  await reader.cancel();
  await http.close();
  raw.prepare(`UPDATE tickets SET status = 'closed' WHERE status IN ('waiting', 'called', 'parked')`).run();

  const left = (raw.prepare(`SELECT count(*) AS n FROM tickets WHERE status = 'waiting'`).get() as { n: number }).n;
  console.log('');
  printTable([
    summarise('issue ticket (取号)', null, issueApi, issueRaw),
    summarise(`call next (叫号), ~${waiting} waiting`, null, callApi, callRaw),
  ]);
  const lat = latency.slice(WARMUP).sort((a, b) => a - b);
  console.log(
    `\nDisplay update latency (desk HTTP call → SSE event on /api/display/events): p50 ${percentile(lat, 0.5).toFixed(2)} ms, p95 ${percentile(lat, 0.95).toFixed(2)} ms, max ${lat.at(-1)!.toFixed(2)} ms (target: within 1 s)`,
  );
  console.log(`Waiting after the run (before clean-up): ${left}.`);
  await backend.close();
  if (functionalErrorCount() > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
