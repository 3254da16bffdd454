/**
 * The ARM path for one subscription: every subscription-wide list call the engine needs, each
 * followed by the per-parent reads of its children as soon as it is done (no waiting for the other
 * types), all bounded by the shared limiter.
 */
import type { ArmResource } from '../../shared/model/snapshotFile';
import {
  CHILD, adminRulesStep, aRecordsStep, computesStep, dnsZoneGroupsStep, ruleCollectionGroupsStep, vnetLinksStep, workspaceDetailsStep,
} from './childSteps';
import type { SdkClients } from './clients';
import type { Pageable } from './rawList';
import { listStep, type RunContext } from './runContext';

type Follow = (ctx: RunContext, sub: string, parents: readonly ArmResource[]) => Promise<void>;

interface ListDef {
  readonly type: string;
  readonly start: (c: SdkClients, sub: string) => Pageable;
  readonly then?: readonly Follow[];
}

/** The subscription-wide lists, with the child reads that hang off each. */
export const ARM_LISTS: readonly ListDef[] = [
  { type: 'Microsoft.Network/virtualNetworks', start: (c, s) => c.network(s).virtualNetworks.listAll(), then: [adminRulesStep] },
  { type: 'Microsoft.Network/networkSecurityGroups', start: (c, s) => c.network(s).networkSecurityGroups.listAll() },
  { type: 'Microsoft.Network/applicationSecurityGroups', start: (c, s) => c.network(s).applicationSecurityGroups.listAll() },
  { type: 'Microsoft.Network/routeTables', start: (c, s) => c.network(s).routeTables.listAll() },
  { type: 'Microsoft.Network/natGateways', start: (c, s) => c.network(s).natGateways.listAll() },
  { type: 'Microsoft.Network/azureFirewalls', start: (c, s) => c.network(s).azureFirewalls.listAll() },
  { type: 'Microsoft.Network/firewallPolicies', start: (c, s) => c.network(s).firewallPolicies.listAll(), then: [ruleCollectionGroupsStep] },
  { type: 'Microsoft.Network/ipGroups', start: (c, s) => c.network(s).ipGroups.list() },
  { type: 'Microsoft.Network/publicIPAddresses', start: (c, s) => c.network(s).publicIPAddresses.listAll() },
  { type: 'Microsoft.Network/networkInterfaces', start: (c, s) => c.network(s).networkInterfaces.listAll() },
  { type: 'Microsoft.Network/privateEndpoints', start: (c, s) => c.network(s).privateEndpoints.listBySubscription(), then: [dnsZoneGroupsStep] },
  { type: 'Microsoft.Network/privateDnsZones', start: (c, s) => c.dns(s).privateZones.list(), then: [vnetLinksStep, aRecordsStep] },
  { type: 'Microsoft.MachineLearningServices/workspaces', start: (c, s) => c.ml(s).workspaces.listBySubscription(), then: [computesStep, workspaceDetailsStep] },
];

/** Child steps per subscription on the ARM path (for the progress total). */
export const ARM_CHILD_STEPS = ARM_LISTS.reduce((n, d) => n + (d.then?.length ?? 0), 0);

/** Types Resource Graph serves; the rest comes from ARM (see resourceGraph.ts). */
export const GRAPH_CHILD_FOLLOWS: readonly { readonly parentType: string; readonly type: string; readonly follow: Follow }[] = [
  { parentType: 'Microsoft.Network/virtualNetworks', type: CHILD.adminRules, follow: adminRulesStep },
  { parentType: 'Microsoft.Network/firewallPolicies', type: CHILD.ruleCollectionGroups, follow: ruleCollectionGroupsStep },
  { parentType: 'Microsoft.Network/privateEndpoints', type: CHILD.dnsZoneGroups, follow: dnsZoneGroupsStep },
  { parentType: 'Microsoft.Network/privateDnsZones', type: CHILD.aRecords, follow: aRecordsStep },
  { parentType: 'Microsoft.MachineLearningServices/workspaces', type: CHILD.computes, follow: computesStep },
  { parentType: 'Microsoft.MachineLearningServices/workspaces', type: CHILD.workspaceDetails, follow: workspaceDetailsStep },
];

/** Harvest one readable subscription through ARM list calls. */
export async function harvestSubscriptionArm(ctx: RunContext, sub: string): Promise<void> {
  await Promise.all(ARM_LISTS.map(async (def) => {
    const items = await listStep(ctx, sub, def.type, () => def.start(ctx.clients, sub));
    await Promise.all((def.then ?? []).map((follow) => follow(ctx, sub, items)));
  }));
}

/** Mark every step of an unreadable subscription as skipped (keeps the progress total honest). */
export function skipSubscription(ctx: RunContext, sub: string, types: readonly string[], reason: string): void {
  for (const t of types) ctx.progress.finished(sub, t, 'skipped', 0, reason);
}

/** Every step type name of the ARM path, in plan order. */
export const ARM_STEP_TYPES: readonly string[] = [
  ...ARM_LISTS.map((d) => d.type),
  CHILD.adminRules, CHILD.ruleCollectionGroups, CHILD.dnsZoneGroups, CHILD.vnetLinks, CHILD.aRecords, CHILD.computes, CHILD.workspaceDetails,
];
