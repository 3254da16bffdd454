/**
 * What the handlers need from their host. The Electron shell and the browser-mode server each build
 * one of these; tests build fakes. Keeping Electron and HTTP out of the handlers is what lets both
 * hosts serve the very same functions.
 */
import type { HarvestProgress, HarvestRequest, SignInPrompt, SubscriptionInfo } from '../../shared/harvest/types';
import type { SnapshotFile } from '../../shared/model/snapshotFile';
import type { EventChannel, PayloadOf } from '../../shared/ipc/contract';

/** Where a sign-in that waits for the user (device code, browser) says what to do. */
export type OnSignIn = (prompt: SignInPrompt) => void;

/** The harvester as the handlers see it (adapted from src/main/azure). */
export interface HarvesterPort {
  listSubscriptions(request: HarvestRequest, signal: AbortSignal, onSignIn?: OnSignIn): Promise<readonly SubscriptionInfo[]>;
  harvest(request: HarvestRequest, onProgress: (p: HarvestProgress) => void, signal: AbortSignal, onSignIn?: OnSignIn): Promise<SnapshotFile>;
}

/** A file-type filter for a dialog. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** Native dialogs: present in Electron only. */
export interface DialogPort {
  pickOpenPath(purpose: 'estate' | 'project'): Promise<string | undefined>;
  pickSavePath(suggestedName: string, filters: readonly FileFilter[]): Promise<string | undefined>;
}

/** Recent files, persisted by the host. */
export interface RecentStore {
  list(): Promise<readonly { path: string; name: string; openedAt: string }[]>;
  add(path: string): Promise<void>;
}

/** Send an event to the renderer(s). */
export type Emit = <E extends EventChannel>(channel: E, payload: PayloadOf<E>) => void;

export interface HandlerDeps {
  readonly mode: 'electron' | 'browser';
  readonly version: string;
  readonly platform: string;
  /** Absolute path of samples/sample-estate.json. */
  readonly samplePath: string;
  readonly initialFile?: string;
  readonly harvester: HarvesterPort;
  readonly dialogs?: DialogPort;
  readonly recent: RecentStore;
  readonly emit: Emit;
  /** Max bytes of an estate file main will read (default 512 MiB). */
  readonly maxFileBytes?: number;
}
