/**
 * A FakeEstate made of Microsoft's published example payloads (../shared/reference/arm-examples,
 * `responses['200'].body`), for conformance: the harvester must bring each back unchanged through
 * the real SDK clients. Only payloads of types the harvester reads are used; GETs win over list
 * items with the same id. The two ML compute examples sit under a workspace that has no example, so
 * copies of them are re-homed (id only) under the example workspace to exercise the compute list.
 */
import type { ArmResource, ServiceTagsDocument } from '../../src/shared/model/snapshotFile';
import { idKey, subscriptionOf } from '../../src/shared/model/armId';
import type { FakeEstate } from './estate';

const EX = 'reference/arm-examples';
const N = `${EX}/Microsoft.Network/2026-01-01`;
const D = `${EX}/Microsoft.Network.privateDns/2024-06-01`;
const M = `${EX}/Microsoft.MachineLearningServices/2025-12-01`;

/** The example files served (relative to ../shared). */
export const EXAMPLE_FILES: readonly string[] = [
  `${N}/VirtualNetworkGet.json`, `${N}/VirtualNetworkList.json`,
  `${N}/NetworkSecurityGroupGet.json`, `${N}/NetworkSecurityGroupList.json`,
  `${EX}/Microsoft.Network/2025-05-01/ApplicationSecurityGroupGet.json`, `${N}/ApplicationSecurityGroupList.json`,
  `${N}/RouteTableGet.json`, `${N}/RouteTableList.json`,
  `${N}/NatGatewayGet.json`, `${N}/NatGatewayList.json`,
  `${N}/AzureFirewallGet.json`, `${N}/AzureFirewallListBySubscription.json`,
  `${N}/PublicIpAddressGet.json`, `${N}/PublicIpAddressListAll.json`,
  `${EX}/Microsoft.Network/2025-05-01/NetworkInterfaceGet.json`, `${N}/NetworkInterfaceList.json`,
  `${N}/PrivateEndpointGet.json`, `${N}/PrivateEndpointList.json`,
  `${D}/PrivateZoneGet.json`, `${D}/PrivateZoneListInSubscription.json`,
  `${D}/VirtualNetworkLinkGet.json`, `${D}/VirtualNetworkLinkList.json`,
  `${D}/RecordSetAGet.json`, `${D}/RecordSetAList.json`,
  `${M}/Workspace/get.json`, `${M}/Workspace/listBySubscription.json`,
  `${M}/Compute/get/AmlCompute.json`, `${M}/Compute/get/ComputeInstance.json`,
];

/** The trimmed public service tags file (same shape as the Discovery API's values). */
export const SERVICE_TAGS_FILE = 'reference/service-tags/ServiceTags_Public_20251028.trimmed.json';

interface Example {
  readonly responses?: { readonly '200'?: { readonly body?: { readonly value?: unknown[] } & Partial<ArmResource> } };
}

/** Build the estate; `read` parses a file under ../shared. */
export function exampleEstate(read: (relative: string) => unknown): FakeEstate {
  const byId = new Map<string, ArmResource>();
  const add = (r: unknown) => {
    const a = r as ArmResource;
    if (typeof a?.id === 'string' && typeof a.type === 'string' && !byId.has(idKey(a.id))) byId.set(idKey(a.id), a);
  };
  for (const file of EXAMPLE_FILES) {
    const body = (read(file) as Example).responses?.['200']?.body;
    if (!body) continue;
    if (Array.isArray(body.value)) body.value.forEach(add);
    else add(body);
  }
  const workspace = [...byId.values()].find((r) => r.type === 'Microsoft.MachineLearningServices/workspaces');
  for (const r of [...byId.values()]) {
    if (workspace && r.type === 'Microsoft.MachineLearningServices/workspaces/computes') {
      const name = `${r.properties?.computeType as string}-example`;
      add({ ...r, id: `${workspace.id}/computes/${name}`, name });
    }
  }
  const resources = [...byId.values()];
  const subs = [...new Set(resources.map((r) => subscriptionOf(r.id)))];
  return {
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    subscriptions: subs.map((s) => ({ subscriptionId: s, displayName: `example ${s}`, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' })),
    resources,
    adminRules: {},
    serviceTags: read(SERVICE_TAGS_FILE) as ServiceTagsDocument,
  };
}
