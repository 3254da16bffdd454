/**
 * Reading and rewriting rule collections as ARM (or PowerShell) wrote them: keys in any casing.
 * Firewall edits change one rule and keep every other collection and rule object exactly as it
 * was, so an export carries the user's rules verbatim.
 */

/** A raw ARM object. */
export type RawObject = Readonly<Record<string, unknown>>;

/** The value of `key` in `obj`, matched case-insensitively. */
export function rawGet(obj: unknown, key: string): unknown {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** A copy of `obj` with `key` (whatever its casing there) set to `value`. */
export function rawSet(obj: RawObject, key: string, value: unknown): RawObject {
  const lower = key.toLowerCase();
  const existing = Object.keys(obj).find((k) => k.toLowerCase() === lower) ?? key;
  return { ...obj, [existing]: value };
}

/** A string field (`name`, `ruleType`), or ''. */
export function rawString(obj: unknown, key: string): string {
  const v = rawGet(obj, key);
  return typeof v === 'string' ? v : '';
}

/** A list field (`rules`); [] when absent or not a list. */
export function rawList(obj: unknown, key: string): readonly unknown[] {
  const v = rawGet(obj, key);
  return Array.isArray(v) ? v : [];
}

/** What edits need to know about one collection. */
export interface CollectionView {
  readonly index: number;
  readonly raw: RawObject;
  readonly name: string;
  readonly priority: number;
  /** `Allow`, `Deny`, `DNAT` as written. */
  readonly action: string;
  readonly isNat: boolean;
  readonly rules: readonly unknown[];
  /** Rule types present (`NetworkRule`, `ApplicationRule`, lower-cased). */
  readonly ruleTypes: ReadonlySet<string>;
}

/** Views of a group's raw collections, in array order. */
export function collectionViews(ruleCollections: readonly unknown[]): CollectionView[] {
  return ruleCollections.map((c, index) => {
    const rules = rawList(c, 'rules');
    return {
      index,
      raw: (c && typeof c === 'object' ? c : {}) as RawObject,
      name: rawString(c, 'name'),
      priority: Number(rawGet(c, 'priority')),
      action: rawString(rawGet(c, 'action'), 'type'),
      isNat: rawString(c, 'ruleCollectionType').toLowerCase() === 'firewallpolicynatrulecollection',
      rules,
      ruleTypes: new Set(rules.map((r) => rawString(r, 'ruleType').toLowerCase()).filter((t) => t !== '')),
    };
  });
}

/** The collection named `name` (case-insensitive). */
export function findCollection(views: readonly CollectionView[], name: string): CollectionView | undefined {
  return views.find((v) => v.name.toLowerCase() === name.toLowerCase());
}

/** Index of the rule named `name` in a collection, or -1. */
export function findRule(view: CollectionView, name: string): number {
  return view.rules.findIndex((r) => rawString(r, 'name').toLowerCase() === name.toLowerCase());
}
