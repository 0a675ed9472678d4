import { resolve } from 'node:path';
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
    plugins: [react(), cspMeta()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
