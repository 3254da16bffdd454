/**
 * The ARM path with the real SDK clients against the fake server: a multi-subscription estate comes
 * back complete, in ARM's own JSON shape, with provenance, service tags and admin rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvest } from '../../src/main/azure/harvest';
import { idKey } from '../../src/shared/model/armId';
import type { HarvestProgress } from '../../src/shared/harvest/types';
import { makeCert } from '../fakeArm/cert';
import { generateEstate } from '../fakeArm/generator';
import type { FakeArmServer } from '../fakeArm/server';
import { depsFor, requestFor, startServer } from './fixture';

const estate = generateEstate({ subscriptions: 3, vnetsPerSubscription: 2, subnetsPerVnet: 3, workspacesPerSubscription: 2, firewall: true });
let server: FakeArmServer;

beforeAll(async () => {
  server = await startServer(estate, await makeCert());
});
afterAll(() => server.close());

describe('harvest via ARM', () => {
  it('reads every resource of every subscription exactly as ARM serves it', async () => {
    const progress: HarvestProgress[] = [];
    const file = await harvest(requestFor(server, estate.subscriptions.map((s) => s.subscriptionId)), depsFor(server, { onProgress: (p) => progress.push(p) }));
    const got = new Map(file.resources.map((r) => [idKey(r.id), r]));
    for (const r of estate.resources) expect(got.get(idKey(r.id)), r.id).toEqual(r);
    const pseudo = file.resources.filter((r) => r.type === 'VNetLens.Harvest/effectiveSecurityAdminRules');
    const vnets = estate.resources.filter((r) => r.type === 'Microsoft.Network/virtualNetworks');
    expect(pseudo).toHaveLength(vnets.length);
    expect(file.resources).toHaveLength(estate.resources.length + vnets.length);
    const hub = vnets.find((v) => v.name?.startsWith('vnet-hub-0'));
    const hubRules = pseudo.find((p) => p.properties?.vnetId === hub?.id);
    // three rules served two per page: the skipToken was followed
    expect(hubRules?.properties?.value).toEqual(estate.adminRules[idKey(hub?.id ?? '')]);
    expect(file.missing).toEqual([]);
    expect(file.warnings).toEqual([]);
    expect(progress.at(-1)?.completedSteps).toBe(progress.at(-1)?.totalSteps);
  });

  it('keeps the newer workspace body (serverless settings) and records provenance', async () => {
    const file = await harvest(requestFor(server, [estate.subscriptions[0]?.subscriptionId ?? '']), depsFor(server));
    const ws = file.resources.find((r) => r.type === 'Microsoft.MachineLearningServices/workspaces');
    expect(ws?.properties?.serverlessComputeSettings).toBeDefined();
    expect(ws?.properties?.managedNetwork).toEqual({ isolationMode: 'Disabled' });
    expect(file.provenance).toMatchObject({
      source: 'harvest',
      tenantId: estate.tenantId,
      subscriptions: [estate.subscriptions[0]?.subscriptionId],
      tool: 'vnetlens 0.1.0',
    });
    expect(file.provenance.apiVersions).toMatchObject({
      'Microsoft.Network/virtualNetworks': '2026-01-01',
      'Microsoft.Network/privateDnsZones': '2024-06-01',
      'Microsoft.MachineLearningServices/workspaces': '2025-12-01',
      'Microsoft.MachineLearningServices/workspaces/computes': '2022-10-01',
    });
    expect(file.serviceTags?.values.map((v) => v.name)).toContain('AzureMachineLearning');
    expect(new Set(file.serviceTags?.values.map((v) => v.name)).size).toBe(file.serviceTags?.values.length);
  });
});
