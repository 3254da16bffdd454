/**
 * Traffic-light grouping shared by every human-facing report (table, SARIF levels, later the UI
 * legend), so "red" means the same thing everywhere: a required flow that is blocked.
 */
import type { CheckResult, FlowVerdict } from '../engine/verdict';

export type Light = 'red' | 'amber' | 'green';

/** red = required and blocked; amber = unknown, or blocked but only situational; green = allowed. */
export function flowLight(f: Pick<FlowVerdict, 'status' | 'required'>): Light {
  if (f.status === 'allowed') return 'green';
  if (f.status === 'blocked' && f.required) return 'red';
  return 'amber';
}

/** fail = red, warn = amber, pass = green. */
export function checkLight(c: Pick<CheckResult, 'status'>): Light {
  return c.status === 'fail' ? 'red' : c.status === 'warn' ? 'amber' : 'green';
}
