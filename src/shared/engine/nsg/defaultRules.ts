/**
 * The six rules Azure puts in every NSG (semantics §1.2). Ingest synthesizes them when ARM omitted
 * `defaultSecurityRules`; the evaluator falls back to them for records that have none; tests and the
 * AML auto NSG reuse them.
 */
import type { SecurityRule } from '../../model/resources';

type Spec = Pick<SecurityRule, 'name' | 'priority' | 'direction' | 'access'> & { src: string; dst: string };

const SPECS: readonly Spec[] = [
  { name: 'AllowVnetInBound', priority: 65000, direction: 'Inbound', access: 'Allow', src: 'VirtualNetwork', dst: 'VirtualNetwork' },
  { name: 'AllowAzureLoadBalancerInBound', priority: 65001, direction: 'Inbound', access: 'Allow', src: 'AzureLoadBalancer', dst: '*' },
  { name: 'DenyAllInBound', priority: 65500, direction: 'Inbound', access: 'Deny', src: '*', dst: '*' },
  { name: 'AllowVnetOutBound', priority: 65000, direction: 'Outbound', access: 'Allow', src: 'VirtualNetwork', dst: 'VirtualNetwork' },
  { name: 'AllowInternetOutBound', priority: 65001, direction: 'Outbound', access: 'Allow', src: '*', dst: 'Internet' },
  { name: 'DenyAllOutBound', priority: 65500, direction: 'Outbound', access: 'Deny', src: '*', dst: '*' },
];

/** The default rules of the NSG `nsgId`, with ARM-style ids (`…/defaultSecurityRules/<name>`). */
export function defaultSecurityRules(nsgId: string): SecurityRule[] {
  return SPECS.map((s) => ({
    id: `${nsgId}/defaultSecurityRules/${s.name}`,
    name: s.name,
    priority: s.priority,
    direction: s.direction,
    access: s.access,
    protocol: '*',
    sourceAddressPrefixes: [s.src],
    destinationAddressPrefixes: [s.dst],
    sourcePortRanges: ['*'],
    destinationPortRanges: ['*'],
    sourceAsgIds: [],
    destinationAsgIds: [],
    isDefault: true,
  }));
}
