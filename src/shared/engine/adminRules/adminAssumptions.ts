/**
 * Virtual Network Manager points the semantics doc marks UNCONFIRMED (§3.2–3.5, open point 6), with
 * defaults. They are part of the run's Assumptions (engine/assumptions.ts merges them), so `--assume`
 * and the app change them like any other.
 */
import type { Assumptions } from '../assumptions';
import { overlayDefaults } from '../overlayDefaults';

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

/** The admin-rule assumptions of a run (or of a test's partial object): a key present on it wins over the default. */
export const adminAssumptions: (a: Assumptions | Partial<AdminAssumptions>) => AdminAssumptions = overlayDefaults(DEFAULT_ADMIN_ASSUMPTIONS);
