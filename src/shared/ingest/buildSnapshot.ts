/**
 * SnapshotFile → Snapshot: collect every resource and child by kind (dedup), normalize each into its
 * model record, derive back-references, then run the config checks. Linear in the number of
 * resources and children: every cross-reference goes through a Map keyed by idKey.
 */
import { type IngestWarning, type ServiceTagData, type Snapshot, type SnapshotFile } from '../model';
import type { SecurityRule, Route, VirtualNetworkLink, Workspace } from '../model';
import { parseServiceTags } from '../servicetags/serviceTagData';
import type { Bucket, Item } from './collector';
import { collect } from './collect';
import { inputPaths, type ResourcePathOf } from './readInput';
import { keyOf } from './keys';
import { linkReferences } from './link';
import { toPeering, toSubnet, toVnet } from './normalize/network';
import { toSecurityRule } from './normalize/securityRule';
import { toNsg, toRoute, toRouteTable } from './normalize/nsg';
import { toAsg, toAzureFirewall, toNatGateway, toNic, toPublicIp, type IpConfigUse } from './normalize/nic';
import { toLink, toPrivateEndpoint, toZone } from './normalize/privateEndpoint';
import { toCompute, toWorkspace } from './normalize/ml';
import { checkNsg } from './checks/nsgChecks';
import { checkRouteTable } from './checks/routeChecks';
import { checkRegistrationLinks } from './checks/dnsChecks';
import { checkGatewayTransit } from './checks/peeringChecks';
import { checkDangling, coveredByMissing } from './checks/dangling';
import type { CheckContext } from './checks/types';

/** Options of {@link buildSnapshot}. */
export interface BuildSnapshotOptions {
  /** Names the input in errors and warnings (default: the file's provenance.inputFile). */
  readonly fileName?: string;
  /** Overrides the snapshot file's own service tags. */
  readonly serviceTags?: ServiceTagData;
}

function mapOf<T, U>(bucket: Bucket<T>, f: (item: Item<T>) => U): Map<string, U> {
  const out = new Map<string, U>();
  for (const [key, item] of bucket.items) out.set(key, f(item));
  return out;
}

/** Children grouped by their parent's idKey, in input order. */
function byParent<T, U>(bucket: Bucket<T>, f: (item: Item<T>) => U): Map<string, U[]> {
  const out = new Map<string, U[]>();
  for (const item of bucket.values()) {
    const list = out.get(item.parentKey);
    if (list) list.push(f(item));
    else out.set(item.parentKey, [f(item)]);
  }
  return out;
}

