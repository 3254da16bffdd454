/**
 * Which Azure Firewall node a flow crosses, so the overlay can draw it through the firewall. Derived
 * from the trace and the snapshot only: the firewall named by a firewall step, else the firewall whose
 * private IP is the route step's VirtualAppliance next hop, else a firewall using the deciding policy
 * (directly or as a base policy of its own).
 */
import type { FlowVerdict } from '../../shared/engine/verdict';
import { idKey } from '../../shared/model/armId';
import type { Snapshot } from '../../shared/model/snapshot';

const NEXT_HOP_IP = /VirtualAppliance\s+(\d{1,3}(?:\.\d{1,3}){3})/;

/** Does the flow's verdict involve a firewall at all? */
export function crossesFirewall(flow: FlowVerdict): boolean {
  return flow.decidedBy.layer === 'firewall' || flow.trace.some((t) => t.layer === 'firewall');
}

function policyChain(snapshot: Snapshot, policyId: string | undefined): string[] {
  const out: string[] = [];
  for (let id = policyId; id && out.length < 8 && !out.includes(idKey(id)); id = snapshot.firewallPolicies.get(idKey(id))?.basePolicyId) out.push(idKey(id));
  return out;
}

/** ARM ids of the firewalls that apply policy `policyId`, directly or as a base of their own policy. */
export function firewallsUsingPolicy(snapshot: Snapshot, policyId: string): string[] {
  const key = idKey(policyId);
  return [...snapshot.firewalls.values()].filter((fw) => policyChain(snapshot, fw.firewallPolicyId).includes(key)).map((fw) => fw.id);
}

/** The node id of the firewall `flow` crosses, or undefined when it crosses none drawn in `nodes`. */
export function firewallHop(flow: FlowVerdict, snapshot: Snapshot, nodes: ReadonlyMap<string, unknown>): string | undefined {
  if (!crossesFirewall(flow)) return undefined;
  const drawn = (armId: string | undefined) => (armId && snapshot.firewalls.has(idKey(armId)) && nodes.has(idKey(armId)) ? idKey(armId) : undefined);
  const fwSteps = flow.trace.filter((t) => t.layer === 'firewall');
  for (const id of [...fwSteps.map((t) => t.resourceId), flow.decidedBy.resourceId]) {
    const hit = drawn(id);
    if (hit) return hit;
  }
  const firewalls = [...snapshot.firewalls.values()];
  for (const step of flow.trace) {
    const ip = step.layer === 'route' ? NEXT_HOP_IP.exec(step.detail)?.[1] : undefined;
    const hit = ip && drawn(firewalls.find((f) => f.privateIp === ip)?.id);
    if (hit) return hit;
  }
  const policies = [flow.decidedBy.policyId, ...fwSteps.map((t) => t.resourceId)].filter((p): p is string => !!p && snapshot.firewallPolicies.has(idKey(p)));
  for (const fwId of policies.flatMap((p) => firewallsUsingPolicy(snapshot, p))) {
    const hit = drawn(fwId);
    if (hit) return hit;
  }
  return undefined;
}
