/** NSGs and route tables with their child rules/routes (nested or separate, already deduplicated). */
import type { NetworkSecurityGroup, NextHopType, Route, RouteTable, SecurityRule } from '../../model';
import type { Item } from '../collector';
import type { NsgIn } from '../schemas/nsg';
import type { RouteIn, RouteTableIn } from '../schemas/routeTable';
import { refIds } from '../schemas/common';
import { IngestError } from '../ingestError';
import { base, canonical, type Draft } from './base';
import { defaultSecurityRules } from '../../model/defaultSecurityRules';

/** An NSG from its item and its rules; default rules are synthesized when the input had none. */
export function toNsg(item: Item<NsgIn>, rules: readonly SecurityRule[]): Draft<NetworkSecurityGroup> {
  const p = item.data.properties;
  const custom = rules.filter((r) => !r.isDefault);
  const defaults = rules.filter((r) => r.isDefault);
  return {
    ...base(item),
    securityRules: custom,
    defaultSecurityRules: defaults.length > 0 ? defaults : defaultSecurityRules(item.id),
    subnetIds: refIds(p?.subnets),
    nicIds: refIds(p?.networkInterfaces),
  };
}

const NEXT_HOPS: Record<string, NextHopType> = {
  virtualnetworkgateway: 'VirtualNetworkGateway',
  vnetlocal: 'VnetLocal',
  internet: 'Internet',
  virtualappliance: 'VirtualAppliance',
  none: 'None',
};

/** One route. */
export function toRoute(item: Item<RouteIn>, file: string): Route {
  const p = item.data.properties;
  if (!p) throw new IngestError(file, `${item.path}.properties`, 'missing (a route needs addressPrefix and nextHopType)');
  return {
    id: item.id,
    name: item.name,
    addressPrefix: p.addressPrefix.trim(),
    nextHopType: canonical(p.nextHopType, NEXT_HOPS, file, `${item.path}.properties.nextHopType`),
    ...(p.nextHopIpAddress ? { nextHopIpAddress: p.nextHopIpAddress } : {}),
  };
}

/** A route table from its item and its routes. */
export function toRouteTable(item: Item<RouteTableIn>, routes: readonly Route[]): Draft<RouteTable> {
  const p = item.data.properties;
  return {
    ...base(item),
    routes: [...routes],
    disableBgpRoutePropagation: p?.disableBgpRoutePropagation ?? false,
    subnetIds: refIds(p?.subnets),
  };
}
