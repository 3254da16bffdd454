/**
 * Edits' ARM changes + the final snapshot → the resources to deploy, in the neutral PlannedResource
 * form. Exactly the touched resources: a rule edit exports the rule (or, when a rule was deleted,
 * the NSG with its full rule list, the only way an incremental deployment removes a rule).
 */
import type { Snapshot } from '../model';
import { idKey, lastSegment, parentId, resourceGroupOf, subscriptionOf } from '../model';
import type { ArmChange } from '../whatif/edits';
import { ARM_TYPES } from '../whatif/ids';
import { apiVersionFor } from './apiVersions';
import {
  nsgProperties, peeringProperties, privateEndpointProperties, routeProperties, routeTableProperties, securityRuleProperties,
  subnetProperties,
} from './armProperties';
import { findRuleCollectionGroup, ruleCollectionGroupComment, ruleCollectionGroupProperties } from './firewallPlan';
import type { DeploymentPlan, PlannedResource } from './plannedResource';
import { RULE_COLLECTION_GROUP_TYPE } from '../whatif/firewallGroups';
import type { RawIndex } from './rawIndex';
import { rawProperties, rawTags } from './rawIndex';

interface Merged { action: ArmChange['action']; change: ArmChange }

/** Collapse a change list: create wins over later updates; a delete after a create cancels both. */
function mergeChanges(changes: readonly ArmChange[]): Map<string, Merged> {
  const out = new Map<string, Merged>();
  for (const c of changes) {
    const key = idKey(c.resourceId);
    const prev = out.get(key);
    if (!prev) out.set(key, { action: c.action, change: c });
    else if (c.action === 'delete' && prev.action === 'create') out.delete(key);
    else if (c.action === 'delete') out.set(key, { action: 'delete', change: c });
    else if (prev.action === 'delete') out.set(key, { action: 'update', change: c });
    else out.set(key, { action: prev.action, change: { ...c, hints: { ...prev.change.hints, ...c.hints } } });
  }
  return out;
}

