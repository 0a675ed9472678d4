// Events between processes on one SQLite file (the desktop app and serve mode
// on the same PC): each published event is also written here, and the other
// processes read the rows they have not seen when PRAGMA data_version says
// another connection committed (see events-bridge.ts). Rows are ids only, as
// the events are, and are pruned after ten minutes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE event_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      -- the publishing process, so that it skips its own events
      origin TEXT NOT NULL,
      event_json TEXT NOT NULL
    ) STRICT`.execute(db);
}
