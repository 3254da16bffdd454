/**
 * The firewall points the semantics doc marks UNCONFIRMED or leaves to configuration, with their
 * defaults. Kept here until the lead adds them to engine/assumptions.ts; the evaluator reads a key
 * from the run's Assumptions when it is there, so `--assume` starts working the moment it is.
 */
import type { Assumptions } from '../assumptions';

export interface FirewallAssumptions {
  /** §2.3 / open point 1: are a base policy's DNAT collections inherited? (AF12 no, AF1 yes) */
  readonly inheritParentNat: boolean;
  /** §2.4 rule 3: a network-rule FQDN while DNS proxy is off. */
  readonly fqdnNetworkRuleWithoutDnsProxy: 'unknown' | 'treatAsMatch' | 'treatAsNoMatch';
  /** §2.5 rule 2: FQDN tag name (lower case) → FQDN patterns; empty = contents unknown. */
  readonly fqdnTagContents: Readonly<Record<string, readonly string[]>>;
  /** §2.7: the built-in infrastructure collection's FQDN patterns (default: none modelled). */
  readonly infrastructureFqdns: readonly string[];
  /** §4.3: test an FQDN flow against network rules' service tags through the tag-hint heuristic. */
  readonly useFqdnTagHints: boolean;
  /** §1.4 / open point 4: a policy application rule's `destinationAddresses` also restrict the destination IP. */
  readonly appRuleDestinationAddressesRestrict: boolean;
  /** §4.3: label put in front of a wildcard requirement FQDN to test application rules. */
  readonly representativeLabel: string;
}

export const DEFAULT_FIREWALL_ASSUMPTIONS: FirewallAssumptions = {
  inheritParentNat: false,
  fqdnNetworkRuleWithoutDnsProxy: 'unknown',
  fqdnTagContents: {},
  infrastructureFqdns: [],
  useFqdnTagHints: true,
  appRuleDestinationAddressesRestrict: true,
  representativeLabel: 'x',
};

const memo = new WeakMap<object, FirewallAssumptions>();

/** The firewall assumptions of a run: a key present on `a` wins over the local default. */
export function firewallAssumptions(a: Assumptions | Partial<FirewallAssumptions>): FirewallAssumptions {
  const hit = memo.get(a);
  if (hit) return hit;
  const src = a as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = { ...DEFAULT_FIREWALL_ASSUMPTIONS };
  for (const key of Object.keys(DEFAULT_FIREWALL_ASSUMPTIONS)) {
    const v = src[key];
    if (v !== undefined && typeof v === typeof (DEFAULT_FIREWALL_ASSUMPTIONS as unknown as Record<string, unknown>)[key]) out[key] = v;
  }
  const result = out as unknown as FirewallAssumptions;
  memo.set(a, result);
  return result;
}
