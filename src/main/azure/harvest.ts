/**
 * The harvester's entry point (CLI `vnetlens harvest` and the app's IPC handler): signs in, picks and
 * probes subscriptions, reads every resource the engine needs through ARM list calls or one Resource
 * Graph query, adds service tags, and returns a SnapshotFile. Never writes a token anywhere; a 403
 * or a broken page becomes a MissingScope/warning, not a failure.
 */
import { setMaxListeners } from 'node:events';
import type { TokenCredential } from '@azure/identity';
import type { HarvestProgress, HarvestRequest } from '../../shared/harvest/types';
import { SNAPSHOT_FORMAT, SNAPSHOT_SCHEMA_VERSION, type SnapshotFile } from '../../shared/model/snapshotFile';
import { createLimiter } from '../harvest/limiter';
import { createPacer } from '../harvest/pacer';
import { describeFailure, failureText } from './armErrors';
import { ARM_STEP_TYPES, GRAPH_CHILD_FOLLOWS, harvestSubscriptionArm, skipSubscription } from './armSteps';
import { createSdkClients, type RetrySettings } from './clients';
import { resolveCloud } from './clouds';
import { HarvestError } from './harvestError';
import { createHttpRuntime } from './httpRuntime';
import { HarvestLedger } from './ledger';
import { ProgressTracker } from './progress';
import { GRAPH_STEP, harvestViaResourceGraph } from './resourceGraph';
import type { RunContext } from './runContext';
import { harvestServiceTags, regionsInUse } from './serviceTags';
import { summariseHttpEvents, type EventCounts } from './httpEventSummary';
import { listVisibleSubscriptions, probeSubscriptions } from './subscriptions';

/** What a harvest needs besides the request: a credential and the knobs for real conditions. */
export interface HarvestDeps {
  readonly credential: TokenCredential;
  readonly onProgress?: (p: HarvestProgress) => void;
  readonly signal?: AbortSignal;
  /** Requests in flight: overall (default 16) and per subscription (default 4). */
  readonly concurrency?: { readonly overall?: number; readonly perSubscription?: number };
  /** SDK retries: 429 honours Retry-After, 5xx backs off (SDK defaults: 3 retries). */
  readonly retry?: RetrySettings;
  /** PEM of an extra CA (the fake ARM server's self-signed cert). */
  readonly httpsAgentCa?: string;
  /** Stop paging one list after this many pages (default 1000) with a warning. */
  readonly maxPages?: number;
  /** Pause a subscription for `slowDownMs` when fewer than `lowWater` reads remain (defaults 100, 2000). */
  readonly rateLimit?: { readonly lowWater?: number; readonly slowDownMs?: number };
}

/** The tool name written into provenance. */
export const TOOL = 'vnetlens 0.1.0';

/** Harvest an estate. Throws HarvestError for sign-in failure, no readable subscription, cancel. */
export async function harvest(request: HarvestRequest, deps: HarvestDeps): Promise<SnapshotFile> {
  // One internal signal follows the caller's: hundreds of requests and queued waiters listen to it.
  const inner = new AbortController();
  setMaxListeners(0, inner.signal);
  const follow = () => inner.abort(deps.signal?.reason);
  if (deps.signal?.aborted) follow();
  deps.signal?.addEventListener('abort', follow, { once: true });
  try {
    return await run(request, { ...deps, signal: inner.signal });
  } catch (err) {
    if (inner.signal.aborted) throw new HarvestError('harvest cancelled', 'cancelled');
    throw err;
  } finally {
    deps.signal?.removeEventListener('abort', follow);
  }
}

