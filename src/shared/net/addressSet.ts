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

/** A stable key for memoizing per-endpoint work. */
export function addressSetKey(set: AddressSet): string {
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

/**
 * The IPv4 addresses of a set when they are known without tag data (ip, cidrs, any); undefined for a
 * tag (ask the TagIndex).
 */
export function literalRanges(set: AddressSet): Ipv4RangeSet | undefined {
  switch (set.kind) {
    case 'ip':
      return Ipv4RangeSet.fromCidrs([set.ip]);
    case 'cidrs':
      return Ipv4RangeSet.fromCidrs(set.cidrs);
    case 'any':
      return Ipv4RangeSet.ALL;
    case 'tag':
      return undefined;
  }
}
