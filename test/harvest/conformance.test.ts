/**
 * Conformance on Microsoft's own example payloads: served by the fake server, read by the real SDK
 * clients (which deserialise them on the way), every payload the harvester reads comes back exactly
 * as published — through ARM and through Resource Graph.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { harvest } from '../../src/main/azure/harvest';
import { ARM_STEP_TYPES } from '../../src/main/azure/armSteps';
import { idKey } from '../../src/shared/model/armId';
import type { ServiceTagsDocument } from '../../src/shared/model/snapshotFile';
import { describeWithShared, readSharedJson } from '../support/sharedReference';
import { makeCert } from '../fakeArm/cert';
import { collectionPathOf } from '../fakeArm/estate';
import { EXAMPLE_FILES, SERVICE_TAGS_FILE, exampleEstate } from '../fakeArm/examples';
import type { FakeArmServer } from '../fakeArm/server';
import { depsFor, requestFor, startServer } from './fixture';

describeWithShared('harvest conformance on the published ARM examples', [...EXAMPLE_FILES, SERVICE_TAGS_FILE], () => {
  const estate = exampleEstate((f) => readSharedJson(f));
  const subs = estate.subscriptions.map((s) => s.subscriptionId);
  const read = new Set(ARM_STEP_TYPES.map((t) => t.toLowerCase()));
  const ids = new Set(estate.resources.map((r) => idKey(r.id)));
  // Children are read per parent, so only those whose parent is in the estate can come back.
  const reachable = estate.resources.filter((r) => read.has(r.type.toLowerCase()) && (r.type.split('/').length === 2 || ids.has(collectionPathOf(collectionPathOf(r.id)))));
  let server: FakeArmServer;

  beforeAll(async () => {
    server = await startServer(estate, await makeCert(), { pageSize: 2 });
  });
  afterAll(() => server.close());

  it('serves enough to be meaningful', () => {
    const types = new Set(reachable.map((r) => r.type));
    expect(types.size).toBeGreaterThanOrEqual(14);
    expect(reachable.length).toBeGreaterThanOrEqual(30);
  });

  it('brings every example back unchanged through ARM', async () => {
    const file = await harvest(requestFor(server, subs), depsFor(server));
    const got = new Map(file.resources.map((r) => [idKey(r.id), r]));
    for (const r of reachable) expect(got.get(idKey(r.id)), r.id).toEqual(r);
    expect(file.missing).toEqual([]);
    expect(file.warnings).toEqual([]);
    const doc = estate.serviceTags as ServiceTagsDocument;
    expect(file.serviceTags?.values).toEqual(doc.values);
    expect(file.serviceTags?.changeNumber).toBe(doc.changeNumber);
  });

  it('and through Resource Graph (rows: lower-case types, same properties)', async () => {
    const file = await harvest(requestFor(server, subs, 'resource-graph'), depsFor(server));
    const got = new Map(file.resources.map((r) => [idKey(r.id), r]));
    for (const r of reachable) {
      const row = got.get(idKey(r.id));
      expect(row?.properties, r.id).toEqual(r.properties);
      expect(row?.type.toLowerCase()).toBe(r.type.toLowerCase());
    }
    expect(file.missing).toEqual([]);
  });
});
