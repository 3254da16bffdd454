/** Picks the transport once: the preload's `window.vnetlens` in Electron, else the HTTP client. */
import { API_GLOBAL, type VNetLensApi } from '../../shared/ipc/api';
import { httpApi } from './httpApi';

let api: VNetLensApi | undefined;

/** The API for this page. */
export function getApi(): VNetLensApi {
  if (api) return api;
  const exposed = (window as unknown as Record<string, VNetLensApi | undefined>)[API_GLOBAL];
  if (exposed) return (api = exposed);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return (api = httpApi(window.location.origin, token));
}
