/**
 * Apply what-if edits to a snapshot: a new candidate snapshot with structural sharing (maps and
 * records an edit does not touch stay the same objects), plus the ARM changes for the exports.
 */
import type { Snapshot } from '../model';
import type { ArmChange, Edit, EditError } from './edits';
import type { HandlerResult } from './handlerResult';
import { applyComputeSetPublicIp } from './computeEdits';
import { applyFirewallRuleAdd, applyFirewallRuleDelete, applyFirewallRuleUpdate } from './firewallRuleEdits';
import { applyDnsRecordAddA, applyDnsZoneCreate, applyDnsZoneLink } from './dnsEdits';
import { applyNatGatewayAttach } from './natGatewayEdits';
import { applyNsgAssociateSubnet, applyNsgCreate } from './nsgEdits';
import { applyNsgRuleAdd, applyNsgRuleDelete, applyNsgRuleReprioritize, applyNsgRuleUpdate } from './nsgRuleEdits';
import { applyPeeringCreate } from './peeringEdits';
import { applyPrivateEndpointAdd } from './privateEndpointEdits';
import { applyRouteAdd, applyRouteTableAssociateSubnet, applyRouteTableCreate } from './routeEdits';
import { SnapshotDraft } from './snapshotDraft';

/** Result of one edit: the candidate and its ARM changes, or the error (the snapshot is untouched). */
export type ApplyResult =
  | { readonly snapshot: Snapshot; readonly changes: readonly ArmChange[] }
  | { readonly error: EditError };

/** Result of an edit list; `index` says which edit failed. */
export type ApplyManyResult =
  | { readonly snapshot: Snapshot; readonly changes: readonly ArmChange[] }
  | { readonly error: EditError; readonly index: number };

function dispatch(draft: SnapshotDraft, edit: Edit): HandlerResult {
  switch (edit.kind) {
    case 'nsgRule.add': return applyNsgRuleAdd(draft, edit);
    case 'nsgRule.update': return applyNsgRuleUpdate(draft, edit);
    case 'nsgRule.delete': return applyNsgRuleDelete(draft, edit);
    case 'nsgRule.reprioritize': return applyNsgRuleReprioritize(draft, edit);
    case 'nsg.create': return applyNsgCreate(draft, edit);
    case 'nsg.associateSubnet': return applyNsgAssociateSubnet(draft, edit);
    case 'peering.create': return applyPeeringCreate(draft, edit);
    case 'dnsZone.create': return applyDnsZoneCreate(draft, edit);
    case 'dnsZone.link': return applyDnsZoneLink(draft, edit);
    case 'dnsRecord.addA': return applyDnsRecordAddA(draft, edit);
    case 'privateEndpoint.add': return applyPrivateEndpointAdd(draft, edit);
    case 'routeTable.create': return applyRouteTableCreate(draft, edit);
    case 'route.add': return applyRouteAdd(draft, edit);
    case 'routeTable.associateSubnet': return applyRouteTableAssociateSubnet(draft, edit);
    case 'natGateway.attach': return applyNatGatewayAttach(draft, edit);
    case 'compute.setPublicIp': return applyComputeSetPublicIp(draft, edit);
    case 'firewallRule.add': return applyFirewallRuleAdd(draft, edit);
    case 'firewallRule.update': return applyFirewallRuleUpdate(draft, edit);
    case 'firewallRule.delete': return applyFirewallRuleDelete(draft, edit);
    default: {
      const unknown: { kind?: unknown } = edit;
      return { error: { field: 'kind', message: `Unknown edit kind "${String(unknown.kind)}".` } };
    }
  }
}

/** One edit. Never throws for bad edits; never mutates `snapshot`. */
export function applyEdit(snapshot: Snapshot, edit: Edit): ApplyResult {
  const draft = new SnapshotDraft(snapshot);
  const result = dispatch(draft, edit);
  if ('error' in result) return { error: result.error };
  return { snapshot: draft.finish(), changes: result.changes };
}

/** An edit list in order; stops at the first failing edit. */
export function applyEdits(snapshot: Snapshot, edits: readonly Edit[]): ApplyManyResult {
  let current = snapshot;
  const changes: ArmChange[] = [];
  for (const [index, edit] of edits.entries()) {
    const r = applyEdit(current, edit);
    if ('error' in r) return { error: r.error, index };
    current = r.snapshot;
    changes.push(...r.changes);
  }
  return { snapshot: current, changes };
}

/** Narrowing helper for callers that branch on success. */
export function isApplied<T extends ApplyResult | ApplyManyResult>(r: T): r is Extract<T, { snapshot: Snapshot }> {
  return 'snapshot' in r;
}
