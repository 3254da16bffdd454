/**
 * Test helpers that build model records and Snapshots by hand: engine tests describe an estate in a
 * few lines (vnet, subnet, nsg, rule, routeTable, peering, …) instead of ARM JSON, and every record is
 * typed against src/shared/model so a model change breaks the builders, not hundreds of tests.
 * Defaults: location `westeurope`, subscription `00000000-0000-0000-0000-000000000001`, group `rg-net`.
 */
import { idKey } from '../../model/armId';
import type {
  ApplicationSecurityGroup, Compute, NatGateway, NetworkInterface, NetworkSecurityGroup, PrivateEndpoint,
  PrivateDnsZone, PublicIpAddress, Route, RouteTable, SecurityRule, Subnet, VirtualNetwork, VirtualNetworkPeering,
  Workspace, NextHopType, AzureFirewall,
} from '../../model/resources';
import type { FirewallPolicy, FirewallRuleCollectionGroup, IpGroup, VnetAdminRules } from '../../model/firewall';
import type { ServiceTagData } from '../../model/serviceTags';
import type { IngestWarning, MissingScope, Provenance, Snapshot } from '../../model/snapshot';
import { defaultSecurityRules } from '../../model/defaultSecurityRules';

/** Default subscription of built records. */
export const TEST_SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';
/** Default region of built records. */
export const TEST_LOCATION = 'westeurope';
/** Default resource group of built records. */
export const TEST_RESOURCE_GROUP = 'rg-net';

/** Where a record lives; every builder takes these as optional overrides. */
export interface Placement {
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  readonly location?: string;
}

/** An ARM id for a top-level resource: `armId('Microsoft.Network/virtualNetworks', 'vnet-a')`. */
export function armId(type: string, name: string, at: Placement = {}): string {
  return `/subscriptions/${at.subscriptionId ?? TEST_SUBSCRIPTION}/resourceGroups/${at.resourceGroup ?? TEST_RESOURCE_GROUP}/providers/${type}/${name}`;
}

function base(type: string, id: string, name: string, at: Placement) {
  return {
    id, name, type,
    location: at.location ?? TEST_LOCATION,
    subscriptionId: (at.subscriptionId ?? TEST_SUBSCRIPTION).toLowerCase(),
    resourceGroup: at.resourceGroup ?? TEST_RESOURCE_GROUP,
  };
}

/** A VNet; subnetIds/peeringIds are filled in by buildSnapshot from the subnets and peerings given. */
export function vnet(name: string, addressPrefixes: readonly string[], opts: Partial<VirtualNetwork> & Placement = {}): VirtualNetwork {
  const type = 'Microsoft.Network/virtualNetworks';
  return { ...base(type, armId(type, name, opts), name, opts), addressPrefixes, dnsServers: [], subnetIds: [], peeringIds: [], ...opts };
}

/** A subnet of `parent` (a VNet record or id). */
export function subnet(parent: VirtualNetwork | string, name: string, prefixes: string | readonly string[], opts: Partial<Subnet> = {}): Subnet {
  const vnetId = typeof parent === 'string' ? parent : parent.id;
  const location = typeof parent === 'string' ? '' : parent.location;
  return {
    id: `${vnetId}/subnets/${name}`, name, type: 'Microsoft.Network/virtualNetworks/subnets', location,
    subscriptionId: typeof parent === 'string' ? TEST_SUBSCRIPTION : parent.subscriptionId,
    resourceGroup: typeof parent === 'string' ? TEST_RESOURCE_GROUP : parent.resourceGroup,
    vnetId, addressPrefixes: typeof prefixes === 'string' ? [prefixes] : prefixes, delegations: [],
    privateEndpointNetworkPolicies: 'Disabled', serviceEndpoints: [], usedAddressCount: 0, ipConfigurationIds: [],
    ...opts,
  };
}

