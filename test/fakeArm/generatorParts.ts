/** Building blocks of the synthetic estate generator: ids, GUIDs, NSG rules, service tags. */
import type { ArmResource, ServiceTagsDocument } from '../../src/shared/model/snapshotFile';

/** A deterministic GUID from a label (FNV-1a), so generated estates are reproducible. */
export function guid(label: string): string {
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < label.length; i++) {
      h ^= label.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `/subscriptions/{s}/resourceGroups/{rg}/providers/{type}/{name}` */
export function armId(sub: string, rg: string, type: string, name: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${name}`;
}

/** A resource in ARM's GET shape. */
export function res(id: string, type: string, location: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}): ArmResource {
  const name = id.split('/').pop() ?? '';
  return { name, id, etag: `W/"${guid(id + 'etag')}"`, type, location, ...extra, properties: { provisioningState: 'Succeeded', ...properties } };
}

type Rule = Record<string, unknown>;

function rule(nsgId: string, name: string, p: Rule, kind: 'securityRules' | 'defaultSecurityRules'): Record<string, unknown> {
  return { name, id: `${nsgId}/${kind}/${name}`, etag: `W/"${guid(nsgId + name)}"`, type: `Microsoft.Network/networkSecurityGroups/${kind}`, properties: { provisioningState: 'Succeeded', sourcePortRange: '*', ...p } };
}

/** The six default rules every NSG carries (azure-semantics.md §1.2). */
export function defaultRules(nsgId: string): Record<string, unknown>[] {
  const d = (name: string, priority: number, direction: string, access: string, src: string, dst: string, description: string) =>
    rule(nsgId, name, { description, protocol: '*', destinationPortRange: '*', sourceAddressPrefix: src, destinationAddressPrefix: dst, access, priority, direction }, 'defaultSecurityRules');
  return [
    d('AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork', 'Allow inbound traffic from all VMs in VNET'),
    d('AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*', 'Allow inbound traffic from azure load balancer'),
    d('DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*', 'Deny all inbound traffic'),
    d('AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork', 'Allow outbound traffic from all VMs to all VMs in VNET'),
    d('AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet', 'Allow outbound traffic from all VMs to Internet'),
    d('DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*', 'Deny all outbound traffic'),
  ];
}

/** Custom rules of a compute subnet's NSG; `variant` 1 blocks Storage outbound so verdicts differ. */
export function computeRules(nsgId: string, variant: number): Record<string, unknown>[] {
  const r = (name: string, priority: number, direction: string, access: string, protocol: string, src: string, dst: string, ports: string) =>
    rule(nsgId, name, { protocol, sourceAddressPrefix: src, destinationAddressPrefix: dst, destinationPortRange: ports, access, priority, direction }, 'securityRules');
  const rules = [
    r('AllowAmlInbound', 100, 'Inbound', 'Allow', 'Tcp', 'AzureMachineLearning', 'VirtualNetwork', '44224'),
    r('AllowBatchInbound', 110, 'Inbound', 'Allow', 'Tcp', 'BatchNodeManagement', 'VirtualNetwork', '29876-29877'),
    r('AllowAmlOutbound', 100, 'Outbound', 'Allow', 'Tcp', 'VirtualNetwork', 'AzureMachineLearning', '443'),
  ];
  if (variant === 1) rules.push(r('DenyStorageOutbound', 120, 'Outbound', 'Deny', '*', 'VirtualNetwork', 'Storage', '*'));
  return rules;
}

/** A small Service Tag Discovery API answer covering the tags AML flows name, per region. */
export function serviceTagsFor(regions: readonly string[]): ServiceTagsDocument {
  const values: { name: string; id: string; properties: { changeNumber: number; region: string; regionId: number; platform: string; systemService: string; addressPrefixes: string[] } }[] = [];
  const add = (name: string, region: string, systemService: string, prefixes: string[]) =>
    values.push({ name, id: name, properties: { changeNumber: 1, region, regionId: 0, platform: 'Azure', systemService, addressPrefixes: prefixes } });
  const globals: [string, string][] = [['AzureMachineLearning', 'AzureMachineLearning'], ['Storage', 'AzureStorage'], ['BatchNodeManagement', 'BatchNodeManagement'], ['AzureActiveDirectory', 'AzureAD'], ['AzureResourceManager', 'AzureResourceManager'], ['MicrosoftContainerRegistry', 'MicrosoftContainerRegistry'], ['AzureFrontDoor.FirstParty', 'AzureFrontDoor']];
  globals.forEach(([name, svc], i) => add(name, '', svc, [`20.${i + 1}.0.0/16`, `40.${i + 1}.0.0/16`]));
  regions.forEach((region, r) => {
    globals.slice(0, 3).forEach(([name, svc], i) => add(`${name}.${region[0]?.toUpperCase()}${region.slice(1)}`, region, svc, [`20.${i + 1}.${r * 16}.0/20`]));
  });
  return { changeNumber: 375, cloud: 'Public', values };
}
