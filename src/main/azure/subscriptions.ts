/**
 * Subscriptions: the list the identity can see (for `--all` and the app's picker) and a probe of
 * each chosen one, so a subscription we cannot read is recorded as missing once instead of failing
 * every type.
 */
import type { TokenCredential } from '@azure/identity';
import type { HarvestRequest, SubscriptionInfo } from '../../shared/harvest/types';
import { createLimiter } from '../harvest/limiter';
import { createPacer } from '../harvest/pacer';
import { describeFailure, failureText } from './armErrors';
import { createSdkClients, type RetrySettings, type SdkClients } from './clients';
import { resolveCloud } from './clouds';
import { createHttpRuntime, type HttpRuntime } from './httpRuntime';
import { listRaw } from './rawList';

/** Dependencies of {@link listSubscriptions}. */
export interface ListSubscriptionsDeps {
  readonly credential: TokenCredential;
  readonly signal?: AbortSignal;
  readonly retry?: RetrySettings;
  readonly httpsAgentCa?: string;
}

/** Every subscription the credential can see, as the app's picker and `--all` need them. */
export async function listSubscriptions(request: Pick<HarvestRequest, 'cloud' | 'armEndpoint'>, deps: ListSubscriptionsDeps): Promise<SubscriptionInfo[]> {
  const cloud = resolveCloud(request.cloud, request.armEndpoint);
  const runtime = createHttpRuntime({
    limiter: createLimiter({ overall: 4, perKey: 4 }),
    pacer: createPacer(),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.httpsAgentCa ? { ca: deps.httpsAgentCa } : {}),
    rateLimitLowWater: 0,
    slowDownMs: 0,
    onEvent: () => undefined,
  });
  return listVisibleSubscriptions(runtime, createSdkClients(deps.credential, cloud, runtime, deps.retry), deps.signal);
}

/** The subscription list through existing clients. */
export async function listVisibleSubscriptions(runtime: HttpRuntime, clients: SdkClients, signal?: AbortSignal): Promise<SubscriptionInfo[]> {
  const r = await listRaw(runtime, () => clients.subscriptions().subscriptions.list(), 100, signal);
  return r.items.flatMap((raw) => {
    const s = raw as unknown as { subscriptionId?: unknown; displayName?: unknown; tenantId?: unknown; state?: unknown };
    if (typeof s.subscriptionId !== 'string') return [];
    return [{
      subscriptionId: s.subscriptionId,
      displayName: typeof s.displayName === 'string' ? s.displayName : s.subscriptionId,
      ...(typeof s.tenantId === 'string' ? { tenantId: s.tenantId } : {}),
      ...(typeof s.state === 'string' ? { state: s.state } : {}),
    }];
  });
}

/** What probing the chosen subscriptions found. */
export interface ProbeResult {
  /** Subscription id → why it cannot be read (403, 404, disabled…). */
  readonly unreadable: Map<string, string>;
  /** Tenant ids the readable subscriptions belong to. */
  readonly tenantIds: Set<string>;
}

/** GET each subscription. */
export async function probeSubscriptions(clients: SdkClients, ids: readonly string[], signal?: AbortSignal): Promise<ProbeResult> {
  const unreadable = new Map<string, string>();
  const tenantIds = new Set<string>();
  await Promise.all(ids.map(async (id) => {
    try {
      const s = await clients.subscriptions().subscriptions.get(id, signal ? { abortSignal: signal } : {});
      if (s.state === 'Disabled' || s.state === 'Deleted') unreadable.set(id, `subscription state is ${s.state}`);
      else if (s.tenantId) tenantIds.add(s.tenantId);
    } catch (err) {
      signal?.throwIfAborted();
      unreadable.set(id, failureText(describeFailure(err)));
    }
  }));
  return { unreadable, tenantIds };
}
