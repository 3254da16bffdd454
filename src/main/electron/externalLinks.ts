/**
 * Links that leave the app (the device-code sign-in page) open in the user's browser through
 * shell.openExternal, never inside the window, and only to the hosts below: a page cannot use the
 * app to open an arbitrary URL or scheme. Pure, so it is unit-tested without Electron.
 */

/** Microsoft sign-in pages of the three public clouds (device-code verification URIs included). */
const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  'microsoft.com', 'www.microsoft.com', 'aka.ms',
  'login.microsoft.com', 'login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn',
]);

/** May `url` be handed to the system browser? https, an allowed host, default port, no user info. */
export function isAllowedExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && !u.username && !u.password && !u.port && ALLOWED_HOSTS.has(u.hostname.toLowerCase());
}

/**
 * The window-open handler (a `target=_blank` link): allowed URLs go to `openExternal`; the window
 * itself is always denied.
 */
export function externalWindowOpenHandler(openExternal: (url: string) => unknown) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (isAllowedExternalUrl(url)) void Promise.resolve(openExternal(url)).catch(() => undefined);
    return { action: 'deny' };
  };
}
