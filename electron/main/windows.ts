// The app's windows: the desk window, the hall display (叫号屏) full screen on a
// second monitor, and the 评价器 (satisfaction pad) on a screen of its own. All
// load the same renderer with the same security settings; the display uses its
// public #/display route and alone may play sound without a click; the pad its
// public #/pad route (paired by code like a tablet's browser).
import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type Display } from 'electron';
import { join } from 'node:path';

export interface RendererLocation {
  devUrl: string | undefined;
  indexFile: string;
}

export function load(win: BrowserWindow, where: RendererLocation, hash: string) {
  if (where.devUrl) void win.loadURL(`${where.devUrl}#${hash}`);
  else void win.loadFile(where.indexFile, { hash });
}

/**
 * The one place a window is made. Its webPreferences are written out here, literally, so that
 * Electronegativity (npm run lint) reads them: isolated, sandboxed, no Node, web security on, and
 * middle-click (auxclick) disabled as a second guard beside the window-open handler. Callers may
 * add only the autoplay policy (the hall display speaks calls without a click).
 */
export function secureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  extra: { autoplayPolicy?: 'no-user-gesture-required' } = {},
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...extra,
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
}

/** The desk window, at `hash` (the connection screen: /connection). */
export function createDeskWindow(where: RendererLocation, hash = '/register'): BrowserWindow {
  const win = secureWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '信访接待大厅',
    show: false,
    backgroundColor: '#f8f9fa',
  });
  win.once('ready-to-show', () => win.show());
  load(win, where, hash);
  return win;
}

/**
 * Where a public window goes: full screen on `external` when there is such a screen,
 * else a window of `windowed` size on the primary screen (a single-monitor desk).
 */
function placeOn(external: Display | undefined, windowed: { width: number; height: number }) {
  const target = external ?? screen.getPrimaryDisplay();
  return {
    x: target.bounds.x,
    y: target.bounds.y,
    width: external ? target.bounds.width : windowed.width,
    height: external ? target.bounds.height : windowed.height,
    fullscreen: Boolean(external),
  };
}

/** Opens the hall display on the second monitor when there is one (else windowed on the first). */
export function createDisplayWindow(where: RendererLocation): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const external = screen.getAllDisplays().find((d) => d.id !== primary.id);
  const win = secureWindow(
    { ...placeOn(external, { width: 1280, height: 720 }), autoHideMenuBar: true, title: '叫号屏', backgroundColor: '#7f1d1d' },
    { autoplayPolicy: 'no-user-gesture-required' },
  );
  load(win, where, '/display');
  return win;
}

/** A screen other than the primary one and other than `avoid`'s (where the hall display is), if there is one. */
function freeScreen(avoid: BrowserWindow | null): Display | undefined {
  const primary = screen.getPrimaryDisplay();
  const taken = avoid && !avoid.isDestroyed() ? screen.getDisplayMatching(avoid.getBounds()).id : null;
  return screen.getAllDisplays().find((d) => d.id !== primary.id && d.id !== taken);
}

/** The 评价器 for the visitor: full screen on a screen of its own (never over the hall display), else a window on the primary screen. */
export function createPadWindow(where: RendererLocation, display: BrowserWindow | null): BrowserWindow {
  const win = secureWindow({
    ...placeOn(freeScreen(display), { width: 1280, height: 800 }),
    autoHideMenuBar: true,
    title: '评价器',
    backgroundColor: '#f8f9fa',
  });
  load(win, where, '/pad');
  return win;
}
