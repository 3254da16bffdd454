/**
 * The snapshot: one immutable, normalized picture of an estate. Everything downstream (engine,
 * renderer, what-if, exports) reads a Snapshot; only ingest builds one from ARM JSON, and what-if
 * builds candidates from an existing one (structural sharing, never mutation).
 */
import type {
  ApplicationSecurityGroup, AzureFirewall, Compute, NatGateway, NetworkInterface, NetworkSecurityGroup,
  PrivateDnsZone, PrivateEndpoint, PublicIpAddress, RouteTable, Subnet, VirtualNetwork,
  VirtualNetworkPeering, Workspace,
} from './resources';
import type { FirewallPolicy, FirewallRuleCollectionGroup, IpGroup, VnetAdminRules } from './firewall';
import type { ServiceTagData } from './serviceTags';

/** A read-only map keyed by `idKey(id)`. */
export type ById<T> = ReadonlyMap<string, T>;

/** Something the snapshot could not read: the engine answers `unknown` for flows that need it. */
export interface MissingScope {
  /** `subscription`, `resourceType`, or `resource`. */
  readonly kind: 'subscription' | 'resourceType' | 'resource';
  /** Subscription id; plus the type for `resourceType`; the ARM id for `resource`. */
  readonly subscriptionId?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  /** e.g. `403 AuthorizationFailed: …`. */
  readonly reason: string;
}

/** A non-fatal problem found while reading input; `path` points into the input JSON. */
export interface IngestWarning {
  readonly code: string;
  readonly message: string;
  readonly resourceId?: string;
  readonly path?: string;
}

/** Where the snapshot came from. Never holds a secret. */
export interface Provenance {
  /** `harvest`, `file`, `sample`, `whatif`. */
  readonly source: string;
  readonly cloud?: string;
  readonly tenantId?: string;
  readonly subscriptions: readonly string[];
  /** ISO time of the harvest or import. */
  readonly createdAt?: string;
  readonly tool?: string;
  /** Resource type → api-version used by the harvest. */
  readonly apiVersions?: Readonly<Record<string, string>>;
  readonly inputFile?: string;
}

export interface Snapshot {
  readonly provenance: Provenance;
  readonly vnets: ById<VirtualNetwork>;
  readonly subnets: ById<Subnet>;
  readonly peerings: ById<VirtualNetworkPeering>;
  readonly nsgs: ById<NetworkSecurityGroup>;
  readonly asgs: ById<ApplicationSecurityGroup>;
  readonly nics: ById<NetworkInterface>;
  readonly routeTables: ById<RouteTable>;
  readonly natGateways: ById<NatGateway>;
  readonly publicIps: ById<PublicIpAddress>;
  readonly firewalls: ById<AzureFirewall>;
  readonly firewallPolicies: ById<FirewallPolicy>;
  readonly ruleCollectionGroups: ById<FirewallRuleCollectionGroup>;
  readonly ipGroups: ById<IpGroup>;
  /** VNet id key → security admin rules in force there. */
  readonly adminRules: ById<VnetAdminRules>;
  readonly privateEndpoints: ById<PrivateEndpoint>;
  readonly dnsZones: ById<PrivateDnsZone>;
  readonly workspaces: ById<Workspace>;
  readonly computes: ById<Compute>;
  /** Types ingest kept but does not model: type (lower case) → count. */
  readonly unknownTypes: Readonly<Record<string, number>>;
  readonly missing: readonly MissingScope[];
  readonly warnings: readonly IngestWarning[];
  readonly serviceTags?: ServiceTagData;
}

/** The collections of a snapshot, by name: lets generic code (what-if, renderer) walk them. */
export type SnapshotCollection = {
  [K in keyof Snapshot]-?: Snapshot[K] extends ById<unknown> ? K : never;
}[keyof Snapshot];
