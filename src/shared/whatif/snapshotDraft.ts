/**
 * Copy-on-write builder for candidate snapshots. An edit copies only the maps it writes to, and
 * only once; every record it does not touch stays the same object, so caches keyed by identity
 * (the incremental evaluator, React memo) keep hitting.
 */
import { idKey } from '../model';
import type { ById, Snapshot, SnapshotCollection } from '../model';

/**
 * Collection names. The model's SnapshotCollection also yields `undefined` (from the optional
 * `serviceTags` key), which cannot index Snapshot, hence the Exclude.
 */
export type Collection = Exclude<SnapshotCollection, undefined>;

/** The record type held by one snapshot collection. */
export type RecordOf<K extends Collection> = Snapshot[K] extends ById<infer T> ? T : never;

/** A snapshot being edited: reads see earlier writes; `finish` returns a new Snapshot. */
export class SnapshotDraft {
  private readonly copies = new Map<Collection, Map<string, unknown>>();

  constructor(readonly base: Snapshot) {}

  /** Look a record up by ARM id (any casing). */
  get<K extends Collection>(collection: K, id: string): RecordOf<K> | undefined {
    const copy = this.copies.get(collection);
    const map = (copy ?? this.base[collection]) as ReadonlyMap<string, RecordOf<K>>;
    return map.get(idKey(id));
  }

  /** All records of a collection as they stand in the draft. */
  values<K extends Collection>(collection: K): Iterable<RecordOf<K>> {
    const copy = this.copies.get(collection);
    return ((copy ?? this.base[collection]) as ReadonlyMap<string, RecordOf<K>>).values();
  }

  /** Write (create or replace) a record under `idKey(id)`. */
  set<K extends Collection>(collection: K, id: string, record: RecordOf<K>): void {
    this.writable(collection).set(idKey(id), record);
  }

  delete(collection: Collection, id: string): void {
    this.writable(collection).delete(idKey(id));
  }

  /** The candidate snapshot: untouched collections are the base's own maps. */
  finish(): Snapshot {
    if (this.copies.size === 0) return this.base;
    const out: Record<string, unknown> = { ...this.base };
    for (const [name, map] of this.copies) out[name] = map;
    return out as unknown as Snapshot;
  }

  private writable(collection: Collection): Map<string, unknown> {
    let copy = this.copies.get(collection);
    if (!copy) {
      copy = new Map(this.base[collection] as ReadonlyMap<string, unknown>);
      this.copies.set(collection, copy);
    }
    return copy;
  }
}
