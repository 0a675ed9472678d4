// The desktop app's connection choice (选择数据位置): this machine's SQLite
// file, or the hall's PostgreSQL server. Validated by the form and again by the
// desktop shell's backend side (electron/backend/db/connection-settings.ts).
import { z } from '../zod-setup';

export const postgresConnectionInput = z.object({
  kind: z.literal('postgres'),
  host: z
    .string({ error: '请填写服务器地址' })
    .trim()
    .min(1, '请填写服务器地址')
    .max(253, '服务器地址过长')
    .regex(/^[A-Za-z0-9.:_-]+$/, '服务器地址只能是主机名或 IP 地址（如 192.168.1.10）'),
  port: z.coerce.number({ error: '端口须为数字' }).int('端口须为整数').min(1, '端口须在 1–65535 之间').max(65535, '端口须在 1–65535 之间'),
  database: z.string({ error: '请填写数据库名' }).trim().min(1, '请填写数据库名').max(63, '数据库名不能超过63位'),
  user: z.string({ error: '请填写用户名' }).trim().min(1, '请填写用户名').max(63, '用户名不能超过63位'),
  password: z.string().max(256, '密码过长'),
  /** False: the password is not saved and is asked at each start. */
  savePassword: z.boolean(),
});

export const connectionInput = z.discriminatedUnion('kind', [z.object({ kind: z.literal('sqlite') }), postgresConnectionInput], {
  error: '请选择数据位置',
});

export type ConnectionInput = z.infer<typeof connectionInput>;
export type PostgresConnectionInput = z.infer<typeof postgresConnectionInput>;

/** What the screen shows of the saved choice: never the password, only whether one is kept. */
export type ConnectionView =
  | { kind: 'none' }
  | { kind: 'sqlite' }
  | { kind: 'postgres'; host: string; port: number; database: string; user: string; passwordSaved: boolean };

export interface ConnectionState {
  current: ConnectionView;
  /** Whether the system can encrypt a saved password (Electron's safeStorage). */
  canSavePassword: boolean;
  /** Why not, in Chinese, when it cannot. */
  whyNoSave: string | null;
}

export type ConnectionOutcome = { ok: true; message: string } | { ok: false; message: string; fields?: Record<string, string> };

/**
 * The desktop shell's connection screen reaches the main process through this
 * bridge (window.hallSetup), not the contract: it runs before any database is
 * open, and the contract's dispatcher needs one (logins, roles).
 */
export interface SetupBridge {
  state(): Promise<ConnectionState>;
  test(input: unknown): Promise<ConnectionOutcome>;
  /** Saves the choice; `restart` true: the app restarts to use it. */
  save(input: unknown): Promise<ConnectionOutcome>;
  /** With a saved connection whose password is not saved: connect with this one for this run only. */
  connect(input: unknown): Promise<ConnectionOutcome>;
}
