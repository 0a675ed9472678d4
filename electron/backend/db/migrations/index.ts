// Every migration, imported explicitly (no directory scanning, so bundling works).
import type { Migration, MigrationProvider } from 'kysely';
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

const migrations: Record<string, Migration> = {
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
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
