// Electron glue only: windows, IPC, menu. All behaviour lives in electron/backend.
import { app, BrowserWindow, dialog, Menu, safeStorage, screen } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend } from '../backend/backend';
import { bindIpc } from './ipc';
import { buildMenu } from './menu';
import { electronSqliteBinding } from './native-binding';
import { hardenContents, hardenSession } from './security';
import { createDeskWindow, createDisplayWindow, type RendererLocation } from './windows';
import { createNoticePdfRenderer, createPrintExecutor } from './printing';
import { startExportScheduler } from '../backend/services/export/scheduler';
import { osSecretBox } from '../backend/security/secret-box';

let mainWindow: BrowserWindow | null = null;
let displayWindow: BrowserWindow | null = null;
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
    backend = await createBackend({
      dataDir: app.getPath('userData'),
      nativeBinding,
      printer: createPrintExecutor(renderer),
      noticePdf: createNoticePdfRenderer(renderer),
      // The export token is sealed by the OS (DPAPI, Keychain, libsecret/kwallet) when it offers that; else by the
      // data folder's key file. Linux without a keyring gives 'basic_text' (a fixed password): not counted as the OS's.
      secrets: osSecretBox(
        {
          isEncryptionAvailable: () =>
            safeStorage.isEncryptionAvailable() &&
            !(process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())),
          encryptString: (plain) => safeStorage.encryptString(plain),
          decryptString: (data) => safeStorage.decryptString(data),
        },
        app.getPath('userData'),
      ),
    });
  } catch (e) {
    dialog.showErrorBox('无法打开数据库', `${e instanceof Error ? e.message : String(e)}\n数据文件夹：${app.getPath('userData')}`);
    app.quit();
    return;
  }
  bindIpc(backend, () => BrowserWindow.getAllWindows(), trustedUrl);
  const exporter = startExportScheduler(backend.deps, { dataDir: backend.deps.dataDir });
  app.on('will-quit', () => exporter.stop());
  Menu.setApplicationMenu(
    buildMenu(openDisplay, () => {
      void dialog.showMessageBox({
        type: 'info',
        title: '关于',
        message: '信访接待大厅',
        detail: `版本 ${app.getVersion()}\n数据文件夹：${app.getPath('userData')}`,
      });
    }),
  );
  openDesk();
  // A second monitor is the hall display: open it there at start.
  if (screen.getAllDisplays().length > 1) openDisplay();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openDesk();
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
