// A fake vendor's local card-reader service on 127.0.0.1, speaking either example shape of
// shared/domain/card-reader.ts: JSON over HTTP (GET) and JSON over WebSocket (one request
// message → one answer). There is no WebSocket server in Node 20 and no `ws` package here, so
// the server side of RFC 6455 (handshake, unmasking the client's frame, one text frame back)
// is written out below. `mode` makes it answer, fail, hang or talk garbage.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeMode = 'card' | 'noCard' | 'noReader' | 'unreadable' | 'fail' | 'hang' | 'garbage';

export interface FakeReader {
  port: number;
  mode: FakeMode;
  /** The vendor's card body (shape of the chosen example). */
  card: Record<string, unknown>;
  /** Requests seen (HTTP GETs and WebSocket messages). */
  requests: { at: number; path: string; body: string }[];
  close(): Promise<void>;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** The example answers: HTTP = example A ({code,msg,data}), WS = example B ({Result,ErrMsg,CardInfo}). */
function answer(shape: 'http' | 'ws', mode: FakeMode, card: Record<string, unknown>): string {
  if (mode === 'garbage') return '<html>Service Unavailable 服务异常';
  if (shape === 'http') {
    if (mode === 'card') return JSON.stringify({ code: 0, msg: '成功', data: card });
    if (mode === 'noCard') return JSON.stringify({ code: 2, msg: '未放卡' });
    if (mode === 'noReader') return JSON.stringify({ code: 1, msg: '未找到设备' });
    return JSON.stringify({ code: 9, msg: '读卡失败，请重新放卡' });
  }
  if (mode === 'card') return JSON.stringify({ Result: 0, ErrMsg: '', CardInfo: card });
  if (mode === 'noCard') return JSON.stringify({ Result: -2, ErrMsg: '请放卡' });
  if (mode === 'noReader') return JSON.stringify({ Result: -1, ErrMsg: '设备未连接' });
  return JSON.stringify({ Result: -9, ErrMsg: '选卡失败' });
}

function textFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const head =
    payload.length < 126 ? Buffer.from([0x81, payload.length]) : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([head, payload]);
}

/** Reads one masked client frame; null until complete. */
function clientFrame(buf: Buffer): { opcode: number; text: string } | null {
  if (buf.length < 2) return null;
  let len = buf[1]! & 0x7f;
  let p = 2;
  if (len === 126) {
    if (buf.length < 4) return null;
    len = buf.readUInt16BE(2);
    p = 4;
  }
  if (buf.length < p + 4 + len) return null;
  const mask = buf.subarray(p, p + 4);
  const body = Buffer.from(buf.subarray(p + 4, p + 4 + len).map((b, i) => b ^ mask[i % 4]!));
  return { opcode: buf[0]! & 0x0f, text: body.toString('utf8') };
}

export async function startFakeReader(shape: 'http' | 'ws', card: Record<string, unknown>, path: string): Promise<FakeReader> {
  const sockets = new Set<Socket>();
  const fake: FakeReader = {
    port: 0,
    mode: 'card',
    card,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    fake.requests.push({ at: Date.now(), path: req.url ?? '', body: '' });
    if (shape !== 'http' || req.url !== path) {
      res.writeHead(404).end('not found');
      return;
    }
    if (fake.mode === 'hang') return; // never answers
    if (fake.mode === 'fail') {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(answer('http', fake.mode, fake.card));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket) => {
    if (shape !== 'ws' || req.url !== path) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    if (fake.mode === 'fail') {
      socket.destroy(); // the service drops the connection
      return;
    }
    const accept = createHash('sha1')
      .update(String(req.headers['sec-websocket-key']) + GUID)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const f = clientFrame(buf);
      if (!f) return;
      buf = Buffer.alloc(0);
      if (f.opcode === 0x8) return void socket.end();
      fake.requests.push({ at: Date.now(), path: req.url ?? '', body: f.text });
      if (fake.mode === 'hang') return;
      socket.write(textFrame(answer('ws', fake.mode, fake.card)));
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.port = (server.address() as AddressInfo).port;
  return fake;
}
