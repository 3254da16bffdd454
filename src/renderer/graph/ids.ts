/** Node ids of the graph: resources use idKey(armId); lanes and external peers get prefixed ids. */
import { idKey } from '../../shared/model/armId';

/** The node id of an ARM resource. */
export function resourceNodeId(armId: string): string {
  return idKey(armId);
}

/** The lane of a subscription and region (`global` for region-less resources). */
export function laneId(subscriptionId: string, region: string): string {
  return `lane|${subscriptionId.toLowerCase()}|${(region || 'global').toLowerCase()}`;
}

/** Parse a lane id back. */
export function laneParts(id: string): { subscriptionId: string; region: string } {
  const [, subscriptionId = '', region = ''] = id.split('|');
  return { subscriptionId, region };
}

/** An external peer: a service tag, an FQDN group, or a resource outside the snapshot. */
export function externalId(kind: 'tag' | 'fqdn' | 'res' | 'peer', key: string): string {
  return `ext|${kind}|${key.toLowerCase()}`;
}

/** Make an id safe for a data-testid / CSS attribute selector. */
export function testIdOf(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
}
