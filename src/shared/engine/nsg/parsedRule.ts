/**
 * NSG rules parsed per NSG record: ports as numeric ranges, address fields as range sets plus tag
 * names, rules sorted in evaluation order (RuleList). Cached in a WeakMap keyed by the record, so a
 * 200-rule NSG is read once per snapshot, and a what-if edit (a new record) re-reads only that NSG.
 */
import { idKey } from '../../model/armId';
import type { NetworkSecurityGroup, RuleAccess, RuleProtocol, SecurityRule } from '../../model/resources';
import { ipv4Range, isIpOrCidr } from '../../net/cidr';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { defaultSecurityRules } from '../../model/defaultSecurityRules';
import type { NsgSentence } from './nsgTypes';

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
  /**
   * Bits (SIMPLE_SOURCE, SIMPLE_DESTINATION) of the address fields that are `*` or `VirtualNetwork`
   * alone: such a field answers alike for every address inside the VNet scope, so a decision made
   * only of rules simple on one side holds for any endpoint of the scope on that side. An unreadable
   * rule counts as simple on both sides: it says `unknown` whatever the addresses.
   */
  readonly simpleSides: number;
}

/** `simpleSides` bit: the source field is `*` or `VirtualNetwork` alone. */
export const SIMPLE_SOURCE = 1;
/** `simpleSides` bit: the destination field is `*` or `VirtualNetwork` alone. */
export const SIMPLE_DESTINATION = 2;

/** `*`, or `VirtualNetwork` alone (no prefixes, other tags or ASGs). */
function simpleField(f: AddressField): boolean {
  return f.all || (f.virtualNetwork && f.literal.isEmpty && f.tags.length === 0 && f.asgKeys.length === 0);
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
export function protocolKey(p: string): string {
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
  const sp = portsOf(rule.sourcePortRanges);
  const dp = portsOf(rule.destinationPortRanges);
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
    simpleSides: invalid !== undefined ? SIMPLE_SOURCE | SIMPLE_DESTINATION
      : (simpleField(source) ? SIMPLE_SOURCE : 0) | (simpleField(destination) ? SIMPLE_DESTINATION : 0),
  };
}

type Dir = 'Inbound' | 'Outbound';

/** A port list that is just `*` (nearly every source port range) needs no lookup. */
function portsOf(items: readonly string[]): PortSet | string {
  return items.length === 1 && items[0] === '*' ? ALL_PORTS : interned(portCache, listKey(items), () => parsePorts(items));
}

/** Could this item be a malformed address (digits, dots, a slash)? Tags, `*` and IPv6 cannot. */
function mayBeBadAddress(item: string): boolean {
  const c = item.trimStart().charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 46;
}

/** Would the field make the rule unreadable? Parsed only when an item could be a bad address. */
function badField(prefixes: readonly string[], asgIds: readonly string[]): boolean {
  return asgIds.length === 0 && prefixes.some(mayBeBadAddress) && parseField(prefixes, asgIds).bad !== undefined;
}

/** The candidate rules of one RuleList for one protocol and port, found so far (see RuleList.more). */
export interface Candidates {
  /** Indexes in evaluation order. */
  readonly indices: number[];
  /** Rules before this index have been looked at. */
  scanned: number;
  readonly protocol: string;
  readonly port: number;
}

/**
 * One direction's rules of one NSG record, in evaluation order, read lazily. A flow looks at the
 * candidate rules (protocol and destination port can match) in order and stops at the first full
 * match, so the rules after the last decider any flow reached are never read at all, and a rule is
 * parsed only when a flow looks at it. (Reading 60,000 rules up front, most never needed, was the
 * largest single cost of checking a fresh estate: on this machine a pass over every rule's fields
 * costs 50–80 ms in memory traffic alone.)
 */
export class RuleList {
  readonly length: number;
  private readonly parsed: (ParsedRule | undefined)[];
  /** Per rule, filled when candidate selection first reads it (`read`): protocol, destination ports, readability. */
  private readonly protocolKeys: (string | undefined)[];
  private readonly destinationPorts: (PortSet | undefined)[];
  private readonly invalid: (boolean | undefined)[];
  private readonly byProtocol = new Map<string, Map<number, Candidates>>();
  /** Per rule, per protocol kind (0 TCP, 1 UDP, 2 other), per port: the decision sentence (decideNsg). */
  private readonly sentences: (Map<number, NsgSentence>[] | undefined)[] = [];

  /** `previous`: the same NSG id's list before an edit; rules at the same position that are the same record keep what was read. */
  constructor(readonly rules: readonly SecurityRule[], private previous: RuleList | undefined) {
    // One generation back only: a long what-if session must not keep every older list alive.
    if (previous) previous.previous = undefined;
    const n = rules.length;
    this.length = n;
    this.parsed = new Array<ParsedRule | undefined>(n);
    this.protocolKeys = new Array<string | undefined>(n);
    this.destinationPorts = new Array<PortSet | undefined>(n);
    this.invalid = new Array<boolean | undefined>(n);
  }

  /** Rule `i` in evaluation order, parsed on first use. */
  at(i: number): ParsedRule {
    let pr = this.parsed[i];
    if (pr === undefined) {
      const rule = this.rules[i] as SecurityRule;
      const prev = this.previous;
      pr = prev && prev.rules[i] === rule ? prev.at(i) : parseRule(rule);
      this.parsed[i] = pr;
    }
    return pr;
  }

  /** The sentence kept for rule `i` deciding a flow of this protocol kind and port, if any. */
  sentence(i: number, kind: number, port: number): NsgSentence | undefined {
    return this.sentences[i]?.[kind]?.get(port);
  }

