/**
 * Does an NSG address field cover a flow endpoint: all of it, none of it, or only some (or we cannot
 * tell)? Endpoints are sets (a subnet, a service tag), so "some" is a real answer, not an error.
 * Prefix data, when loaded, turns tags into ranges and the answer becomes exact.
 */
import { type AddressSet, literalRanges } from '../../net/addressSet';
import { isIpOrCidr } from '../../net/cidr';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { PUBLIC_SPACE } from '../../net/publicSpace';
import type { TagIndex } from '../../servicetags/tagIndex';
import type { AddressField } from './parsedRule';

/** Three-valued field match. `some` = part of the endpoint, or unknown without data. */
export type FieldMatch = 'yes' | 'no' | 'some';

/** What `VirtualNetwork` means where the NSG is applied, resolved once per prefix list. */
export interface VnetScope {
  readonly id: number;
  readonly ranges: Ipv4RangeSet;
  /** Tag names in the list (UDR service-tag prefixes under the cidrAndTags assumption). */
  readonly tags: readonly string[];
}

let nextScopeId = 1;
const scopes = new WeakMap<readonly string[], VnetScope>();
/**
 * Scopes by content too: the orchestrator builds a new prefix list per evaluation pass, and one scope
 * object per distinct list lets endpoint and field-match memos carry over to the next pass (a what-if
 * edit re-evaluates with the memos of the previous one).
 */
const scopesByText = new Map<string, VnetScope>();

/** The scope of a `virtualNetworkPrefixes` list (memoized on the array object, then on its content). */
export function vnetScope(prefixes: readonly string[]): VnetScope {
  let s = scopes.get(prefixes);
  if (!s) {
    const text = prefixes.join(',');
    s = scopesByText.get(text);
    if (!s) {
      const literal = prefixes.filter(isIpOrCidr);
      s = { id: nextScopeId++, ranges: Ipv4RangeSet.fromCidrs(literal), tags: prefixes.filter((p) => !isIpOrCidr(p)) };
      if (scopesByText.size > 10_000) scopesByText.clear();
      scopesByText.set(text, s);
    }
    scopes.set(prefixes, s);
  }
  return s;
}

/** A flow endpoint ready for matching: its addresses when known, else the tag name to reason on. */
export interface Endpoint {
  readonly set: AddressSet;
  /** IPv4 addresses; undefined = a tag without data (symbolic) or an IPv6-only endpoint (opaque). */
  readonly ranges?: Ipv4RangeSet;
  /** For tag endpoints: the tag name (also when ranges are known). */
  readonly tag?: string;
  /** Memo id: one per (set, tag index; and scope for `VirtualNetwork`); field matches are memoized on it. */
  readonly id: number;
  /** The tag index it was resolved with. */
  readonly tags: TagIndex;
}

let nextEndpointId = 1;
/** Per set object: the resolved endpoint. Only the `VirtualNetwork` tag depends on the scope. */
const endpoints = new WeakMap<AddressSet, Endpoint>();
const vnetEndpoints = new WeakMap<AddressSet, WeakMap<VnetScope, Endpoint>>();

/** Resolve an endpoint; cached per set object (and scope, for `VirtualNetwork`) and tag index (sets are interned by the engine). */
export function endpointOf(set: AddressSet, tags: TagIndex, scope: VnetScope): Endpoint {
  // Twice per NSG decision: no closure, no lower-cased copy of the tag per call.
  const cache = set.kind === 'tag' && isVirtualNetworkTag(set.tag) ? perScope(vnetEndpoints, set) : undefined;
  if (cache) return cachedFor(cache, scope, tags) ?? kept(cache, scope, resolveEndpoint(set, tags, scope));
  return cachedFor(endpoints, set, tags) ?? kept(endpoints, set, resolveEndpoint(set, tags, scope));
}

function isVirtualNetworkTag(tag: string): boolean {
  return tag.length === 14 && tag.toLowerCase() === 'virtualnetwork';
}

/** A weak cache entry, if it is valid for this tag index (the same set means other addresses with other tag data). */
function cachedFor<K extends object, V extends { readonly tags: TagIndex }>(cache: WeakMap<K, V>, key: K, tags: TagIndex): V | undefined {
  const hit = cache.get(key);
  return hit && hit.tags === tags ? hit : undefined;
}

/** Keep `value` under `key`; returns it. */
function kept<K extends object, V>(cache: WeakMap<K, V>, key: K, value: V): V {
  cache.set(key, value);
  return value;
}

/** The per-scope cache of `key` in a two-level cache. */
function perScope<K extends object, V>(cache: WeakMap<K, WeakMap<VnetScope, V>>, key: K): WeakMap<VnetScope, V> {
  let byScope = cache.get(key);
  if (!byScope) cache.set(key, (byScope = new WeakMap()));
  return byScope;
}

function resolveEndpoint(set: AddressSet, tags: TagIndex, scope: VnetScope): Endpoint {
  const id = nextEndpointId++;
  if (set.kind !== 'tag') {
    const ranges = literalRanges(set);
    return ranges && !ranges.isEmpty ? { set, ranges, id, tags } : { set, id, tags };
  }
  if (isVirtualNetworkTag(set.tag)) return { set, ranges: scope.ranges, tag: set.tag, id, tags };
  const ranges = tags.ranges(set.tag);
  return ranges && !ranges.isEmpty ? { set, ranges, tag: set.tag, id, tags } : { set, tag: set.tag, id, tags };
}

