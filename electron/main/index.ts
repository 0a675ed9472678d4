// Electron glue only: windows, IPC, menu. All behaviour lives in electron/backend.
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend } from '../backend/backend';
import { bindIpc } from './ipc';
import { buildMenu } from './menu';
import { electronSqliteBinding } from './native-binding';
import { hardenContents, hardenSession } from './security';

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

const rendererIndex = join(__dirname, '../renderer/index.html');
const devUrl = process.env.ELECTRON_RENDERER_URL;
const appUrlPrefix = devUrl ?? pathToFileURL(join(__dirname, '../renderer')).href;
const trustedUrl = (url: string) => url.startsWith(appUrlPrefix);

function createDeskWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '信访接待大厅',
    show: false,
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  // hardenContents runs for this window's contents via 'web-contents-created' below.
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(rendererIndex);
  return win;
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
  try {
    backend = await createBackend({ dataDir: app.getPath('userData'), nativeBinding });
  } catch (e) {
    dialog.showErrorBox('无法打开数据库', `${e instanceof Error ? e.message : String(e)}\n数据文件夹：${app.getPath('userData')}`);
    app.quit();
    return;
  }
  bindIpc(backend, () => BrowserWindow.getAllWindows(), trustedUrl);
  Menu.setApplicationMenu(buildMenu(() => mainWindow));
  mainWindow = createDeskWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createDeskWindow();
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
