/**
 * The IPC sender check (VS Code's validated IPC): a message is trusted only when it comes from the
 * main frame of our own window and that frame shows our app origin. Pure, so it is unit-tested.
 */

/** The scheme and host the renderer is served from inside Electron. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vnetlens';
/** `app://vnetlens`: the only origin allowed to call main. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** What the check needs to know about an IPC event's sender. */
export interface SenderFacts {
  /** `event.senderFrame?.url` (undefined when the frame is gone). */
  readonly frameUrl: string | undefined;
  /** The sender frame is the top frame of its page. */
  readonly isMainFrame: boolean;
  /** `event.sender.id` and our window's webContents id. */
  readonly webContentsId: number;
  readonly ourWebContentsId: number | undefined;
}

/** True when the sender is our window's main frame showing our origin. */
export function isTrustedSender(s: SenderFacts, appOrigin: string = APP_ORIGIN): boolean {
  if (s.ourWebContentsId === undefined || s.webContentsId !== s.ourWebContentsId) return false;
  if (!s.isMainFrame || !s.frameUrl) return false;
  let origin: string;
  try {
    const u = new URL(s.frameUrl);
    origin = `${u.protocol}//${u.host}`;
  } catch {
    return false;
  }
  return origin === appOrigin;
}

/** May the window navigate to `url`? Only within our origin (a reload); everything else is denied. */
export function isAllowedNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === appOrigin;
  } catch {
    return false;
  }
}
