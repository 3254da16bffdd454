/** Small timing helpers shared by the bench parts: medians of repeated runs, formatted figures. */
import { performance } from 'node:perf_hooks';

/** Run `fn` `n` times (after one warm-up) and return the median wall time in ms. */
export function medianMs(n: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Time one call. */
export function timeMs<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

/** One aligned line: label, figure, target/baseline note. */
export function line(label: string, value: string, note = ''): void {
  process.stdout.write(`  ${label.padEnd(46)} ${value.padStart(14)}  ${note}\n`);
}

export const fmtMs = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
