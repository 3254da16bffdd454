/**
 * The API the renderer sees, whatever the transport: the preload exposes it as `window.vnetlens`
 * in Electron; the browser-mode HTTP client implements the same shape.
 */
import type { Result } from './result';
import type { EventChannel, InvokeChannel, PayloadOf, RequestOf, ResponseOf } from './contract';

/** One method per invoke channel, keyed by channel name. */
export type InvokeApi = {
  readonly [C in InvokeChannel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

/** Subscribe to an event channel; returns the unsubscribe function. */
export type EventApi = {
  readonly [E in EventChannel]: (listener: (payload: PayloadOf<E>) => void) => () => void;
};

/** What `window.vnetlens` holds. */
export interface VNetLensApi {
  readonly invoke: InvokeApi;
  readonly on: EventApi;
}

/** The global name the preload uses with contextBridge (and the renderer reads). */
export const API_GLOBAL = 'vnetlens';
