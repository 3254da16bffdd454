/**
 * Firewall address fields (`sourceAddresses`, `destinationAddresses`, IP groups) compiled once into
 * an IPv4 range set plus service-tag names, then matched against a flow endpoint three-valued:
 * `yes` (the rule covers the whole endpoint), `no` (none of it), `unknown` (part of it, or tag data
 * is missing) — §4.4 `PartialTagOverlap`.
 */
import { ipv4Range } from '../../net/cidr';
import { addressSetKey, literalRanges, type AddressSet } from '../../net/addressSet';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { PUBLIC_SPACE } from '../../net/publicSpace';
import type { TagIndex, Tristate } from '../../servicetags/tagIndex';

/** A compiled address field. */
export interface AddressList {
  readonly any: boolean;
  readonly ranges: Ipv4RangeSet;
  /** Service tag names, as written. */
  readonly tags: readonly string[];
  /** References that could not be read (IP groups missing from the snapshot): matches through them are unknown. */
  readonly unreadable: readonly string[];
  /** True when the field lists nothing at all (after IP groups were expanded). */
  readonly empty: boolean;
}

/** `a.b.c.d-e.f.g.h` (inclusive) → numeric range. */
function dashRange(text: string): [number, number] | undefined {
  const m = /^\s*([\d.]+)\s*-\s*([\d.]+)\s*$/.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const a = ipv4Range(m[1]);
  const b = ipv4Range(m[2]);
  if (!a || !b || a.length !== 32 || b.length !== 32 || a.start > b.start) return undefined;
  return [a.start, b.start];
}

/** What an address entry is: `*`, an IPv4 range (IP, CIDR, a-b), an IPv6 prefix, a tag, or nonsense. */
export function classifyAddress(text: string, tags: TagIndex): { kind: 'any' } | { kind: 'range'; range: [number, number] } | { kind: 'ipv6' } | { kind: 'tag' } | { kind: 'invalid' } {
  const s = text.trim();
  if (s === '*') return { kind: 'any' };
  const r = ipv4Range(s);
  if (r) return { kind: 'range', range: [r.start, r.end] };
  const d = dashRange(s);
  if (d) return { kind: 'range', range: d };
  if (s.includes(':')) return { kind: 'ipv6' };
  if (tags.isTag(s) || /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(s)) return { kind: 'tag' };
  return { kind: 'invalid' };
}

/** Compile entries; `onIssue` hears about entries that can never match. */
export function compileAddressList(
  entries: readonly string[], groups: readonly { id: string; addresses?: readonly string[] }[], tags: TagIndex,
  opts: { allowTags: boolean; onIssue: (code: string, message: string) => void },
): AddressList {
  let any = false;
  const pairs: [number, number][] = [];
  const tagNames: string[] = [];
  const unreadable: string[] = [];
  let count = 0;
  const add = (text: string, from: string): void => {
    const c = classifyAddress(text, tags);
    if (c.kind === 'any') { any = true; count++; }
    else if (c.kind === 'range') { pairs.push(c.range); count++; }
    else if (c.kind === 'ipv6') count++; // IPv4 flows never match an IPv6 entry.
    else if (c.kind === 'tag' && opts.allowTags) { tagNames.push(text.trim()); count++; }
    else if (c.kind === 'tag') opts.onIssue('ServiceTagInSource', `${from} "${text}" is a service tag; tags are documented for destinations only, so the entry is ignored`);
    else opts.onIssue('InvalidAddress', `${from} "${text}" is not an IP, CIDR, range, * or service tag; ignored`);
  };
  for (const e of entries) add(e, 'address');
  for (const g of groups) {
    if (!g.addresses) { unreadable.push(g.id); count++; continue; }
    for (const a of g.addresses) add(a, `IP group ${g.id.split('/').pop() ?? g.id} entry`);
  }
  return { any, ranges: Ipv4RangeSet.fromPairs(pairs), tags: tagNames, unreadable, empty: count === 0 };
}

