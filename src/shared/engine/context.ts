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

export interface EvalContext {
  /** The snapshot as the evaluators must read it (reads are recorded). */
  readonly snap: Snapshot;
  readonly assumptions: Assumptions;
  readonly tags: TagIndex;
  /**
   * Compute once per pass; later calls replay the reads of the first. Keyed by a namespace and a key
   * (two map levels, so hot callers pass interned strings and never build a concatenated key).
   */
  memo<T>(ns: string, key: string, fn: () => T): T;
  /** Run `fn` with a fresh log; returns its value and the log. */
  track<T>(fn: () => T): { value: T; log: DependencyLog };
}

/**
 * A context for one evaluation pass over `snapshot` that records nothing: for one-shot answers
 * (`vnetlens check`), where no later candidate will ask what each compute read. Same memo, same
 * results; reads go straight to the snapshot.
 */
export function createOneShotContext(snapshot: Snapshot, assumptions: Assumptions, tags: TagIndex): EvalContext {
  const memos = new Map<string, Map<string, unknown>>();
  const log = new DependencyLog();
  return {
    snap: snapshot,
    assumptions,
    tags,
    track: (fn) => ({ value: fn(), log }),
    memo<T>(ns: string, key: string, fn: () => T): T {
      let space = memos.get(ns);
      if (!space) memos.set(ns, (space = new Map()));
      if (space.has(key)) return space.get(key) as T;
      const value = fn();
      space.set(key, value);
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
  const memos = new Map<string, Map<string, { value: unknown; log: DependencyLog }>>();

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
    memo<T>(ns: string, key: string, fn: () => T): T {
      let space = memos.get(ns);
      if (!space) memos.set(ns, (space = new Map()));
      const hit = space.get(key);
      if (hit) {
        current.append(hit.log);
        return hit.value as T;
      }
      const entry = track(fn);
      space.set(key, entry);
      return entry.value;
    },
  };
}
