/**
 * The one typed contract between the renderer and main (Electron IPC or the browser-mode HTTP server).
 * Each channel name is written once, here; the preload, the Electron register file, the HTTP server and
 * the renderer's transports all derive their types and channel lists from these two maps.
 * Requests carry a zod schema because main validates every payload at the edge (architecture.md).
 */
import { z } from 'zod';
import type { SnapshotFile } from '../model/snapshotFile';
import type { HarvestProgress, HarvestRequest, SignInPrompt, SubscriptionInfo } from '../harvest/types';

/** Phantom carrier of a channel's response type (no runtime value). */
interface Returns<T> {
  readonly __returns?: T;
}

/** One invoke channel: a request schema and a phantom response type. */
interface InvokeSpec<Req extends z.ZodType, Res> {
  readonly request: Req;
  readonly response: Returns<Res>;
}

function invoke<Res>() {
  return <Req extends z.ZodType>(request: Req): InvokeSpec<Req, Res> => ({ request, response: {} });
}

/** One event channel: main → renderer, payload type only. */
interface EventSpec<P> {
  readonly payload: Returns<P>;
}

function event<P>(): EventSpec<P> {
  return { payload: {} };
}

/** How the app is running: the renderer picks file dialogs vs uploads/downloads by `mode`. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly mode: 'electron' | 'browser';
  readonly platform: string;
  /** A file given on the command line (`serve --open FILE`), opened once at start. */
  readonly initialFile?: string;
}

/** An estate file as read by main: the raw JSON (ARM dump or snapshot file); the renderer ingests it. */
export interface OpenedFile {
  /** Display name (base name of the file, or `sample-estate.json`). */
  readonly name: string;
  /** Absolute path when the file came from disk; absent for the sample. */
  readonly path?: string;
  readonly content: unknown;
}

/** A file the user opened before, newest first. */
export interface RecentFile {
  readonly path: string;
  readonly name: string;
  readonly openedAt: string;
}

/** Where a save went; `undefined` when the user cancelled the dialog. */
export interface SavedFile {
  readonly path: string;
}

const empty = z.object({}).strict();
const nonEmpty = z.string().min(1).max(4096);

/** Max size of a text payload the renderer may ask main to write (an export, a project). */
export const MAX_SAVE_CHARS = 64 * 1024 * 1024;

/** zod schema for a HarvestRequest arriving from the renderer. */
export const harvestRequestSchema = z.object({
  cloud: z.enum(['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'Custom']),
  armEndpoint: z.string().url().max(2048).optional(),
  tenantId: z.string().max(200).optional(),
  signIn: z.enum(['azureCli', 'interactiveBrowser', 'deviceCode', 'default', 'accessToken']),
  subscriptions: z.array(z.string().max(200)).max(10_000).readonly(),
  all: z.boolean(),
  via: z.enum(['arm', 'resource-graph']),
}).strict() satisfies z.ZodType<HarvestRequest>;

const saveText = z.object({
  content: z.string().max(MAX_SAVE_CHARS),
  suggestedName: z.string().max(255),
  /** File-type filters for the dialog, e.g. `{ name: 'ARM template', extensions: ['json'] }`. */
  filters: z.array(z.object({ name: z.string().max(100), extensions: z.array(z.string().max(20)).max(10) })).max(10).optional(),
  /** Write here without a dialog (browser mode: any absolute path; Electron: a path main handed out before). */
  path: nonEmpty.optional(),
  /** `base64` for binary content (PNG); text otherwise. */
  encoding: z.enum(['utf8', 'base64']).optional(),
}).strict();

/** Invoke channels: request (validated in main) → Promise<Result<response>>. */
export const invokeContract = {
  'app:info': invoke<AppInfo>()(empty),
  'sample:open': invoke<OpenedFile>()(empty),
  /** Electron: an open-file dialog; `undefined` when cancelled. Browser mode answers `unsupported` (the renderer uploads instead). */
  'file:open': invoke<OpenedFile | undefined>()(empty),
  'file:openPath': invoke<OpenedFile>()(z.object({ path: nonEmpty }).strict()),
  'recent:list': invoke<readonly RecentFile[]>()(empty),
  'harvest:listSubscriptions': invoke<readonly SubscriptionInfo[]>()(harvestRequestSchema),
  /** Resolves with the harvested snapshot file when done; progress arrives on `harvest:progress`. */
  'harvest:start': invoke<SnapshotFile>()(harvestRequestSchema),
  'harvest:cancel': invoke<{ readonly cancelled: boolean }>()(empty),
  /** Project file format is owned by src/shared/project (issue 5); main treats it as opaque JSON. */
  'project:save': invoke<SavedFile | undefined>()(z.object({ project: z.unknown(), suggestedName: z.string().max(255), path: nonEmpty.optional() }).strict()),
  /** `content` is the validated project; `path` skips the dialog (see export:save's `path`). */
  'project:open': invoke<OpenedFile | undefined>()(z.object({ path: nonEmpty.optional() }).strict()),
  'export:save': invoke<SavedFile | undefined>()(saveText),
};

/** Event channels: main → renderer. */
export const eventContract = {
  'harvest:progress': event<HarvestProgress>(),
  /** A sign-in (listing subscriptions or harvesting) waits for the user: device code or browser. */
  'harvest:signIn': event<SignInPrompt>(),
};

/** Every invoke channel name. */
export type InvokeChannel = keyof typeof invokeContract;
/** Every event channel name. */
export type EventChannel = keyof typeof eventContract;
/** The request a channel takes (what its schema accepts). */
export type RequestOf<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['request']>;
/** The value a channel resolves to on success. */
export type ResponseOf<C extends InvokeChannel> =
  (typeof invokeContract)[C]['response'] extends Returns<infer R> ? R : never;
/** The payload of an event channel. */
export type PayloadOf<E extends EventChannel> = (typeof eventContract)[E]['payload'] extends Returns<infer P> ? P : never;

/** The invoke channel names at runtime (for registration and drift tests). */
export const INVOKE_CHANNELS = Object.keys(invokeContract) as InvokeChannel[];
/** The event channel names at runtime. */
export const EVENT_CHANNELS = Object.keys(eventContract) as EventChannel[];

/** Is `name` one of our invoke channels? (main checks this before anything else) */
export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.prototype.hasOwnProperty.call(invokeContract, name);
}
