/**
 * What-if edits of Azure Firewall policy rules (issue 6): add, change or delete a network or an
 * application rule in a policy's rule collection group. Plain data like every Edit; edits.ts puts
 * them in the union. Field names and values follow the ARM policy schema (firewall semantics §1.4),
 * so a rule spec is written to `ruleCollections[].rules[]` as it stands.
 */

/** `ipProtocols` values of a policy network rule (schema enum). */
export type FirewallIpProtocol = 'TCP' | 'UDP' | 'ICMP' | 'Any';

/** One application protocol of an application rule; port 0–64000 (schema). */
export interface FirewallAppProtocol {
  readonly protocolType: 'Http' | 'Https';
  readonly port: number;
}

/** A policy network rule: addresses, service tags, IP groups or (non-wildcard) FQDNs. */
export interface FirewallNetworkRuleSpec {
  readonly ruleType: 'NetworkRule';
  readonly name: string;
  readonly description?: string;
  readonly ipProtocols: readonly FirewallIpProtocol[];
  readonly sourceAddresses: readonly string[];
  readonly sourceIpGroups?: readonly string[];
  readonly destinationAddresses: readonly string[];
  readonly destinationIpGroups?: readonly string[];
  readonly destinationFqdns?: readonly string[];
  readonly destinationPorts: readonly string[];
}

/** A policy application rule: HTTP/HTTPS to FQDN patterns or FQDN tags. */
export interface FirewallApplicationRuleSpec {
  readonly ruleType: 'ApplicationRule';
  readonly name: string;
  readonly description?: string;
  readonly protocols: readonly FirewallAppProtocol[];
  readonly sourceAddresses: readonly string[];
  readonly sourceIpGroups?: readonly string[];
  readonly targetFqdns?: readonly string[];
  readonly fqdnTags?: readonly string[];
}

/** Either rule type. */
export type FirewallRuleSpec = FirewallNetworkRuleSpec | FirewallApplicationRuleSpec;

/** Where a rule sits: the policy, its rule collection group and the collection, by name. */
export interface FirewallRulePlace {
  readonly policyId: string;
  readonly groupName: string;
  readonly collectionName: string;
}

/**
 * Add a rule. The group is created when the policy has none of that name (then `groupPriority` is
 * required); the collection likewise (then `collection` gives its action and priority).
 */
export interface FirewallRuleAdd extends FirewallRulePlace {
  readonly kind: 'firewallRule.add';
  readonly groupPriority?: number;
  readonly collection?: { readonly action: 'Allow' | 'Deny'; readonly priority: number };
  readonly rule: FirewallRuleSpec;
}

/** Fields a change may set; those of the other rule type are refused. The name stays. */
export type FirewallRuleChanges =
  Partial<Omit<FirewallNetworkRuleSpec, 'ruleType' | 'name'>> & Partial<Omit<FirewallApplicationRuleSpec, 'ruleType' | 'name'>>;

/** Change fields of an existing rule (a rule collection group PUT carries every rule, so any field may change). */
export interface FirewallRuleUpdate extends FirewallRulePlace {
  readonly kind: 'firewallRule.update';
  readonly ruleName: string;
  readonly changes: FirewallRuleChanges;
}

/** Remove a rule; a collection left without rules is removed with it. */
export interface FirewallRuleDelete extends FirewallRulePlace {
  readonly kind: 'firewallRule.delete';
  readonly ruleName: string;
}
