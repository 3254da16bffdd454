/**
 * Named assumptions: every point the semantics doc marks UNCONFIRMED becomes one of these, with a
 * default, listed in every report (`assumptions` in the JSON contract) and overridable from the CLI
 * (`--assume id=value`) and the app. Engine code reads `Assumptions`, never a literal.
 * The firewall and admin-rule points live beside their evaluators and are merged in here.
 */
import { DEFAULT_ADMIN_ASSUMPTIONS, type AdminAssumptions } from './adminRules/adminAssumptions';
import { DEFAULT_FIREWALL_ASSUMPTIONS, type FirewallAssumptions } from './firewall/firewallAssumptions';

export interface Assumptions extends FirewallAssumptions, AdminAssumptions {
  /** §1.1 / §8.1: does an NSG rule with protocol `*` match ESP and AH? */
  readonly anyProtocolMatchesEspAh: boolean;
  /** §1.1: a rule with non-`*` ports never matches ICMP. */
  readonly portRuleMatchesIcmp: boolean;
  /** §1.5.3 / §8.3: which UDR prefixes join the `VirtualNetwork` tag: none, literal CIDRs, or CIDRs and service tags. */
  readonly udrPrefixesInVirtualNetworkTag: 'none' | 'cidr' | 'cidrAndTags';
  /** §3.2 / §8.4: `allowVirtualNetworkAccess` must be true on both sides (conservative) or only the receiving side. */
  readonly peeringAccess: 'bothSides' | 'receivingSide';
  /** §5.3 / §8.2: where AML puts its auto NSG (public-IP computes): on the compute NIC. */
  readonly autoNsgAttachment: 'nic' | 'none';
  /** §5.3: the auto NSG rule's priority (exact value UNCONFIRMED). */
  readonly autoNsgRulePriority: number;
  /** §2.2 / §8.5: the private-endpoint /32 route is known in peered VNets too. */
  readonly privateEndpointRouteInPeeredVnets: boolean;
  /** §2.7 / §8.6: a subnet whose `defaultOutboundAccess` is not set still has default outbound access. */
  readonly defaultOutboundWhenUnset: boolean;
  /** §2.6: appliances behind a 0.0.0.0/0 route are stateful (drop asymmetric returns). */
  readonly appliancesStateful: boolean;
  /** §5.4.2: which source profile picks the required rows (by source date, not language). */
  readonly requirementProfile: 'current';
  /** Issue 6: next-hop IPs of non-Azure-Firewall appliances treated as allow-all. */
  readonly allowAllAppliances: readonly string[];
  /** §4.4.3: a linked zone without a record for a resource that has a PE falls back to internet (link `resolutionPolicy`). */
  readonly nxDomainFallbackToInternet: boolean;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  anyProtocolMatchesEspAh: true,
  portRuleMatchesIcmp: false,
  udrPrefixesInVirtualNetworkTag: 'cidr',
  peeringAccess: 'bothSides',
  autoNsgAttachment: 'nic',
  autoNsgRulePriority: 1000,
  privateEndpointRouteInPeeredVnets: true,
  defaultOutboundWhenUnset: true,
  appliancesStateful: true,
  requirementProfile: 'current',
  allowAllAppliances: [],
  nxDomainFallbackToInternet: false,
  ...DEFAULT_FIREWALL_ASSUMPTIONS,
  ...DEFAULT_ADMIN_ASSUMPTIONS,
};

