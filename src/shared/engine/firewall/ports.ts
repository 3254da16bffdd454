/**
 * Firewall port fields (`destinationPorts`: `443`, `443-444`, `*`) compiled to ranges once, because
 * the evaluator checks every rule of a policy for every flow.
 */

/** Inclusive port ranges; `all` for `*`. */
export interface PortList {
  readonly all: boolean;
  readonly ranges: readonly (readonly [number, number])[];
}

/** Parse port entries; `onIssue` hears about entries that can never match. */
export function compilePorts(entries: readonly string[], onIssue: (message: string) => void): PortList {
  let all = false;
  const ranges: [number, number][] = [];
  for (const raw of entries) {
    const s = raw.trim();
    if (s === '*') { all = true; continue; }
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(s);
    const lo = m?.[1] !== undefined ? Number(m[1]) : NaN;
    const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi > 65535 || lo > hi) {
      onIssue(`port "${raw}" is not a port, a range or *; ignored`);
      continue;
    }
    ranges.push([lo, hi]);
  }
  return { all, ranges };
}

/** Is `port` in the list? */
export function portMatches(list: PortList, port: number): boolean {
  if (list.all) return true;
  for (const [lo, hi] of list.ranges) if (port >= lo && port <= hi) return true;
  return false;
}
