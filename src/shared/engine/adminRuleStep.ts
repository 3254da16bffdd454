/**
 * Virtual Network Manager security admin rules come before NSGs (semantics §1.3): Deny drops,
 * AlwaysAllow delivers without NSGs, Allow hands on to the NSGs.
 */
import { idKey } from '../model/armId';
import type { Subnet } from '../model/resources';
import type { AddressSet } from '../net/addressSet';
import { evaluateAdminRules } from './adminRules/evaluateAdminRules';
import type { EvalContext } from './context';
import type { Ending, FlowBuilder } from './flowBuilder';
import type { Protocol } from './verdict';

/** The answer for a VNet without admin rules (nearly every flow): one object, not one per flow. */
const NONE: { ending?: Ending; skipNsgs: boolean } = Object.freeze({ skipNsgs: false });

/** `skipNsgs` when an AlwaysAllow rule decided. */
export function adminRuleStep(
  ctx: EvalContext, b: FlowBuilder, subnet: Subnet,
  flow: { direction: 'Inbound' | 'Outbound'; protocol: Protocol; source: AddressSet; destination: AddressSet; port: number },
): { ending?: Ending; skipNsgs: boolean } {
  if (!ctx.snap.adminRules.get(idKey(subnet.vnetId))) return NONE;
  const protocols: ('Tcp' | 'Udp')[] = flow.protocol === 'Any' ? ['Tcp', 'Udp'] : [flow.protocol];
  let alwaysAllowed = true;
  for (const protocol of protocols) {
    const d = evaluateAdminRules(ctx.snap, subnet.vnetId, {
      direction: flow.direction, protocol, source: flow.source, destination: flow.destination, destinationPort: flow.port,
    }, { tags: ctx.tags, assumptions: ctx.assumptions });
    b.trace.push(...d.trace);
    const ref = d.rule ? { resourceId: d.rule.id, name: d.rule.name, priority: d.rule.priority } : {};
    if (d.access === 'Deny') return { ending: { status: 'blocked', decidedBy: { layer: 'adminRule', ...ref }, explanation: d.explanation }, skipNsgs: true };
    if (d.access === 'Unknown') return { ending: { status: 'unknown', decidedBy: { layer: 'adminRule', ...ref }, explanation: d.explanation }, skipNsgs: true };
    if (d.access === 'AlwaysAllow') b.allowedByDecision({ layer: 'adminRule', ...ref }, d.explanation);
    else alwaysAllowed = false;
  }
  return { skipNsgs: alwaysAllowed };
}
