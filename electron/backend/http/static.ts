import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Types the build precompresses (electron.vite.config.ts, precompress): their answer depends on Accept-Encoding. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

/** The encodings a request accepts (q=0 refuses one), e.g. "gzip, deflate, br" → {gzip, deflate, br}. */
function accepted(header: string | string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (q === undefined || Number(q) > 0) out.add(name);
  }
  return out;
}

/**
 * Serves a file of the built renderer; a path without a file name gets index.html (the app's
 * routes). A path outside the folder, or a named file that is not there, gets 404. Where the build left a `.br` or `.gz` copy and
 * the browser accepts it, that copy is sent with Content-Encoding (brotli first); every
 * compressible answer says `Vary: Accept-Encoding` so a cache keeps the two apart.
 * Hashed assets are cached for a year (their name changes with their content); index.html
 * is revalidated each time, so a new build is picked up at once.
 */
export function serveStatic(
  root: string,
  urlPath: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('地址格式不正确');
    return;
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, rel);
  const outside = decoded.includes('\0') || (!file.startsWith(root + sep) && file !== root);
  // A missing file with a name (a stale chunk, a guessed path), anything outside the folder, and
  // the precompressed copies by their own name are refused; other paths are the app's own routes.
  const named = extname(rel) !== '';
  const found = !outside && existsSync(file) && !statSync(file).isDirectory() && !/\.(br|gz)$/.test(file);
  if (!found && (outside || named)) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('找不到该文件');
    return;
  }
  if (!found) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('界面文件未构建：请先运行 npm run build');
    return;
  }
  const ext = extname(file);
  const type = TYPES[ext] ?? 'application/octet-stream';
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  const out: Record<string, string | number> = { ...headers, 'Content-Type': type, 'Cache-Control': cache };
  let body = file;
  if (COMPRESSIBLE.has(ext)) {
    out.Vary = 'Accept-Encoding';
    const ok = accepted(req.headers['accept-encoding']);
    const pick = [
      { enc: 'br', suffix: '.br' },
      { enc: 'gzip', suffix: '.gz' },
    ].find((c) => ok.has(c.enc) && existsSync(file + c.suffix));
    if (pick) {
      out['Content-Encoding'] = pick.enc;
      body = file + pick.suffix;
    }
  }
  out['Content-Length'] = statSync(body).size;
  res.writeHead(200, out);
  if (req.method === 'HEAD') res.end();
  else createReadStream(body).pipe(res);
}
