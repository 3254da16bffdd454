/**
 * NSG rule validation (semantics §1.1): the checks Azure applies when a rule is PUT, so a what-if
 * edit fails here, naming the field, instead of failing later at deployment.
 */
import type { NetworkSecurityGroup, SecurityRule, ServiceTagData } from '../model';
import type { EditError, RuleSpec } from './edits';
import { isIpOrCidr, isKnownTag, isPortRange } from './addressSyntax';

const PROTOCOLS = ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*'];

/** Azure's rule/route name rule: ≤ 80 chars, word char first, word char or `_` last, `.`/`-` inside. */
export function isValidRuleName(name: string): boolean {
  return name.length <= 80 && /^\w(?:[\w.-]*\w)?$/.test(name);
}

function sideError(
  field: string, prefixes: readonly string[], asgIds: readonly string[], tags: ServiceTagData | undefined,
): string | undefined {
  if (asgIds.length > 1) return 'only one application security group per side';
  if (asgIds.length === 1) return prefixes.length ? 'use either an application security group or address prefixes, not both' : undefined;
  if (prefixes.length === 0) return 'needs at least one address prefix (or *)';
  const tagsUsed = prefixes.filter((p) => p !== '*' && !isIpOrCidr(p));
  for (const p of tagsUsed) if (!isKnownTag(p, tags)) return `"${p}" is neither an IP, a CIDR nor a known service tag`;
  if (tagsUsed.length > 1) return 'only one service tag per side';
  if ((tagsUsed.length === 1 || prefixes.includes('*')) && prefixes.length > 1) {
    return `a service tag or * must be the only ${field} prefix`;
  }
  return undefined;
}

/**
 * Problems with `rule` as a member of `nsg`; `replacing` names the rule it replaces (update /
 * reprioritize), which is then ignored for the uniqueness checks.
 */
export function validateRule(
  rule: RuleSpec, nsg: NetworkSecurityGroup, tags: ServiceTagData | undefined, replacing?: string,
): EditError | undefined {
  const others: readonly SecurityRule[] = nsg.securityRules.filter(
    (r) => replacing === undefined || r.name.toLowerCase() !== replacing.toLowerCase(),
  );
  if (!isValidRuleName(rule.name)) {
    return { field: 'rule.name', message: `Rule name "${rule.name}" is invalid: up to 80 characters, starting with a letter, digit or _, ending with a letter, digit or _, with only letters, digits, _ . - inside.` };
  }
  if (others.some((r) => r.name.toLowerCase() === rule.name.toLowerCase())) {
    return { field: 'rule.name', message: `NSG ${nsg.name} already has a rule named "${rule.name}".` };
  }
  if (!Number.isInteger(rule.priority) || rule.priority < 100 || rule.priority > 4096) {
    return { field: 'rule.priority', message: `Priority ${rule.priority} is out of range: custom rules take 100–4096.` };
  }
  const clash = others.find((r) => r.priority === rule.priority && r.direction === rule.direction);
  if (clash) {
    return { field: 'rule.priority', message: `Priority ${rule.priority} is already used by ${rule.direction.toLowerCase()} rule "${clash.name}" in NSG ${nsg.name}.` };
  }
  if (rule.direction !== 'Inbound' && rule.direction !== 'Outbound') return { field: 'rule.direction', message: `Direction must be Inbound or Outbound, not "${String(rule.direction)}".` };
  if (rule.access !== 'Allow' && rule.access !== 'Deny') return { field: 'rule.access', message: `Access must be Allow or Deny, not "${String(rule.access)}".` };
  if (!PROTOCOLS.includes(rule.protocol)) return { field: 'rule.protocol', message: `Protocol must be one of ${PROTOCOLS.join(', ')}, not "${String(rule.protocol)}".` };
  const src = sideError('source', rule.sourceAddressPrefixes, rule.sourceAsgIds ?? [], tags);
  if (src) return { field: 'rule.sourceAddressPrefixes', message: `Source: ${src}.` };
  const dst = sideError('destination', rule.destinationAddressPrefixes, rule.destinationAsgIds ?? [], tags);
  if (dst) return { field: 'rule.destinationAddressPrefixes', message: `Destination: ${dst}.` };
  for (const [field, ports] of [['rule.sourcePortRanges', rule.sourcePortRanges], ['rule.destinationPortRanges', rule.destinationPortRanges]] as const) {
    if (ports.length === 0) return { field, message: 'Needs at least one port or range (or *).' };
    const bad = ports.find((p) => !isPortRange(p));
    if (bad !== undefined) return { field, message: `"${bad}" is not a port, a range like 1000-2000, or *.` };
    if (ports.includes('*') && ports.length > 1) return { field, message: '* must be the only port range.' };
  }
  if (rule.description !== undefined && rule.description.length > 140) {
    return { field: 'rule.description', message: 'Descriptions are limited to 140 characters.' };
  }
  return undefined;
}
