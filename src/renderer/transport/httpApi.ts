/**
 * The browser-mode transport: the same VNetLensApi over the loopback server. The token comes from
 * the page URL (`?token=`), is kept in memory only, and goes in a header (query only for the event
 * stream, which cannot set headers).
 */
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/contract';
import type { EventApi, InvokeApi, VNetLensApi } from '../../shared/ipc/api';
import { fail, type Result } from '../../shared/ipc/result';

/** Build the HTTP client for `origin` with `token`. */
export function httpApi(origin: string, token: string, fetchImpl: typeof fetch = fetch): VNetLensApi {
  const invoke: Record<string, (request: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of INVOKE_CHANNELS) {
    invoke[channel] = async (request) => {
      try {
        const res = await fetchImpl(`${origin}/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-vnetlens-token': token },
          body: JSON.stringify(request ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return fail('internal', `cannot reach the VNetLens server: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
  }
  let source: EventSource | undefined;
  const on: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
  for (const channel of EVENT_CHANNELS) {
    on[channel] = (listener) => {
      source ??= new EventSource(`${origin}/api/events?token=${encodeURIComponent(token)}`);
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data) as unknown);
      source.addEventListener(channel, handler);
      return () => source?.removeEventListener(channel, handler);
    };
  }
  return { invoke: invoke as unknown as InvokeApi, on: on as unknown as EventApi };
}
