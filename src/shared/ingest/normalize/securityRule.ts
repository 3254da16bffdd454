/** NSG rules: ARM's singular/plural fields merged, enum casing fixed, comma port lists split. */
import type { Direction, RuleAccess, RuleProtocol, SecurityRule } from '../../model';
import type { Item, RuleData } from '../collector';
import { refIds } from '../schemas/common';
import { IngestError } from '../ingestError';
import { canonical, merged } from './base';

const DIRECTIONS: Record<string, Direction> = { inbound: 'Inbound', outbound: 'Outbound' };
const ACCESS: Record<string, RuleAccess> = { allow: 'Allow', deny: 'Deny' };
const PROTOCOLS: Record<string, RuleProtocol> = {
  tcp: 'Tcp', udp: 'Udp', icmp: 'Icmp', esp: 'Esp', ah: 'Ah', '*': '*', any: '*',
};

/** `Any` is the portal's word for `*`; one spelling downstream. */
function addresses(one: string | null | undefined, many: readonly string[] | null | undefined): string[] {
  const all = merged(one, many);
  for (let i = 0; i < all.length; i++) if (all[i]?.length === 3 && all[i]?.toLowerCase() === 'any') all[i] = '*';
  return all;
}

/** Port fields may hold comma lists (`80, 10000-10005`, semantics §1.1); one range per entry. */
function ports(one: string | null | undefined, many: readonly string[] | null | undefined): string[] {
  const all = merged(one, many);
  return all.some((p) => p.includes(',')) ? merged(undefined, all.flatMap((p) => p.split(','))) : all;
}

/** One rule (custom or default) of an NSG. */
export function toSecurityRule(item: Item<RuleData>, file: string): SecurityRule {
  const { rule, isDefault } = item.data;
  const p = rule.properties;
  const at = `${item.path}.properties`;
  if (!p) throw new IngestError(file, at, 'missing (a security rule needs priority, direction, access and protocol)');
  return {
    id: item.id,
    name: item.name,
    priority: p.priority,
    direction: canonical(p.direction, DIRECTIONS, file, `${at}.direction`),
    access: canonical(p.access, ACCESS, file, `${at}.access`),
    protocol: canonical(p.protocol, PROTOCOLS, file, `${at}.protocol`),
    sourceAddressPrefixes: addresses(p.sourceAddressPrefix, p.sourceAddressPrefixes),
    destinationAddressPrefixes: addresses(p.destinationAddressPrefix, p.destinationAddressPrefixes),
    sourcePortRanges: ports(p.sourcePortRange, p.sourcePortRanges),
    destinationPortRanges: ports(p.destinationPortRange, p.destinationPortRanges),
    sourceAsgIds: refIds(p.sourceApplicationSecurityGroups),
    destinationAsgIds: refIds(p.destinationApplicationSecurityGroups),
    isDefault,
    ...(p.description ? { description: p.description } : {}),
  };
}
