/**
 * The six rules Azure puts in every NSG (semantics §1.2). ARM lists them under
 * `defaultSecurityRules`, but templates, Resource Graph projections and hand-written dumps often
 * leave them out; an NSG without them would wrongly look like "allow everything". One list for
 * ingest, the NSG evaluator, what-if (NSGs it creates) and the AML auto NSG.
 */
import type { Direction, RuleAccess, SecurityRule } from './resources';

type Spec = readonly [name: string, direction: Direction, priority: number, access: RuleAccess, source: string, destination: string, description: string];

const DEFAULTS: readonly Spec[] = [
  ['AllowVnetInBound', 'Inbound', 65000, 'Allow', 'VirtualNetwork', 'VirtualNetwork', 'Allow inbound traffic from all VMs in VNET'],
  ['AllowAzureLoadBalancerInBound', 'Inbound', 65001, 'Allow', 'AzureLoadBalancer', '*', 'Allow inbound traffic from azure load balancer'],
  ['DenyAllInBound', 'Inbound', 65500, 'Deny', '*', '*', 'Deny all inbound traffic'],
  ['AllowVnetOutBound', 'Outbound', 65000, 'Allow', 'VirtualNetwork', 'VirtualNetwork', 'Allow outbound traffic from all VMs to all VMs in VNET'],
  ['AllowInternetOutBound', 'Outbound', 65001, 'Allow', '*', 'Internet', 'Allow outbound traffic from all VMs to Internet'],
  ['DenyAllOutBound', 'Outbound', 65500, 'Deny', '*', '*', 'Deny all outbound traffic'],
];

/** The six default rules of the NSG `nsgId`, with ids as ARM would give them. */
export function defaultSecurityRules(nsgId: string): SecurityRule[] {
  return DEFAULTS.map(([name, direction, priority, access, source, destination, description]) => ({
    id: `${nsgId}/defaultSecurityRules/${name}`,
    name,
    priority,
    direction,
    access,
    protocol: '*',
    sourceAddressPrefixes: [source],
    destinationAddressPrefixes: [destination],
    sourcePortRanges: ['*'],
    destinationPortRanges: ['*'],
    sourceAsgIds: [],
    destinationAsgIds: [],
    isDefault: true,
    description,
  }));
}
