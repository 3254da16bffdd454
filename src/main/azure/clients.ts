/**
 * The real Azure SDK clients of one harvest, created once per subscription and sharing the runtime's
 * HTTP client and policies: endpoint and token scope follow the cloud (modular clients keep the
 * public scope unless `credentials.scopes` says otherwise), retries follow the request's settings.
 */
import type { TokenCredential } from '@azure/identity';
import { NetworkManagementClient } from '@azure/arm-network';
import { PrivateDnsManagementClient } from '@azure/arm-privatedns';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import type { CloudEndpoints } from './clouds';
import type { HttpRuntime } from './httpRuntime';

/** SDK retry settings (`retryOptions`): 429 honours Retry-After, 5xx backs off exponentially. */
export interface RetrySettings {
  readonly maxRetries?: number;
  readonly retryDelayInMs?: number;
  readonly maxRetryDelayInMs?: number;
}

/** Lazily created clients, one per subscription where the client is subscription-bound. */
export interface SdkClients {
  network(subscriptionId: string): NetworkManagementClient;
  dns(subscriptionId: string): PrivateDnsManagementClient;
  ml(subscriptionId: string): AzureMachineLearningWorkspaces;
  graph(): ResourceGraphClient;
  subscriptions(): SubscriptionClient;
}

/** Create the client factory. */
export function createSdkClients(credential: TokenCredential, cloud: CloudEndpoints, runtime: HttpRuntime, retry: RetrySettings = {}): SdkClients {
  const common = {
    endpoint: cloud.armEndpoint,
    credentials: { scopes: [cloud.scope] },
    retryOptions: { ...retry },
    additionalPolicies: runtime.policies.map((p) => ({ ...p })),
    httpClient: runtime.httpClient,
  };
  const memo = <T>(make: (sub: string) => T) => {
    const cache = new Map<string, T>();
    return (sub: string) => {
      let c = cache.get(sub);
      if (!c) cache.set(sub, (c = make(sub)));
      return c;
    };
  };
  let graph: ResourceGraphClient | undefined;
  let subs: SubscriptionClient | undefined;
  return {
    network: memo((sub) => new NetworkManagementClient(credential, sub, common)),
    dns: memo((sub) => new PrivateDnsManagementClient(credential, sub, common)),
    // The classic ML client builds URLs from `$host` and asks for `${endpoint}/.default`.
    ml: memo((sub) => new AzureMachineLearningWorkspaces(credential, sub, { ...common, $host: cloud.armEndpoint, credentialScopes: [cloud.scope] })),
    graph: () => (graph ??= new ResourceGraphClient(credential, common)),
    subscriptions: () => (subs ??= new SubscriptionClient(credential, common)),
  };
}
