/**
 * Which computes read which snapshot records: the inverse of their dependency logs. Built lazily on
 * the first what-if edit after a full evaluation, then kept up to date, so an edit finds the
 * computes it affects in time proportional to what changed, not to the size of the estate.
 */
import type { SnapshotCollection } from '../model/snapshot';
import type { DependencyLog } from './dependencyLog';

interface Flattened {
  readonly gets: Map<SnapshotCollection, Set<string>>;
  readonly scans: Set<SnapshotCollection>;
}

export class ReverseIndex {
  private readonly byKey = new Map<SnapshotCollection, Map<string, Set<string>>>();
  private readonly byScan = new Map<SnapshotCollection, Set<string>>();
  private readonly entries = new Map<string, Flattened>();

  has(computeKey: string): boolean {
    return this.entries.has(computeKey);
  }

  /** Record what `computeKey` read (replacing what it read before). */
  add(computeKey: string, log: DependencyLog): void {
    this.remove(computeKey);
    const flat: Flattened = { gets: new Map(), scans: new Set() };
    log.flatten(flat);
    this.entries.set(computeKey, flat);
    for (const c of flat.scans) {
      let set = this.byScan.get(c);
      if (!set) this.byScan.set(c, (set = new Set()));
      set.add(computeKey);
    }
    for (const [c, keys] of flat.gets) {
      let byKey = this.byKey.get(c);
      if (!byKey) this.byKey.set(c, (byKey = new Map()));
      for (const k of keys) {
        let set = byKey.get(k);
        if (!set) byKey.set(k, (set = new Set()));
        set.add(computeKey);
      }
    }
  }

  remove(computeKey: string): void {
    const flat = this.entries.get(computeKey);
    if (!flat) return;
    this.entries.delete(computeKey);
    for (const c of flat.scans) this.byScan.get(c)?.delete(computeKey);
    for (const [c, keys] of flat.gets) {
      const byKey = this.byKey.get(c);
      for (const k of keys) byKey?.get(k)?.delete(computeKey);
    }
  }

  /** Computes that read any of the changed records (or scanned a changed collection). */
  affected(changes: ReadonlyMap<SnapshotCollection, ReadonlySet<string>>): Set<string> {
    const out = new Set<string>();
    for (const [c, keys] of changes) {
      for (const k of this.byScan.get(c) ?? []) out.add(k);
      const byKey = this.byKey.get(c);
      if (!byKey) continue;
      for (const key of keys) for (const k of byKey.get(key) ?? []) out.add(k);
    }
    return out;
  }
}
