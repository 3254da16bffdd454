/**
 * The `--open` file (browser mode) or the file the desktop app was started with, fetched as soon as
 * the page starts: main.tsx asks for it before the big app chunk is even loaded, so the round trips
 * (app info, then the file) overlap with loading and mounting the app instead of following them.
 */
import type { OpenedFile } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { getApi } from '../transport/api';

/** The file's read result, or undefined when there is no initial file (or the app info failed). */
export type InitialFile = Result<OpenedFile | undefined> | undefined;

let pending: Promise<InitialFile> | undefined;
let taken = false;

async function fetchInitialFile(): Promise<InitialFile> {
  const info = await getApi().invoke['app:info']({});
  if (!info.ok || !info.value.initialFile) return undefined;
  return getApi().invoke['file:openPath']({ path: info.value.initialFile });
}

/** Start fetching (once per page). */
export function prefetchInitialFile(): void {
  pending ??= fetchInitialFile();
}

/** Fetched but not yet taken: the page is about to open a file (no point drawing the welcome screen). */
export function initialFileComing(): boolean {
  return pending !== undefined && !taken;
}

/** The initial file, once: later calls get undefined (a page opens its initial file only once). */
export function takeInitialFile(): Promise<InitialFile> {
  if (taken) return Promise.resolve(undefined);
  taken = true;
  return pending ?? fetchInitialFile();
}
