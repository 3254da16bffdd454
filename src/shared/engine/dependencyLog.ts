/**
 * Incremental evaluation: while the engine evaluates one compute it records every snapshot read —
 * (collection, key, record) for keyed gets, (collection) for scans. A later snapshot can reuse that
 * compute's verdict when every recorded read still returns the identical object. What-if candidates
 * share untouched records (===) with their parent, so one NSG edit re-evaluates only the computes
 * that read that NSG.
 */
import type { ById, Snapshot, SnapshotCollection } from '../model/snapshot';

/** One recorded read: a keyed get (key set) or a whole-collection scan (key undefined). */
export interface Read {
  readonly collection: SnapshotCollection;
  readonly key?: string;
  readonly value?: unknown;
  /** For scans: the collection object itself. */
  readonly map?: unknown;
}

export class DependencyLog {
  readonly reads: Read[] = [];
  /** Logs of shared work (memo hits) this log depends on: referenced, not copied. */
  private readonly children: DependencyLog[] = [];

  /** True when `snapshot` answers every recorded read with the same object. */
  stillValid(snapshot: Snapshot, checked = new Set<DependencyLog>()): boolean {
    if (checked.has(this)) return true;
    checked.add(this);
    for (const r of this.reads) {
      const map = snapshot[r.collection] as ById<unknown>;
      if (r.key === undefined) {
        if (map !== r.map) return false;
      } else if (map.get(r.key) !== r.value) {
        return false;
      }
    }
    return this.children.every((c) => c.stillValid(snapshot, checked));
  }

  /** Depend on everything `other` read (O(1): shared work is replayed by reference). */
  append(other: DependencyLog): void {
    if (other !== this) this.children.push(other);
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
    this.current().reads.push({ collection: this.collection, key, value });
    return value;
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  private scan(): ById<T> {
    this.current().reads.push({ collection: this.collection, map: this.inner });
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

const COLLECTIONS: readonly SnapshotCollection[] = [
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