/** One line per assumption for reports: what it is and which value this run used. */
export const ASSUMPTION_DESCRIPTIONS: Readonly<Record<keyof Assumptions, string>> = {
  anyProtocolMatchesEspAh: 'An NSG rule with protocol * also matches ESP and AH (semantics §1.1, UNCONFIRMED).',
  portRuleMatchesIcmp: 'An NSG rule restricted to ports matches ICMP (semantics §1.1, UNCONFIRMED).',
  udrPrefixesInVirtualNetworkTag: 'UDR address prefixes that join the VirtualNetwork tag (semantics §1.5, UNCONFIRMED).',
  peeringAccess: 'Which peering sides must allow virtual network access (semantics §3.2, UNCONFIRMED).',
  autoNsgAttachment: 'Where Azure ML attaches its auto-created NSG for public-IP compute (semantics §5.3, UNCONFIRMED).',
  autoNsgRulePriority: 'Priority of the auto-created inbound 44224 rule (semantics §5.3, UNCONFIRMED).',
  privateEndpointRouteInPeeredVnets: 'A private endpoint /32 route also exists in peered VNets (semantics §2.2, UNCONFIRMED).',
  defaultOutboundWhenUnset: 'A subnet without defaultOutboundAccess still has default outbound access (semantics §2.7, UNCONFIRMED).',
  appliancesStateful: 'Virtual appliances are stateful and drop asymmetric returns (semantics §2.6).',
  requirementProfile: 'Requirement rows follow the current English article (semantics §5.9).',
  allowAllAppliances: 'Next-hop appliances (by IP) treated as allowing everything (issue 6).',
  nxDomainFallbackToInternet: 'A linked zone without the record falls back to the public answer (semantics §4.4, UNCONFIRMED).',
  inheritParentNat: 'A base firewall policy\'s DNAT collections are inherited by child policies (firewall §2.3, UNCONFIRMED).',
  fqdnNetworkRuleWithoutDnsProxy: 'How a network-rule FQDN matches while DNS proxy is off: unknown, treatAsMatch, treatAsNoMatch (firewall §2.4).',
  fqdnTagContents: 'FQDN tag → FQDN patterns, as JSON; empty = contents unknown (firewall §2.5).',
  infrastructureFqdns: 'FQDN patterns of the built-in infrastructure rule collection (firewall §2.7).',
  useFqdnTagHints: 'Test FQDN flows against network rules\' service tags through the FQDN→tag heuristic (firewall §4.3).',
  appRuleDestinationAddressesRestrict: 'An application rule\'s destinationAddresses also restrict the destination IP (firewall §1.4, UNCONFIRMED).',
  representativeLabel: 'Label put in front of a wildcard requirement FQDN to test application rules (firewall §4.3).',
  adminConflict: 'Several network managers cover a VNet: higherScopeOnly or mergeHigherScopeFirst (admin rules §3.5, UNCONFIRMED).',
  networkIntentPolicyDefault: 'Admin rules on VNets with Databricks / SQL MI when the setting is unknown (admin rules §3.3).',
  alwaysAllowUnderAllowRulesOnly: 'AlwaysAllow admin rules apply under AllowRulesOnly (admin rules §3.3, UNCONFIRMED).',
  adminRulesStateful: 'Admin rules track connection state like NSGs (admin rules §3.2).',
};

/** Merge user overrides (`--assume key=value`) over the defaults; unknown keys are an error. */
export function resolveAssumptions(overrides: Readonly<Record<string, string>> = {}): Assumptions {
  const out: Record<string, unknown> = { ...DEFAULT_ASSUMPTIONS };
  for (const [key, raw] of Object.entries(overrides)) {
    if (!(key in DEFAULT_ASSUMPTIONS)) {
      throw new Error(`Unknown assumption "${key}". Known: ${Object.keys(DEFAULT_ASSUMPTIONS).join(', ')}`);
    }
    const current = (DEFAULT_ASSUMPTIONS as unknown as Record<string, unknown>)[key];
    if (typeof current === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new Error(`Assumption "${key}" takes true or false, not "${raw}"`);
      out[key] = raw === 'true';
    } else if (typeof current === 'number') {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new Error(`Assumption "${key}" takes a number, not "${raw}"`);
      out[key] = n;
    } else if (Array.isArray(current)) {
      out[key] = raw.split(',').map((s) => s.trim()).filter(Boolean);
    } else if (typeof current === 'object' && current !== null) {
      try {
        out[key] = JSON.parse(raw) as unknown;
      } catch {
        throw new Error(`Assumption "${key}" takes JSON, not "${raw}"`);
      }
    } else {
      out[key] = raw;
    }
  }
  return out as unknown as Assumptions;
}

/** The assumption list every report carries. */
export function describeAssumptions(a: Assumptions): { id: string; value: string; description: string }[] {
  return (Object.keys(DEFAULT_ASSUMPTIONS) as (keyof Assumptions)[]).map((id) => ({
    id,
    value: Array.isArray(a[id]) ? (a[id] as readonly string[]).join(',') : typeof a[id] === 'object' ? JSON.stringify(a[id]) : String(a[id]),
    description: ASSUMPTION_DESCRIPTIONS[id],
  }));
}