/** What a rule needs; everything else defaults to "any" (`*` protocol, addresses and ports). */
export interface RuleSpec extends Partial<Omit<SecurityRule, 'priority' | 'direction' | 'access'>> {
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  readonly access: 'Allow' | 'Deny';
  /** Shorthands for one prefix / one port range. */
  readonly source?: string;
  readonly destination?: string;
  readonly port?: string | number;
}

/** A custom security rule; `name` doubles as the id suffix until nsg() re-homes it. */
export function rule(name: string, spec: RuleSpec): SecurityRule {
  const { source, destination, port, ...rest } = spec;
  return {
    id: name, name, protocol: '*',
    sourceAddressPrefixes: source !== undefined ? [source] : ['*'],
    destinationAddressPrefixes: destination !== undefined ? [destination] : ['*'],
    sourcePortRanges: ['*'],
    destinationPortRanges: port !== undefined ? [String(port)] : ['*'],
    sourceAsgIds: [], destinationAsgIds: [], isDefault: false,
    ...rest,
  };
}

/** An NSG with these custom rules (ids re-homed under the NSG) and the six default rules. */
export function nsg(name: string, rules: readonly SecurityRule[] = [], opts: Partial<NetworkSecurityGroup> & Placement = {}): NetworkSecurityGroup {
  const type = 'Microsoft.Network/networkSecurityGroups';
  const id = armId(type, name, opts);
  return {
    ...base(type, id, name, opts),
    securityRules: rules.map((r) => (r.id.startsWith('/') ? r : { ...r, id: `${id}/securityRules/${r.name}` })),
    defaultSecurityRules: defaultSecurityRules(id), subnetIds: [], nicIds: [],
    ...opts,
  };
}

/** An application security group. */
export function asg(name: string, at: Placement = {}): ApplicationSecurityGroup {
  const type = 'Microsoft.Network/applicationSecurityGroups';
  return base(type, armId(type, name, at), name, at);
}

/** A UDR; the id is completed by routeTable(). */
export function route(name: string, addressPrefix: string, nextHopType: NextHopType, nextHopIpAddress?: string): Route {
  return { id: name, name, addressPrefix, nextHopType, ...(nextHopIpAddress ? { nextHopIpAddress } : {}) };
}

/** A route table holding these routes. */
export function routeTable(name: string, routes: readonly Route[], opts: Partial<RouteTable> & Placement = {}): RouteTable {
  const type = 'Microsoft.Network/routeTables';
  const id = armId(type, name, opts);
  return {
    ...base(type, id, name, opts),
    routes: routes.map((r) => (r.id.startsWith('/') ? r : { ...r, id: `${id}/routes/${r.name}` })),
    disableBgpRoutePropagation: false, subnetIds: [],
    ...opts,
  };
}

/** One side of a peering: owned by `local`, pointing at `remote` (Connected by default). */
export function peering(local: VirtualNetwork, remote: VirtualNetwork, opts: Partial<VirtualNetworkPeering> = {}): VirtualNetworkPeering {
  const name = opts.name ?? `${local.name}-to-${remote.name}`;
  return {
    id: `${local.id}/virtualNetworkPeerings/${name}`, name, type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    location: '', subscriptionId: local.subscriptionId, resourceGroup: local.resourceGroup,
    vnetId: local.id, remoteVnetId: remote.id, peeringState: 'Connected', peeringSyncLevel: 'FullyInSync',
    allowVirtualNetworkAccess: true, allowForwardedTraffic: false, allowGatewayTransit: false, useRemoteGateways: false,
    remoteAddressPrefixes: remote.addressPrefixes,
    ...opts,
  };
}

/** Both sides of a peering, Connected; per-side overrides. */
export function peerPair(
  a: VirtualNetwork, b: VirtualNetwork, aSide: Partial<VirtualNetworkPeering> = {}, bSide: Partial<VirtualNetworkPeering> = {},
): [VirtualNetworkPeering, VirtualNetworkPeering] {
  return [peering(a, b, aSide), peering(b, a, bSide)];
}

