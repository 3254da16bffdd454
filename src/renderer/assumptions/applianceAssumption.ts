/**
 * The assumption a user meets most: "treat this network virtual appliance as allowing everything".
 * A flow routed to a next-hop appliance that is not an Azure Firewall in the snapshot is `unknown`
 * (its rules are not in the snapshot); `allowAllAppliances` lists the appliance IPs to treat as
 * allow-all. These helpers read that off a flow's verdict and edit the override list.
 */
import type { FlowVerdict } from '../../shared/engine/verdict';
import type { AssumptionOverrides } from '../whatif/evaluator';

const APPLIANCES = 'allowAllAppliances';
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The appliance IPs the overrides treat as allow-all. */
export function allowedAppliances(overrides: AssumptionOverrides): string[] {
  return (overrides[APPLIANCES] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * The IP of the appliance a flow's verdict stops at: unknown, decided by the route step whose next
 * hop is a virtual appliance the engine could not evaluate (the engine names that step by the IP).
 */
export function applianceStoppingFlow(flow: FlowVerdict): string | undefined {
  if (flow.status !== 'unknown' || flow.decidedBy.layer !== 'route') return undefined;
  const ip = flow.decidedBy.name;
  return ip && IPV4.test(ip) ? ip : undefined;
}

/** The appliance a flow passed only because the overrides assume it allows everything. */
export function applianceAssumedForFlow(flow: FlowVerdict, overrides: AssumptionOverrides): string | undefined {
  const assumed = new Set(allowedAppliances(overrides));
  return flow.trace.find((t) => t.layer === 'route' && t.outcome === 'pass' && t.name !== undefined && assumed.has(t.name))?.name;
}

/** The overrides with `ip` added to (or removed from) the allow-all appliances. */
export function withApplianceAllowed(overrides: AssumptionOverrides, ip: string, allowed: boolean): AssumptionOverrides {
  const list = allowedAppliances(overrides).filter((x) => x !== ip);
  if (allowed) list.push(ip);
  const { [APPLIANCES]: _drop, ...rest } = overrides;
  return list.length ? { ...rest, [APPLIANCES]: list.join(',') } : rest;
}

/** Assumption ids a flow's explanation or trace names (the engine cites the assumption it applied). */
export function assumptionsNamedBy(flow: FlowVerdict, ids: readonly string[]): string[] {
  const text = [flow.explanation, ...flow.trace.map((t) => t.detail)].join('\n');
  return ids.filter((id) => new RegExp(`\\b${id}\\b`).test(text));
}
