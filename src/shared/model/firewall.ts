/**
 * Records for the layers between routes and NSGs that enterprises add: Azure Firewall policies
 * (rule collection groups, base-policy chain), IP groups, and Virtual Network Manager security admin
 * rules. Kept apart from resources.ts because only the firewall / admin-rule evaluators read them.
 * Owned by the firewall work (issue 6); see ../shared/docs/azure-firewall-semantics.md.
 */
import type { ResourceBase } from './resources';

export interface FirewallPolicy extends ResourceBase {
  readonly basePolicyId?: string;
  readonly ruleCollectionGroupIds: readonly string[];
  readonly threatIntelMode?: string;
  /** `dnsSettings.enableProxy`: FQDNs in network rules need it. */
  readonly dnsProxyEnabled: boolean;
  readonly skuTier?: string;
}

export interface FirewallRuleCollectionGroup extends ResourceBase {
  readonly policyId: string;
  readonly priority: number;
  /** `ruleCollections` as ARM gave them; the firewall evaluator parses them. */
  readonly ruleCollections: readonly unknown[];
}

export interface IpGroup extends ResourceBase {
  readonly ipAddresses: readonly string[];
}

/** One security admin rule in force for a VNet (from the effective admin rules API). */
export interface AdminRule {
  readonly id: string;
  readonly name: string;
  /** The security admin configuration it comes from. */
  readonly configurationId?: string;
  readonly ruleCollectionId?: string;
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  readonly access: 'Allow' | 'AlwaysAllow' | 'Deny';
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp' | 'Esp' | 'Ah' | 'Any';
  /** Address prefixes (`IPPrefix` or `ServiceTag` items), flattened to strings. */
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly sourcePortRanges: readonly string[];
  readonly destinationPortRanges: readonly string[];
}

/** Admin rules for one VNet, in evaluation order as the API returned them. */
export interface VnetAdminRules {
  readonly vnetId: string;
  readonly rules: readonly AdminRule[];
}
