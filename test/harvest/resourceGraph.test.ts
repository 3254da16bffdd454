/**
 * The Resource Graph path: one paged query over all subscriptions, the quota headers respected (no
 * 429 from the quota), rows kept as Resource Graph returns them, and ARM used only for what the
 * Resources table lacks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvest } from '../../src/main/azure/harvest';
import { GRAPH_QUERY, parseResetsAfter } from '../../src/main/azure/resourceGraph';
import { idKey } from '../../src/shared/model/armId';
import { makeCert } from '../fakeArm/cert';
import { generateEstate } from '../fakeArm/generator';
import { queriedTypes } from '../fakeArm/resourceGraph';
import type { FakeArmServer } from '../fakeArm/server';
import { depsFor, requestFor, startServer } from './fixture';

const estate = generateEstate({ subscriptions: 4, vnetsPerSubscription: 2, subnetsPerVnet: 3 });
const subs = estate.subscriptions.map((s) => s.subscriptionId);
let server: FakeArmServer;

beforeAll(async () => {
  // 25 rows a page and 3 queries per 1.5 s: the harvester has to wait for the quota to reset.
  server = await startServer(estate, await makeCert(), { resourceGraphPageSize: 25, resourceGraphQuota: { perWindow: 3, windowMs: 1500 } });
});
afterAll(() => server.close());

describe('harvest via Resource Graph', () => {
  it('pages one query with skip tokens, waits for the quota, and completes with ARM', async () => {
    const from = server.requests.length;
    const file = await harvest(requestFor(server, subs, 'resource-graph'), depsFor(server));
    const served = server.requests.slice(from);
    const graph = served.filter((r) => /resourcegraph/i.test(r.path));
    const graphTypes = queriedTypes(GRAPH_QUERY) ?? new Set<string>();
    const inGraph = estate.resources.filter((r) => graphTypes.has(r.type.toLowerCase()));
    expect(graph.length).toBe(Math.ceil(inGraph.length / 25));
    expect(graph.every((r) => r.status === 200)).toBe(true);
    expect(file.warnings.map((w) => w.code)).toContain('resourceGraphQuota');
    // no ARM list call for a type the query covered
    expect(served.some((r) => /\/providers\/Microsoft\.Network\/(virtualNetworks|networkSecurityGroups)\?/i.test(r.path))).toBe(false);
    expect(served.some((r) => /\/virtualNetworkLinks\?/i.test(r.path))).toBe(false);
    // ARM for what Resource Graph lacks
    expect(served.some((r) => /\/privateDnsZones\/[^/]+\/A\?/i.test(r.path))).toBe(true);
    expect(served.some((r) => /\/computes\?/i.test(r.path))).toBe(true);
    const got = new Map(file.resources.map((r) => [idKey(r.id), r]));
    for (const r of estate.resources) {
      const row = got.get(idKey(r.id));
      expect(row, r.id).toBeDefined();
      if (graphTypes.has(r.type.toLowerCase()) && r.type !== 'Microsoft.MachineLearningServices/workspaces') {
        expect(row?.type).toBe(r.type.toLowerCase());
        expect(row?.properties).toEqual(r.properties);
      } else {
        expect(row).toEqual(r);
      }
    }
    expect(file.provenance.apiVersions?.['Microsoft.ResourceGraph/resources']).toBe('2024-04-01');
    expect(file.missing).toEqual([]);
  });

  it('reads the quota reset time', () => {
    expect(parseResetsAfter('00:00:05')).toBe(5000);
    expect(parseResetsAfter('01:02:03')).toBe(3723000);
    expect(parseResetsAfter(undefined)).toBe(1000);
  });
});
