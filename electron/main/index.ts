// Electron glue only: windows, IPC, menu. All behaviour lives in electron/backend.
import { app, BrowserWindow, dialog, Menu, screen } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, DB_FILE_NAME, type Backend } from '../backend/backend';
import { databaseTarget } from '../backend/db/connection-settings';
import { bindSetupIpc, osEncryption, safeStorageCipher } from './connection';
import { bindIpc } from './ipc';
import { buildMenu } from './menu';
import { electronSqliteBinding } from './native-binding';
import { hardenContents, hardenSession } from './security';
import { createDeskWindow, createDisplayWindow, createPadWindow, load, type RendererLocation } from './windows';
import { createNoticePdfRenderer, createPrintExecutor } from './printing';
import { startExportScheduler } from '../backend/services/export/scheduler';
import { startBackupScheduler } from '../backend/services/backup/scheduler';
import { osSecretBox } from '../backend/security/secret-box';

let mainWindow: BrowserWindow | null = null;
let displayWindow: BrowserWindow | null = null;
let padWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

const rendererIndex = join(__dirname, '../renderer/index.html');
const devUrl = process.env.ELECTRON_RENDERER_URL;
// With the trailing slash, http://localhost:5173.evil.example can never pass for the dev server.
const appUrlPrefix = devUrl ? `${new URL(devUrl).origin}/` : `${pathToFileURL(join(__dirname, '../renderer')).href}/`;
const trustedUrl = (url: string) => url.startsWith(appUrlPrefix);
const renderer: RendererLocation = { devUrl, indexFile: rendererIndex };

function openDesk() {
  mainWindow = createDeskWindow(renderer);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function openDisplay() {
  if (displayWindow && !displayWindow.isDestroyed()) return displayWindow.focus();
  displayWindow = createDisplayWindow(renderer);
  displayWindow.on('closed', () => {
    displayWindow = null;
  });
}

/** 视图 → 打开评价器窗口: the pad page in its own window (paired by code, as on a tablet). */
function openPad() {
  if (!backend) return; // before the database is open (选择数据位置) there is nothing to pair with
  if (padWindow && !padWindow.isDestroyed()) return padWindow.focus();
  padWindow = createPadWindow(renderer, displayWindow);
  padWindow.on('closed', () => {
    padWindow = null;
  });
}

let connectionWindow: BrowserWindow | null = null;

/** 选择数据位置: at the first run, when the password must be typed, and from the menu (文件 → 数据位置). */
function openConnection() {
  if (connectionWindow && !connectionWindow.isDestroyed()) return connectionWindow.focus();
  connectionWindow = createDeskWindow(renderer, '/connection');
  connectionWindow.on('closed', () => {
    connectionWindow = null;
  });
}

/** A choice was saved: before any database is open, restart at once; else ask (work may be open). */
function connectionSaved() {
  if (!backend) {
    app.relaunch();
    app.exit(0);
    return;
  }
  void dialog
    .showMessageBox({
      type: 'info',
      title: '数据位置已更改',
      message: '新的数据位置已保存，需重新启动程序后才会使用。',
      detail: '重新启动前请保存正在填写的内容。',
      buttons: ['立即重新启动', '稍后'],
      defaultId: 1,
      cancelId: 1,
    })
    .then(({ response }) => {
      if (response !== 0) return;
      app.relaunch();
      app.quit();
    });
}

/** Opens the database and shows the desk (in the connection window when it asked for a password). */
async function openHall(database: string, nativeBinding: string): Promise<void> {
  backend = await createBackend({
    dataDir: app.getPath('userData'),
    database,
    nativeBinding,
    printer: createPrintExecutor(renderer),
    noticePdf: createNoticePdfRenderer(renderer),
    // The export token is sealed by the OS's keychain when it offers one (the same test as the
    // database password's), else by the data folder's key file.
    secrets: osSecretBox(osEncryption(), app.getPath('userData')),
  });
  bindIpc(backend, () => BrowserWindow.getAllWindows(), trustedUrl);
  const exporter = startExportScheduler(backend.deps, { dataDir: backend.deps.dataDir });
  const backups = startBackupScheduler(backend.deps);
  app.on('will-quit', () => {
    exporter.stop();
    backups?.stop();
  });
  if (connectionWindow && !connectionWindow.isDestroyed()) {
    mainWindow = connectionWindow;
    connectionWindow = null;
    load(mainWindow, renderer, '/register');
  } else {
    openDesk();
  }
  // A second monitor is the hall display: open it there at start.
  if (screen.getAllDisplays().length > 1) openDisplay();
}

async function start() {
  await app.whenReady();
  hardenSession();
  const nativeBinding = electronSqliteBinding();
  if (!nativeBinding) {
    dialog.showErrorBox(
      '缺少数据库组件',
      '未找到适用于桌面版的数据库组件（better-sqlite3 的 Electron 版本）。\n请在联网状态下于程序目录执行：npm run rebuild:electron-sqlite\n在此之前可使用浏览器模式：npm run serve',
    );
    app.quit();
    return;
  }
  const dataDir = app.getPath('userData');
  Menu.setApplicationMenu(
    buildMenu(
      openDisplay,
      openPad,
      () => {
        void dialog.showMessageBox({
          type: 'info',
          title: '关于',
          message: '信访接待大厅',
          detail: `版本 ${app.getVersion()}\n数据：${backend?.database ?? '尚未打开'}\n数据文件夹：${dataDir}`,
        });
      },
      openConnection,
    ),
  );
  bindSetupIpc(dataDir, trustedUrl, {
    saved: connectionSaved,
    async connect(database) {
      if (backend) return { ok: false, message: '数据库已打开；更改数据位置后请重新启动程序' };
      try {
        await openHall(database, nativeBinding);
        return { ok: true, message: '连接成功' };
      } catch (e) {
        return { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
    },
  });
  // PETITION_HALL_DATABASE_URL (set by an installer or an administrator) wins over the saved choice.
  const env = process.env.PETITION_HALL_DATABASE_URL;
  const target = env ? { kind: 'open' as const, database: env } : databaseTarget(dataDir, join(dataDir, DB_FILE_NAME), safeStorageCipher());
  if (target.kind === 'ask') {
    openConnection();
  } else {
    try {
      await openHall(target.database, nativeBinding);
    } catch (e) {
      dialog.showErrorBox(
        '无法打开数据库',
        `${e instanceof Error ? e.message : String(e)}\n数据文件夹：${dataDir}\n可在“文件 → 数据位置”中更改。`,
      );
      openConnection();
    }
  }
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) (backend ? openDesk : openConnection)();
  });
}

// One instance per machine: a second launch focuses the running window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, appUrlPrefix));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void backend?.close();
  });
  void start();
}
