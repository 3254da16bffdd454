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
  /** True when the policy sets `dnsSettings` itself; a child without them inherits the parent's (AF5). */
  readonly dnsSettingsDeclared?: boolean;
  /** `dnsSettings.requireProxyForNetworkRules`. */
  readonly requireProxyForNetworkRules?: boolean;
  /** `snat.privateRanges`: destinations network rules do not SNAT to; undefined = IANA defaults. */
  readonly snatPrivateRanges?: readonly string[];
  /** `snat.autoLearnPrivateRanges === 'Enabled'` (not modelled: caveat only). */
  readonly snatAutoLearn?: boolean;
  /** `intrusionDetection.mode` (`Off`, `Alert`, `Deny`). */
  readonly intrusionDetectionMode?: string;
  /**
   * Rule collection groups that came nested in the policy (template-style dumps carry full groups
   * under `properties.ruleCollectionGroups` or `resources`); flat dumps list them separately.
   */
  readonly inlineRuleCollectionGroups?: readonly FirewallRuleCollectionGroup[];
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
  /** The network manager the rule comes from (parsed from `id`). */
  readonly networkManagerId?: string;
  /** `kind`: `Custom`, or `Default` with a `flag` such as `AllowVnetInbound`. */
  readonly kind?: 'Custom' | 'Default';
  readonly flag?: string;
  /** The configuration's `applyOnNetworkIntentPolicyBasedServices` when the harvest knew it. */
  readonly applyOnNetworkIntentPolicyBasedServices?: readonly string[];
}

/** A network manager's scope, used to pick the higher-scope manager when several apply (NM3). */
export interface NetworkManagerScope {
  readonly id: string;
  readonly managementGroups: readonly string[];
  readonly subscriptions: readonly string[];
}

/** Admin rules for one VNet, in evaluation order as the API returned them. */
export interface VnetAdminRules {
  readonly vnetId: string;
  readonly rules: readonly AdminRule[];
  /** Scopes of the managers the rules come from, when the harvest knew them (NM3 conflicts). */
  readonly networkManagers?: readonly NetworkManagerScope[];
}
