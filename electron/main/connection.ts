// Electron glue for the connection screen (选择数据位置): safeStorage as the
// password cipher, and the screen's four operations over IPC. Everything else
// (the form's rules, the URL, the test, the file) is in
// electron/backend/db/connection-settings.ts, tested under plain Node.
import { ipcMain, safeStorage } from 'electron';
import type { ConnectionOutcome } from '@shared/api/schemas/connection';
import { connectionSetup, type PasswordCipher } from '../backend/db/connection-settings';
import type { OsEncryption } from '../backend/security/secret-box';

export const SETUP_CHANNEL = 'hall:setup';

/** Whether the OS really encrypts: Linux without a keyring makes Electron fall back to a hard-coded key, which is no protection. */
function osEncrypts(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return !(process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend()));
}

/** safeStorage (DPAPI, Keychain, libsecret/kwallet) as the database password's cipher, or null where the OS offers none (then the password is typed at each start). */
export function safeStorageCipher(): PasswordCipher | null {
  if (!osEncrypts()) return null;
  return { encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (data) => safeStorage.decryptString(data) };
}

/** The same keychain for the export token's SecretBox (which falls back to the data folder's key file). */
export function osEncryption(): OsEncryption {
  return {
    isEncryptionAvailable: osEncrypts,
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (data) => safeStorage.decryptString(data),
  };
}

export interface SetupHooks {
  /** A choice was saved (the app restarts to use it). */
  saved(): void;
  /** The saved server with a password typed for this run: open it now. */
  connect(database: string): Promise<ConnectionOutcome>;
}

/** Answers the screen; `trustedUrl` as for the contract's IPC: only our own pages. */
export function bindSetupIpc(dataDir: string, trustedUrl: (url: string) => boolean, hooks: SetupHooks): void {
  const setup = connectionSetup(dataDir, safeStorageCipher());
  ipcMain.handle(SETUP_CHANNEL, async (event, op: unknown, input: unknown): Promise<unknown> => {
    if (!event.senderFrame || !trustedUrl(event.senderFrame.url)) return { ok: false, message: '拒绝来自未知页面的请求' };
    switch (op) {
      case 'state':
        return setup.state();
      case 'test':
        return setup.test(input);
      case 'save': {
        const r = await setup.save(input);
        if (r.ok) hooks.saved();
        return r;
      }
      case 'connect': {
        const { database, ...r } = await setup.connect(input);
        return database ? hooks.connect(database) : r;
      }
      default:
        return { ok: false, message: `未知的操作：${String(op)}` };
    }
  });
}
