// The HTTP transport against a real server on 127.0.0.1: same contract, cookies, events.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../electron/backend/http/server';
import { PASSWORD, visitInput, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
let http: Awaited<ReturnType<typeof startHttpServer>>;
useHall(async (h) => {
  hall = h;
  http = await startHttpServer(hall.backend, { host: '127.0.0.1', port: 0, staticDir: hall.dir });
  hall.defer(() => http.close());
});

async function post(method: string, body: unknown, cookie = '', headers: Record<string, string> = {}) {
  const res = await fetch(`${http.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers },
    body: JSON.stringify(body),
  });
  return { res, body: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } } };
}

async function login() {
  const { res, body } = await post('auth.login', { username: 'admin', password: PASSWORD });
  expect(body.ok).toBe(true);
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0]!;
}

describe('HTTP transport', () => {
  it('logs in with a cookie and serves the same contract', async () => {
    expect((await post('users.list', {})).body.error?.code).toBe('UNAUTHENTICATED');
    const cookie = await login();
    const users = await post('users.list', {}, cookie);
    expect(users.body.ok).toBe(true);
    expect((await post('no.such', {}, cookie)).body.error?.code).toBe('UNKNOWN_METHOD');
    const logout = await post('auth.logout', {}, cookie);
    expect(logout.res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await post('users.list', {}, cookie)).body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a body over 1 MiB with a Chinese refusal before closing, and saves nothing', async () => {
    const cookie = await login();
    const before = await post('visits.listDay', { date: '2026-11-24' }, cookie);
    const huge = JSON.stringify(visitInput({ demands: '要'.repeat(700_000) })); // ~2 MiB of UTF-8
    const res = await fetch(`${http.url}/api/visits.register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: huge,
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { ok: boolean; error: { message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.message).toContain('过大');
    const after = await post('visits.listDay', { date: '2026-11-24' }, cookie);
    expect(after.body.data).toEqual(before.body.data);
  });

  it('answers a registration resubmitted with the same Idempotency-Key with the first visit', async () => {
    const cookie = await login();
    const key = { 'Idempotency-Key': '0193b2c4d5e6f7a8b9c0d1e2f3a4b5c6' };
    const first = await post('visits.register', visitInput(), cookie, key);
    const again = await post('visits.register', visitInput(), cookie, key);
    expect(first.body.ok).toBe(true);
    expect(again.body).toEqual(first.body);
    const day = await post('visits.listDay', { date: '2026-11-24' }, cookie);
    expect(day.body.data).toHaveLength(1);
    // Without the key the same form is a second visit, as before.
    await post('visits.register', visitInput(), cookie);
    expect((await post('visits.listDay', { date: '2026-11-24' }, cookie)).body.data).toHaveLength(2);
  });

  it('treats a malformed session cookie as no session (not a server error)', async () => {
    const { res, body } = await post('auth.me', {}, 'ph_session=%E0%A4%A');
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: true, data: null });
    expect((await post('users.list', {}, 'ph_session=%')).body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses requests for another host name (DNS rebinding) or from another origin', async () => {
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(http.url);
        const req = request(
          {
            host: u.hostname,
            port: u.port,
            path: '/api/setup.status',
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...headers },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
    expect(await status({ Host: 'evil.example:80' })).toBe(403);
    expect(await status({ Origin: 'http://evil.example' })).toBe(403);
    expect(await status({})).toBe(200);
  });

  it('pushes events to logged-in browsers over Server-Sent Events', async () => {
    const cookie = await login();
    const res = await fetch(`${http.url}/api/events`, { headers: { Cookie: cookie } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const saved = await post('visits.register', visitInput(), cookie);
    expect(saved.body.ok).toBe(true);
    let text = '';
    while (!text.includes('visits.changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"change":"registered"');
    expect(text).not.toContain('张三丰'); // events carry ids, never personal data
    await reader.cancel();
  });

  it('survives malformed and hostile URLs, and never serves files outside the app', async () => {
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(http.url);
        const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await raw('/%')).toBe(400);
    expect(await raw('//')).toBeLessThan(500);
    expect(await raw('/..%2f..%2f..%2fetc%2fpasswd')).toBeLessThan(500);
    const body = await (await fetch(`${http.url}/..%2f..%2f..%2f..%2fetc%2fpasswd`)).text();
    expect(body).not.toContain('root:');
    // Still serving after all that.
    expect((await post('setup.status', {})).body.ok).toBe(true);
  });

  it('sends a strict Content-Security-Policy with pages', async () => {
    const res = await fetch(`${http.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });
});