// Flows repeat their endpoints (one subnet, many rules): parse each endpoint once.
const rangesCache = new Map<string, Ipv4RangeSet>();
const rangesByObject = new WeakMap<AddressSet, Ipv4RangeSet>();
function endpointRanges(set: AddressSet): Ipv4RangeSet {
  const same = rangesByObject.get(set);
  if (same) return same;
  const key = addressSetKey(set);
  let hit = rangesCache.get(key);
  if (!hit) {
    hit = literalRanges(set) ?? Ipv4RangeSet.EMPTY;
    if (rangesCache.size > 20_000) rangesCache.clear();
    rangesCache.set(key, hit);
  }
  rangesByObject.set(set, hit);
  return hit;
}

// Tag-to-tag answers are pure functions of the TagIndex: memoize per index.
const tagMemo = new WeakMap<TagIndex, { contains: Map<string, Map<string, Tristate>>; overlaps: Map<string, Map<string, Tristate>> }>();
function tagAnswer(tags: TagIndex, op: 'contains' | 'overlaps', a: string, b: string): Tristate {
  let m = tagMemo.get(tags);
  if (!m) { m = { contains: new Map(), overlaps: new Map() }; tagMemo.set(tags, m); }
  let inner = m[op].get(a);
  if (!inner) { inner = new Map(); m[op].set(a, inner); }
  let hit = inner.get(b);
  if (hit === undefined) {
    hit = op === 'contains' ? tags.contains(a, b) : tags.overlaps(a, b);
    inner.set(b, hit);
  }
  return hit;
}

function tagRanges(tag: string, tags: TagIndex): Ipv4RangeSet | undefined {
  return tags.hasData(tag) || tag.trim().toLowerCase() === 'internet' ? tags.ranges(tag) : undefined;
}

/** Literal endpoint (ip, cidrs, any, or a tag with data) against the list. */
const coveredCache = new WeakMap<AddressList, { tags: TagIndex; covered: Ipv4RangeSet; opaque: string[] }>();
function coverage(list: AddressList, tags: TagIndex): { covered: Ipv4RangeSet; opaque: string[] } {
  const hit = coveredCache.get(list);
  if (hit && hit.tags === tags) return hit;
  let covered = list.ranges;
  const opaque: string[] = [];
  for (const t of list.tags) {
    const r = tagRanges(t, tags);
    if (r) covered = covered.union(r);
    else opaque.push(t);
  }
  const entry = { tags, covered, opaque };
  coveredCache.set(list, entry);
  return entry;
}

function matchRanges(fr: Ipv4RangeSet, list: AddressList, tags: TagIndex): Tristate {
  const { covered, opaque } = coverage(list, tags);
  if (covered.containsSet(fr)) return 'yes';
  const rest = fr.subtract(covered);
  // A tag without data may still hold the rest, unless it is a public tag and the rest is not public.
  const opaqueMayHold = opaque.some((t) => tagAnswer(tags, 'contains', 'Internet', t) !== 'yes' || rest.intersects(PUBLIC_SPACE));
  if (opaqueMayHold || list.unreadable.length) return 'unknown';
  return fr.intersects(covered) ? 'unknown' : 'no';
}

/** Does `list` cover the endpoint `set`? */
export function matchAddressList(list: AddressList, set: AddressSet, tags: TagIndex): Tristate {
  if (list.any) return 'yes';
  if (list.empty) return 'no';
  if (set.kind !== 'tag') return matchRanges(endpointRanges(set), list, tags);
  let unknown = list.unreadable.length > 0;
  for (const t of list.tags) {
    const c = tagAnswer(tags, 'contains', t, set.tag);
    if (c === 'yes') return 'yes';
    if (c === 'unknown' || tagAnswer(tags, 'overlaps', t, set.tag) !== 'no') unknown = true;
  }
  const fr = tagRanges(set.tag, tags);
  if (fr) {
    const viaRanges = matchRanges(fr, list, tags);
    if (viaRanges === 'yes') return 'yes';
    if (viaRanges === 'unknown') unknown = true;
  } else if (!list.ranges.isEmpty) {
    // Without the tag's prefixes, literal ranges can only be ruled out when they hold no public address.
    if (tagAnswer(tags, 'contains', 'Internet', set.tag) !== 'yes' || list.ranges.intersects(PUBLIC_SPACE)) unknown = true;
  }
  return unknown ? 'unknown' : 'no';
}
