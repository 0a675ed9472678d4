// scrypt from node:crypto: memory-hard, no native add-on to build.
//
// Stored form: scrypt$N$r$p$salt$key (base64). New hashes use N=2^17, r=8, p=1
// (128 MiB, current OWASP guidance); hashes stored with lower parameters still
// verify and are replaced at the owner's next successful login (needsRehash).
//
// Tests only: PETITION_HALL_TEST_SCRYPT_LOG2N (set in vitest.config.mts) lowers
// the cost of new hashes so the suite stays fast. It is honoured only when
// Vitest runs the process (VITEST is set, inherited by the child processes the
// tests spawn); the app and serve mode always use the full cost.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

const PRODUCTION_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 64;

/** The parameters new hashes get (see the file comment for the test override). */
export function defaultCost(env: NodeJS.ProcessEnv = process.env): ScryptCost {
  const log2n = Number(env.PETITION_HALL_TEST_SCRYPT_LOG2N);
  if (env.VITEST && Number.isInteger(log2n) && log2n >= 4 && log2n < 17) return { ...PRODUCTION_COST, N: 2 ** log2n };
  return PRODUCTION_COST;
}

// scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is too small for
// N=2^17, so allow twice that. At most two hashes run at once, so a burst of
// logins cannot take the machine's memory (2 × 128 MiB at most).
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function scrypt(password: string, salt: Buffer, keylen: number, cost: ScryptCost): Promise<Buffer> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    const opts: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 2 * 128 * cost.N * cost.r };
    return await new Promise<Buffer>((resolve, reject) =>
      scryptCb(password.normalize('NFC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export async function hashPassword(password: string, cost: ScryptCost = defaultCost()): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string): (ScryptCost & { salt: Buffer; key: Buffer }) | null {
  const [alg, n, r, p, saltB64, keyB64] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (alg !== 'scrypt' || !saltB64 || !keyB64) return null;
  // Refuse parameters no hash of ours has, rather than let a bad row ask for gigabytes.
  if (![cost.N, cost.r, cost.p].every(Number.isInteger) || cost.N < 2 || cost.N > 2 ** 20 || cost.r > 32 || cost.p > 16) return null;
  return { ...cost, salt: Buffer.from(saltB64, 'base64'), key: Buffer.from(keyB64, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const key = await scrypt(password, h.salt, h.key.length, h);
  return key.length === h.key.length && timingSafeEqual(key, h.key);
}

/** True when a stored hash is weaker than what new hashes get: replace it at the next successful login. */
export function needsRehash(stored: string, cost: ScryptCost = defaultCost()): boolean {
  const h = parse(stored);
  return !h || h.N < cost.N || h.r < cost.r || h.p < cost.p;
}

let dummy: Promise<string> | null = null;

/**
 * Checks a password against a throw-away hash of the current cost, so a login
 * for an unknown name takes as long as one for a real account.
 */
export async function verifyDummy(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(16).toString('base64'));
  await verifyPassword(password, await dummy);
}