/** A NIC in `sub` with one private IP. */
export function nic(name: string, sub: Subnet, ip: string, opts: Partial<NetworkInterface> & Placement = {}): NetworkInterface {
  const type = 'Microsoft.Network/networkInterfaces';
  return {
    ...base(type, armId(type, name, opts), name, opts),
    subnetIds: [sub.id], privateIps: [ip], asgIds: [], publicIpIds: [], enableIpForwarding: false,
    ...opts,
  };
}

/** A private endpoint in `sub` with one IP, connected (Approved) to `targetId` for `groupId`. */
export function privateEndpoint(
  name: string, sub: Subnet, ip: string, targetId = armId('Microsoft.Storage/storageAccounts', 'sa1'), groupId = 'blob',
  opts: Partial<PrivateEndpoint> & Placement = {},
): PrivateEndpoint {
  const type = 'Microsoft.Network/privateEndpoints';
  return {
    ...base(type, armId(type, name, opts), name, opts),
    subnetId: sub.id, privateIps: [ip],
    connections: [{ name: `${name}-conn`, targetId, groupIds: [groupId], status: 'Approved', manual: false }],
    dnsZoneIds: [], customDnsConfigs: [], nicIds: [],
    ...opts,
  };
}

/** A NAT gateway attached to these subnets. */
export function natGateway(name: string, subnets: readonly Subnet[] = [], opts: Partial<NatGateway> & Placement = {}): NatGateway {
  const type = 'Microsoft.Network/natGateways';
  return { ...base(type, armId(type, name, opts), name, opts), subnetIds: subnets.map((s) => s.id), publicIpIds: [], ...opts };
}

/** A public IP address. */
export function publicIp(name: string, ipAddress?: string, opts: Partial<PublicIpAddress> & Placement = {}): PublicIpAddress {
  const type = 'Microsoft.Network/publicIPAddresses';
  return { ...base(type, armId(type, name, opts), name, opts), ...(ipAddress ? { ipAddress } : {}), ...opts };
}

/** A private DNS zone (location `global`) with optional links and A records. */
export function dnsZone(zoneName: string, opts: Partial<PrivateDnsZone> & Placement = {}): PrivateDnsZone {
  const type = 'Microsoft.Network/privateDnsZones';
  return { ...base(type, armId(type, zoneName, opts), zoneName, { location: 'global', ...opts }), zoneName: zoneName.toLowerCase(), links: [], aRecords: {}, ...opts };
}

/** An AML workspace. */
export function workspace(name: string, opts: Partial<Workspace> & Placement = {}): Workspace {
  const type = 'Microsoft.MachineLearningServices/workspaces';
  return {
    ...base(type, armId(type, name, opts), name, opts),
    publicNetworkAccess: 'Enabled', isolationMode: 'Disabled', hbiWorkspace: false, ipAllowlist: [],
    ...opts,
  };
}

/** An AML compute of `ws` (a cluster by default, no public IP unless asked). */
export function compute(ws: Workspace, name: string, opts: Partial<Compute> = {}): Compute {
  return {
    id: `${ws.id}/computes/${name}`, name, type: 'Microsoft.MachineLearningServices/workspaces/computes',
    location: ws.location, subscriptionId: ws.subscriptionId, resourceGroup: ws.resourceGroup,
    workspaceId: ws.id, computeType: 'AmlCompute', enableNodePublicIp: false, maxNodes: 4, computeLocation: ws.location,
    ...opts,
  };
}

