// The desktop app's connection choice (选择数据位置), in plain Node so that it is
// tested here on a real PostgreSQL: validating the form, building the URL,
// testing a connection, and the settings file in the user-data folder. The
// Electron shell (electron/main/connection.ts) only passes in safeStorage's
// encrypt/decrypt pair and shows the screen.
//
// The file, connection.json (mode 0600), holds the choice and, for
// PostgreSQL, the password encrypted by the operating system's key store
// (safeStorage: DPAPI on Windows, the keychain on macOS, libsecret/kwallet on
// Linux), base64. Where the system cannot encrypt, the password is not saved
// at all (never in the clear) and is asked at each start.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '@shared/api/zod-setup';
import {
  connectionInput,
  type ConnectionInput,
  type ConnectionOutcome,
  type ConnectionState,
  type ConnectionView,
  type PostgresConnectionInput,
} from '@shared/api/schemas/connection';
import { openPostgresUnmigrated, refuseNewerPostgres } from './connection';

export const CONNECTION_FILE = 'connection.json';

/** safeStorage's pair, or null where the system cannot encrypt. */
export interface PasswordCipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

/**
 * A real cipher (AES-256-GCM) whose key lives only in this process: for tests
 * and serve mode's test-only connection screen, standing in for safeStorage,
 * which needs Electron. What it encrypts cannot be read after a restart.
 */
export function throwawayCipher(): PasswordCipher {
  const key = randomBytes(32);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const savedFile = z.discriminatedUnion('kind', [
  z.object({ version: z.literal(1), kind: z.literal('sqlite') }),
  z.object({
    version: z.literal(1),
    kind: z.literal('postgres'),
    host: z.string(),
    port: z.number().int(),
    database: z.string(),
    user: z.string(),
    /** base64 of the encrypted password; null: asked at each start. */
    password: z.string().nullable(),
  }),
]);
export type SavedConnection = z.infer<typeof savedFile>;

/** The form's input, checked: the choice, or the first field at fault in Chinese. */
export function checkConnectionInput(raw: unknown): { ok: true; input: ConnectionInput } | { ok: false; outcome: ConnectionOutcome } {
  const parsed = connectionInput.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return { ok: false, outcome: { ok: false, message: Object.values(fields)[0] ?? '输入有误', fields } };
}

/** postgres://user:password@host:port/database, each part percent-encoded (a password may hold @ : / # %). */
export function postgresUrl(c: Pick<PostgresConnectionInput, 'host' | 'port' | 'database' | 'user' | 'password'>): string {
  const host = c.host.includes(':') ? `[${c.host}]` : c.host;
  const auth = c.password ? `${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}` : encodeURIComponent(c.user);
  return `postgres://${auth}@${host}:${c.port}/${encodeURIComponent(c.database)}`;
}

/** The oldest PostgreSQL the hall supports (README: PostgreSQL 15 or newer). */
const MIN_SERVER_VERSION = 150000;

/**
 * Connects once with the form's values and says, in Chinese, what a hall's
 * administrator can act on: 连接成功, or the reason (the messages openStore
 * gives: refused, wrong password, no such database, a newer app's schema).
 * Nothing is created or migrated.
 */
export async function testPostgresConnection(c: PostgresConnectionInput, timeoutMs = 10_000): Promise<ConnectionOutcome> {
  let store;
  try {
    store = await openPostgresUnmigrated(postgresUrl(c), { connectTimeoutMs: timeoutMs });
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  try {
    const { rows } = await store.pool.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    const version = Number(rows[0]?.v);
    if (version < MIN_SERVER_VERSION) {
      return { ok: false, message: `数据库服务器版本过低（${Math.floor(version / 10000)}），需要 PostgreSQL 15 或更新` };
    }
    await refuseNewerPostgres(store);
    return { ok: true, message: `连接成功（${c.host}:${c.port}/${c.database}）` };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  } finally {
    await store.close();
  }
}

export function readConnectionSettings(dir: string): SavedConnection | null {
  const file = join(dir, CONNECTION_FILE);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`连接设置文件已损坏，请删除后重新选择数据位置：${file}`);
  }
  const parsed = savedFile.safeParse(json);
  if (!parsed.success) throw new Error(`连接设置文件无法识别，请删除后重新选择数据位置：${file}`);
  return parsed.data;
}

/** Why a password cannot be saved here, or null when it can. */
export function whyNoPasswordSave(cipher: PasswordCipher | null): string | null {
  return cipher ? null : '本机系统不支持加密保存密码（系统密钥环不可用），密码不能保存，只能在每次启动时输入';
}

/**
 * Writes the choice (0600, replacing the file in one rename). A password to be
 * saved is encrypted with `cipher`; without one it is refused, never written in
 * the clear.
 */
