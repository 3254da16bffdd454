/**
 * Virtual Network Manager points the semantics doc marks UNCONFIRMED (§3.2–3.5, open point 6), with
 * defaults. Local until the lead adds them to engine/assumptions.ts; a key present on the run's
 * Assumptions wins, so `--assume` works as soon as it is registered there.
 */
import type { Assumptions } from '../assumptions';

export interface AdminAssumptions {
  /** §3.5: several managers cover one VNet: only the higher-scope manager's rules, or both (higher first). */
  readonly adminConflict: 'higherScopeOnly' | 'mergeHigherScopeFirst';
  /** §3.3: a VNet with Databricks / SQL MI when the configuration's setting is unknown: `None` skips all rules. */
  readonly networkIntentPolicyDefault: 'None' | 'AllowRulesOnly' | 'All';
  /** §3.3 / open point 6: under `AllowRulesOnly`, are `AlwaysAllow` rules applied? */
  readonly alwaysAllowUnderAllowRulesOnly: boolean;
  /** §3.2: admin rules track connection state like NSGs (replies allowed). Read by the return-path logic. */
  readonly adminRulesStateful: boolean;
}

export const DEFAULT_ADMIN_ASSUMPTIONS: AdminAssumptions = {
  adminConflict: 'higherScopeOnly',
  networkIntentPolicyDefault: 'None',
  alwaysAllowUnderAllowRulesOnly: true,
  adminRulesStateful: true,
};

const memo = new WeakMap<object, AdminAssumptions>();

/** The admin-rule assumptions of a run: a key present on `a` wins over the local default. */
export function adminAssumptions(a: Assumptions | Partial<AdminAssumptions>): AdminAssumptions {
  const hit = memo.get(a);
  if (hit) return hit;
  const src = a as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = { ...DEFAULT_ADMIN_ASSUMPTIONS };
  for (const key of Object.keys(DEFAULT_ADMIN_ASSUMPTIONS)) {
    const v = src[key];
    if (v !== undefined && typeof v === typeof (DEFAULT_ADMIN_ASSUMPTIONS as unknown as Record<string, unknown>)[key]) out[key] = v;
  }
  const result = out as unknown as AdminAssumptions;
  memo.set(a, result);
  return result;
}
