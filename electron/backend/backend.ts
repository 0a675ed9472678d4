// The backend as one object: open the store, wire the services, expose the
// dispatcher and the event bus. Plain Node only: this file and everything it
// imports must never import `electron` (a test enforces it).
import { join } from 'node:path';
import { openStore, type OpenOptions, type Store } from './db/connection';
import { EventBus } from './events';
import { startEventBridge } from './events-bridge';
import { SessionStore, type SessionHolder } from './services/sessions';
import { LoginThrottle } from './services/login-throttle';
import { dispatch, type CallOptions } from './api/dispatch';
import type { Deps } from './context';
import type { ApiResult } from '@shared/api/errors';
import type { PdfRenderer, PrintExecutor } from './services/printing/executor';
import { recomputeIfFlagged } from './services/matters/due';
import { holidayCalendar } from './services/calendar/calendar';
import { fileSecretBox, type SecretBox } from './security/secret-box';
import { secureDataDir } from './security/file-modes';
import { moveLegacyPhotoFiles, pruneCardPhotos } from './services/reader/photos';
import { recoverInterruptedRestore } from './services/backup/backup';

export const DB_FILE_NAME = 'petition-hall.sqlite3';

export interface BackendOptions extends OpenOptions {
  /** Folder holding the SQLite database file, print archives and export files (Electron: the user-data folder). */
  dataDir: string;
  /**
   * A PostgreSQL URL (postgres://…) or a SQLite file; see chooseDatabase.
   */
  database?: string;
  now?: () => Date;
  printer?: PrintExecutor | null;
  noticePdf?: PdfRenderer | null;
  /** The desktop app passes Electron's safeStorage (electron/main/secret-box.ts); otherwise a key file in the data folder. */
  secrets?: SecretBox;
}

export interface Backend {
  call(session: SessionHolder, method: string, input: unknown, opts?: CallOptions): Promise<ApiResult<unknown>>;
  events: EventBus;
  deps: Deps;
  store: Store;
  /** Where the data lives: the SQLite file, or the PostgreSQL URL without its password. */
  database: string;
  close(): Promise<void>;
}

/**
 * The one place that chooses the database, for the desktop app and serve mode
 * alike: the `database` option (serve mode's --database), else the
 * PETITION_HALL_DATABASE_URL environment variable (a hall of many desks on one
 * PostgreSQL server), else the embedded SQLite file in the data folder.
 */
export function chooseDatabase(opts: { dataDir: string; database?: string }, env: NodeJS.ProcessEnv = process.env): string {
  return opts.database || env.PETITION_HALL_DATABASE_URL || join(opts.dataDir, DB_FILE_NAME);
}

export async function createBackend(opts: BackendOptions): Promise<Backend> {
  // The data folder and everything in it: the app's user only (0700 / 0600 on POSIX).
  secureDataDir(opts.dataDir);
  const store = await openStore(chooseDatabase(opts), opts);
  const deps: Deps = {
    db: store.db,
    events: new EventBus(),
    sessions: new SessionStore(),
    loginThrottle: new LoginThrottle(),
    now: opts.now ?? (() => new Date()),
    printer: opts.printer ?? null,
    noticePdf: opts.noticePdf ?? null,
    dataDir: opts.dataDir,
    secrets: opts.secrets ?? fileSecretBox(opts.dataDir),
    sqliteFile: store.engine === 'sqlite' ? store.location : null,
    nativeBinding: opts.nativeBinding,
  };
  let bridge;
  try {
    // A restore killed half-way is finished (or recorded as not done) before anything else runs.
    await recoverInterruptedRestore(deps);
    // Due dates of matters written before 0010 need the holiday calendar: computed once, here.
    await recomputeIfFlagged(deps.db, await holidayCalendar(deps.db), deps.now());
    // Events published here reach every other process on the same database, and theirs reach us.
    bridge = await startEventBridge(store, deps.events);
  } catch (e) {
    await store.close();
    throw e;
  }
  // Card photos past the hall's retention period go within the hour even where no card is read
  // (every store and every change of the period also removes them at once).
  const sweepPhotos = () => void pruneCardPhotos(deps).catch(() => {});
  const photoSweep = setInterval(sweepPhotos, 3_600_000);
  photoSweep.unref();
  // Photos an older version kept as files in the data folder are moved in first, then swept.
  void moveLegacyPhotoFiles(deps)
    .catch(() => 0)
    .then(sweepPhotos);
  return {
    call: (session, method, input, opts) => dispatch(deps, session, method, input, opts),
    events: deps.events,
    deps,
    store,
    database: store.location,
    async close() {
      clearInterval(photoSweep);
      await bridge.close();
      await store.close();
    },
  };
}
