/**
 * Incremental evaluation: while the engine evaluates one compute it records every snapshot read —
 * (collection, key, record) for keyed gets, (collection) for scans. A later snapshot can reuse that
 * compute's verdict when every recorded read still returns the identical object. What-if candidates
 * share untouched records (===) with their parent, so one NSG edit re-evaluates only the computes
 * that read that NSG.
 */
import type { ById, Snapshot, SnapshotCollection } from '../model/snapshot';

export class DependencyLog {
  /** Keyed gets, deduplicated: collection → key → the record read (undefined = absent). */
  private readonly gets = new Map<SnapshotCollection, Map<string, unknown>>();
  /** Whole-collection scans: collection → the map object scanned. */
  private readonly scans = new Map<SnapshotCollection, unknown>();
  /** Logs of shared work (memo hits) this log depends on: referenced, not copied. */
  private readonly children = new Set<DependencyLog>();

  recordGet(collection: SnapshotCollection, key: string, value: unknown): void {
    let m = this.gets.get(collection);
    if (!m) this.gets.set(collection, (m = new Map()));
    if (!m.has(key)) m.set(key, value);
  }

  recordScan(collection: SnapshotCollection, map: unknown): void {
    if (!this.scans.has(collection)) this.scans.set(collection, map);
  }

  /** True when `snapshot` answers every recorded read with the same object. */
  stillValid(snapshot: Snapshot, checked = new Set<DependencyLog>()): boolean {
    if (checked.has(this)) return true;
    checked.add(this);
    for (const [collection, map] of this.scans) if (snapshot[collection] !== map) return false;
    for (const [collection, reads] of this.gets) {
      const map = snapshot[collection] as ById<unknown>;
      for (const [key, value] of reads) if (map.get(key) !== value) return false;
    }
    for (const c of this.children) if (!c.stillValid(snapshot, checked)) return false;
    return true;
  }

  /**
   * True when none of `changes` (collection → changed keys, or 'all' for a replaced collection we
   * did not diff) touches what this log read. Cheaper than `stillValid` when few records changed.
   * Pass one `memo` across many logs: shared memo logs are then checked once per evaluation.
   */
  unaffectedBy(changes: ReadonlyMap<SnapshotCollection, ReadonlySet<string>>, memo = new Map<DependencyLog, boolean>()): boolean {
    const known = memo.get(this);
    if (known !== undefined) return known;
    memo.set(this, true); // a cycle back to this log adds nothing new
    let ok = true;
    for (const [collection, keys] of changes) {
      if (this.scans.has(collection)) { ok = false; break; }
      const reads = this.gets.get(collection);
      if (!reads) continue;
      if (keys.size < reads.size) {
        for (const k of keys) if (reads.has(k)) { ok = false; break; }
      } else {
        for (const k of reads.keys()) if (keys.has(k)) { ok = false; break; }
      }
      if (!ok) break;
    }
    if (ok) for (const c of this.children) if (!c.unaffectedBy(changes, memo)) { ok = false; break; }
    memo.set(this, ok);
    return ok;
  }

  /** Every read of this log and the logs it depends on, flattened (for a reverse index). */
  flatten(into: { gets: Map<SnapshotCollection, Set<string>>; scans: Set<SnapshotCollection> }, seen = new Set<DependencyLog>()): void {
    if (seen.has(this)) return;
    seen.add(this);
    for (const c of this.scans.keys()) into.scans.add(c);
    for (const [c, reads] of this.gets) {
      let set = into.gets.get(c);
      if (!set) into.gets.set(c, (set = new Set()));
      for (const k of reads.keys()) set.add(k);
    }
    for (const child of this.children) child.flatten(into, seen);
  }

  /** Depend on everything `other` read (O(1): shared work is replayed by reference). */
  append(other: DependencyLog): void {
    if (other !== this) this.children.add(other);
  }
}

/** A ReadonlyMap that records what is read from it into the current log. */
class RecordingMap<T> implements ReadonlyMap<string, T> {
  constructor(
    private readonly inner: ById<T>,
    private readonly collection: SnapshotCollection,
    private readonly current: () => DependencyLog,
  ) {}
  get(key: string): T | undefined {
    const value = this.inner.get(key);
    this.current().recordGet(this.collection, key, value);
    return value;
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  private scan(): ById<T> {
    this.current().recordScan(this.collection, this.inner);
    return this.inner;
  }
  get size(): number { return this.scan().size; }
  forEach(cb: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void { this.scan().forEach((v, k) => cb(v, k, this)); }
  entries(): MapIterator<[string, T]> { return this.scan().entries(); }
  keys(): MapIterator<string> { return this.scan().keys(); }
  values(): MapIterator<T> { return this.scan().values(); }
  [Symbol.iterator](): MapIterator<[string, T]> { return this.scan()[Symbol.iterator](); }
  /** The real map (for identity-keyed caches); the caller records the scan. */
  unwrap(): ById<T> { return this.inner; }
}

/** Every collection of a snapshot (the maps the engine reads). */
export const COLLECTIONS: readonly SnapshotCollection[] = [
  'vnets', 'subnets', 'peerings', 'nsgs', 'asgs', 'nics', 'routeTables', 'natGateways', 'publicIps', 'firewalls',
  'firewallPolicies', 'ruleCollectionGroups', 'ipGroups', 'adminRules', 'privateEndpoints', 'dnsZones', 'workspaces', 'computes',
];

/**
 * A view of `snapshot` whose collections record reads into `current()`. Non-collection fields
 * (missing, serviceTags, provenance) are passed through: they come from the input file and change
 * only with a new evaluator run.
 */
export function recordingSnapshot(snapshot: Snapshot, current: () => DependencyLog): Snapshot {
  const view: Record<string, unknown> = { ...snapshot };
  for (const c of COLLECTIONS) view[c] = new RecordingMap(snapshot[c] as ById<unknown>, c, current);
  return view as unknown as Snapshot;
}

/** The real map behind a possibly recording one, recording the scan. */
export function scanCollection<T>(map: ById<T>): ById<T> {
  if (map instanceof RecordingMap) {
    // size triggers the scan record; then hand out the real object so identity caches hit.
    void map.size;
    return (map as RecordingMap<T>).unwrap();
  }
  return map;
}

/**
 * What changed between two snapshots that share structure: per collection whose map object differs,
 * the keys whose record is not the same object (added, removed or replaced).
 */
export function snapshotChanges(before: Snapshot, after: Snapshot): Map<SnapshotCollection, Set<string>> {
  const out = new Map<SnapshotCollection, Set<string>>();
  for (const c of COLLECTIONS) {
    const a = before[c] as ById<unknown>;
    const b = after[c] as ById<unknown>;
    if (a === b) continue;
    const keys = new Set<string>();
    for (const [k, v] of b) if (a.get(k) !== v) keys.add(k);
    for (const k of a.keys()) if (!b.has(k)) keys.add(k);
    if (keys.size) out.set(c, keys);
  }
  return out;
}
