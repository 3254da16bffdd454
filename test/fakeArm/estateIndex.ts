/** Lookup tables over a FakeEstate so that list routes stay O(page) on estates of 10,000 resources. */
import type { ArmResource } from '../../src/shared/model/snapshotFile';
import { idKey, subscriptionOf, typeKey } from '../../src/shared/model/armId';
import { collectionPathOf, type FakeEstate } from './estate';

/** The estate indexed by id, by collection path and by (subscription, type). */
export interface EstateIndex {
  readonly estate: FakeEstate;
  readonly byId: ReadonlyMap<string, ArmResource>;
  readonly byCollection: ReadonlyMap<string, readonly ArmResource[]>;
  /** `${subscription}|${type}` (both lower case) → resources. */
  readonly bySubscriptionType: ReadonlyMap<string, readonly ArmResource[]>;
}

/** Build the index once per estate. */
export function indexEstate(estate: FakeEstate): EstateIndex {
  const byId = new Map<string, ArmResource>();
  const byCollection = new Map<string, ArmResource[]>();
  const bySubscriptionType = new Map<string, ArmResource[]>();
  const push = (m: Map<string, ArmResource[]>, k: string, r: ArmResource) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const r of estate.resources) {
    byId.set(idKey(r.id), r);
    push(byCollection, collectionPathOf(r.id), r);
    push(bySubscriptionType, `${subscriptionOf(r.id)}|${typeKey(r.type)}`, r);
  }
  return { estate, byId, byCollection, bySubscriptionType };
}
