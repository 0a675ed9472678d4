// The reader settings of this PC. Each window PC has its own reader (vendor, port, mapping), so
// with many desks on one PostgreSQL the settings cannot live in the shared database: they are kept
// in this backend's data folder (card-reader.json, 0600, replaced by one rename). The hall's value
// (the `card_reader` setting) is only the default of a PC that has saved none.
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readerSettingsInput, type ReaderSettings } from '@shared/api/schemas/reader';
import { DEFAULT_READER_SETTINGS } from '@shared/domain/card-reader';
import type { Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { getSetting } from '../settings-store';

export const PC_READER_FILE = 'card-reader.json';

/** The hall's default, for a PC with no settings of its own. */
export const getHallReaderSettings = (db: Executor) => getSetting(db, 'card_reader', readerSettingsInput, DEFAULT_READER_SETTINGS);

/** The PC these settings are for: the machine running this backend. */
export const thisPc = (deps: Deps) => ({ hostname: hostname(), dataDir: deps.dataDir });

// The screen polls every 300 ms: the file is parsed again only when it changed.
const cache = new Map<string, { mtimeMs: number; value: ReaderSettings | null }>();

/** This PC's own settings, or null when it has none (or the file cannot be read: the hall's default applies). */
export function readPcReaderSettings(dataDir: string): ReaderSettings | null {
  const file = join(dataDir, PC_READER_FILE);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    cache.delete(file);
    return null;
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.value;
  let value: ReaderSettings | null = null;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { settings?: object };
    const parsed = readerSettingsInput.safeParse({ ...DEFAULT_READER_SETTINGS, ...saved.settings });
    value = parsed.success ? parsed.data : null;
  } catch {
    value = null;
  }
  cache.set(file, { mtimeMs, value });
  return value;
}

export function writePcReaderSettings(dataDir: string, settings: ReaderSettings, savedAt: string): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, PC_READER_FILE);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ version: 1, savedAt, settings }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  cache.delete(file);
}