/** Builds the snapshot; `pathOf` maps resource indexes to their JSON path in the user's input. */
export function buildFrom(file: SnapshotFile, pathOf: ResourcePathOf, opts: BuildSnapshotOptions = {}): Snapshot {
  const fileName = opts.fileName ?? file.provenance.inputFile ?? 'snapshot';
  const c = collect(file, pathOf, fileName);
  const warn = (w: IngestWarning): void => c.warn(w);

  const allBuckets = [c.vnets, c.subnets, c.peerings, c.nsgs, c.rules, c.asgs, c.nics, c.routeTables, c.routes, c.natGateways,
    c.publicIps, c.firewalls, c.privateEndpoints, c.zoneGroups, c.zones, c.links, c.aRecords, c.workspaces, c.computes] as Bucket<unknown>[];
  // Only warnings ask for paths, so look them up on demand rather than indexing every item.
  const pathOfId = (id: string): string | undefined => {
    const key = keyOf(id);
    for (const b of allBuckets) {
      const item = b.items.get(key);
      if (item) return item.path;
    }
    return undefined;
  };

  // Children whose parent is absent would vanish silently; say so.
  const orphans = (bucket: Bucket<unknown>, parents: Bucket<unknown>, what: string): void => {
    for (const item of bucket.values()) {
      if (parents.items.has(item.parentKey) || coveredByMissing(item.parentId, file.missing)) continue;
      warn({ code: 'dangling-reference', message: `${what} ${item.id}: its parent ${item.parentId} is not in the snapshot; ignored`, resourceId: item.id, path: item.path });
    }
  };
  orphans(c.rules, c.nsgs, 'security rule');
  orphans(c.routes, c.routeTables, 'route');
  orphans(c.links, c.zones, 'virtual network link');
  orphans(c.aRecords, c.zones, 'A record set');
  orphans(c.zoneGroups, c.privateEndpoints, 'private DNS zone group');

  const rules = byParent(c.rules, (i): SecurityRule => toSecurityRule(i, fileName));
  const routes = byParent(c.routes, (i): Route => toRoute(i, fileName));
  const zoneGroups = byParent(c.zoneGroups, (i) => i);
  const links = byParent(c.links, (i): VirtualNetworkLink => toLink(i));
  const aRecords = byParent(c.aRecords, (i) => i);

  const subnets = mapOf(c.subnets, toSubnet);
  const subnetsByVnet = byParent(c.subnets, (i) => i.id);
  const peeringsByVnet = byParent(c.peerings, (i) => i.id);
  const peerings = mapOf(c.peerings, toPeering);
  const vnets = mapOf(c.vnets, toVnet);
  for (const [key, v] of vnets) {
    v.subnetIds = subnetsByVnet.get(key) ?? [];
    v.peeringIds = peeringsByVnet.get(key) ?? [];
  }

  const ipConfigs: IpConfigUse[] = [];
  const nics = mapOf(c.nics, (i) => {
    const { record, ipConfigs: used } = toNic(i);
    ipConfigs.push(...used);
    return record;
  });
  const firewalls = mapOf(c.firewalls, (i) => {
    const { record, ipConfigs: used } = toAzureFirewall(i);
    ipConfigs.push(...used);
    return record;
  });
  const nsgs = mapOf(c.nsgs, (i) => toNsg(i, rules.get(i.key) ?? []));
  const routeTables = mapOf(c.routeTables, (i) => toRouteTable(i, routes.get(i.key) ?? []));
  const natGateways = mapOf(c.natGateways, toNatGateway);
  const publicIps = mapOf(c.publicIps, toPublicIp);
  const privateEndpoints = mapOf(c.privateEndpoints, (i) => toPrivateEndpoint(i, zoneGroups.get(i.key) ?? []));
  const dnsZones = mapOf(c.zones, (i) => toZone(i, links.get(i.key) ?? [], aRecords.get(i.key) ?? []));
  const workspaces = mapOf(c.workspaces, (i): Workspace => toWorkspace(i));
  const computes = mapOf(c.computes, (i) => toCompute(i, workspaces.get(i.parentKey)?.location || undefined));

  linkReferences({ subnets, nsgs, routeTables, natGateways, nics, publicIps, privateEndpoints, ipConfigs }, warn);

  const snapshot: Snapshot = {
    provenance: file.provenance,
    vnets, subnets, peerings, nsgs,
    asgs: mapOf(c.asgs, toAsg),
    nics, routeTables, natGateways, publicIps, firewalls,
    firewallPolicies: c.firewallPolicies,
    ruleCollectionGroups: c.ruleCollectionGroups,
    ipGroups: c.ipGroups,
    adminRules: c.adminRules,
    privateEndpoints, dnsZones, workspaces, computes,
    unknownTypes: c.unknownTypes,
    missing: file.missing,
    warnings: [],
  };

  const ctx: CheckContext = { pathOf: pathOfId, warn };
  for (const n of nsgs.values()) checkNsg(n, ctx);
  for (const rt of routeTables.values()) checkRouteTable(rt, ctx);
  checkRegistrationLinks(dnsZones.values(), ctx);
  checkGatewayTransit(peerings, ctx);
  checkDangling(snapshot, file.missing, ctx);

  const serviceTags = opts.serviceTags
    ?? (file.serviceTags ? parseServiceTags(file.serviceTags, fileName, file.provenance.source === 'harvest' ? 'harvest' : fileName) : undefined);
  return {
    ...snapshot,
    warnings: [...file.warnings, ...c.warnings],
    ...(serviceTags ? { serviceTags } : {}),
  };
}

/** SnapshotFile → normalized immutable Snapshot (src/shared/model/snapshot.ts). */
export function buildSnapshot(file: SnapshotFile, opts?: BuildSnapshotOptions): Snapshot {
  return buildFrom(file, inputPaths.get(file) ?? ((i) => `$.resources[${i}]`), opts);
}
