/**
 * ARM type → how to read it: which schema validates it and which buckets its parts go to. Nested
 * children are unpacked here so that they and their separately-listed twins meet in one bucket.
 */
import type { z } from 'zod';
import { lastSegment, parentId, type ArmResource } from '../model';
import type { Bucket, Collector, Item } from './collector';
import { IngestError } from './ingestError';
import { keyOf } from './keys';
import { validate } from './validate';
import { nsgSchema, ruleSchema, type RuleIn } from './schemas/nsg';
import { peeringSchema, subnetSchema, vnetSchema } from './schemas/vnet';
import { routeSchema, routeTableSchema } from './schemas/routeTable';
import { asgSchema, natGatewaySchema, nicSchema, publicIpSchema } from './schemas/nic';
import { azureFirewallSchema } from './schemas/azureFirewall';
import { privateEndpointSchema, zoneGroupSchema } from './schemas/privateEndpoint';
import { aRecordSchema, linkSchema, zoneSchema } from './schemas/dns';
import { computeSchema, workspaceSchema } from './schemas/ml';

/** Reads one resource of a known type into the collector. */
export type Handler = (res: ArmResource, path: string, c: Collector, file: string) => void;

interface Named { readonly id?: string | null; readonly name?: string | null }

function topItem<T extends Named>(res: ArmResource, data: T, path: string, child: boolean): Item<T> {
  const location = (data as { location?: unknown }).location;
  const parent = child ? parentId(res.id) : '';
  return {
    id: res.id,
    name: data.name ?? lastSegment(res.id),
    parentId: parent,
    key: keyOf(res.id),
    parentKey: keyOf(parent),
    location: typeof location === 'string' ? location : '',
    type: res.type,
    data,
    path,
    separate: true,
  };
}

/** Adds the children listed under `properties[segment]` of a parent to `bucket`. */
function nested<T extends Named, U = T>(
  parent: Item<unknown>, list: readonly T[] | null | undefined, segment: string, type: string,
  bucket: Bucket<U>, file: string, wrap: (t: T) => U = (t) => t as unknown as U,
): void {
  if (!list) return;
  for (let i = 0; i < list.length; i++) {
    const child = list[i] as T;
    // segment is always a plain identifier, so no jsonPathStep quoting is needed
    const path = `${parent.path}.properties.${segment}[${i}]`;
    if (!child.id && !child.name) throw new IngestError(file, path, 'a nested child needs an "id" or a "name"');
    const id = child.id ?? `${parent.id}/${segment}/${child.name}`;
    bucket.add({
      id, name: child.name ?? lastSegment(id), parentId: parent.id, key: keyOf(id), parentKey: parent.key,
      location: '', type, data: wrap(child), path, separate: false,
    });
  }
}

/** A type with no nested children: validate, then add to one bucket (child types share their nested twins' bucket). */
function simple<U extends Named>(schema: z.ZodType<U>, pick: (c: Collector) => Bucket<U>, child = false): Handler {
  return (res, path, c, file) => {
    pick(c).add(topItem(res, validate(schema, res, file, path), path, child));
  };
}

const rule = (isDefault: boolean) => (r: RuleIn) => ({ rule: r, isDefault });

/** Handlers by lower-case ARM type. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  'microsoft.network/virtualnetworks': (res, path, c, file) => {
    const item = topItem(res, validate(vnetSchema, res, file, path), path, false);
    c.vnets.add(item);
    nested(item, item.data.properties?.subnets, 'subnets', 'Microsoft.Network/virtualNetworks/subnets', c.subnets, file);
    nested(item, item.data.properties?.virtualNetworkPeerings, 'virtualNetworkPeerings', 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', c.peerings, file);
  },
  'microsoft.network/virtualnetworks/subnets': simple(subnetSchema, (c) => c.subnets, true),
  'microsoft.network/virtualnetworks/virtualnetworkpeerings': simple(peeringSchema, (c) => c.peerings, true),
  'microsoft.network/networksecuritygroups': (res, path, c, file) => {
    const item = topItem(res, validate(nsgSchema, res, file, path), path, false);
    c.nsgs.add(item);
    nested(item, item.data.properties?.securityRules, 'securityRules', 'Microsoft.Network/networkSecurityGroups/securityRules', c.rules, file, rule(false));
    nested(item, item.data.properties?.defaultSecurityRules, 'defaultSecurityRules', 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules', c.rules, file, rule(true));
  },
  'microsoft.network/networksecuritygroups/securityrules': (res, path, c, file) => {
    const item = topItem(res, validate(ruleSchema, res, file, path), path, true);
    c.rules.add({ ...item, data: { rule: item.data, isDefault: false } });
  },
  'microsoft.network/networksecuritygroups/defaultsecurityrules': (res, path, c, file) => {
    const item = topItem(res, validate(ruleSchema, res, file, path), path, true);
    c.rules.add({ ...item, data: { rule: item.data, isDefault: true } });
  },
  'microsoft.network/applicationsecuritygroups': simple(asgSchema, (c) => c.asgs),
  'microsoft.network/networkinterfaces': simple(nicSchema, (c) => c.nics),
  'microsoft.network/routetables': (res, path, c, file) => {
    const item = topItem(res, validate(routeTableSchema, res, file, path), path, false);
    c.routeTables.add(item);
    nested(item, item.data.properties?.routes, 'routes', 'Microsoft.Network/routeTables/routes', c.routes, file);
  },
  'microsoft.network/routetables/routes': simple(routeSchema, (c) => c.routes, true),
  'microsoft.network/natgateways': simple(natGatewaySchema, (c) => c.natGateways),
  'microsoft.network/publicipaddresses': simple(publicIpSchema, (c) => c.publicIps),
  'microsoft.network/azurefirewalls': simple(azureFirewallSchema, (c) => c.firewalls),
  'microsoft.network/privateendpoints': (res, path, c, file) => {
    const item = topItem(res, validate(privateEndpointSchema, res, file, path), path, false);
    c.privateEndpoints.add(item);
    nested(item, item.data.properties?.privateDnsZoneGroups, 'privateDnsZoneGroups', 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', c.zoneGroups, file);
  },
  'microsoft.network/privateendpoints/privatednszonegroups': simple(zoneGroupSchema, (c) => c.zoneGroups, true),
  'microsoft.network/privatednszones': (res, path, c, file) => {
    const item = topItem(res, validate(zoneSchema, res, file, path), path, false);
    c.zones.add(item);
    nested(item, item.data.properties?.virtualNetworkLinks, 'virtualNetworkLinks', 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', c.links, file);
  },
  'microsoft.network/privatednszones/virtualnetworklinks': simple(linkSchema, (c) => c.links, true),
  'microsoft.network/privatednszones/a': simple(aRecordSchema, (c) => c.aRecords, true),
  'microsoft.machinelearningservices/workspaces': simple(workspaceSchema, (c) => c.workspaces),
  'microsoft.machinelearningservices/workspaces/computes': simple(computeSchema, (c) => c.computes, true),
};
