/**
 * Processing order of rule collections (firewall semantics §2.2 classic, §2.3 policy). Type order
 * beats everything, then parent before child, then group priority, then collection priority; rules
 * keep their array order inside a collection. The worked AF1 example (FW-12) pins this down.
 */
import type { CollectionSpec, RuleIssue, RuleKind } from './ruleTypes';

const TYPE_RANK: Readonly<Record<RuleKind, number>> = { Nat: 0, Network: 1, Application: 2 };

/** A collection placed in the firewall's processing order, with where it came from. */
export interface OrderedCollection extends CollectionSpec {
  /** Policy the collection sits in; undefined for classic collections. */
  readonly policyId?: string;
  readonly policyName?: string;
  /** 0 = root of the base-policy chain. */
  readonly depth: number;
  /** True when it comes from a base (parent) policy of the attached one. */
  readonly inherited: boolean;
  readonly group?: { readonly id: string; readonly name: string; readonly priority: number };
}

/** One policy of the chain (root first) with its groups' parsed collections. */
export interface PolicyLevel {
  readonly policyId: string;
  readonly policyName: string;
  readonly groups: readonly {
    readonly id: string;
    readonly name: string;
    readonly priority: number;
    readonly collections: readonly CollectionSpec[];
  }[];
}

function warnTies(items: readonly { key: string; label: string }[], what: string, path: string, issues: RuleIssue[]): void {
  const seen = new Map<string, string>();
  for (const it of items) {
    const prev = seen.get(it.key);
    if (prev !== undefined) {
      issues.push({ code: 'AmbiguousPriority', message: `${what} "${prev}" and "${it.label}" share a priority; the engine breaks the tie by name`, path });
    } else {
      seen.set(it.key, it.label);
    }
  }
}

/**
 * Policy order: `(typeRank, depth, groupPriority, collectionPriority, name)`. NAT collections of
 * base policies are dropped unless `inheritParentNat` (AF12 says they are firewall-specific; AF1's
 * example inherits them — UNCONFIRMED, §2.3).
 */
export function orderPolicyCollections(chain: readonly PolicyLevel[], inheritParentNat: boolean, issues: RuleIssue[]): OrderedCollection[] {
  const out: OrderedCollection[] = [];
  const leaf = chain.length - 1;
  chain.forEach((level, depth) => {
    warnTies(level.groups.map((g) => ({ key: String(g.priority), label: g.name })), 'rule collection groups', level.policyId, issues);
    for (const g of level.groups) {
      for (const kind of ['Nat', 'Network', 'Application'] as const) {
        const ofKind = g.collections.filter((c) => c.kind === kind);
        warnTies(ofKind.map((c) => ({ key: String(c.priority), label: c.name })), `${kind} rule collections`, g.id, issues);
      }
      for (const c of g.collections) {
        if (c.kind === 'Nat' && depth !== leaf && !inheritParentNat) continue;
        out.push({
          ...c, policyId: level.policyId, policyName: level.policyName, depth, inherited: depth !== leaf,
          group: { id: g.id, name: g.name, priority: g.priority },
        });
      }
    }
  });
  return out.sort((a, b) =>
    TYPE_RANK[a.kind] - TYPE_RANK[b.kind]
    || a.depth - b.depth
    || (a.group?.priority ?? 0) - (b.group?.priority ?? 0)
    || (a.group?.name ?? '').localeCompare(b.group?.name ?? '')
    || a.priority - b.priority
    || a.name.localeCompare(b.name));
}

/**
 * Classic order: NAT, network, application collections, each by priority. Two collections of one
 * type with one priority → `DuplicateCollectionPriority` (engine choice; array order kept).
 */
export function orderClassicCollections(collections: readonly CollectionSpec[], issues: RuleIssue[], path: string): OrderedCollection[] {
  for (const kind of ['Nat', 'Network', 'Application'] as const) {
    const seen = new Map<number, string>();
    for (const c of collections.filter((x) => x.kind === kind)) {
      const prev = seen.get(c.priority);
      if (prev !== undefined) {
        issues.push({ code: 'DuplicateCollectionPriority', message: `classic ${kind} collections "${prev}" and "${c.name}" both have priority ${c.priority}`, path });
      } else {
        seen.set(c.priority, c.name);
      }
    }
  }
  const indexed = collections.map((c, i) => ({ c, i }));
  indexed.sort((a, b) => TYPE_RANK[a.c.kind] - TYPE_RANK[b.c.kind] || a.c.priority - b.c.priority || a.i - b.i);
  return indexed.map(({ c }) => ({ ...c, depth: 0, inherited: false }));
}
