// The HTTP transport (serve mode): the same contract and dispatcher as Electron
// IPC, for browser desks, a hall display on a TV, and our e2e tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Backend } from '../backend';
import { currentUser, isLoopbackAddress as isLoopback } from '../services/users';
import { padPlaceOf } from '../services/pads';
import { CSP } from '@shared/csp';
import { PUBLIC_EVENTS, type EventMap } from '@shared/api/events';
import type { SessionHolder } from '../services/sessions';
import { readCookie, SESSION_COOKIE, sessionCookie } from './cookies';
import { serveStatic } from './static';
import type { ConnectionSetup } from '../db/connection-settings';

export interface HttpOptions {
  host: string;
  port: number;
  /** Built renderer folder (out/renderer). */
  staticDir: string;
  /**
   * Let other machines on the network use the staff API (desks in browsers).
   * Off by default: bound to the LAN for a hall TV, only the public display
   * is served to other machines.
   */
  lanDesks?: boolean;
  /**
   * Tests only (serve.ts sets it from PETITION_HALL_TEST_CONNECTION_SETUP): the
   * desktop app's connection screen over /api/connection-setup/*, from this
   * machine only. Serve mode itself never chooses its database this way.
   */
  connectionSetup?: ConnectionSetup;
}

const SETUP_OPS = ['state', 'test', 'save', 'connect'] as const;

async function handleConnectionSetup(setup: ConnectionSetup, req: IncomingMessage, res: ServerResponse, op: string) {
  const known = SETUP_OPS.find((o) => o === op);
  if (!known || req.method !== 'POST' || !req.headers['content-type']?.startsWith('application/json')) {
    sendJson(res, 405, { ok: false, error: { code: 'UNKNOWN_METHOD', message: '请求方式不正确' } });
    return;
  }
  const body = await readBody(req);
  const input: unknown = body ? JSON.parse(body) : {};
  if (known === 'state') return sendJson(res, 200, setup.state());
  if (known === 'connect') {
    const { database: _url, ...outcome } = await setup.connect(input); // the URL holds the password: never sent back
    return sendJson(res, 200, outcome);
  }
  sendJson(res, 200, await setup[known](input));
}

// The 评价器 (satisfaction pad) is public like the display: it has no login, and its
// calls and its event stream carry the pad's token, checked by the service.
const PUBLIC_API = new Set([
  '/api/display.state',
  '/api/display/events',
  '/api/setup.status',
  '/api/pad.pair',
  '/api/pad.state',
  '/api/pad.answer',
  '/api/pad/events',
]);

const MAX_BODY = 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(body));
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) return void chunks.push(c);
      // Stop reading; the caller answers, then closes the connection (see handleApi).
      req.pause();
      reject(new BodyTooLarge());
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Refuse requests addressed to another host name (DNS rebinding) or sent from another origin. */
function trustedRequest(req: IncomingMessage, allowedHosts: Set<string>): boolean {
  const host = req.headers.host?.toLowerCase();
  if (!host || !allowedHosts.has(host)) return false;
  const origin = req.headers.origin;
  return !origin || origin === `http://${host}`;
}

async function handleApi(backend: Backend, req: IncomingMessage, res: ServerResponse, method: string) {
  if (req.method !== 'POST' || !req.headers['content-type']?.startsWith('application/json')) {
    sendJson(res, 405, { ok: false, error: { code: 'UNKNOWN_METHOD', message: '请求方式不正确' } });
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body ? JSON.parse(body) : {};
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      // The refusal is sent first, then the connection is closed: the rest of the body is never read.
      sendJson(
        res,
        413,
        { ok: false, error: { code: 'VALIDATION', message: '提交的内容过大（超过1MB），未保存' } },
        { Connection: 'close' },
      );
      res.on('finish', () => req.destroy());
      return;
    }
    sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求内容无法识别' } });
    return;
  }
  const before = readCookie(req.headers.cookie, SESSION_COOKIE);
  // The peer's address: the client for the login back-off, and the check that
  // the first administrator is created at this machine (users.createAdmin).
  const remoteAddress = req.socket.remoteAddress ?? 'unknown';
  const session: SessionHolder = { token: before, client: remoteAddress, remoteAddress };
  // The form submission's key (Idempotency-Key): a resubmitted save gets its first answer.
  const key = req.headers['idempotency-key'];
  const result = await backend.call(session, method, input, typeof key === 'string' ? { idempotencyKey: key } : {});
  const extra: Record<string, string> = session.token !== before ? { 'Set-Cookie': sessionCookie(session.token) } : {};
  // Errors are part of the contract, so they travel as 200 with ok:false.
  sendJson(res, 200, result, extra);
}