export function writeConnectionSettings(dir: string, input: ConnectionInput, cipher: PasswordCipher | null): void {
  let saved: SavedConnection;
  if (input.kind === 'sqlite') {
    saved = { version: 1, kind: 'sqlite' };
  } else {
    let password: string | null = null;
    if (input.savePassword && input.password) {
      if (!cipher) throw new Error(whyNoPasswordSave(cipher)!);
      password = cipher.encrypt(input.password).toString('base64');
    }
    const { host, port, database, user } = input;
    saved = { version: 1, kind: 'postgres', host, port, database, user, password };
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, CONNECTION_FILE);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** The saved password, decrypted; null when none is saved. */
export function savedPassword(saved: SavedConnection, cipher: PasswordCipher | null): string | null {
  if (saved.kind !== 'postgres' || saved.password === null) return null;
  if (!cipher) throw new Error('保存的数据库密码无法解密（本机系统密钥环不可用），请重新输入密码');
  try {
    return cipher.decrypt(Buffer.from(saved.password, 'base64'));
  } catch {
    throw new Error('保存的数据库密码无法解密（可能换了系统用户或重装了系统），请重新输入密码');
  }
}

export function connectionView(saved: SavedConnection | null): ConnectionView {
  if (!saved) return { kind: 'none' };
  if (saved.kind === 'sqlite') return { kind: 'sqlite' };
  const { host, port, database, user } = saved;
  return { kind: 'postgres', host, port, database, user, passwordSaved: saved.password !== null };
}

/**
 * What the desktop app opens: the SQLite file in the data folder, the saved
 * PostgreSQL URL, or 'ask' when there is no choice yet (the first run) or the
 * password must be entered (not saved, or no longer decryptable).
 */
export function databaseTarget(
  dir: string,
  sqliteFile: string,
  cipher: PasswordCipher | null,
): { kind: 'open'; database: string } | { kind: 'ask'; reason: string | null } {
  let saved: SavedConnection | null;
  try {
    saved = readConnectionSettings(dir);
  } catch (e) {
    return { kind: 'ask', reason: e instanceof Error ? e.message : String(e) };
  }
  if (!saved) return { kind: 'ask', reason: null };
  if (saved.kind === 'sqlite') return { kind: 'open', database: sqliteFile };
  if (saved.password === null) return { kind: 'ask', reason: '请输入数据库密码（密码未保存在本机）' };
  try {
    return { kind: 'open', database: postgresUrl({ ...saved, password: savedPassword(saved, cipher) ?? '' }) };
  } catch (e) {
    return { kind: 'ask', reason: e instanceof Error ? e.message : String(e) };
  }
}

export type ConnectionSetup = ReturnType<typeof connectionSetup>;

/**
 * The connection screen's four operations, for whichever shell shows it (the
 * desktop's IPC; serve mode's test-only endpoint). `onConnect` runs with the
 * database to open when the choice is to be used at once.
 */
export function connectionSetup(dir: string, cipher: PasswordCipher | null) {
  return {
    state(): ConnectionState {
      let current: ConnectionView;
      try {
        current = connectionView(readConnectionSettings(dir));
      } catch {
        current = { kind: 'none' };
      }
      return { current, canSavePassword: cipher !== null, whyNoSave: whyNoPasswordSave(cipher) };
    },
    async test(raw: unknown): Promise<ConnectionOutcome> {
      const checked = checkConnectionInput(raw);
      if (!checked.ok) return checked.outcome;
      if (checked.input.kind === 'sqlite') return { ok: true, message: '本机数据无需测试连接' };
      return testPostgresConnection(checked.input);
    },
    /** Tests, then saves. A connection that does not work is not saved. */
    async save(raw: unknown): Promise<ConnectionOutcome> {
      const checked = checkConnectionInput(raw);
      if (!checked.ok) return checked.outcome;
      const input = checked.input;
      if (input.kind === 'postgres') {
        if (input.savePassword && input.password && !cipher) {
          return { ok: false, message: whyNoPasswordSave(cipher)!, fields: { savePassword: whyNoPasswordSave(cipher)! } };
        }
        const tested = await testPostgresConnection(input);
        if (!tested.ok) return tested;
      }
      try {
        writeConnectionSettings(dir, input, cipher);
      } catch (e) {
        return { ok: false, message: `无法保存连接设置：${e instanceof Error ? e.message : String(e)}` };
      }
      return { ok: true, message: '已保存。程序需重新启动才会使用新的数据位置' };
    },
    /** The saved PostgreSQL connection with a password typed for this run: the URL to open, once it works. */
    async connect(rawPassword: unknown): Promise<ConnectionOutcome & { database?: string }> {
      const saved = readConnectionSettings(dir);
      if (!saved || saved.kind !== 'postgres') return { ok: false, message: '尚未选择数据库服务器' };
      const password = typeof rawPassword === 'object' && rawPassword ? (rawPassword as { password?: unknown }).password : undefined;
      if (typeof password !== 'string') return { ok: false, message: '请填写密码', fields: { password: '请填写密码' } };
      const input: PostgresConnectionInput = { ...saved, kind: 'postgres', password, savePassword: false };
      const tested = await testPostgresConnection(input);
      return tested.ok ? { ...tested, database: postgresUrl(input) } : tested;
    },
  };
}
