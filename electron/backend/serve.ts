// `serve` mode: the backend and the built renderer over HTTP, for a browser
// where Electron cannot run. Usage:
//   node out/main/serve.js [--port 8720] [--host 127.0.0.1] [--data <folder>] [--lan-desks]
//                          [--database postgres://user:password@host:5432/hall]
// Without --database (or PETITION_HALL_DATABASE_URL) the data is the SQLite
// file in the data folder; with it, several machines share one PostgreSQL.
// Bound to the LAN (--host 0.0.0.0) other machines get the hall display only,
// unless --lan-desks lets browser desks on the network log in too.
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { createBackend } from './backend';
import { defaultDataDir } from './data-dir';
import { startHttpServer } from './http/server';
import { startExportScheduler } from './services/export/scheduler';
import { startBackupScheduler } from './services/backup/scheduler';
import { createChromiumPdfRenderer, findChromium } from './services/printing/chromium-pdf';
import { connectionSetup, throwawayCipher } from './db/connection-settings';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PETITION_HALL_PORT ?? '8720' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: process.env.PETITION_HALL_DATA ?? defaultDataDir() },
      static: { type: 'string', default: join(__dirname, '..', 'renderer') },
      'lan-desks': { type: 'boolean', default: false },
      database: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口不正确：${values.port}`);
  const backend = await createBackend({ dataDir: resolve(values.data), database: values.database });
  // The desktop app's connection screen (选择数据位置) is a renderer page that
  // talks to Electron's main process, which no test here can run. For the e2e
  // test of that page only, PETITION_HALL_TEST_CONNECTION_SETUP=<folder> serves
  // the same operations (electron/backend/db/connection-settings.ts) over HTTP,
  // writing connection.json into that folder with a throwaway key in place of
  // safeStorage. Serve mode takes its own database from --database and never
  // reads that file.
  const setupDir = process.env.PETITION_HALL_TEST_CONNECTION_SETUP;
  if (setupDir) console.warn(`测试用：连接设置页面已开放（${setupDir}），生产环境请勿设置 PETITION_HALL_TEST_CONNECTION_SETUP`);
  const http = await startHttpServer(backend, {
    host: values.host,
    port,
    staticDir: resolve(values.static),
    lanDesks: values['lan-desks'],
    connectionSetup: setupDir ? connectionSetup(resolve(setupDir), throwawayCipher()) : undefined,
  });
  // Scheduled export to the district system; a lease keeps two processes on
  // one data folder (desktop app and serve mode) from exporting twice.
  const exporter = startExportScheduler(backend.deps, { dataDir: backend.deps.dataDir });
  // 每天 HH:mm backups of the SQLite file (备份与恢复); none on PostgreSQL.
  const backups = startBackupScheduler(backend.deps);
  // Formal notices are archived as PDF; in a browser that takes the system's Chromium.
  const chromium = findChromium();
  const pdf = chromium ? createChromiumPdfRenderer(http.url.replace(/\/$/, ''), chromium) : null;
  backend.deps.noticePdf = pdf;
  console.log(`信访接待大厅已启动：${http.url}`);
  if (!pdf) console.warn('未找到 Chromium：告知书无法生成PDF存档，将拒绝打印告知书（可设置 PETITION_HALL_CHROMIUM）');
  console.log(`${backend.store.engine === 'postgres' ? '数据库' : '数据文件'}：${backend.database}`);
  const stop = async () => {
    exporter.stop();
    backups?.stop();
    await pdf?.close();
    await http.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error('启动失败：', e instanceof Error ? e.message : e);
  process.exit(1);
});
