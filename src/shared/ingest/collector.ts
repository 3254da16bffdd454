/**
 * Gathers every resource and child resource by kind before normalizing, so that a child given both
 * nested in its parent and as a separate resource is read once.
 *
 * Dedup rule (documented choice): a child given as a separate resource replaces the nested copy
 * with the same id, whole (no field merge). The separate resource is a GET of the child itself and
 * usually the fresher one, and a whole-record rule is predictable. The replaced entry keeps the
 * nested entry's position so rule and route order stay as listed.
 */
import type { FirewallPolicy, FirewallRuleCollectionGroup, IpGroup, VnetAdminRules } from '../model';
import type { IngestWarning } from '../model';
import type { SubnetIn, PeeringIn, VnetIn } from './schemas/vnet';
import type { NsgIn, RuleIn } from './schemas/nsg';
import type { RouteIn, RouteTableIn } from './schemas/routeTable';
import type { NicIn } from './schemas/nic';
import type { AzureFirewallIn } from './schemas/azureFirewall';
import type { PrivateEndpointIn, ZoneGroupIn } from './schemas/privateEndpoint';
import type { ARecordIn, LinkIn } from './schemas/dns';
import type { ComputeIn, WorkspaceIn } from './schemas/ml';
import type { z } from 'zod';
import type { asgSchema, natGatewaySchema, publicIpSchema } from './schemas/nic';
import type { zoneSchema } from './schemas/dns';

/** One resource or child as read, with where it came from. */
export interface Item<T> {
  /** ARM id (original spelling; synthesized from parent id + name for nested children without one). */
  readonly id: string;
  readonly name: string;
  /** Parent resource id for children, '' for top-level resources. */
  readonly parentId: string;
  /** keyOf(id) and keyOf(parentId), computed once. */
  readonly key: string;
  readonly parentKey: string;
  /** Region of the top-level resource ('' for children). */
  readonly location: string;
  /** ARM type as written (or inferred). */
  readonly type: string;
  readonly data: T;
  /** JSON path in the input. */
  readonly path: string;
  /** Given as a separate resource (true) or nested in its parent (false). */
  readonly separate: boolean;
}

/** Items of one kind keyed by idKey, applying the nested/separate dedup rule. */
export class Bucket<T> {
  readonly items = new Map<string, Item<T>>();

  add(item: Item<T>): void {
    const existing = this.items.get(item.key);
    if (!existing || (item.separate && !existing.separate)) this.items.set(item.key, item);
  }

  /** Items in input order. */
  values(): IterableIterator<Item<T>> {
    return this.items.values();
  }
}

/** A security rule item also says whether it is one of Azure's default rules. */
export interface RuleData { readonly rule: RuleIn; readonly isDefault: boolean }

/** Every bucket ingest fills, by kind. */
export class Collector {
  readonly vnets = new Bucket<VnetIn>();
  readonly subnets = new Bucket<SubnetIn>();
  readonly peerings = new Bucket<PeeringIn>();
  readonly nsgs = new Bucket<NsgIn>();
  readonly rules = new Bucket<RuleData>();
  readonly asgs = new Bucket<z.output<typeof asgSchema>>();
  readonly nics = new Bucket<NicIn>();
  readonly routeTables = new Bucket<RouteTableIn>();
  readonly routes = new Bucket<RouteIn>();
  readonly natGateways = new Bucket<z.output<typeof natGatewaySchema>>();
  readonly publicIps = new Bucket<z.output<typeof publicIpSchema>>();
  readonly firewalls = new Bucket<AzureFirewallIn>();
  readonly privateEndpoints = new Bucket<PrivateEndpointIn>();
  readonly zoneGroups = new Bucket<ZoneGroupIn>();
  readonly zones = new Bucket<z.output<typeof zoneSchema>>();
  readonly links = new Bucket<LinkIn>();
  readonly aRecords = new Bucket<ARecordIn>();
  readonly workspaces = new Bucket<WorkspaceIn>();
  readonly computes = new Bucket<ComputeIn>();

  // Records the firewall normalizer (./firewall.ts) already built.
  readonly firewallPolicies = new Map<string, FirewallPolicy>();
  readonly ruleCollectionGroups = new Map<string, FirewallRuleCollectionGroup>();
  readonly ipGroups = new Map<string, IpGroup>();
  readonly adminRules = new Map<string, VnetAdminRules>();

  readonly unknownTypes: Record<string, number> = {};
  readonly warnings: IngestWarning[] = [];

  warn(w: IngestWarning): void {
    this.warnings.push(w);
  }
}
