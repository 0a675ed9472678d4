import type { Db } from './db/connection';
import type { EventBus } from './events';
import type { SessionStore } from './services/sessions';
import type { LoginThrottle } from './services/login-throttle';
import type { Role } from '@shared/api/roles';
import type { PdfRenderer, PrintExecutor } from './services/printing/executor';
import type { SecretBox } from './security/secret-box';

/** What every service gets: the store, the event bus, the sessions and a clock. */
export interface Deps {
  db: Db;
  events: EventBus;
  sessions: SessionStore;
  /** Per-client login back-off, in memory (per process). */
  loginThrottle: LoginThrottle;
  /** Injected so tests can set the day; production uses the system clock. */
  now: () => Date;
  /** The desktop app's printer; null in serve mode (the browser prints). */
  printer: PrintExecutor | null;
  /**
   * Renders a print route to PDF for the notice archive: a hidden Electron
   * window in the desktop app, headless Chromium in serve mode; null when
   * neither is available (formal notices are then refused, not issued unkept).
   */
  noticePdf: PdfRenderer | null;
  /** The data folder (database, staged exports). */
  dataDir: string;
  /** Seals secrets kept in the database (the export endpoint's token). */
  secrets: SecretBox;
  /** The SQLite file the store is (null on PostgreSQL), for backups and restore. */
  sqliteFile: string | null;
  /** An Electron-ABI build of better-sqlite3, for the extra connections backups open. */
  nativeBinding?: string;
}

/** The logged-in user making a call. Every change is attributed to one. */
export interface Actor {
  id: string;
  role: Role;
  displayName: string;
}
