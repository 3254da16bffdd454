/**
 * What the fake ARM server serves: subscriptions, every resource (top-level and child resources such
 * as computes, DNS links and records, rule collection groups, DNS zone groups) as raw ARM JSON, the
 * effective security admin rules per VNet and a Service Tag Discovery API answer.
 */
import type { ArmResource, ServiceTagsDocument } from '../../src/shared/model/snapshotFile';

/** One subscription as `GET /subscriptions` lists it. */
export interface FakeSubscription {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly tenantId: string;
  readonly state?: string;
}

/** The whole estate behind the fake server. */
export interface FakeEstate {
  readonly tenantId: string;
  readonly subscriptions: readonly FakeSubscription[];
  /** Every resource, children included; a list route serves those whose collection path matches. */
  readonly resources: readonly ArmResource[];
  /** VNet id (lower case) → `value[]` of listNetworkManagerEffectiveSecurityAdminRules. */
  readonly adminRules: Readonly<Record<string, readonly unknown[]>>;
  readonly serviceTags: ServiceTagsDocument;
}

/** The collection path a resource is listed under: its id without the last segment, lower case. */
export function collectionPathOf(id: string): string {
  const parts = id.replace(/\/+$/, '').split('/');
  return parts.slice(0, -1).join('/').toLowerCase();
}
