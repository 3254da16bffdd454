/**
 * Service-tag reasoning for NSGs and routes. Without data the engine still has to know that
 * `Storage.WestEurope` is inside `Storage` and `Internet` but disjoint from `Storage.NorthEurope`;
 * with the published prefixes (a harvested snapshot or `--service-tags FILE`) it decides by CIDR.
 */
import type { ServiceTagData, ServiceTagEntry } from '../model/serviceTags';
import { isIpOrCidr } from '../net/cidr';
import { Ipv4RangeSet } from '../net/ipv4RangeSet';
import { HOST_VIP, IMDS_IP, PUBLIC_SPACE } from '../net/publicSpace';
import { KNOWN_TAGS, NON_PUBLIC_TAGS, parseTagName, regionSpellings, type TagName } from './tagNames';

/** Yes, no, or cannot tell without more data. */
export type Tristate = 'yes' | 'no' | 'unknown';

/** Platform tags whose addresses are fixed and documented (semantics §1.5). */
const FIXED_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  azureloadbalancer: [`${HOST_VIP}/32`],
  azureplatformdns: [`${HOST_VIP}/32`],
  azureplatformimds: [`${IMDS_IP}/32`],
};

/** Symbolic + prefix-backed service tag knowledge; one per snapshot/tag file. */
export class TagIndex {
  /** True when prefix data was loaded (any tag). */
  readonly hasPrefixData: boolean;
  private readonly rangeCache = new Map<string, Ipv4RangeSet | null>();

  private constructor(private readonly byName: ReadonlyMap<string, ServiceTagEntry>) {
    this.hasPrefixData = byName.size > 0;
  }

  /** No prefix data: symbolic rules only. */
  static empty(): TagIndex {
    return new TagIndex(new Map());
  }

  /** Index a snapshot's (or a file's) tag data; undefined = symbolic only. */
  static from(data: ServiceTagData | undefined): TagIndex {
    const map = new Map<string, ServiceTagEntry>();
    for (const t of data?.tags ?? []) map.set(t.name.trim().toLowerCase(), t);
    return new TagIndex(map);
  }

  /** The data entry of a tag, trying the tag file's other spellings of the region. */
  private entry(tag: string): ServiceTagEntry | undefined {
    if (!this.hasPrefixData) return undefined;
    const name = parseTagName(tag);
    const direct = this.byName.get(name.key);
    if (direct || !name.region) return direct;
    for (const r of regionSpellings(name.region)) {
      const e = this.byName.get(`${name.service}.${r}`);
      if (e) return e;
    }
    return undefined;
  }

  /** Prefixes of a tag (case-insensitive name), undefined when unknown. */
  prefixes(tag: string): readonly string[] | undefined {
    return this.entry(tag)?.addressPrefixes ?? FIXED_PREFIXES[tag.trim().toLowerCase()];
  }

  /** The tag's IPv4 addresses when known (data, fixed platform addresses, or `Internet` = public space). */
  ranges(tag: string): Ipv4RangeSet | undefined {
    const key = tag.trim().toLowerCase();
    let hit = this.rangeCache.get(key);
    if (hit === undefined) {
      const prefixes = this.prefixes(tag);
      if (prefixes) hit = Ipv4RangeSet.fromCidrs(prefixes);
      else hit = key === 'internet' ? PUBLIC_SPACE : null;
      this.rangeCache.set(key, hit);
    }
    return hit ?? undefined;
  }

  /** Does the loaded data (not the fixed platform list) hold this tag? */
  hasData(tag: string): boolean {
    return this.entry(tag) !== undefined;
  }

  /** Is this string a service tag name (known well-known tag, or present in the data) rather than an IP/CIDR/`*`? */
  isTag(name: string): boolean {
    const s = name.trim();
    if (s === '' || s === '*' || /^any$/i.test(s) || isIpOrCidr(s)) return false;
    return this.isKnown(parseTagName(s)) || this.entry(s) !== undefined;
  }

  private isKnown(n: TagName): boolean {
    return KNOWN_TAGS.has(n.key) || (n.region !== undefined && KNOWN_TAGS.has(n.service)) || this.entry(n.key) !== undefined;
  }

  /**
   * Symbolic containment: same name; `X` ⊇ `X.<region>`; regional tags of different regions are
   * disjoint; `Internet` ⊇ every public service tag; `AzureCloud` ⊇ Azure service tags and
   * `AzureCloud.<r>` ⊇ `X.<r>`; different services disjoint. With data for both, CIDR containment.
   */
  contains(outer: string, inner: string): Tristate {
    return this.pairMemo(this.containsMemo, outer, inner, () => this.containsUncached(outer, inner));
  }

