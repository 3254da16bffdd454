/** Native open/save dialogs for the handlers' DialogPort. */
import { dialog, type BrowserWindow } from 'electron';
import type { DialogPort } from '../handlers/deps';

/** Dialogs parented to `win` (modal on macOS). */
export function electronDialogs(win: () => BrowserWindow | undefined): DialogPort {
  return {
    async pickOpenPath(purpose) {
      const w = win();
      const options = {
        properties: ['openFile' as const],
        filters: purpose === 'project'
          ? [{ name: 'VNetLens project', extensions: ['json'] }]
          : [{ name: 'ARM JSON or VNetLens snapshot', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }],
      };
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return r.canceled ? undefined : r.filePaths[0];
    },
    async pickSavePath(suggestedName, filters) {
      const w = win();
      const options = { defaultPath: suggestedName, filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) };
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return r.canceled ? undefined : r.filePath;
    },
  };
}
