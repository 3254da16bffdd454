/**
 * Binds every contract channel to ipcMain.handle: sender check first, then dispatch (channel and
 * payload validation, handler, Result). Takes ipcMain as a parameter so the drift test can count
 * what it registers without Electron.
 */
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import type { Handlers } from '../handlers/createHandlers';
import { dispatch } from '../handlers/dispatch';
import type { SenderFacts } from './senderCheck';

/** The slice of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

/** The slice of IpcMainInvokeEvent used here. */
export interface IpcEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame?: { readonly url: string; readonly parent: unknown } | null;
}

/** Register all invoke channels; returns the channel names registered. */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  trusted: (facts: SenderFacts) => boolean,
  ourWebContentsId: () => number | undefined,
): string[] {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, payload) => {
      const frame = event.senderFrame ?? undefined;
      const facts: SenderFacts = {
        frameUrl: frame?.url, isMainFrame: !!frame && frame.parent === null,
        webContentsId: event.sender.id, ourWebContentsId: ourWebContentsId(),
      };
      if (!trusted(facts)) return fail('forbidden', 'untrusted sender');
      return dispatch(handlers, channel, payload);
    });
  }
  return [...INVOKE_CHANNELS];
}
