/**
 * The normalized resource records of a snapshot. Ingest turns ARM JSON (nested or flat, any casing)
 * into these; the engine, the renderer, what-if and the exports read only these.
 *
 * Conventions:
 * - every `…Id` field holds an ARM id in its original spelling; look it up with `idKey()`;
 * - arrays are never undefined (empty when ARM omitted them);
 * - records are readonly: what-if edits build new records, never mutate.
 */

/** Fields every record shares. */
export interface ResourceBase {
  /** ARM id as ARM wrote it. */
  readonly id: string;
  readonly name: string;
  /** ARM type as ARM wrote it (compare with typeKey()). */
  readonly type: string;
  /** Region as ARM writes it (`westeurope`); '' when ARM gave none (child resources). */
  readonly location: string;
  /** Lower-case subscription GUID. */
  readonly subscriptionId: string;
  readonly resourceGroup: string;
}

export interface VirtualNetwork extends ResourceBase {
  readonly addressPrefixes: readonly string[];
  /** Custom DNS servers; empty = Azure-provided DNS (168.63.129.16). */
  readonly dnsServers: readonly string[];
  readonly subnetIds: readonly string[];
  readonly peeringIds: readonly string[];
}

/** `privateEndpointNetworkPolicies` as ARM spells it (semantics §1.7). */
export type PrivateEndpointNetworkPolicies = 'Disabled' | 'Enabled' | 'NetworkSecurityGroupEnabled' | 'RouteTableEnabled';

export interface ServiceEndpoint {
  /** e.g. `Microsoft.Storage` */
  readonly service: string;
  /** e.g. `westeurope`, `*` */
  readonly locations: readonly string[];
}

export interface Subnet extends ResourceBase {
  readonly vnetId: string;
  readonly addressPrefixes: readonly string[];
  readonly nsgId?: string;
  readonly routeTableId?: string;
  readonly natGatewayId?: string;
  /** Delegation service names, e.g. `Microsoft.ContainerInstance/containerGroups`. */
  readonly delegations: readonly string[];
  readonly privateEndpointNetworkPolicies: PrivateEndpointNetworkPolicies;
  /** `defaultOutboundAccess`; undefined = ARM did not say (older subnets: default outbound on). */
  readonly defaultOutboundAccess?: boolean;
  readonly serviceEndpoints: readonly ServiceEndpoint[];
  /** Addresses already taken, from `ipConfigurations` (NICs, PEs, LBs) when ARM listed them. */
  readonly usedAddressCount: number;
  /** ids of the `ipConfigurations` ARM listed on the subnet (NIC / PE / firewall ip configs). */
  readonly ipConfigurationIds: readonly string[];
}

export type PeeringState = 'Initiated' | 'Connected' | 'Disconnected' | string;

export interface VirtualNetworkPeering extends ResourceBase {
  /** The VNet that owns this peering resource. */
  readonly vnetId: string;
  readonly remoteVnetId: string;
  readonly peeringState: PeeringState;
  readonly peeringSyncLevel?: string;
  readonly allowVirtualNetworkAccess: boolean;
  readonly allowForwardedTraffic: boolean;
  readonly allowGatewayTransit: boolean;
  readonly useRemoteGateways: boolean;
  /** The remote VNet's address space as this side knows it (used when the remote VNet is unreadable). */
  readonly remoteAddressPrefixes: readonly string[];
}

export type Direction = 'Inbound' | 'Outbound';
export type RuleAccess = 'Allow' | 'Deny';
/** ARM protocol values; `*` = any. */
export type RuleProtocol = 'Tcp' | 'Udp' | 'Icmp' | 'Esp' | 'Ah' | '*';

export interface SecurityRule {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  readonly direction: Direction;
  readonly access: RuleAccess;
  readonly protocol: RuleProtocol;
  /** `sourceAddressPrefix` and `sourceAddressPrefixes` merged: `*`, IPs, CIDRs or one service tag. */
  readonly sourceAddressPrefixes: readonly string[];
  readonly destinationAddressPrefixes: readonly string[];
  /** `sourcePortRange(s)` merged: `*`, `80`, `1000-2000`. */
  readonly sourcePortRanges: readonly string[];
  readonly destinationPortRanges: readonly string[];
  readonly sourceAsgIds: readonly string[];
  readonly destinationAsgIds: readonly string[];
  /** One of the six rules Azure puts in every NSG (priority 65000+). */
  readonly isDefault: boolean;
  readonly description?: string;
}

export interface NetworkSecurityGroup extends ResourceBase {
  /** Custom rules, as listed (not sorted). */
  readonly securityRules: readonly SecurityRule[];
  /** The six default rules (synthesized by ingest when ARM omitted them). */
  readonly defaultSecurityRules: readonly SecurityRule[];
  readonly subnetIds: readonly string[];
  readonly nicIds: readonly string[];
}

/** ASGs carry no data the engine needs beyond identity; membership lives on NICs. */
export type ApplicationSecurityGroup = ResourceBase;

export interface NetworkInterface extends ResourceBase {
  readonly subnetIds: readonly string[];
  readonly privateIps: readonly string[];
  readonly nsgId?: string;
  readonly asgIds: readonly string[];
  readonly publicIpIds: readonly string[];
  readonly enableIpForwarding: boolean;
  readonly virtualMachineId?: string;
  /** Set when this NIC belongs to a private endpoint. */
  readonly privateEndpointId?: string;
}

