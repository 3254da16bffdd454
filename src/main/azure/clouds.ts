/**
 * Azure clouds: authority host, ARM endpoint and token scope (../shared/docs/toolchain.md). A custom
 * ARM endpoint (Azure Stack, the fake ARM server) keeps the chosen cloud's authority host.
 */
import type { CloudName } from '../../shared/harvest/types';

/** Endpoints of one cloud. */
export interface CloudEndpoints {
  readonly name: CloudName;
  readonly authorityHost: string;
  /** ARM endpoint without a trailing slash. */
  readonly armEndpoint: string;
  /** `${armEndpoint}/.default`. */
  readonly scope: string;
}

const KNOWN: Record<Exclude<CloudName, 'Custom'>, { authorityHost: string; armEndpoint: string }> = {
  AzureCloud: { authorityHost: 'https://login.microsoftonline.com', armEndpoint: 'https://management.azure.com' },
  AzureChinaCloud: { authorityHost: 'https://login.chinacloudapi.cn', armEndpoint: 'https://management.chinacloudapi.cn' },
  AzureUSGovernment: { authorityHost: 'https://login.microsoftonline.us', armEndpoint: 'https://management.usgovcloudapi.net' },
};

/** The cloud names accepted on the command line. */
export const CLOUD_NAMES: readonly CloudName[] = ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'Custom'];

/** Resolve a cloud + optional custom ARM endpoint; throws a plain Error naming the bad value. */
export function resolveCloud(cloud: CloudName, armEndpoint?: string): CloudEndpoints {
  const known = cloud === 'Custom' ? undefined : KNOWN[cloud];
  if (!known && cloud !== 'Custom') throw new Error(`unknown cloud '${String(cloud)}' (expected one of ${CLOUD_NAMES.join(', ')})`);
  if (cloud === 'Custom' && !armEndpoint) throw new Error('cloud Custom needs an ARM endpoint (--arm-endpoint https://…)');
  let endpoint = known?.armEndpoint ?? '';
  if (armEndpoint) {
    let url: URL;
    try {
      url = new URL(armEndpoint);
    } catch {
      throw new Error(`ARM endpoint '${armEndpoint}' is not a URL`);
    }
    if (url.protocol !== 'https:') throw new Error(`ARM endpoint '${armEndpoint}' must use https (bearer tokens are never sent over http)`);
    endpoint = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  }
  return {
    name: cloud,
    authorityHost: known?.authorityHost ?? KNOWN.AzureCloud.authorityHost,
    armEndpoint: endpoint,
    scope: `${endpoint}/.default`,
  };
}
