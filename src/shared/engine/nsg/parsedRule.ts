/**
 * NSG rules parsed once per NSG record: ports as numeric ranges, address fields as range sets plus
 * tag names, rules sorted in evaluation order. Cached in a WeakMap keyed by the record, so a 200-rule
 * NSG costs its parse once per snapshot, and a what-if edit (a new record) re-parses only that NSG.
 */
import { idKey } from '../../model/armId';
import type { NetworkSecurityGroup, RuleAccess, RuleProtocol, SecurityRule } from '../../model/resources';
import { ipv4Range, isIpOrCidr } from '../../net/cidr';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { defaultSecurityRules } from './defaultRules';

/** A port list: every port, or inclusive ranges. */
export interface PortSet {
  readonly all: boolean;
  readonly ranges: readonly (readonly [number, number])[];
}

/** An address field: everything, or literal prefixes plus tag names (and `VirtualNetwork`, resolved per subnet). */
export interface AddressField {
  readonly all: boolean;
  readonly literal: Ipv4RangeSet;
  /** Service tags named (original spelling), except VirtualNetwork. */
  readonly tags: readonly string[];
  readonly virtualNetwork: boolean;
  /** ASG id keys: when set, the field means "NICs in these ASGs" and addresses are ignored. */
  readonly asgKeys: readonly string[];
  /** Text for explanations. */
  readonly text: string;
  /** Per-endpoint match memo (key: endpoint + VirtualNetwork scope). */
  readonly memo: Map<string, 'yes' | 'no' | 'some'>;
}

export interface ParsedRule {
  readonly rule: SecurityRule;
  readonly access: RuleAccess;
  readonly protocol: RuleProtocol;
  readonly sourcePorts: PortSet;
  readonly destinationPorts: PortSet;
  readonly source: AddressField;
  readonly destination: AddressField;
  /** Names AzurePlatformDNS / AzurePlatformIMDS / AzurePlatformLKM: the only rules that see platform addresses. */
  readonly namesPlatform: boolean;
  /** Why the rule could not be parsed (a port or prefix Azure would reject). */
  readonly invalid?: string;
}

const PLATFORM_TAGS = new Set(['azureplatformdns', 'azureplatformimds', 'azureplatformlkm']);
const ALL_WORDS = new Set(['*', 'any', '0.0.0.0/0']);

/** Parse `*`, `80`, `1000-2000`, `80, 443` (lists may be nested in one string). */
export function parsePorts(items: readonly string[]): PortSet | string {
  const ranges: [number, number][] = [];
  const parts = items.flatMap((i) => i.split(',')).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return { all: true, ranges: [[0, 65535]] };
  for (const p of parts) {
    if (p === '*' || /^any$/i.test(p)) return { all: true, ranges: [[0, 65535]] };
    const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(p);
    const lo = Number(m?.[1]);
    const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
    if (!m || lo > hi || hi > 65535) return `port "${p}" is not a port or range`;
    ranges.push([lo, hi]);
  }
  const all = ranges.some(([lo, hi]) => lo === 0 && hi === 65535);
  return { all, ranges };
}

/** Does the port set hold every port of [lo, hi]? */
export function portsCover(set: PortSet, lo: number, hi: number): boolean {
  if (set.all) return true;
  // Ranges may be listed in any order and may touch, so merge the covered span first.
  let reach = lo - 1;
  for (const [a, b] of [...set.ranges].sort((x, y) => x[0] - y[0])) {
    if (a > reach + 1) break;
    if (b > reach) reach = b;
  }
  return reach >= hi;
}

function parseField(prefixes: readonly string[], asgIds: readonly string[]): AddressField {
  const asgKeys = asgIds.map(idKey);
  const items = prefixes.map((p) => p.trim()).filter(Boolean);
  const text = asgKeys.length ? `ASG ${asgIds.map((a) => a.split('/').pop()).join(', ')}` : items.join(', ') || '*';
  const memo = new Map<string, 'yes' | 'no' | 'some'>();
  if (asgKeys.length) return { all: false, literal: Ipv4RangeSet.EMPTY, tags: [], virtualNetwork: false, asgKeys, text, memo };
  if (items.length === 0 || items.some((i) => ALL_WORDS.has(i.toLowerCase()))) {
    return { all: true, literal: Ipv4RangeSet.ALL, tags: [], virtualNetwork: false, asgKeys, text, memo };
  }
  const literal: string[] = [];
  const tags: string[] = [];
  let virtualNetwork = false;
  for (const i of items) {
    if (isIpOrCidr(i)) literal.push(i);
    else if (i.toLowerCase() === 'virtualnetwork') virtualNetwork = true;
    else tags.push(i);
  }
  return { all: false, literal: Ipv4RangeSet.fromCidrs(literal), tags, virtualNetwork, asgKeys, text, memo };
}

function parseRule(rule: SecurityRule): ParsedRule {
  const sp = parsePorts(rule.sourcePortRanges);
  const dp = parsePorts(rule.destinationPortRanges);
  const source = parseField(rule.sourceAddressPrefixes, rule.sourceAsgIds);
  const destination = parseField(rule.destinationAddressPrefixes, rule.destinationAsgIds);
  const bad = [...rule.sourceAddressPrefixes, ...rule.destinationAddressPrefixes]
    .find((p) => /^[\d.]+(\/\d+)?$/.test(p.trim()) && !ipv4Range(p));
  const invalid = typeof sp === 'string' ? sp : typeof dp === 'string' ? dp : bad ? `address "${bad}" is not an IPv4 address or prefix` : undefined;
  const full: PortSet = { all: true, ranges: [[0, 65535]] };
  return {
    rule,
    access: rule.access,
    protocol: rule.protocol,
    sourcePorts: typeof sp === 'string' ? full : sp,
    destinationPorts: typeof dp === 'string' ? full : dp,
    source,
    destination,
    namesPlatform: [...source.tags, ...destination.tags].some((t) => PLATFORM_TAGS.has(t.toLowerCase())),
    ...(invalid ? { invalid } : {}),
  };
}

/** Rules of one NSG per direction, in evaluation order. */
export interface ParsedNsg {
  readonly Inbound: readonly ParsedRule[];
  readonly Outbound: readonly ParsedRule[];
}

const cache = new WeakMap<NetworkSecurityGroup, ParsedNsg>();

function order(a: SecurityRule, b: SecurityRule): number {
  // Name breaks priority ties (a config error, N15) so the result never depends on list order.
  return a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Custom rules by priority, then the default rules (65000, 65001, 65500): §1.3. */
export function parsedNsg(nsg: NetworkSecurityGroup): ParsedNsg {
  let hit = cache.get(nsg);
  if (!hit) {
    const defaults = nsg.defaultSecurityRules.length ? nsg.defaultSecurityRules : defaultSecurityRules(nsg.id);
    const custom = [...nsg.securityRules].sort(order);
    const all = [...custom, ...[...defaults].sort(order)].map(parseRule);
    hit = { Inbound: all.filter((r) => r.rule.direction === 'Inbound'), Outbound: all.filter((r) => r.rule.direction === 'Outbound') };
    cache.set(nsg, hit);
  }
  return hit;
}