/** Records for buildSnapshot, by collection; anything omitted is empty. */
export interface SnapshotParts {
  readonly vnets?: readonly VirtualNetwork[];
  readonly subnets?: readonly Subnet[];
  readonly peerings?: readonly VirtualNetworkPeering[];
  readonly nsgs?: readonly NetworkSecurityGroup[];
  readonly asgs?: readonly ApplicationSecurityGroup[];
  readonly nics?: readonly NetworkInterface[];
  readonly routeTables?: readonly RouteTable[];
  readonly natGateways?: readonly NatGateway[];
  readonly publicIps?: readonly PublicIpAddress[];
  readonly firewalls?: readonly AzureFirewall[];
  readonly firewallPolicies?: readonly FirewallPolicy[];
  readonly ruleCollectionGroups?: readonly FirewallRuleCollectionGroup[];
  readonly ipGroups?: readonly IpGroup[];
  readonly adminRules?: readonly VnetAdminRules[];
  readonly privateEndpoints?: readonly PrivateEndpoint[];
  readonly dnsZones?: readonly PrivateDnsZone[];
  readonly workspaces?: readonly Workspace[];
  readonly computes?: readonly Compute[];
  readonly missing?: readonly MissingScope[];
  readonly warnings?: readonly IngestWarning[];
  readonly serviceTags?: ServiceTagData;
  readonly provenance?: Provenance;
}

function byId<T extends { readonly id: string }>(items: readonly T[] = []): Map<string, T> {
  return new Map(items.map((r) => [idKey(r.id), r]));
}

function uniq(ids: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const id of ids) if (!seen.has(idKey(id))) seen.set(idKey(id), id);
  return [...seen.values()];
}

/**
 * A Snapshot from records. Back-references are completed the way ingest completes them: VNets list
 * their subnets and peerings, NSGs/route tables/NAT gateways list the subnets (and NICs) that use them.
 */
export function buildSnapshot(parts: SnapshotParts): Snapshot {
  const subnets = parts.subnets ?? [];
  const peerings = parts.peerings ?? [];
  const nics = parts.nics ?? [];
  const owned = (list: readonly { id: string }[], key: string | undefined, pick: (x: never) => string | undefined) =>
    list.filter((x) => key !== undefined && idKey(pick(x as never) ?? '') === key).map((x) => x.id);
  const vnets = (parts.vnets ?? []).map((v) => ({
    ...v,
    subnetIds: uniq([...v.subnetIds, ...owned(subnets, idKey(v.id), (s: Subnet) => s.vnetId)]),
    peeringIds: uniq([...v.peeringIds, ...owned(peerings, idKey(v.id), (p: VirtualNetworkPeering) => p.vnetId)]),
  }));
  const nsgs = (parts.nsgs ?? []).map((n) => ({
    ...n,
    subnetIds: uniq([...n.subnetIds, ...owned(subnets, idKey(n.id), (s: Subnet) => s.nsgId)]),
    nicIds: uniq([...n.nicIds, ...owned(nics, idKey(n.id), (x: NetworkInterface) => x.nsgId)]),
  }));
  const routeTables = (parts.routeTables ?? []).map((t) => ({
    ...t, subnetIds: uniq([...t.subnetIds, ...owned(subnets, idKey(t.id), (s: Subnet) => s.routeTableId)]),
  }));
  return {
    provenance: parts.provenance ?? { source: 'test', subscriptions: [TEST_SUBSCRIPTION] },
    vnets: byId(vnets), subnets: byId(subnets), peerings: byId(peerings), nsgs: byId(nsgs), asgs: byId(parts.asgs),
    nics: byId(nics), routeTables: byId(routeTables), natGateways: byId(parts.natGateways), publicIps: byId(parts.publicIps),
    firewalls: byId(parts.firewalls), firewallPolicies: byId(parts.firewallPolicies),
    ruleCollectionGroups: byId(parts.ruleCollectionGroups), ipGroups: byId(parts.ipGroups),
    adminRules: new Map((parts.adminRules ?? []).map((a) => [idKey(a.vnetId), a])),
    privateEndpoints: byId(parts.privateEndpoints), dnsZones: byId(parts.dnsZones), workspaces: byId(parts.workspaces),
    computes: byId(parts.computes), unknownTypes: {}, missing: parts.missing ?? [], warnings: parts.warnings ?? [],
    ...(parts.serviceTags ? { serviceTags: parts.serviceTags } : {}),
  };
}
