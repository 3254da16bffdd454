/**
 * What a flow endpoint is. Flows of AML compute rarely have one known address: a node is "some IP
 * of this subnet", a service is "some IP of this service tag". Evaluators reason about the whole set
 * and say `unknown` when a rule or route covers only part of it.
 */
import { Ipv4RangeSet } from './ipv4RangeSet';

/** One address, a set of prefixes, a service tag, or anything. */
export type AddressSet =
  | { kind: 'ip'; ip: string }
  | { kind: 'cidrs'; cidrs: readonly string[] }
  | { kind: 'tag'; tag: string }
  | { kind: 'any' };

/** Short text for explanations: `10.0.1.5`, `10.1.0.0/24`, `Storage.westeurope`, `any address`. */
export function describeAddressSet(set: AddressSet): string {
  switch (set.kind) {
    case 'ip':
      return set.ip;
    case 'cidrs':
      return set.cidrs.join(', ') || '(no prefixes)';
    case 'tag':
      return set.tag;
    case 'any':
      return 'any address';
  }
}

/** A stable key for memoizing per-endpoint work (computed once per set object). */
export function addressSetKey(set: AddressSet): string {
  let k = keyCache.get(set);
  if (k === undefined) {
    k = computeKey(set);
    keyCache.set(set, k);
  }
  return k;
}

const keyCache = new WeakMap<AddressSet, string>();

function computeKey(set: AddressSet): string {
  switch (set.kind) {
    case 'ip':
      return `ip:${set.ip}`;
    case 'cidrs':
      return `cidrs:${set.cidrs.join(',')}`;
    case 'tag':
      return `tag:${set.tag.toLowerCase()}`;
    case 'any':
      return 'any';
  }
}

// Interned sets: the engine's hot caches key on object identity, so one flow endpoint evaluated by
// thousands of flows should be one object. Bounded, like every module-level cache here.
const tagSets = new Map<string, AddressSet>();
const ipSets = new Map<string, AddressSet>();
const cidrSets = new WeakMap<readonly string[], AddressSet>();

function interned(cache: Map<string, AddressSet>, key: string, make: () => AddressSet): AddressSet {
  let s = cache.get(key);
  if (!s) {
    if (cache.size > 100_000) cache.clear();
    cache.set(key, (s = make()));
  }
  return s;
}

/** The set of one service tag (interned by spelling). */
export function tagSet(tag: string): AddressSet {
  return interned(tagSets, tag, () => ({ kind: 'tag', tag }));
}

/** The set of one address (interned). */
export function ipSet(ip: string): AddressSet {
  return interned(ipSets, ip, () => ({ kind: 'ip', ip }));
}

/** The set of a prefix list, one object per list object (e.g. a subnet record's `addressPrefixes`). */
export function cidrsSet(cidrs: readonly string[]): AddressSet {
  let s = cidrSets.get(cidrs);
  if (!s) cidrSets.set(cidrs, (s = { kind: 'cidrs', cidrs }));
  return s;
}

/**
 * The IPv4 addresses of a set when they are known without tag data (ip, cidrs, any); undefined for a
 * tag (ask the TagIndex).
 */
export function literalRanges(set: AddressSet): Ipv4RangeSet | undefined {
  if (set.kind === 'tag') return undefined;
  let r = rangesCache.get(set);
  if (!r) rangesCache.set(set, (r = computeRanges(set)));
  return r;
}

const rangesCache = new WeakMap<AddressSet, Ipv4RangeSet>();

function computeRanges(set: Exclude<AddressSet, { kind: 'tag' }>): Ipv4RangeSet {
  switch (set.kind) {
    case 'ip':
      return Ipv4RangeSet.fromCidrs([set.ip]);
    case 'cidrs':
      return Ipv4RangeSet.fromCidrs(set.cidrs);
    case 'any':
      return Ipv4RangeSet.ALL;
  }
}