/** Match an address field (not ASG-based) against an endpoint. */
export function matchAddressField(field: AddressField, ep: Endpoint, tags: TagIndex, scope: VnetScope): FieldMatch {
  if (field.all) return 'yes';
  // A field naming VirtualNetwork means something else in every VNet: its memo is per scope.
  let memo: Map<number, FieldMatch>;
  if (field.virtualNetwork) {
    const byScope = (field.scopeMemo ??= new Map());
    let m = byScope.get(scope.id);
    if (!m) {
      if (byScope.size > 10_000) byScope.clear();
      byScope.set(scope.id, (m = new Map()));
    }
    memo = m;
  } else {
    memo = field.memo ??= new Map();
  }
  const hit = memo.get(ep.id);
  if (hit) return hit;
  const result = compute(field, ep, tags, scope);
  // Bounded; an interned field like `Internet` sees every (endpoint, VNet scope) pair of an estate.
  if (memo.size > 200_000) memo.clear();
  memo.set(ep.id, result);
  return result;
}

/** A field as seen from one VirtualNetwork scope: its tag items, the addresses it surely holds, the tags without data. */
interface ScopedField {
  readonly tags: TagIndex;
  readonly tagItems: readonly string[];
  /** Literal prefixes, plus the scope's ranges when the field names VirtualNetwork. */
  readonly literal: Ipv4RangeSet;
  /** `literal` plus every tag item with prefix data. */
  readonly known: Ipv4RangeSet;
  /** Tag items without prefix data. */
  readonly opaque: readonly string[];
}

/** Per field (and scope, when it names VirtualNetwork); fields are interned and shared by many NSGs. */
const scopedFields = new WeakMap<AddressField, WeakMap<VnetScope, ScopedField>>();
const plainFields = new WeakMap<AddressField, ScopedField>();

function scoped(field: AddressField, tags: TagIndex, scope: VnetScope): ScopedField {
  if (!field.virtualNetwork) return cachedFor(plainFields, field, tags) ?? kept(plainFields, field, resolveField(field, tags, scope));
  const byScope = perScope(scopedFields, field);
  return cachedFor(byScope, scope, tags) ?? kept(byScope, scope, resolveField(field, tags, scope));
}

function resolveField(field: AddressField, tags: TagIndex, scope: VnetScope): ScopedField {
  const tagItems = field.virtualNetwork ? [...field.tags, ...scope.tags] : field.tags;
  const literal = field.virtualNetwork ? field.literal.union(scope.ranges) : field.literal;
  let known = literal;
  const opaque: string[] = [];
  for (const t of tagItems) {
    const r = tags.ranges(t);
    if (r) known = known.union(r);
    else opaque.push(t);
  }
  return { tags, tagItems, literal, known, opaque };
}

function compute(field: AddressField, ep: Endpoint, tags: TagIndex, scope: VnetScope): FieldMatch {
  const f = scoped(field, tags, scope);
  // Symbolic containment first: `Internet` ⊇ `Storage.WestEurope` needs no prefixes.
  if (ep.tag && f.tagItems.some((t) => tags.contains(t, ep.tag as string) === 'yes')) return 'yes';
  if (!ep.ranges) {
    if (!ep.tag) return 'some';
    // A public service tag without data: only "all public space" is known to hold it; tag items
    // follow the symbolic rules (different services are disjoint), not whatever data the other has.
    if (f.literal.containsSet(PUBLIC_SPACE)) return 'yes';
    const maybe = f.literal.intersects(PUBLIC_SPACE) || f.tagItems.some((t) => tags.overlaps(t, ep.tag as string) !== 'no');
    return maybe ? 'some' : 'no';
  }
  if (f.known.containsSet(ep.ranges)) return 'yes';
  const touches = f.known.intersects(ep.ranges);
  // An opaque tag (no data) holds unknown public addresses: it may cover a public endpoint.
  const ranges = ep.ranges;
  const maybe = f.opaque.some((t) => (ep.tag ? tags.overlaps(t, ep.tag) !== 'no' : ranges.intersects(PUBLIC_SPACE)));
  return touches || maybe ? 'some' : 'no';
}

/** The exact addresses of a field when every item has known addresses (CIDRs, tags with data, VirtualNetwork); else undefined. */
export function fieldRanges(field: AddressField, tags: TagIndex, scope: VnetScope): Ipv4RangeSet | undefined {
  if (field.all) return Ipv4RangeSet.ALL;
  if (field.asgKeys.length) return undefined;
  let out = field.virtualNetwork ? field.literal.union(scope.ranges) : field.literal;
  for (const t of field.virtualNetwork ? [...field.tags, ...scope.tags] : field.tags) {
    const r = tags.ranges(t);
    if (!r) return undefined;
    out = out.union(r);
  }
  return out;
}

/** The rest of an endpoint after a rule took `taken` of it: same tag (a subset keeps tag containment), fewer addresses. */
export function remainderOf(ep: Endpoint, taken: Ipv4RangeSet): Endpoint {
  const ranges = (ep.ranges ?? Ipv4RangeSet.EMPTY).subtract(taken);
  return { set: { kind: 'cidrs', cidrs: ranges.toCidrs() }, ranges, ...(ep.tag ? { tag: ep.tag } : {}), id: nextEndpointId++, tags: ep.tags };
}

/** Could any address of the endpoint be a NIC (so be in an ASG)? Public addresses cannot. */
export function endpointMayBePrivate(ep: Endpoint): boolean {
  if (ep.ranges) return !PUBLIC_SPACE.containsSet(ep.ranges);
  return !ep.tag; // a service tag is public space; an opaque endpoint might be anything
}
