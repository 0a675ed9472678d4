// Secrets at rest (the district endpoint's Bearer token): sealed before they
// are written to the database, opened only when they are used. The desktop app
// passes Electron's safeStorage in (electron/main/secret-box.ts; the OS
// keychain / DPAPI); serve mode and the tests use AES-256-GCM with a random key
// kept in a 0600 key file in the data folder. A sealed value names its box, so
// a value sealed by one box is never fed to another.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeSync, fsyncSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_MODE } from './file-modes';

export interface SecretBox {
  /** Names the box in each sealed value ('file', 'os'). */
  readonly kind: string;
  seal(plain: string): string;
  /** Throws when the value was not sealed by this box (another machine's key, a damaged value). */
  open(sealed: string): string;
}

export const KEY_FILE_NAME = 'secret.key';

/** Reads the data folder's key, or makes one (32 random bytes, mode 0600, written once). */
function loadKey(dataDir: string): Buffer {
  const file = join(dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) {
    try {
      const fd = openSync(file, 'wx', FILE_MODE);
      try {
        writeSync(fd, randomBytes(32).toString('base64'));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      // Another process on the same folder made it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  if (process.platform !== 'win32') chmodSync(file, FILE_MODE);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`密钥文件已损坏：${file}`);
  return key;
}

/** AES-256-GCM with the data folder's key file: 'file:' + base64(iv 12 | tag 16 | ciphertext). */
export function fileSecretBox(dataDir: string): SecretBox {
  let key: Buffer | null = null;
  const k = () => (key ??= loadKey(dataDir));
  return {
    kind: 'file',
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', k(), iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `file:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      if (!sealed.startsWith('file:')) throw new Error('not sealed by the file box');
      const raw = Buffer.from(sealed.slice(5), 'base64');
      const d = createDecipheriv('aes-256-gcm', k(), raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** What the desktop app hands in: Electron's safeStorage, reduced to what a box needs. */
export interface OsEncryption {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(data: Buffer): string;
}

/** The OS keychain box ('os:' + base64), when the OS offers one; otherwise the key file. */
export function osSecretBox(os: OsEncryption, dataDir: string): SecretBox {
  if (!os.isEncryptionAvailable()) return fileSecretBox(dataDir);
  const file = fileSecretBox(dataDir);
  return {
    kind: 'os',
    seal: (plain) => `os:${os.encryptString(plain).toString('base64')}`,
    // Values sealed by serve mode on the same folder stay readable.
    open: (sealed) =>
      sealed.startsWith('file:') ? file.open(sealed) : os.decryptString(Buffer.from(sealed.replace(/^os:/, ''), 'base64')),
  };
}