  /** Keep the sentence of rule `i` for this protocol kind and port (one per list); returns it. */
  keepSentence(i: number, kind: number, port: number, s: NsgSentence): NsgSentence {
    ((this.sentences[i] ??= [])[kind] ??= new Map()).set(port, s);
    return s;
  }

  /** Every rule parsed (tests, inspectors). */
  all(): ParsedRule[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  /**
   * The candidates for a flow of `protocol` to `port`, as far as found: unreadable rules (they say
   * `unknown`) and those whose protocol and destination ports cover the flow. Protocols other than
   * TCP and UDP (ICMP) get every rule. Call `more` when a flow needs the next one.
   */
  candidates(protocol: string, port: number): Candidates {
    let byPort = this.byProtocol.get(protocol);
    if (!byPort) this.byProtocol.set(protocol, (byPort = new Map()));
    let c = byPort.get(port);
    if (!c) byPort.set(port, (c = { indices: [], scanned: 0, protocol, port }));
    return c;
  }

  /** Find the next candidate of `c` (reading rules as far as needed); false when there is none. */
  more(c: Candidates): boolean {
    const p = c.protocol === 'Tcp' || c.protocol === 'Udp' ? protocolKey(c.protocol) : undefined;
    while (c.scanned < this.length) {
      const i = c.scanned++;
      if (p === undefined || this.candidate(i, p, c.port)) {
        c.indices.push(i);
        return true;
      }
    }
    return false;
  }

  private candidate(i: number, protocol: string, port: number): boolean {
    if (this.invalid[i] === undefined) this.read(i);
    const invalid = this.invalid[i] as boolean;
    const pk = this.protocolKeys[i];
    return invalid || ((pk === '*' || pk === protocol) && portsCover(this.destinationPorts[i] as PortSet, port, port));
  }

  /** What candidate selection needs of rule `i`: exactly parseRule's protocol, destination ports and `invalid`. */
  private read(i: number): void {
    const rule = this.rules[i] as SecurityRule;
    const prev = this.previous;
    if (prev && prev.rules[i] === rule && prev.invalid[i] !== undefined) {
      this.protocolKeys[i] = prev.protocolKeys[i];
      this.destinationPorts[i] = prev.destinationPorts[i];
      this.invalid[i] = prev.invalid[i];
      return;
    }
    const dp = portsOf(rule.destinationPortRanges);
    this.protocolKeys[i] = protocolKey(rule.protocol);
    this.destinationPorts[i] = typeof dp === 'string' ? ALL_PORTS : dp;
    this.invalid[i] = typeof dp === 'string' || typeof portsOf(rule.sourcePortRanges) === 'string'
      || badField(rule.sourceAddressPrefixes, rule.sourceAsgIds) || badField(rule.destinationAddressPrefixes, rule.destinationAsgIds);
  }
}

const cache = new WeakMap<NetworkSecurityGroup, Record<Dir, RuleList>>();
/**
 * The last lists of each NSG id: a what-if edit of one rule builds a new NSG record whose rule list
 * shares the other rule records (usually at the same positions), so their parses are reused. (A
 * WeakMap or Map per rule object did the same, but 60,000 keyed rule objects cost more than parsing.)
 */
const lastLists = new Map<string, Record<Dir, RuleList>>();

function order(a: SecurityRule, b: SecurityRule): number {
  // Name breaks priority ties (a config error, N15) so the result never depends on list order.
  return a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/**
 * Append `rules` to the list of their direction, each appended part in evaluation order. One pass
 * over a fresh NSG's rules (reading every record costs memory traffic), and ARM lists rules by
 * priority as a rule, so the part is sorted only when it is not in order already.
 */
function byDirection(rules: readonly SecurityRule[], inbound: SecurityRule[], outbound: SecurityRule[]): void {
  const inStart = inbound.length;
  const outStart = outbound.length;
  let sorted = true;
  for (const r of rules) {
    const list = r.direction === 'Inbound' ? inbound : r.direction === 'Outbound' ? outbound : undefined;
    if (!list) continue;
    const last = list.length > (list === inbound ? inStart : outStart) ? list[list.length - 1] : undefined;
    if (last && order(last, r) > 0) sorted = false;
    list.push(r);
  }
  if (!sorted) {
    sortFrom(inbound, inStart);
    sortFrom(outbound, outStart);
  }
}

/** Sort `list` from `start` on, in place (stably, as Array.prototype.sort is). */
function sortFrom(list: SecurityRule[], start: number): void {
  const part = list.slice(start).sort(order);
  list.length = start;
  list.push(...part);
}

/** The rules of one direction: custom rules by priority, then the default rules (65000, 65001, 65500): §1.3. Once per NSG record. */
export function ruleList(nsg: NetworkSecurityGroup, direction: Dir): RuleList {
  let entry = cache.get(nsg);
  if (!entry) {
    // Both directions at once, so the next edit of this NSG finds both.
    const defaults = nsg.defaultSecurityRules.length ? nsg.defaultSecurityRules : defaultSecurityRules(nsg.id);
    const key = idKey(nsg.id);
    const previous = lastLists.get(key);
    const inbound: SecurityRule[] = [];
    const outbound: SecurityRule[] = [];
    byDirection(nsg.securityRules, inbound, outbound);
    byDirection(defaults, inbound, outbound);
    entry = { Inbound: new RuleList(inbound, previous?.Inbound), Outbound: new RuleList(outbound, previous?.Outbound) };
    if (lastLists.size > 20_000) lastLists.clear();
    lastLists.set(key, entry);
    cache.set(nsg, entry);
  }
  return entry[direction];
}

/** Every rule of one direction parsed, in evaluation order (tests, inspectors). */
export function parsedRules(nsg: NetworkSecurityGroup, direction: Dir): readonly ParsedRule[] {
  return ruleList(nsg, direction).all();
}
