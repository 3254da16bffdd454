/**
 * The firewall evaluator's own view of rules: classic collections (on the firewall) and policy rule
 * collections (in rule collection groups) parsed into one shape, so ordering and matching are
 * written once. Field names follow the policy schema; values are kept as ARM wrote them.
 */

/** Rule types in processing order (§2.1): DNAT, then network, then application. */
export type RuleKind = 'Nat' | 'Network' | 'Application';

/** Collection actions; classic NAT collections say `Dnat`/`Snat`, policy ones `DNAT`. */
export type CollectionAction = 'Allow' | 'Deny' | 'Dnat' | 'Snat';

interface RuleSpecBase {
  readonly name: string;
  /** Index in the collection's `rules` array (rules have no priority, §2.3). */
  readonly position: number;
  readonly sourceAddresses: readonly string[];
  readonly sourceIpGroups: readonly string[];
}

export interface NetworkRuleSpec extends RuleSpecBase {
  readonly kind: 'Network';
  /** `ipProtocols` (policy) / `protocols` (classic), upper case: TCP, UDP, ICMP, ANY. */
  readonly protocols: readonly string[];
  readonly destinationAddresses: readonly string[];
  readonly destinationIpGroups: readonly string[];
  readonly destinationFqdns: readonly string[];
  readonly destinationPorts: readonly string[];
}

export interface AppProtocol {
  /** `Http`, `Https`, `Mssql` as written. */
  readonly protocolType: string;
  readonly port: number;
}

export interface ApplicationRuleSpec extends RuleSpecBase {
  readonly kind: 'Application';
  readonly protocols: readonly AppProtocol[];
  readonly targetFqdns: readonly string[];
  readonly fqdnTags: readonly string[];
  readonly webCategories: readonly string[];
  readonly targetUrls: readonly string[];
  readonly terminateTls: boolean;
  /** Policy application rules only; role in matching UNCONFIRMED (§1.4). */
  readonly destinationAddresses: readonly string[];
}

export interface NatRuleSpec extends RuleSpecBase {
  readonly kind: 'Nat';
  readonly protocols: readonly string[];
  readonly destinationAddresses: readonly string[];
  readonly destinationPorts: readonly string[];
  readonly translatedAddress?: string;
  readonly translatedFqdn?: string;
  readonly translatedPort?: string;
}

/** One parsed rule of any type. */
export type RuleSpec = NetworkRuleSpec | ApplicationRuleSpec | NatRuleSpec;

/** A collection holding rules of one type (a mixed policy collection is split in two). */
export interface CollectionSpec {
  readonly name: string;
  readonly priority: number;
  readonly action: CollectionAction;
  readonly kind: RuleKind;
  readonly rules: readonly RuleSpec[];
}

/** A configuration problem found while reading rules; the rule or entry concerned is skipped. */
export interface RuleIssue {
  readonly code: string;
  readonly message: string;
  /** Path inside the resource, e.g. `properties.ruleCollections[2].rules[0]`. */
  readonly path: string;
}
