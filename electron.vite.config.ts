import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CSP } from './shared/csp';

/** Puts the one CSP (shared/csp.ts) into index.html; frame-ancestors only works as a header. */
function cspMeta(): Plugin {
  const content = CSP.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'petition-hall-csp',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }],
  };
}

/** Files worth compressing (serve mode sends these with Content-Encoding when the browser accepts it). */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of
 * the built renderer, once at build time, so serve mode (electron/backend/http/static.ts)
 * never compresses per request. Tiny files and copies that would not be smaller are skipped.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'petition-hall-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

/** Path aliases, the same as tsconfig.base.json's `paths` and vitest.config.mts. */
const alias = {
  '@shared': resolve(__dirname, 'shared'),
  '@lib': resolve(__dirname, 'renderer/src/lib'),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: {
          // Electron main process
          index: resolve(__dirname, 'electron/main/index.ts'),
          // `serve` mode: the same backend under plain Node (no Electron import)
          serve: resolve(__dirname, 'electron/backend/serve.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react(), cspMeta(), precompress()],
    build: {
      // electron-vite leaves the renderer unminified by default; serve mode sends it over the network.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
