/**
 * Builds the `window.vnetlens` object from the contract's channel lists, so the preload exposes
 * exactly the contract's channels and nothing else (no raw ipcRenderer reaches the page).
 * Takes an ipcRenderer-like object so tests run without Electron.
 */
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/ipc/contract';
import type { EventApi, InvokeApi, VNetLensApi } from '../shared/ipc/api';

/** The slice of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** One invoke method and one subscribe method per contract channel. */
export function buildApi(ipc: IpcRendererLike): VNetLensApi {
  const invoke: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of INVOKE_CHANNELS) {
    invoke[channel] = (request: unknown) => ipc.invoke(channel, request ?? {});
  }
  const on: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
  for (const channel of EVENT_CHANNELS) {
    on[channel] = (listener) => {
      // Strip the IpcRendererEvent: it carries `sender`, which must not reach the page.
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    };
  }
  return Object.freeze({ invoke: Object.freeze(invoke) as unknown as InvokeApi, on: Object.freeze(on) as unknown as EventApi });
}
