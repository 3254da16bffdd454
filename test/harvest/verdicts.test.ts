/**
 * The engine's verdicts on a harvested estate equal those on the same estate given as a JSON dump,
 * through both ways in (ARM lists and Resource Graph): the harvester loses nothing the engine reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvest } from '../../src/main/azure/harvest';
import { evaluateEstate } from '../../src/shared/engine/evaluateEstate';
import { buildSnapshot, ingest } from '../../src/shared/ingest';
import { parseServiceTags } from '../../src/shared/servicetags/serviceTagData';
import { makeCert } from '../fakeArm/cert';
import { generateEstate } from '../fakeArm/generator';
import type { FakeArmServer } from '../fakeArm/server';
import { depsFor, dumpOf, requestFor, startServer } from './fixture';

const estate = generateEstate({ subscriptions: 3, vnetsPerSubscription: 3, subnetsPerVnet: 4, workspacesPerSubscription: 2, firewall: true });
const tags = parseServiceTags(estate.serviceTags, 'estate-service-tags.json', 'test');
/** The dump: every resource plus the admin-rules pseudo-resources, as an ARM list. */
const dump = dumpOf(estate);
let server: FakeArmServer;

beforeAll(async () => {
  server = await startServer(estate, await makeCert(), { pageSize: 7, resourceGraphPageSize: 40 });
});
afterAll(() => server.close());

describe('verdicts: harvested estate = JSON dump', () => {
  const expected = evaluateEstate(ingest(JSON.stringify(dump), { fileName: 'dump.json', serviceTags: tags }));

  it('has something to compare (computes with blocked and allowed flows)', () => {
    // 3 subscriptions × 2 workspaces × (2 computes + the workspace's serverless compute)
    expect(expected.computes.length).toBe(3 * 2 * 3);
    expect(expected.summary.blocked).toBeGreaterThan(0);
    expect(expected.summary.allowed).toBeGreaterThan(expected.summary.blocked);
  });

  for (const via of ['arm', 'resource-graph'] as const) {
    it(`via ${via}`, async () => {
      const file = await harvest(requestFor(server, estate.subscriptions.map((s) => s.subscriptionId), via), depsFor(server));
      expect(file.missing).toEqual([]);
      const got = evaluateEstate(buildSnapshot(file, { serviceTags: tags }));
      expect(got).toEqual(expected);
    });
  }
});
