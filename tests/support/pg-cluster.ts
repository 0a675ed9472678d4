// A throwaway PostgreSQL cluster in a temporary folder, for tests and CI when
// no server is given: initdb + pg_ctl from Debian's postgresql package, run as
// the `postgres` OS user when we are root (PostgreSQL refuses to run as root).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findPgBin(): string | null {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function asPostgresUser(bin: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const quoted = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  if (root) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: ['ignore', 'ignore', 'inherit'] });
  else execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface Cluster {
  /** postgres://hall[:password]@127.0.0.1:port/postgres */
  url: string;
  port: number;
  /** Stops the server at once (pg_ctl -m immediate, as a crash or a pulled cable would), keeping its data. */
  kill(): void;
  /** Starts the server again on the same port and data. */
  restart(): void;
  /** Stops the server and removes its data. */
  stop(): void;
}

export interface ClusterOptions {
  /**
   * Password authentication (scram-sha-256) over TCP for the user `hall`, with
   * this password, instead of trust: a wrong password is then refused.
   */
  password?: string;
  /**
   * Keep synchronous_commit on, so that a commit survives kill() (an immediate
   * shutdown): with it off, the last commits may still be in the server's WAL
   * buffers when it dies, which no real hall server is configured to allow.
   */
  killable?: boolean;
}

/** Initialises and starts a cluster (trust auth unless a password is given, user `hall`, C.UTF-8 collation, fsync off: throwaway data). */
export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql), and PETITION_HALL_TEST_PG_URL is not set');
  const dir = mkdtempSync(join(tmpdir(), 'hall-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
  const data = join(dir, 'pg');
  const port = await freePort();
  const auth = ['-A', 'trust'];
  if (opts.password !== undefined) {
    const pwfile = join(dir, 'pw');
    writeFileSync(pwfile, `${opts.password}\n`, { mode: 0o644 });
    auth.splice(0, 2, '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`);
  }
  asPostgresUser(join(bin, 'initdb'), ['-D', data, ...auth, '-U', 'hall', '--locale=C.UTF-8', '-E', 'UTF8']);
  const start = () =>
    asPostgresUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off ${opts.killable ? '' : '-c synchronous_commit=off '}-c full_page_writes=off -c max_connections=300`,
      'start',
    ]);
  start();
  let running = true;
  const userinfo = opts.password !== undefined ? `hall:${encodeURIComponent(opts.password)}` : 'hall';
  return {
    url: `postgres://${userinfo}@127.0.0.1:${port}/postgres`,
    port,
    kill() {
      asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      running = false;
    },
    restart() {
      start();
      running = true;
    },
    stop() {
      try {
        if (running) asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
