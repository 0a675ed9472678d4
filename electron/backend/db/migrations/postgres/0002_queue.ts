// PostgreSQL twin of ../0002_queue.ts (same name, same schema; see ../index.ts).
// Queue numbering and calling (取号、叫号). Shipped migrations are never edited.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);

  // 业务队列: a prefix letter and a name; numbers restart every day.
  await sql`
    CREATE TABLE lanes (
      id TEXT PRIMARY KEY,
      prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1 AND prefix BETWEEN 'A' AND 'Z' COLLATE "C"),
      name TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'normal' CHECK (kind IN ('normal', 'appointment')),
      active INTEGER NOT NULL DEFAULT 1,
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);

  // 接待窗口: which lanes each desk serves, its pause state, and the ratio rule's counter.
  await sql`
    CREATE TABLE desks (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 99),
      name TEXT NOT NULL,
      lane_ids_json TEXT NOT NULL DEFAULT '[]',
      paused INTEGER NOT NULL DEFAULT 0,
      ratio_position INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE tickets (
      id TEXT PRIMARY KEY,
      day TEXT NOT NULL,
      lane_id TEXT NOT NULL REFERENCES lanes (id),
      number INTEGER NOT NULL,
      ticket_no TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'parked', 'no_show', 'done', 'closed')),
      priority TEXT CHECK (priority IN ('elderly', 'disabled', 'pregnant', 'military')),
      appointment_at TEXT,
      visit_id TEXT REFERENCES visits (id),
      visitor_name TEXT NOT NULL DEFAULT '',
      desk_id TEXT REFERENCES desks (id),
      issued_at TEXT NOT NULL,
      -- the place in line: issue time, or the time a no-show was put back
      queued_at TEXT NOT NULL,
      called_at TEXT,
      call_count INTEGER NOT NULL DEFAULT 0,
      finished_at TEXT,
      carried_from TEXT REFERENCES tickets (id),
      issued_by TEXT NOT NULL REFERENCES users (id),
      version INTEGER NOT NULL DEFAULT 1,
      -- what the visitor holds is unique for the day, whichever lane serves it now
      UNIQUE (day, ticket_no)
    )`.execute(db);
  await sql`CREATE INDEX tickets_waiting ON tickets (status, lane_id, queued_at)`.execute(db);
  await sql`CREATE INDEX tickets_day ON tickets (day, issued_at)`.execute(db);
  await sql`CREATE INDEX tickets_desk ON tickets (desk_id, status)`.execute(db);

  // Calls, for the display's recent list and the day's log.
  await sql`
    CREATE TABLE ticket_calls (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      desk_id TEXT NOT NULL REFERENCES desks (id),
      at TEXT NOT NULL,
      recall INTEGER NOT NULL DEFAULT 0,
      actor_id TEXT NOT NULL REFERENCES users (id)
    )`.execute(db);
  await sql`CREATE INDEX ticket_calls_at ON ticket_calls (at)`.execute(db);

  // Defaults a hall can start with; the administrator edits them.
  const at = new Date().toISOString();
  const lanes: [string, string, string, string, number][] = [
    ['0193a000-0000-7000-8000-00000000000a', 'A', '普通来访', 'normal', 1],
    ['0193a000-0000-7000-8000-00000000000b', 'B', '集体来访', 'normal', 2],
    ['0193a000-0000-7000-8000-00000000000c', 'L', '领导接访', 'normal', 3],
    ['0193a000-0000-7000-8000-00000000000d', 'Y', '预约/约访', 'appointment', 4],
    ['0193a000-0000-7000-8000-00000000000e', 'F', '法律咨询', 'normal', 5],
  ];
  for (const [id, prefix, name, kind, order] of lanes) {
    await sql`INSERT INTO lanes (id, prefix, name, kind, sort_order, created_at, updated_at) VALUES (${id}, ${prefix}, ${name}, ${kind}, ${order}, ${at}, ${at})`.execute(
      db,
    );
  }
  const all = JSON.stringify(lanes.map((l) => l[0]));
  for (const n of [1, 2, 3]) {
    await sql`INSERT INTO desks (id, number, name, lane_ids_json, created_at, updated_at) VALUES (${`0193a000-0000-7000-8000-0000000001${n}0`}, ${n}, ${`${n}号窗口`}, ${all}, ${at}, ${at})`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('0002_queue cannot be reverted');
}