/** `…/rg/providers/A/B/x/C/y` → ['x', 'y']. */
function namesOf(id: string): string[] {
  const after = id.split(/\/providers\//i)[1] ?? '';
  return after.split('/').slice(2).filter((_, i) => i % 2 === 0);
}

/** Build the deployment plan. `raw` (from the snapshot file) keeps tags and unmodelled properties. */
export function planDeployment(snapshot: Snapshot, changes: readonly ArmChange[], raw?: RawIndex): DeploymentPlan {
  const merged = mergeChanges(changes);
  const notes: string[] = [];
  const out: PlannedResource[] = [];
  const wholeNsgs = new Set<string>();
  const wholeTables = new Set<string>();
  for (const [key, m] of merged) {
    if (m.change.type === ARM_TYPES.nsg && m.action === 'create') wholeNsgs.add(key);
    if (m.change.type === ARM_TYPES.routeTable && m.action === 'create') wholeTables.add(key);
    if (m.change.type === ARM_TYPES.securityRule && m.action === 'delete') {
      wholeNsgs.add(idKey(parentId(m.change.resourceId)));
      notes.push(`Rule ${lastSegment(m.change.resourceId)} is removed by redeploying NSG ${lastSegment(parentId(m.change.resourceId))} with its full rule list (incremental deployments cannot delete a child resource).`);
    }
  }
  const base = (id: string, type: string, comment: string, extra: Partial<PlannedResource> & { properties: Record<string, unknown> }): PlannedResource => ({
    id, type, comment, apiVersion: apiVersionFor(type), names: namesOf(id), dependsOn: [],
    group: { subscriptionId: subscriptionOf(id), resourceGroup: resourceGroupOf(id) }, ...extra,
  });
  const verb = (a: string): string => (a === 'create' ? 'new' : 'changed');

  for (const nsgKey of wholeNsgs) {
    const nsg = snapshot.nsgs.get(nsgKey);
    if (!nsg) continue;
    const tags = rawTags(raw, nsg.id);
    out.push(base(nsg.id, ARM_TYPES.nsg, `NSG ${nsg.name} with its full custom rule list`, { location: nsg.location, properties: nsgProperties(nsg), ...(tags ? { tags } : {}) }));
  }
  for (const tableKey of wholeTables) {
    const t = snapshot.routeTables.get(tableKey);
    if (!t) continue;
    out.push(base(t.id, ARM_TYPES.routeTable, `new route table ${t.name}`, { location: t.location, properties: routeTableProperties(t) }));
  }
  for (const [key, { action, change }] of merged) {
    const id = change.resourceId;
    const parent = idKey(parentId(id));
    switch (change.type) {
      case ARM_TYPES.securityRule: {
        if (action === 'delete' || wholeNsgs.has(parent)) break;
        const rule = snapshot.nsgs.get(parent)?.securityRules.find((r) => idKey(r.id) === key);
        if (rule) out.push(base(id, change.type, `${verb(action)} NSG rule ${rule.name}`, { properties: securityRuleProperties(rule) }));
        break;
      }
      case ARM_TYPES.route: {
        if (wholeTables.has(parent)) break;
        const route = snapshot.routeTables.get(parent)?.routes.find((r) => idKey(r.id) === key);
        if (route) out.push(base(id, change.type, `new route ${route.name} → ${route.nextHopType}`, { properties: routeProperties(route) }));
        break;
      }
      case ARM_TYPES.subnet: {
        const s = snapshot.subnets.get(key);
        if (s) out.push(base(id, change.type, `subnet ${s.name} (full subnet: a subnet PUT replaces it)`, { properties: subnetProperties(s, raw) }));
        break;
      }
      case ARM_TYPES.peering: {
        const p = snapshot.peerings.get(key);
        if (p) out.push(base(id, change.type, `peering ${p.name}`, { properties: peeringProperties(p) }));
        break;
      }
      case ARM_TYPES.dnsZone: {
        const z = snapshot.dnsZones.get(key);
        if (z) out.push(base(id, change.type, `private DNS zone ${z.zoneName}`, { location: 'global', properties: {} }));
        break;
      }
      case ARM_TYPES.dnsLink: {
        const link = snapshot.dnsZones.get(parent)?.links.find((l) => idKey(l.id) === key);
        if (link) out.push(base(id, change.type, `link of ${lastSegment(parentId(id))} to ${lastSegment(link.vnetId)}`, { location: 'global', properties: { virtualNetwork: { id: link.vnetId }, registrationEnabled: link.registrationEnabled } }));
        break;
      }
      case ARM_TYPES.dnsA: {
        const zone = snapshot.dnsZones.get(parent);
        const ips = zone?.aRecords[lastSegment(id).toLowerCase()];
        if (ips) out.push(base(id, change.type, `A record ${lastSegment(id)}`, { properties: { ttl: Number(change.hints?.ttl ?? 3600), aRecords: ips.map((ipv4Address) => ({ ipv4Address })) } }));
        break;
      }
      case ARM_TYPES.privateEndpoint: {
        const pe = snapshot.privateEndpoints.get(key);
        if (pe) out.push(base(id, change.type, `private endpoint ${pe.name} to ${lastSegment(pe.connections[0]?.targetId ?? '')}`, { location: pe.location, properties: privateEndpointProperties(pe) }));
        break;
      }
      case ARM_TYPES.zoneGroup: {
        const pe = snapshot.privateEndpoints.get(parent);
        if (pe) {
          const configs = pe.dnsZoneIds.map((z) => ({ name: lastSegment(z).replace(/\./g, '-'), properties: { privateDnsZoneId: z } }));
          out.push(base(id, change.type, `DNS zone group of ${pe.name} (Azure writes its A records)`, { properties: { privateDnsZoneConfigs: configs } }));
        }
        break;
      }
      case ARM_TYPES.publicIp: {
        const pip = snapshot.publicIps.get(key);
        if (pip) out.push(base(id, change.type, `public IP ${pip.name} for a NAT gateway`, { location: pip.location, sku: { name: 'Standard' }, properties: { publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4' } }));
        break;
      }
      case ARM_TYPES.natGateway: {
        const nat = snapshot.natGateways.get(key);
        if (nat) out.push(base(id, change.type, `NAT gateway ${nat.name}`, { location: nat.location, sku: { name: 'Standard' }, properties: { idleTimeoutInMinutes: 4, publicIpAddresses: nat.publicIpIds.map((i) => ({ id: i })) } }));
        break;
      }
      case ARM_TYPES.compute: {
        const c = snapshot.computes.get(key);
        if (!c) break;
        const before = rawProperties(raw, c.id) ?? {};
        const inner: Record<string, unknown> = { ...((before.properties as Record<string, unknown> | undefined) ?? {}), enableNodePublicIp: c.enableNodePublicIp };
        if (c.subnetId) inner.subnet = { id: c.subnetId };
        notes.push(`Compute ${c.name}: Azure applies enableNodePublicIp only when the compute is created; delete it before deploying, or deploy under a new name.`);
        out.push(base(id, change.type, `compute ${c.name} (enableNodePublicIp ${c.enableNodePublicIp})`, {
          location: c.location, properties: { computeType: c.computeType, ...(c.computeLocation ? { computeLocation: c.computeLocation } : {}), properties: inner },
        }));
        break;
      }
      case RULE_COLLECTION_GROUP_TYPE: {
        const g = action === 'delete' ? undefined : findRuleCollectionGroup(snapshot, id);
        if (g) out.push(base(id, change.type, ruleCollectionGroupComment(g, action), { properties: ruleCollectionGroupProperties(g) }));
        break;
      }
      default:
        break;
    }
  }
  return { resources: withDependencies(out), notes };
}

function collectIds(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.startsWith('/subscriptions/')) into.add(idKey(value));
  } else if (Array.isArray(value)) value.forEach((v) => collectIds(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectIds(v, into));
}

/**
 * dependsOn: on the planned parent and on every planned resource the properties reference. Child
 * writes to the same VNet (subnets, peerings) are chained, because ARM rejects concurrent updates
 * of one VNet ("AnotherOperationInProgress").
 */
function withDependencies(resources: readonly PlannedResource[]): PlannedResource[] {
  const planned = new Map(resources.map((r) => [idKey(r.id), r]));
  const lastInVnet = new Map<string, string>();
  return resources.map((r) => {
    const refs = new Set<string>();
    collectIds(r.properties, refs);
    let p = idKey(parentId(r.id));
    while (p.includes('/providers/')) {
      refs.add(p);
      p = idKey(parentId(p));
    }
    const deps = [...refs].filter((k) => k !== idKey(r.id) && planned.has(k)).map((k) => planned.get(k)!.id);
    // A firewall policy also takes one write at a time, so its groups are chained the same way.
    if (r.type === ARM_TYPES.subnet || r.type === ARM_TYPES.peering || r.type === RULE_COLLECTION_GROUP_TYPE) {
      const vnet = idKey(parentId(r.id));
      const prev = lastInVnet.get(vnet);
      if (prev && !deps.includes(prev)) deps.push(prev);
      lastInVnet.set(vnet, r.id);
    }
    return { ...r, dependsOn: deps };
  });
}
