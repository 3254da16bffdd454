/**
 * Shared setup of the harvest tests: a fake ARM server with a generated estate, and a request +
 * deps that point the real SDK clients at it with a static-token credential and short retries.
 */
import { idKey } from '../../src/shared/model/armId';
import type { HarvestRequest } from '../../src/shared/harvest/types';
import type { HarvestDeps } from '../../src/main/azure/harvest';
import { staticTokenCredential } from '../../src/main/azure/staticTokenCredential';
import type { FakeCert } from '../fakeArm/cert';
import type { FakeEstate } from '../fakeArm/estate';
import { startFakeArm, type FakeArmOptions, type FakeArmServer } from '../fakeArm/server';

/** A request for `subscriptions` against `server`. */
export function requestFor(server: FakeArmServer, subscriptions: readonly string[], via: HarvestRequest['via'] = 'arm'): HarvestRequest {
  return { cloud: 'Custom', armEndpoint: server.url, signIn: 'accessToken', subscriptions, all: subscriptions.length === 0, via };
}

/** Deps with the server's token and CA, fast retries. */
export function depsFor(server: FakeArmServer, extra: Partial<HarvestDeps> = {}): HarvestDeps {
  return {
    credential: staticTokenCredential(server.token),
    httpsAgentCa: server.certPem,
    retry: { maxRetries: 2, retryDelayInMs: 20, maxRetryDelayInMs: 100 },
    ...extra,
  };
}

/** Start a server for one test file. */
export function startServer(estate: FakeEstate, cert: FakeCert, options: Partial<FakeArmOptions> = {}): Promise<FakeArmServer> {
  return startFakeArm({ estate, cert, pageSize: 3, token: 'test-token-0f3c9a', ...options });
}

/**
 * The same estate as a plain JSON dump (an ARM list): every resource plus the admin-rule
 * pseudo-resources the harvester writes, so verdicts on a harvest can be compared with a dump's.
 */
export function dumpOf(estate: FakeEstate): { value: unknown[] } {
  return {
    value: [
      ...estate.resources,
      ...Object.entries(estate.adminRules).map(([key, value]) => {
        const vnet = estate.resources.find((r) => idKey(r.id) === key);
        return { id: `${vnet?.id ?? key}/effectiveSecurityAdminRules`, name: 'effectiveSecurityAdminRules', type: 'VNetLens.Harvest/effectiveSecurityAdminRules', properties: { vnetId: vnet?.id ?? key, value } };
      }),
    ],
  };
}