/**
 * Server-Sent Events. Logged-in desks get every event; the public hall display
 * (/api/display/events, no login) gets only the queue events, which carry
 * ticket and desk numbers and nothing personal.
 */
async function handleEvents(backend: Backend, req: IncomingMessage, res: ServerResponse, audience: 'staff' | 'public') {
  if (audience === 'staff' && !(await currentUser(backend.deps, { token: readCookie(req.headers.cookie, SESSION_COOKIE) }))) {
    sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = backend.events.subscribe((e) => {
    if (audience === 'staff' || PUBLIC_EVENTS.includes(e.name)) res.write(`data: ${JSON.stringify(e)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

/**
 * The pad's events: queue changes (a finish there opens its question; a call
 * there changes who serves) and answers stored at its own place. Its token is
 * in the query string (EventSource sends no body); an unknown one gets 401.
 */
async function handlePadEvents(backend: Backend, req: IncomingMessage, res: ServerResponse) {
  const token = new URL(req.url ?? '/', 'http://local').searchParams.get('token') ?? '';
  const place = await padPlaceOf(backend.deps, token);
  if (!place) {
    sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: '评价器未配对或配对已解除' } });
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = backend.events.subscribe((e) => {
    const answered = e.payload as EventMap['pads.answered'];
    const ours =
      e.name === 'queue.changed' || (e.name === 'pads.answered' && answered.deskId === place.deskId && answered.roomId === place.roomId);
    if (ours) res.write(`data: ${JSON.stringify(e)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

export async function startHttpServer(
  backend: Backend,
  opts: HttpOptions,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const allowedHosts = new Set<string>();
  const route = (req: IncomingMessage, res: ServerResponse) => {
    if (!trustedRequest(req, allowedHosts)) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自其他地址的请求' } });
      return;
    }
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (path.startsWith('/api/') && !PUBLIC_API.has(path) && !opts.lanDesks && !isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, {
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: '此服务只向本机提供登记与叫号功能；其他电脑只能打开叫号屏。如需局域网窗口使用，请以 --lan-desks 启动服务',
        },
      });
      return;
    }
    const done = (p: Promise<void>) =>
      p.catch((e) => {
        console.error('[http]', e);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } });
      });
    if (path.startsWith('/api/connection-setup/') && opts.connectionSetup && isLoopback(req.socket.remoteAddress))
      done(handleConnectionSetup(opts.connectionSetup, req, res, path.slice('/api/connection-setup/'.length)));
    else if (path === '/api/events') done(handleEvents(backend, req, res, 'staff'));
    else if (path === '/api/display/events') done(handleEvents(backend, req, res, 'public'));
    else if (path === '/api/pad/events') done(handlePadEvents(backend, req, res));
    else if (path.startsWith('/api/')) done(handleApi(backend, req, res, path.slice('/api/'.length)));
    else if (req.method === 'GET' || req.method === 'HEAD') serveStatic(opts.staticDir, path, req, res, SECURITY_HEADERS);
    else sendJson(res, 405, { ok: false, error: { code: 'UNKNOWN_METHOD', message: '请求方式不正确' } });
  };
  // Nothing a client sends may take the server down for the whole hall.
  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (e) {
      console.error('[http]', e);
      if (!res.headersSent) sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求格式不正确' } });
      else res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Requests must name this machine: loopback, the bound address, or — when
  // bound to all interfaces for a hall display on the LAN — one of its own addresses.
  const names = [opts.host, '127.0.0.1', 'localhost', '[::1]'];
  if (opts.host === '0.0.0.0' || opts.host === '::') {
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) names.push(a.family === 'IPv6' ? `[${a.address}]` : a.address);
  }
  for (const h of names) allowedHosts.add(`${h}:${port}`.toLowerCase());
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
