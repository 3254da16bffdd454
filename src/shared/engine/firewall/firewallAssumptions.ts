/**
 * The firewall points the semantics doc marks UNCONFIRMED or leaves to configuration, with their
 * defaults. They are part of the run's Assumptions (engine/assumptions.ts merges them), so `--assume`
 * and the app change them like any other.
 */
import type { Assumptions } from '../assumptions';
import { overlayDefaults } from '../overlayDefaults';

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

/** The firewall assumptions of a run (or of a test's partial object): a key present on it wins over the default. */
export const firewallAssumptions: (a: Assumptions | Partial<FirewallAssumptions>) => FirewallAssumptions = overlayDefaults(DEFAULT_FIREWALL_ASSUMPTIONS);