  /** Do two tags share any address? Same rules as {@link contains}, for intersection (memoized per pair). */
  overlaps(a: string, b: string): Tristate {
    return this.pairMemo(this.overlapsMemo, a, b, () => this.overlapsUncached(a, b));
  }

  // The engine asks the same few tag pairs for every rule of every NSG: answer each pair once.
  private readonly containsMemo = new Map<string, Map<string, Tristate>>();
  private readonly overlapsMemo = new Map<string, Map<string, Tristate>>();

  private pairMemo(memo: Map<string, Map<string, Tristate>>, a: string, b: string, f: () => Tristate): Tristate {
    let row = memo.get(a);
    if (!row) {
      if (memo.size > 10_000) memo.clear();
      memo.set(a, (row = new Map()));
    }
    let r = row.get(b);
    if (r === undefined) row.set(b, (r = f()));
    return r;
  }

  private containsUncached(outer: string, inner: string): Tristate {
    const o = parseTagName(outer);
    const i = parseTagName(inner);
    if (o.key === i.key) return 'yes';
    const exact = this.exactPair(o, i);
    if (exact) return exact.a.containsSet(exact.b) ? 'yes' : 'no';
    if (o.key === 'virtualnetwork') return 'unknown';
    if (o.key === 'internet') return NON_PUBLIC_TAGS.has(i.key) ? 'no' : this.isKnown(i) ? 'yes' : 'unknown';
    if (i.key === 'internet') return 'no';
    const platform = this.platformPair(o, i);
    if (platform) return platform.a.containsSet(platform.b) ? 'yes' : 'no';
    if (NON_PUBLIC_TAGS.has(o.key) || NON_PUBLIC_TAGS.has(i.key)) return 'no';
    if (!this.isKnown(o) || !this.isKnown(i)) return 'unknown';
    if (o.service === 'azurecloud') {
      if (!o.region) return 'yes';
      if (i.region) return i.region === o.region ? 'yes' : 'no';
      return 'unknown';
    }
    if (i.service === 'azurecloud') return 'no';
    if (o.service !== i.service) return 'no';
    if (!o.region) return 'yes';
    return o.region === i.region ? 'yes' : 'no';
  }

  private overlapsUncached(a: string, b: string): Tristate {
    const x = parseTagName(a);
    const y = parseTagName(b);
    if (x.key === y.key) return 'yes';
    const exact = this.exactPair(x, y);
    if (exact) return exact.a.intersects(exact.b) ? 'yes' : 'no';
    if (x.key === 'virtualnetwork' || y.key === 'virtualnetwork') return 'unknown';
    if (this.contains(a, b) === 'yes' || this.contains(b, a) === 'yes') return 'yes';
    if (x.key === 'internet' || y.key === 'internet') {
      const other = x.key === 'internet' ? y : x;
      return NON_PUBLIC_TAGS.has(other.key) ? 'no' : 'unknown';
    }
    const platform = this.platformPair(x, y);
    if (platform) return platform.a.intersects(platform.b) ? 'yes' : 'no';
    if (NON_PUBLIC_TAGS.has(x.key) || NON_PUBLIC_TAGS.has(y.key)) return 'no';
    if (!this.isKnown(x) || !this.isKnown(y)) return 'unknown';
    if (x.region && y.region && x.region !== y.region) return 'no';
    if (x.service === 'azurecloud' || y.service === 'azurecloud') return 'unknown';
    return x.service === y.service ? 'unknown' : 'no';
  }

  /** Both tags backed by loaded data: their ranges. */
  private exactPair(a: TagName, b: TagName): { a: Ipv4RangeSet; b: Ipv4RangeSet } | undefined {
    if (!this.hasPrefixData || !this.entry(a.key) || !this.entry(b.key)) return undefined;
    const ra = this.ranges(a.key);
    const rb = this.ranges(b.key);
    return ra && rb ? { a: ra, b: rb } : undefined;
  }

  /** Both tags fixed platform addresses: their ranges. */
  private platformPair(a: TagName, b: TagName): { a: Ipv4RangeSet; b: Ipv4RangeSet } | undefined {
    const pa = FIXED_PREFIXES[a.key];
    const pb = FIXED_PREFIXES[b.key];
    return pa && pb ? { a: Ipv4RangeSet.fromCidrs(pa), b: Ipv4RangeSet.fromCidrs(pb) } : undefined;
  }
}
