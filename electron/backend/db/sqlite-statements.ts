// Prepared statements kept for reuse on SQLite: the counterpart of pg-named.ts.
//
// Kysely's SqliteDriver calls `prepare(sql)` for every query it runs, and
// better-sqlite3 compiles the text into a new statement each time
// (sqlite3_prepare_v3): for call-next that was a fifth of the call's time
// (about 1 ms of 4.9 ms on the 100k district), more than executing its
// statements. Handing Kysely a database whose `prepare` returns the statement
// it made last time for the same text removes that cost.
//
// Safe to share: the driver runs one query at a time on its one connection
// (Kysely's mutex), executes with all()/run() which reset the statement, and
// sets no modes on it (raw, pluck, safeIntegers). A statement survives schema
// changes (SQLite re-prepares it itself on SQLITE_SCHEMA). Kysely writes a
// different text for every length of an `in (…)` list, so at most MAX_KEPT
// texts are kept, the least recently used leaving first.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

const MAX_KEPT = 500;

export function keptStatements(raw: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text: string) {
      let st = kept.get(text);
      if (st) kept.delete(text);
      else {
        st = raw.prepare(text);
        if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
      }
      kept.set(text, st);
      return st;
    },
    close() {
      kept.clear();
      raw.close();
    },
  };
}
