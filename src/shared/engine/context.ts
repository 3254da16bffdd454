/**
 * Per-pass evaluation context: the (recording) snapshot, assumptions, the service-tag index and a
 * memo for work shared by many computes (effective routes of a subnet, the flows of a subnet for one
 * compute profile). A memo hit appends the memoized work's reads to the current compute's log, so
 * incremental reuse stays exact.
 */
import type { Snapshot } from '../model/snapshot';
import { TagIndex } from '../servicetags/tagIndex';
import type { Assumptions } from './assumptions';
import { DependencyLog, recordingSnapshot } from './dependencyLog';

/** A memo key: an interned string, or a record (one per id in a pass). */
export type MemoKey = string | object;

export interface EvalContext {
  /** The snapshot as the evaluators must read it (reads are recorded). */
  readonly snap: Snapshot;
  readonly assumptions: Assumptions;
  readonly tags: TagIndex;
  /**
   * Compute once per pass; later calls replay the reads of the first. Keyed by a namespace, a key and
   * an optional second key (nested maps, so hot callers never build a concatenated key: flattening
   * and hashing one per call cost more than the work). A key is an interned string (an idKey result)
   * or a snapshot record: a pass sees one record per id, and an object key is found by identity,
   * without hashing or comparing a 150-character id.
   */
  memo<T>(ns: string, key: MemoKey, fn: () => T, key2?: MemoKey): T;
  /** Run `fn` with a fresh log; returns its value and the log. */
  track<T>(fn: () => T): { value: T; log: DependencyLog };
}

/**
 * A context for one evaluation pass over `snapshot` that records nothing: for one-shot answers
 * (`vnetlens check`), where no later candidate will ask what each compute read. Same memo, same
 * results; reads go straight to the snapshot.
 */
export function createOneShotContext(snapshot: Snapshot, assumptions: Assumptions, tags: TagIndex): EvalContext {
  const memos = new NestedMemo<unknown>();
  const log = new DependencyLog();
  return {
    snap: snapshot,
    assumptions,
    tags,
    track: (fn) => ({ value: fn(), log }),
    memo<T>(ns: string, key: MemoKey, fn: () => T, key2?: MemoKey): T {
      const space = memos.space(ns, key, key2);
      const last = key2 ?? key;
      const hit = space.get(last);
      if (hit !== undefined || space.has(last)) return hit as T;
      const value = fn();
      space.set(last, value);
      return value;
    },
  };
}

/** A context for one evaluation pass over `snapshot`. */
export function createContext(snapshot: Snapshot, assumptions: Assumptions, tags: TagIndex): EvalContext {
  // Reads outside any tracked computation go to a root log nobody consults (deduplicated, so bounded).
  let current = new DependencyLog();
  let root = true;
  const snap = recordingSnapshot(snapshot, () => current);
  const memos = new NestedMemo<{ value: unknown; log: DependencyLog }>();

  const track = <T>(fn: () => T): { value: T; log: DependencyLog } => {
    const saved = current;
    const savedRoot = root;
    const log = new DependencyLog();
    current = log;
    root = false;
    try {
      return { value: fn(), log };
    } finally {
      current = saved;
      root = savedRoot;
      if (!savedRoot) saved.append(log);
    }
  };

  return {
    snap,
    assumptions,
    tags,
    track,
    memo<T>(ns: string, key: MemoKey, fn: () => T, key2?: MemoKey): T {
      const space = memos.space(ns, key, key2);
      const last = key2 ?? key;
      const hit = space.get(last);
      if (hit) {
        current.append(hit.log);
        return hit.value as T;
      }
      const entry = track(fn);
      space.set(last, entry);
      return entry.value;
    },
  };
}

/** namespace → key → value, or namespace → key → key2 → value. */
class NestedMemo<V> {
  private readonly spaces = new Map<string, Map<MemoKey, V>>();
  private readonly pairs = new Map<string, Map<MemoKey, Map<MemoKey, V>>>();

  /** The map that holds the value for (ns, key) — keyed by `key` — or for (ns, key, key2) — keyed by `key2`. */
  space(ns: string, key: MemoKey, key2: MemoKey | undefined): Map<MemoKey, V> {
    if (key2 === undefined) {
      let s = this.spaces.get(ns);
      if (!s) this.spaces.set(ns, (s = new Map()));
      return s;
    }
    let byKey = this.pairs.get(ns);
    if (!byKey) this.pairs.set(ns, (byKey = new Map()));
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = new Map()));
    return s;
  }
}

const pairKeys = new Map<string, Map<string, string>>();

/**
 * `${a}|${b}`, one string object per pair: a memo key built per call is flattened and hashed per
 * call; an interned one has its hash cached.
 */
export function pairKey(a: string, b: string): string {
  let byB = pairKeys.get(a);
  if (!byB) {
    if (pairKeys.size > 50_000) pairKeys.clear();
    pairKeys.set(a, (byB = new Map()));
  }
  let k = byB.get(b);
  if (k === undefined) byB.set(b, (k = `${a}|${b}`));
  return k;
}
