/** The six rules Azure puts in every NSG (semantics §1.2), for NSGs that what-if creates. */
import type { Direction, RuleAccess, SecurityRule } from '../model';
import { childId } from './ids';

const DEFAULTS: readonly [string, number, Direction, string, string, RuleAccess][] = [
  ['AllowVnetInBound', 65000, 'Inbound', 'VirtualNetwork', 'VirtualNetwork', 'Allow'],
  ['AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'AzureLoadBalancer', '*', 'Allow'],
  ['DenyAllInBound', 65500, 'Inbound', '*', '*', 'Deny'],
  ['AllowVnetOutBound', 65000, 'Outbound', 'VirtualNetwork', 'VirtualNetwork', 'Allow'],
  ['AllowInternetOutBound', 65001, 'Outbound', '*', 'Internet', 'Allow'],
  ['DenyAllOutBound', 65500, 'Outbound', '*', '*', 'Deny'],
];

/** Default rules of the NSG `nsgId`, with the ids ARM gives them. */
export function defaultSecurityRules(nsgId: string): readonly SecurityRule[] {
  return DEFAULTS.map(([name, priority, direction, source, destination, access]) => ({
    id: childId(nsgId, 'defaultSecurityRules', name),
    name, priority, direction, access,
    protocol: '*',
    sourceAddressPrefixes: [source],
    destinationAddressPrefixes: [destination],
    sourcePortRanges: ['*'],
    destinationPortRanges: ['*'],
    sourceAsgIds: [],
    destinationAsgIds: [],
    isDefault: true,
  }));
}
