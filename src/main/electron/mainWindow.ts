/**
 * The one window: sandboxed, isolated, no Node, no navigation away, no new windows, no permissions.
 * A `target=_blank` link to an allowed sign-in page opens in the system browser (externalLinks.ts).
 */
import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { externalWindowOpenHandler } from './externalLinks';
import { APP_ORIGIN, isAllowedNavigation } from './senderCheck';

/** Create and load the window. */
export function createMainWindow(preloadDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    show: false,
    title: 'VNetLens',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  win.webContents.setWindowOpenHandler(externalWindowOpenHandler((url) => shell.openExternal(url)));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
