/**
 * NSG rules parsed once per NSG record: ports as numeric ranges, address fields as range sets plus
 * tag names, rules sorted in evaluation order. Cached in a WeakMap keyed by the record, so a 200-rule
 * NSG costs its parse once per snapshot, and a what-if edit (a new record) re-parses only that NSG.
 */
import { idKey } from '../../model/armId';
import type { NetworkSecurityGroup, RuleAccess, RuleProtocol, SecurityRule } from '../../model/resources';
import { ipv4Range, isIpOrCidr } from '../../net/cidr';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { defaultSecurityRules } from '../../model/defaultSecurityRules';

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
  /** Names AzurePlatformDNS / AzurePlatformIMDS / AzurePlatformLKM. */
  readonly namesPlatform?: boolean;
  /** An item that looks like an address but is not a valid IPv4 one. */
  readonly bad?: string;
  /** Per-endpoint match memo (key: the endpoint's id); created on first use. */
  memo?: Map<number, 'yes' | 'no' | 'some'>;
  /** For fields naming VirtualNetwork: the same memo per scope id (what VirtualNetwork covers differs per VNet). */
  scopeMemo?: Map<number, Map<number, 'yes' | 'no' | 'some'>>;
}

export interface ParsedRule {
  readonly rule: SecurityRule;
  readonly access: RuleAccess;
  readonly protocol: RuleProtocol;
  /** Lower-case protocol, compared on the hot path. */
  readonly protocolKey: string;
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
  const merged = mergePorts(ranges);
  const all = merged.some(([lo, hi]) => lo === 0 && hi === 65535);
  return { all, ranges: merged };
}

/** Does the port set hold every port of [lo, hi]? Ranges are merged and sorted at parse time. */
export function portsCover(set: PortSet, lo: number, hi: number): boolean {
  if (set.all) return true;
  const r = set.ranges;
  for (let i = 0; i < r.length; i++) {
    const range = r[i] as readonly [number, number];
    if (range[0] <= lo && hi <= range[1]) return true;
  }
  return false;
}

