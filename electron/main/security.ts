import { session, type WebContents } from 'electron';
import { CSP } from '@shared/csp';

/** CSP on every response, plus no navigation away from the app and no new windows. */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // The app needs no camera, microphone, location or notifications permission.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

export function hardenContents(contents: WebContents, appUrlPrefix: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(appUrlPrefix)) event.preventDefault();
  });
  // The app links to nothing outside itself: no window is opened, and nothing is handed to the
  // system browser (shell.openExternal with a page-chosen URL is what Electronegativity warns of).
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