/** UDR next hop types (ARM names). */
export type NextHopType = 'VirtualNetworkGateway' | 'VnetLocal' | 'Internet' | 'VirtualAppliance' | 'None';

export interface Route {
  readonly id: string;
  readonly name: string;
  /** CIDR, or a service tag name (e.g. `AzureMachineLearning`, `Storage.westeurope`). */
  readonly addressPrefix: string;
  readonly nextHopType: NextHopType;
  readonly nextHopIpAddress?: string;
}

export interface RouteTable extends ResourceBase {
  readonly routes: readonly Route[];
  readonly disableBgpRoutePropagation: boolean;
  readonly subnetIds: readonly string[];
}

export interface NatGateway extends ResourceBase {
  readonly subnetIds: readonly string[];
  readonly publicIpIds: readonly string[];
}

export interface PublicIpAddress extends ResourceBase {
  readonly ipAddress?: string;
  readonly ipConfigurationId?: string;
}

export interface AzureFirewall extends ResourceBase {
  /** Subnet of the firewall's first ip configuration (`AzureFirewallSubnet`). */
  readonly subnetId?: string;
  readonly privateIp?: string;
  readonly firewallPolicyId?: string;
  readonly skuTier?: string;
  readonly threatIntelMode?: string;
  /** Classic rule collections, kept as ARM gave them for the firewall evaluator. */
  readonly classic: {
    readonly applicationRuleCollections: readonly unknown[];
    readonly networkRuleCollections: readonly unknown[];
    readonly natRuleCollections: readonly unknown[];
  };
  /** `additionalProperties` such as `Network.DNS.EnableProxy`. */
  readonly additionalProperties: Readonly<Record<string, string>>;
}

export type PrivateLinkStatus = 'Approved' | 'Pending' | 'Rejected' | 'Disconnected' | string;

export interface PrivateLinkConnection {
  readonly name: string;
  readonly targetId: string;
  /** e.g. `amlworkspace`, `blob`, `file`, `vault`, `registry`. */
  readonly groupIds: readonly string[];
  readonly status: PrivateLinkStatus;
  /** True for `manualPrivateLinkServiceConnections`. */
  readonly manual: boolean;
}

export interface PrivateEndpoint extends ResourceBase {
  readonly subnetId: string;
  readonly privateIps: readonly string[];
  readonly connections: readonly PrivateLinkConnection[];
  /** Private DNS zones of its zone group(s). */
  readonly dnsZoneIds: readonly string[];
  /** `customDnsConfigs`: the FQDNs and IPs this endpoint answers for. */
  readonly customDnsConfigs: readonly { readonly fqdn: string; readonly ipAddresses: readonly string[] }[];
  readonly nicIds: readonly string[];
}

export interface VirtualNetworkLink {
  readonly id: string;
  readonly name: string;
  readonly zoneId: string;
  readonly vnetId: string;
  readonly registrationEnabled: boolean;
  /** `virtualNetworkLinkState`: `Completed` | `InProgress`. */
  readonly linkState: string;
  readonly resolutionPolicy?: string;
}

export interface PrivateDnsZone extends ResourceBase {
  /** The zone name in lower case, e.g. `privatelink.api.azureml.ms`. */
  readonly zoneName: string;
  readonly links: readonly VirtualNetworkLink[];
  /** Relative record name (lower case, `@` for apex) → IPv4 addresses. */
  readonly aRecords: Readonly<Record<string, readonly string[]>>;
}

/** Managed network isolation mode of a workspace (`Disabled` when not set). */
export type IsolationMode = 'Disabled' | 'AllowInternetOutbound' | 'AllowOnlyApprovedOutbound' | string;

export interface Workspace extends ResourceBase {
  /** The workspace GUID (`properties.workspaceId`), used in its FQDNs. */
  readonly workspaceGuid?: string;
  readonly storageAccountId?: string;
  readonly keyVaultId?: string;
  readonly containerRegistryId?: string;
  readonly applicationInsightsId?: string;
  readonly publicNetworkAccess: 'Enabled' | 'Disabled' | string;
  readonly isolationMode: IsolationMode;
  readonly hbiWorkspace: boolean;
  /** `serverlessComputeSettings`. */
  readonly serverless?: {
    readonly subnetId?: string;
    readonly noPublicIp: boolean;
  };
  /** Public IP allow list of the workspace (`ipAllowlist`), when it has one. */
  readonly ipAllowlist: readonly string[];
}

/** AML compute kinds (ARM `computeType`) that VNetLens understands. */
export type ComputeType = 'AmlCompute' | 'ComputeInstance' | 'VirtualMachine' | 'HDInsight' | 'Databricks' | string;

export interface Compute extends ResourceBase {
  readonly workspaceId: string;
  readonly computeType: ComputeType;
  readonly subnetId?: string;
  /** `enableNodePublicIp` (default true when ARM omits it). */
  readonly enableNodePublicIp: boolean;
  /** Cluster max nodes; 1 for an instance. */
  readonly maxNodes: number;
  /** Compute's own `computeLocation` (clusters may live in another region). */
  readonly computeLocation: string;
  /** Attached VM / HDInsight: its address and ssh port, when ARM gave them. */
  readonly address?: string;
  /** The attached resource's ARM id (`resourceId`). */
  readonly targetResourceId?: string;
}
