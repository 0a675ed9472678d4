// PostgreSQL twin of ../0007_reception.ts (same name, same schema; see ../index.ts).
// 候谈室 and the duty leader's reception day: rooms, the roster of reception
// sessions, visits booked into a leader's queue, and the talk record with its
// outcome and due dates. Tickets gain the room they wait for, so desks never
// call a visitor who waits for a leader.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rooms (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 99),
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('talk', 'waiting')),
      capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 200),
      open_from TEXT NOT NULL,
      open_to TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE reception_sessions (
      id TEXT PRIMARY KEY,
      leader_id TEXT NOT NULL REFERENCES users (id),
      date TEXT NOT NULL,
      start_time TEXT NOT NULL,
      end_time TEXT NOT NULL,
      room_id TEXT NOT NULL REFERENCES rooms (id),
      topics TEXT NOT NULL DEFAULT '',
      lawyer TEXT NOT NULL DEFAULT '',
      slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
      status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
      cancel_reason TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`.execute(db);
  await sql`CREATE INDEX reception_sessions_by_date ON reception_sessions (date, leader_id)`.execute(db);

  await sql`
    CREATE TABLE reception_bookings (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES reception_sessions (id),
      visit_id TEXT NOT NULL REFERENCES visits (id),
      kind TEXT NOT NULL CHECK (kind IN ('walk_in', 'appointment')),
      -- the booked slot 'HH:mm' of an appointment; null for a walk-in
      slot_time TEXT,
      -- the place among walk-ins (the clerk may reorder them)
      position INTEGER NOT NULL,
      attendees INTEGER NOT NULL CHECK (attendees >= 1),
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'waiting', 'called', 'done', 'cancelled', 'no_show')),
      ticket_id TEXT REFERENCES tickets (id),
      called_at TEXT,
      finished_at TEXT,
      cancel_reason TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`.execute(db);
  await sql`CREATE INDEX reception_bookings_by_session ON reception_bookings (session_id, status)`.execute(db);
  await sql`CREATE INDEX reception_bookings_by_visit ON reception_bookings (visit_id)`.execute(db);

  await sql`
    CREATE TABLE talk_records (
      id TEXT PRIMARY KEY,
      booking_id TEXT NOT NULL UNIQUE REFERENCES reception_bookings (id),
      visit_id TEXT NOT NULL REFERENCES visits (id),
      leader_id TEXT NOT NULL REFERENCES users (id),
      notes TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'accepted', 'declined', 'forwarded', 'assigned', 'litigation')),
      unit TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      lawyer_present INTEGER NOT NULL DEFAULT 0,
      satisfaction TEXT CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
      decided_on TEXT NOT NULL,
      reply_due TEXT,
      handle_due TEXT,
      extension_days INTEGER,
      extension_reason TEXT NOT NULL DEFAULT '',
      replied_on TEXT,
      concluded_on TEXT,
      recorded_by TEXT NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`.execute(db);
  await sql`CREATE INDEX talk_records_by_visit ON talk_records (visit_id)`.execute(db);

  await sql`
    CREATE TABLE room_calls (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL REFERENCES tickets (id),
      room_id TEXT NOT NULL REFERENCES rooms (id),
      at TEXT NOT NULL,
      recall INTEGER NOT NULL DEFAULT 0,
      actor_id TEXT NOT NULL REFERENCES users (id)
    )`.execute(db);
  await sql`CREATE INDEX room_calls_by_at ON room_calls (at)`.execute(db);

  await sql`ALTER TABLE tickets ADD COLUMN room_id TEXT REFERENCES rooms (id)`.execute(db);
  // A leader sees only their own queue unless the administrator grants more.
  await sql`ALTER TABLE users ADD COLUMN sees_all_queues INTEGER NOT NULL DEFAULT 0`.execute(db);
  // Recording an outcome changes a visit too; "corrected" must not be guessed from its version any more.
  await sql`ALTER TABLE visits ADD COLUMN corrected_at TEXT`.execute(db);
  await sql`UPDATE visits SET corrected_at = updated_at WHERE version > 1`.execute(db);

  const at = new Date().toISOString();
  const rooms: [string, number, string, 'talk' | 'waiting', number][] = [
    ['0193a000-0000-7000-8000-000000000301', 1, '1号接谈室', 'talk', 8],
    ['0193a000-0000-7000-8000-000000000302', 2, '2号接谈室', 'talk', 6],
    ['0193a000-0000-7000-8000-000000000309', 9, '候谈室', 'waiting', 30],
  ];
  for (const [id, number, name, kind, capacity] of rooms) {
    await sql`INSERT INTO rooms (id, number, name, kind, capacity, open_from, open_to, created_at, updated_at)
              VALUES (${id}, ${number}, ${name}, ${kind}, ${capacity}, '08:30', '17:30', ${at}, ${at})`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('0007_reception cannot be reverted');
}
