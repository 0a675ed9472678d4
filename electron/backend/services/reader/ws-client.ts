// A minimal WebSocket client (RFC 6455) for the vendor's local reader service: Node 20 has no
// WebSocket built in and we take no new dependency. One connection per read: open, send one
// text message, wait for one text message, close. Text frames only, as the services speak JSON.
import { request } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, 0x80 | len]) : Buffer.from([0x80 | opcode, 0x80 | 126, len >> 8, len & 0xff]);
  if (len > 0xffff) throw new Error('message too long');
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([head, mask, body]);
}

/** Parses complete frames from buf; returns the first text message (joined over continuation frames), or null if more bytes are needed. */
function parseText(buf: Buffer): { text: string } | { close: true } | null {
  let off = 0;
  const parts: Buffer[] = [];
  while (off + 2 <= buf.length) {
    const fin = (buf[off]! & 0x80) !== 0;
    const opcode = buf[off]! & 0x0f;
    let len = buf[off + 1]! & 0x7f;
    const masked = (buf[off + 1]! & 0x80) !== 0;
    let p = off + 2;
    if (len === 126) {
      if (p + 2 > buf.length) return null;
      len = buf.readUInt16BE(p);
      p += 2;
    } else if (len === 127) {
      if (p + 8 > buf.length) return null;
      len = Number(buf.readBigUInt64BE(p));
      p += 8;
    }
    const maskKey = masked ? buf.subarray(p, p + 4) : null;
    if (masked) p += 4;
    if (p + len > buf.length) return null;
    let payload = buf.subarray(p, p + len);
    if (maskKey) payload = Buffer.from(payload.map((b, i) => b ^ maskKey[i % 4]!));
    off = p + len;
    if (opcode === 0x8) return { close: true };
    if (opcode === 0x1 || (opcode === 0x0 && parts.length > 0)) {
      parts.push(payload);
      if (fin) return { text: Buffer.concat(parts).toString('utf8') };
    }
    // ping/pong/binary: skipped (a ping within one short read needs no pong)
  }
  return null;
}

/** Opens ws://127.0.0.1:port/path, sends `message`, resolves with the first text message. Rejects with an Error whose `code` is ECONNREFUSED, ETIMEDOUT, EPROTO or ECLOSED. */
export function wsRequest(port: number, path: string, message: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const key = randomBytes(16).toString('base64');
    let socket: Socket | null = null;
    const fail = (code: string, msg: string) => {
      clearTimeout(timer);
      socket?.destroy();
      req.destroy();
      reject(Object.assign(new Error(msg), { code }));
    };
    const timer = setTimeout(() => fail('ETIMEDOUT', 'timeout'), timeoutMs);
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': key },
    });
    req.on('error', (e: NodeJS.ErrnoException) => fail(e.code ?? 'ECONNREFUSED', e.message));
    req.on('response', (res) => {
      res.resume();
      fail('EPROTO', `HTTP ${res.statusCode} instead of a WebSocket upgrade`);
    });
    req.on('upgrade', (res, sock, head) => {
      socket = sock;
      const expected = createHash('sha1')
        .update(key + GUID)
        .digest('base64');
      if (res.headers['sec-websocket-accept'] !== expected) return fail('EPROTO', 'bad Sec-WebSocket-Accept');
      let buf: Buffer = Buffer.from(head);
      const onData = (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        const got = parseText(buf);
        if (!got) return;
        if ('close' in got) return fail('ECLOSED', 'closed by the service');
        clearTimeout(timer);
        sock.off('data', onData);
        sock.end(frame(0x8, Buffer.from([0x03, 0xe8])));
        sock.destroySoon?.();
        resolve(got.text);
      };
      sock.on('data', onData);
      sock.on('error', (e: NodeJS.ErrnoException) => fail(e.code ?? 'ECLOSED', e.message));
      sock.on('close', () => fail('ECLOSED', 'closed by the service'));
      sock.write(frame(0x1, Buffer.from(message, 'utf8')));
      if (buf.length) onData(Buffer.alloc(0));
    });
    req.end();
  });
}