/** Sort and merge touching/overlapping ranges so a covered span is always inside one range. */
function mergePorts(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const fieldCache = new Map<string, AddressField>();
const portCache = new Map<string, PortSet | string>();

/** Bounded interning: equal texts share one parsed object (and its match memo) across rules and NSGs. */
function interned<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = make();
    if (cache.size > 50_000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

function parseField(prefixes: readonly string[], asgIds: readonly string[]): AddressField {
  // Single-item lists (the common case) key on the record's own string: no allocation, hash cached.
  const key = asgIds.length ? `asg#${asgIds.join(',').toLowerCase()}` : prefixes.length === 1 ? (prefixes[0] as string) : prefixes.join(',');
  return interned(fieldCache, key, () => buildField(prefixes.map((p) => p.trim()).filter(Boolean), asgIds, asgIds.map(idKey)));
}

function buildField(items: readonly string[], asgIds: readonly string[], asgKeys: readonly string[]): AddressField {
  const text = asgKeys.length ? `ASG ${asgIds.map((a) => a.split('/').pop()).join(', ')}` : items.join(', ') || '*';
  if (asgKeys.length) return { all: false, literal: Ipv4RangeSet.EMPTY, tags: [], virtualNetwork: false, asgKeys, text };
  if (items.length === 0 || items.some((i) => ALL_WORDS.has(i.toLowerCase()))) {
    return { all: true, literal: Ipv4RangeSet.ALL, tags: [], virtualNetwork: false, asgKeys, text };
  }
  const literal: string[] = [];
  const tags: string[] = [];
  let virtualNetwork = false;
  let bad: string | undefined;
  for (const i of items) {
    if (isIpOrCidr(i)) {
      literal.push(i);
      if (!ipv4Range(i) && !i.includes(':')) bad ??= i;
    } else if (/^[\d.]+(\/\d+)?$/.test(i)) bad ??= i;
    else if (i.toLowerCase() === 'virtualnetwork') virtualNetwork = true;
    else tags.push(i);
  }
  const namesPlatform = tags.some((t) => PLATFORM_TAGS.has(t.toLowerCase()));
  return { all: false, literal: Ipv4RangeSet.fromCidrs(literal), tags, virtualNetwork, asgKeys, text, bad, namesPlatform };
}

function listKey(items: readonly string[]): string {
  return items.length === 1 ? (items[0] as string) : items.join(',');
}

// Constants, not per-rule objects: 60,000 rules are parsed on a fresh estate.
const ALL_PORTS: PortSet = { all: true, ranges: [[0, 65535]] };
/** Lower-case protocol without a per-rule allocation (a switch: a record lookup by a fresh string first internalizes it). */
function protocolKey(p: string): string {
  switch (p) {
    case '*': return '*';
    case 'Tcp': return 'tcp';
    case 'Udp': return 'udp';
    case 'Icmp': return 'icmp';
    case 'Esp': return 'esp';
    case 'Ah': return 'ah';
    default: return p.toLowerCase();
  }
}

function parseRule(rule: SecurityRule): ParsedRule {
  const sp = interned(portCache, listKey(rule.sourcePortRanges), () => parsePorts(rule.sourcePortRanges));
  const dp = interned(portCache, listKey(rule.destinationPortRanges), () => parsePorts(rule.destinationPortRanges));
  const source = parseField(rule.sourceAddressPrefixes, rule.sourceAsgIds);
  const destination = parseField(rule.destinationAddressPrefixes, rule.destinationAsgIds);
  const bad = source.bad ?? destination.bad;
  const invalid = typeof sp === 'string' ? sp : typeof dp === 'string' ? dp : bad ? `address "${bad}" is not an IPv4 address or prefix` : undefined;
  return {
    rule,
    access: rule.access,
    protocol: rule.protocol,
    protocolKey: protocolKey(rule.protocol),
    sourcePorts: typeof sp === 'string' ? ALL_PORTS : sp,
    destinationPorts: typeof dp === 'string' ? ALL_PORTS : dp,
    source,
    destination,
    namesPlatform: source.namesPlatform === true || destination.namesPlatform === true,
    invalid,
  };
}

/** Rules of one NSG per direction, in evaluation order. */
export interface ParsedNsg {
  readonly Inbound: readonly ParsedRule[];
  readonly Outbound: readonly ParsedRule[];
}

type Dir = 'Inbound' | 'Outbound';
const cache = new WeakMap<NetworkSecurityGroup, Record<Dir, readonly ParsedRule[]>>();
/**
 * The last parse of each NSG id: a what-if edit of one rule builds a new NSG record whose rule list
 * shares the other rule records (usually at the same positions), so those parses are reused. (A
 * WeakMap or Map per rule object did the same, but 60,000 keyed rule objects cost more than parsing.)
 */
const lastParse = new Map<string, { readonly rules: readonly SecurityRule[]; readonly parsed: readonly ParsedRule[] }>();

/** Every custom rule of the NSG parsed, in list order, reusing the previous parse of the same id. */
function parseAll(nsg: NetworkSecurityGroup): ParsedRule[] {
  const key = idKey(nsg.id);
  const previous = lastParse.get(key);
  const parsed = nsg.securityRules.map((rule, i) => (previous?.rules[i] === rule ? (previous.parsed[i] as ParsedRule) : parseRule(rule)));
  if (lastParse.size > 20_000) lastParse.clear();
  lastParse.set(key, { rules: nsg.securityRules, parsed });
  return parsed;
}

function order(a: SecurityRule, b: SecurityRule): number {
  // Name breaks priority ties (a config error, N15) so the result never depends on list order.
  return a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The rules of one direction: custom rules by priority, then the default rules (65000, 65001, 65500): §1.3. Parsed once per NSG record. */
export function parsedRules(nsg: NetworkSecurityGroup, direction: Dir): readonly ParsedRule[] {
  let entry = cache.get(nsg);
  if (!entry) {
    // Both directions at once: one parser per NSG record, so the next edit reuses every rule.
    const defaults = (nsg.defaultSecurityRules.length ? nsg.defaultSecurityRules : defaultSecurityRules(nsg.id)).map(parseRule);
    const custom = parseAll(nsg);
    const byOrder = (a: ParsedRule, b: ParsedRule) => order(a.rule, b.rule);
    const pick = (d: Dir) => [...custom.filter((p) => p.rule.direction === d).sort(byOrder), ...defaults.filter((p) => p.rule.direction === d).sort(byOrder)];
    entry = { Inbound: pick('Inbound'), Outbound: pick('Outbound') };
    cache.set(nsg, entry);
  }
  return entry[direction];
}

/** Both directions (tests, inspectors). */
export function parsedNsg(nsg: NetworkSecurityGroup): ParsedNsg {
  return { Inbound: parsedRules(nsg, 'Inbound'), Outbound: parsedRules(nsg, 'Outbound') };
}
