/**
 * What-if edits: small JSON-serializable operations applied to a snapshot to give a candidate
 * snapshot (never mutation). The union is the contract between the UI, project files, suggested
 * fixes and the exports; every member is plain data so an edit list can be saved and replayed.
 */
import type { NextHopType, SecurityRule } from '../model';
import type { FirewallRuleAdd, FirewallRuleDelete, FirewallRuleUpdate } from './firewallEditTypes';

export type * from './firewallEditTypes';

/** Where a new top-level resource goes; its ARM id is built from these (see newResourceId). */
export interface NewResourcePlace {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
}

/** The user-settable fields of one custom NSG rule: the model's SecurityRule without what Azure assigns. */
export type RuleSpec = Pick<SecurityRule,
  'name' | 'priority' | 'direction' | 'access' | 'protocol'
  | 'sourceAddressPrefixes' | 'sourcePortRanges' | 'destinationAddressPrefixes' | 'destinationPortRanges'>
  & Partial<Pick<SecurityRule, 'sourceAsgIds' | 'destinationAsgIds' | 'description'>>;

/** One user-defined route. `addressPrefix` is a CIDR or a service tag name. */
export interface RouteSpec {
  readonly name: string;
  readonly addressPrefix: string;
  readonly nextHopType: Exclude<NextHopType, 'VirtualNetworkGateway'>;
  readonly nextHopIpAddress?: string;
}

export interface NsgRuleAdd { readonly kind: 'nsgRule.add'; readonly nsgId: string; readonly rule: RuleSpec }
export interface NsgRuleUpdate {
  readonly kind: 'nsgRule.update';
  readonly nsgId: string;
  readonly ruleName: string;
  readonly changes: Partial<Omit<RuleSpec, 'name'>>;
}
export interface NsgRuleDelete { readonly kind: 'nsgRule.delete'; readonly nsgId: string; readonly ruleName: string }
export interface NsgRuleReprioritize {
  readonly kind: 'nsgRule.reprioritize';
  readonly nsgId: string;
  readonly ruleName: string;
  readonly priority: number;
}
export interface NsgCreate { readonly kind: 'nsg.create'; readonly place: NewResourcePlace }
/** `nsgId: null` dissociates the subnet's NSG. */
export interface NsgAssociateSubnet { readonly kind: 'nsg.associateSubnet'; readonly subnetId: string; readonly nsgId: string | null }
/** Peers two VNets on both sides (both Connected); an existing side is reused and reconnected. */
export interface PeeringCreate {
  readonly kind: 'peering.create';
  readonly vnetId: string;
  readonly remoteVnetId: string;
  readonly name?: string;
  readonly remoteName?: string;
  readonly allowForwardedTraffic?: boolean;
}
export interface DnsZoneCreate {
  readonly kind: 'dnsZone.create';
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly zoneName: string;
}
export interface DnsZoneLink {
  readonly kind: 'dnsZone.link';
  readonly zoneId: string;
  readonly vnetId: string;
  readonly linkName?: string;
  readonly registrationEnabled?: boolean;
}
export interface DnsRecordAddA {
  readonly kind: 'dnsRecord.addA';
  readonly zoneId: string;
  readonly recordName: string;
  readonly ipv4Addresses: readonly string[];
  readonly ttl?: number;
}
/** Private endpoint to a workspace / storage account / key vault / registry, with its DNS zone group. */
export interface PrivateEndpointAdd {
  readonly kind: 'privateEndpoint.add';
  readonly place: NewResourcePlace;
  readonly subnetId: string;
  readonly targetId: string;
  readonly groupId: string;
  /** Static IP; the first free address of the subnet when absent. */
  readonly privateIp?: string;
  /** Zones of the zone group; defaults to the snapshot's zones named for the group id. */
  readonly dnsZoneIds?: readonly string[];
}
export interface RouteTableCreate {
  readonly kind: 'routeTable.create';
  readonly place: NewResourcePlace;
  readonly disableBgpRoutePropagation?: boolean;
}
export interface RouteAdd { readonly kind: 'route.add'; readonly routeTableId: string; readonly route: RouteSpec }
/** `routeTableId: null` dissociates. */
export interface RouteTableAssociateSubnet {
  readonly kind: 'routeTable.associateSubnet';
  readonly subnetId: string;
  readonly routeTableId: string | null;
}
/** Attach an existing NAT gateway, or create one (with a Standard static public IP) and attach it. */
export interface NatGatewayAttach {
  readonly kind: 'natGateway.attach';
  readonly subnetId: string;
  readonly natGatewayId?: string;
  readonly create?: NewResourcePlace;
}
export interface ComputeSetPublicIp { readonly kind: 'compute.setPublicIp'; readonly computeId: string; readonly enabled: boolean }

/** Every what-if operation. */
export type Edit =
  | NsgRuleAdd | NsgRuleUpdate | NsgRuleDelete | NsgRuleReprioritize
  | NsgCreate | NsgAssociateSubnet
  | PeeringCreate
  | DnsZoneCreate | DnsZoneLink | DnsRecordAddA
  | PrivateEndpointAdd
  | RouteTableCreate | RouteAdd | RouteTableAssociateSubnet
  | NatGatewayAttach
  | ComputeSetPublicIp
  | FirewallRuleAdd | FirewallRuleUpdate | FirewallRuleDelete;

/** The `kind` tags, for UIs that list the edit families. */
export type EditKind = Edit['kind'];

/** Why an edit could not apply: the field of the edit at fault and a sentence for the user. */
export interface EditError {
  readonly field: string;
  readonly message: string;
}

/**
 * An ARM resource an edit creates, changes or deletes; the exports render exactly these from the
 * final snapshot. `hints` carry values the snapshot model does not hold (a record's TTL, …).
 */
export interface ArmChange {
  readonly action: 'create' | 'update' | 'delete';
  readonly resourceId: string;
  readonly type: string;
  readonly hints?: Readonly<Record<string, string | number | boolean>>;
}