async function run(request: HarvestRequest, deps: HarvestDeps): Promise<SnapshotFile> {
  const { signal } = deps;
  let cloud;
  try {
    cloud = resolveCloud(request.cloud, request.armEndpoint);
  } catch (err) {
    throw new HarvestError(err instanceof Error ? err.message : String(err), 'badRequest');
  }
  if (!request.all && request.subscriptions.length === 0) throw new HarvestError('no subscription chosen: name one or more, or ask for all', 'badRequest');
  try {
    const token = await deps.credential.getToken(cloud.scope, signal ? { abortSignal: signal } : {});
    if (!token?.token) throw new Error('the credential returned no token');
  } catch (err) {
    signal?.throwIfAborted();
    throw new HarvestError(`sign-in failed: ${failureText(describeFailure(err))}`, 'signIn');
  }

  const ledger = new HarvestLedger();
  const counts: EventCounts = new Map();
  const runtime = createHttpRuntime({
    limiter: createLimiter({ overall: deps.concurrency?.overall ?? 16, perKey: deps.concurrency?.perSubscription ?? 4 }),
    pacer: createPacer(),
    ...(signal ? { signal } : {}),
    ...(deps.httpsAgentCa ? { ca: deps.httpsAgentCa } : {}),
    rateLimitLowWater: deps.rateLimit?.lowWater ?? 100,
    slowDownMs: deps.rateLimit?.slowDownMs ?? 2000,
    onEvent: (e) => {
      const key = `${e.subscriptionId ?? '*'}|${e.kind}`;
      const c = counts.get(key) ?? { n: 0, detail: e.detail };
      counts.set(key, { n: c.n + 1, detail: e.detail });
    },
  });
  const clients = createSdkClients(deps.credential, cloud, runtime, deps.retry);

  const tenantIds = new Set<string>();
  let subs = [...new Set(request.subscriptions.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (request.all) {
    const visible = await listVisibleSubscriptions(runtime, clients, signal).catch((err: unknown) => {
      signal?.throwIfAborted();
      throw new HarvestError(`cannot list subscriptions: ${failureText(describeFailure(err))}`, 'noSubscription');
    });
    subs = [...new Set([...subs, ...visible.map((s) => s.subscriptionId.toLowerCase())])];
    visible.forEach((s) => s.tenantId && tenantIds.add(s.tenantId));
  }
  if (subs.length === 0) throw new HarvestError('no subscription is visible to this identity', 'noSubscription');
  const probe = await probeSubscriptions(clients, subs, signal);
  probe.tenantIds.forEach((t) => tenantIds.add(t));
  const readable = subs.filter((s) => !probe.unreadable.has(s));
  if (readable.length === 0) {
    throw new HarvestError(`no subscription could be read: ${[...probe.unreadable].map(([s, why]) => `${s} (${why})`).join('; ')}`, 'noSubscription');
  }

  const stepTypes = request.via === 'resource-graph' ? GRAPH_CHILD_FOLLOWS.map((f) => f.type) : ARM_STEP_TYPES;
  const progress = new ProgressTracker(subs.length * stepTypes.length + 1 + (request.via === 'resource-graph' ? 1 : 0), deps.onProgress);
  const ctx: RunContext = { runtime, clients, ledger, progress, armEndpoint: cloud.armEndpoint, maxPages: deps.maxPages ?? 1000, ...(signal ? { signal } : {}) };
  for (const [sub, why] of probe.unreadable) {
    ledger.markMissing({ kind: 'subscription', subscriptionId: sub, reason: why });
    ledger.warn('subscriptionUnreadable', `subscription ${sub} skipped: ${why}`);
    skipSubscription(ctx, sub, stepTypes, why);
  }

  if (request.via === 'resource-graph') await harvestViaResourceGraph(ctx, readable);
  else await Promise.all(readable.map((sub) => harvestSubscriptionArm(ctx, sub)));

  const regions = regionsInUse(ledger.ofType('Microsoft.MachineLearningServices/workspaces'), ledger.ofType('Microsoft.Network/virtualNetworks'));
  const serviceTags = await harvestServiceTags(ctx, regions);
  summariseHttpEvents(counts, ledger);
  signal?.throwIfAborted();

  const apiVersions = request.via === 'resource-graph' ? { ...ledger.apiVersions, [GRAPH_STEP]: ledger.apiVersions[GRAPH_STEP] ?? '' } : ledger.apiVersions;
  return {
    format: SNAPSHOT_FORMAT,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    provenance: {
      source: 'harvest',
      cloud: cloud.name === 'Custom' ? `Custom (${cloud.armEndpoint})` : cloud.name,
      ...(request.tenantId ?? firstOf(tenantIds) ? { tenantId: request.tenantId ?? firstOf(tenantIds) } : {}),
      subscriptions: subs,
      createdAt: new Date().toISOString(),
      tool: TOOL,
      apiVersions,
    },
    resources: ledger.resources,
    ...(serviceTags ? { serviceTags } : {}),
    missing: ledger.missing,
    warnings: ledger.warnings,
  };
}

function firstOf(s: Set<string>): string | undefined {
  return s.values().next().value;
}
