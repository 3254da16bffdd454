/**
 * Electron main entry: the thin shell. Everything that is not Electron glue lives in
 * ../handlers (shared with browser mode) so it is testable without the Electron binary.
 */
import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { createHandlers } from '../handlers/createHandlers';
import { azureHarvester } from '../handlers/azureHarvester';
import { fileRecentStore } from '../handlers/recentFiles';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { electronDialogs } from './dialogs';
import { createMainWindow } from './mainWindow';
import { registerIpc } from './registerIpc';
import { isTrustedSender } from './senderCheck';

registerAppScheme();
app.enableSandbox();

let win: BrowserWindow | undefined;

void app.whenReady().then(() => {
  // out/main/index.js → the app root is two levels up, in development and in the packaged asar alike.
  const root = app.getAppPath();
  handleAppProtocol(join(root, 'out', 'renderer'));
  const handlers = createHandlers({
    mode: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    samplePath: join(root, 'samples', 'sample-estate.json'),
    harvester: azureHarvester(),
    dialogs: electronDialogs(() => win),
    recent: fileRecentStore(app.getPath('userData')),
    emit: (channel, payload) => win?.webContents.send(channel, payload),
  });
  registerIpc(ipcMain, handlers, isTrustedSender, () => win?.webContents.id);
  win = createMainWindow(join(__dirname, '..', 'preload'));
  win.on('closed', () => {
    win = undefined;
  });
});

app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
app.on('window-all-closed', () => app.quit());
