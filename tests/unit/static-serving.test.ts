// Serve mode's static files (electron/backend/http/static.ts) on a real server on 127.0.0.1:
// the build's precompressed copies are sent with Content-Encoding when the browser accepts
// them, with Vary and caching headers; a path outside the folder, a missing named file and a
// precompressed copy asked for by name are refused.
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../electron/backend/http/server';
import type { TestHall } from '../support/backend';
import { useHall } from '../support/hall';

const SCRIPT = `console.log(${JSON.stringify('叫号屏'.repeat(2000))});\n`;
const SECRET = 'petition-hall secret: 110101199003071234';

let http: Awaited<ReturnType<typeof startHttpServer>>;
useHall(async (hall: TestHall) => {
  // hall.dir holds the database; the renderer folder sits inside it, with a secret beside it.
  const root = join(hall.dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>信访接待大厅</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(root, 'assets', 'index-abc123.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(hall.dir, 'secret.txt'), SECRET);
  http = await startHttpServer(hall.backend, { host: '127.0.0.1', port: 0, staticDir: root });
  hall.defer(() => http.close());
});

/** A raw request: the path is sent exactly as written (fetch would normalise `..`). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const u = new URL(http.url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers: { Host: u.host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files in serve mode', () => {
  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, plain otherwise; always with Vary', async () => {
    const br = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8', 'GZIP, identity']) {
      const gz = await get('/assets/index-abc123.js', { 'Accept-Encoding': accept });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers.vary).toBe('Accept-Encoding');
      expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    }

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/assets/index-abc123.js', accept ? { 'Accept-Encoding': accept } : {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.toString()).toBe(SCRIPT);
    }
  });

  it('answers HEAD with the length of what GET would send, and no body', async () => {
    const head = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length);
    expect(head.body.length).toBe(0);
  });

  it('revalidates index.html, and serves it for the app routes', async () => {
    for (const path of ['/', '/desk', '/admin/export']) {
      const page = await get(path, { 'Accept-Encoding': 'br' });
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body.toString()).toContain('信访接待大厅');
    }
  });

  it('refuses a path out of the folder, a missing named file, and a precompressed copy by its own name', async () => {
    const refused = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%5c..%5csecret.txt',
      '/assets/index-abc123.js.br',
      '/assets/index-abc123.js.gz',
      '/assets/index-missing.js',
      '/secret.txt',
      '/assets/index-abc123.js%00.html',
    ];
    for (const path of refused) {
      const r = await get(path, { 'Accept-Encoding': 'gzip, br' });
      expect(r.status, path).toBe(404);
      expect(r.body.toString(), path).toBe('找不到该文件');
      expect(r.headers['content-encoding'], path).toBeUndefined();
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });
});
