// Every migration, imported explicitly (no directory scanning, so bundling works).
//
// Each engine has its own twin of every migration, under the same name, so both
// record the same migration list (the "newer schema" check compares names).
// Adding a migration: write NNNN_name.ts (SQLite) and postgres/NNNN_name.ts
// (PostgreSQL), list both below, describe the change in schema.ts; the schema
// guard (tests/unit/schema-guard.test.ts) checks both engines against it, and a
// test fails if the two lists ever differ.
import type { Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../connection';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_queue';
import * as m0003 from './0003_lookup_indexes';
import * as m0004 from './0004_export';
import * as m0005 from './0005_printing';
import * as m0006 from './0006_holidays';
import * as m0007 from './0007_reception';
import * as m0008 from './0008_notice_archive';
import * as m0009 from './0009_print_snapshot';
import * as m0010 from './0010_matters';
import * as m0011 from './0011_matter_papers';
import * as m0012 from './0012_event_log';
import * as m0013 from './0013_call_next_index';
import * as m0014 from './0014_audit_chain';
import * as m0015 from './0015_pad_evaluations';
import * as m0016 from './0016_stats_indexes';
import * as m0017 from './0017_report_archive';
import * as m0018 from './0018_talk_drafts';
import * as m0019 from './0019_stats_covering';
import * as m0021 from './0021_idempotency';
import * as m0022 from './0022_retention';
import * as m0023 from './0023_card_photos';
import * as m0024 from './0024_call_next_conditions';
import * as m0025 from './0025_open_tickets_by_day';
import * as p0001 from './postgres/0001_initial';
import * as p0002 from './postgres/0002_queue';
import * as p0003 from './postgres/0003_lookup_indexes';
import * as p0004 from './postgres/0004_export';
import * as p0005 from './postgres/0005_printing';
import * as p0006 from './postgres/0006_holidays';
import * as p0007 from './postgres/0007_reception';
import * as p0008 from './postgres/0008_notice_archive';
import * as p0009 from './postgres/0009_print_snapshot';
import * as p0010 from './postgres/0010_matters';
import * as p0011 from './postgres/0011_matter_papers';
import * as p0012 from './postgres/0012_event_log';
import * as p0013 from './postgres/0013_call_next_index';
import * as p0014 from './postgres/0014_audit_chain';
import * as p0015 from './postgres/0015_pad_evaluations';
import * as p0016 from './postgres/0016_stats_indexes';
import * as p0017 from './postgres/0017_report_archive';
import * as p0018 from './postgres/0018_talk_drafts';
import * as p0019 from './postgres/0019_stats_covering';
import * as p0021 from './postgres/0021_idempotency';
import * as p0022 from './postgres/0022_retention';
import * as p0023 from './postgres/0023_card_photos';
import * as p0024 from './postgres/0024_call_next_conditions';
import * as p0025 from './postgres/0025_open_tickets_by_day';

const sqlite: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_queue': m0002,
  '0003_lookup_indexes': m0003,
  '0004_export': m0004,
  '0005_printing': m0005,
  '0006_holidays': m0006,
  '0007_reception': m0007,
  '0008_notice_archive': m0008,
  '0009_print_snapshot': m0009,
  '0010_matters': m0010,
  '0011_matter_papers': m0011,
  '0012_event_log': m0012,
  '0013_call_next_index': m0013,
  '0014_audit_chain': m0014,
  '0015_pad_evaluations': m0015,
  '0016_stats_indexes': m0016,
  '0017_report_archive': m0017,
  '0018_talk_drafts': m0018,
  '0019_stats_covering': m0019,
  '0021_idempotency': m0021,
  '0022_retention': m0022,
  '0023_card_photos': m0023,
  '0024_call_next_conditions': m0024,
  '0025_open_tickets_by_day': m0025,
};

const postgres: Record<string, Migration> = {
  '0001_initial': p0001,
  '0002_queue': p0002,
  '0003_lookup_indexes': p0003,
  '0004_export': p0004,
  '0005_printing': p0005,
  '0006_holidays': p0006,
  '0007_reception': p0007,
  '0008_notice_archive': p0008,
  '0009_print_snapshot': p0009,
  '0010_matters': p0010,
  '0011_matter_papers': p0011,
  '0012_event_log': p0012,
  '0013_call_next_index': p0013,
  '0014_audit_chain': p0014,
  '0015_pad_evaluations': p0015,
  '0016_stats_indexes': p0016,
  '0017_report_archive': p0017,
  '0018_talk_drafts': p0018,
  '0019_stats_covering': p0019,
  '0021_idempotency': p0021,
  '0022_retention': p0022,
  '0023_card_photos': p0023,
  '0024_call_next_conditions': p0024,
  '0025_open_tickets_by_day': p0025,
};

/** The SQLite migrations (kept for callers that predate the PostgreSQL engine). */
export const migrationProvider: MigrationProvider = { getMigrations: async () => sqlite };

export function migrationProviderFor(engine: Engine): MigrationProvider {
  const list = engine === 'postgres' ? postgres : sqlite;
  return { getMigrations: async () => list };
}
