/** Subnet badges: what is attached to a subnet, visible without opening the inspector. */
import type { Subnet } from '../../shared/model/resources';
import type { Snapshot } from '../../shared/model/snapshot';
import { idKey, lastSegment } from '../../shared/model/armId';
import type { Badge } from './types';

/** Usable addresses of an IPv4 prefix (Azure reserves 5 per subnet); undefined for IPv6 or garbage. */
export function usableAddresses(prefix: string): number | undefined {
  const m = /^(\d{1,3}\.){3}\d{1,3}\/(\d{1,2})$/.exec(prefix.trim());
  if (!m) return undefined;
  const bits = Number(m[2]);
  if (bits > 32) return undefined;
  return Math.max(0, 2 ** (32 - bits) - 5);
}

/** Free addresses of a subnet (IPv4 prefixes only), or undefined when unknown. */
export function freeAddresses(subnet: Subnet): number | undefined {
  const sizes = subnet.addressPrefixes.map(usableAddresses).filter((n): n is number => n !== undefined);
  if (!sizes.length) return undefined;
  return Math.max(0, sizes.reduce((a, b) => a + b, 0) - subnet.usedAddressCount);
}

function nameOf(snapshot: Snapshot, collection: 'nsgs' | 'routeTables' | 'natGateways', id: string): string {
  return snapshot[collection].get(idKey(id))?.name ?? lastSegment(id);
}

/** The badges of one subnet, in a fixed order. */
export function subnetBadges(snapshot: Snapshot, subnet: Subnet): Badge[] {
  const badges: Badge[] = [];
  if (subnet.nsgId) badges.push({ kind: 'nsg', text: 'NSG', title: `NSG ${nameOf(snapshot, 'nsgs', subnet.nsgId)}` });
  if (subnet.routeTableId) badges.push({ kind: 'routeTable', text: 'UDR', title: `Route table ${nameOf(snapshot, 'routeTables', subnet.routeTableId)}` });
  if (subnet.natGatewayId) badges.push({ kind: 'nat', text: 'NAT', title: `NAT gateway ${nameOf(snapshot, 'natGateways', subnet.natGatewayId)}` });
  for (const d of subnet.delegations) badges.push({ kind: 'delegation', text: 'DLG', title: `Delegated to ${d}` });
  const free = freeAddresses(subnet);
  if (free !== undefined) badges.push({ kind: 'free', text: `${free} free`, title: `${free} free addresses (5 reserved by Azure per prefix)` });
  return badges;
}
