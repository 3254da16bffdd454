/**
 * What real tenants do, injected per route into the fake server, with the real SDK clients: 429s,
 * 5xx, a subscription or a type we may not read, a malformed page, a page that never ends, a low
 * read budget, cancellation. The harvest finishes (or stops cleanly) and says what happened.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { harvest } from '../../src/main/azure/harvest';
import { HarvestError } from '../../src/main/azure/harvestError';
import { staticTokenCredential } from '../../src/main/azure/staticTokenCredential';
import { idKey, subscriptionOf } from '../../src/shared/model/armId';
import type { SnapshotFile } from '../../src/shared/model/snapshotFile';
import { makeCert } from '../fakeArm/cert';
import { generateEstate } from '../fakeArm/generator';
import type { FakeArmServer } from '../fakeArm/server';
import { depsFor, requestFor, startServer } from './fixture';

const estate = generateEstate({ subscriptions: 3, vnetsPerSubscription: 2, subnetsPerVnet: 3 });
const subs = estate.subscriptions.map((s) => s.subscriptionId);
const [sub0 = '', sub1 = '', sub2 = ''] = subs;
let server: FakeArmServer;

beforeAll(async () => {
  server = await startServer(estate, await makeCert());
});
afterAll(() => server.close());
beforeEach(() => server.faults.set([]));

const codes = (f: SnapshotFile) => f.warnings.map((w) => w.code);
const ofType = (f: SnapshotFile, type: string, sub?: string) =>
  f.resources.filter((r) => r.type.toLowerCase() === type.toLowerCase() && (!sub || subscriptionOf(r.id) === sub));
const expected = (type: string, sub?: string) =>
  estate.resources.filter((r) => r.type === type && (!sub || subscriptionOf(r.id) === sub)).map((r) => idKey(r.id)).sort();
const ids = (list: readonly { id: string }[]) => list.map((r) => idKey(r.id)).sort();

describe('harvest under faults', () => {
  it('honours 429 Retry-After and says it was throttled', async () => {
    server.faults.set([{ kind: 'throttle', url: '/providers/Microsoft.Network/virtualNetworks?', subscriptionId: sub0, times: 1, retryAfterSeconds: 1 }]);
    const t0 = Date.now();
    const file = await harvest(requestFor(server, subs), depsFor(server));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(ids(ofType(file, 'Microsoft.Network/virtualNetworks'))).toEqual(expected('Microsoft.Network/virtualNetworks'));
    expect(file.warnings.find((w) => w.code === 'throttled')?.message).toContain(sub0);
    expect(file.missing).toEqual([]);
  });

  it('retries 5xx and records a type that keeps failing as missing', async () => {
    server.faults.set([
      { kind: 'serverError', url: '/networkSecurityGroups', subscriptionId: sub0, times: 2 },
      { kind: 'serverError', url: '/routeTables', subscriptionId: sub1 },
    ]);
    const file = await harvest(requestFor(server, subs), depsFor(server));
    expect(ids(ofType(file, 'Microsoft.Network/networkSecurityGroups', sub0))).toEqual(expected('Microsoft.Network/networkSecurityGroups', sub0));
    expect(codes(file)).toContain('retried');
    expect(file.missing).toEqual([{ kind: 'resourceType', subscriptionId: sub1, resourceType: 'Microsoft.Network/routeTables', reason: expect.stringContaining('500') }]);
    expect(ofType(file, 'Microsoft.Network/routeTables', sub1)).toEqual([]);
    expect(ids(ofType(file, 'Microsoft.Network/routeTables', sub2))).toEqual(expected('Microsoft.Network/routeTables', sub2));
  });

  it('records a 403 subscription and a 403 type as missing and carries on', async () => {
    server.faults.set([
      { kind: 'forbidden', subscriptionId: sub1 },
      { kind: 'forbidden', url: '/providers/Microsoft.Network/privateEndpoints', subscriptionId: sub2 },
    ]);
    const file = await harvest(requestFor(server, subs), depsFor(server));
    expect(file.missing).toContainEqual({ kind: 'subscription', subscriptionId: sub1, reason: expect.stringMatching(/^403 AuthorizationFailed/) });
    expect(file.missing).toContainEqual({ kind: 'resourceType', subscriptionId: sub2, resourceType: 'Microsoft.Network/privateEndpoints', reason: expect.stringMatching(/^403/) });
    expect(file.missing).toHaveLength(2);
    expect(file.resources.some((r) => subscriptionOf(r.id) === sub1)).toBe(false);
    expect(ids(ofType(file, 'Microsoft.Network/virtualNetworks', sub2))).toEqual(expected('Microsoft.Network/virtualNetworks', sub2));
    expect(codes(file)).toEqual(expect.arrayContaining(['subscriptionUnreadable', 'forbidden']));
    expect(file.provenance.subscriptions).toEqual(subs);
  });

  it('turns a malformed page into a warning and a missing type, not a crash', async () => {
    server.faults.set([{ kind: 'malformed', url: /networkSecurityGroups\?.*skipToken=3/i, subscriptionId: sub0 }]);
    const file = await harvest(requestFor(server, subs), depsFor(server));
    expect(codes(file)).toContain('malformedPage');
    expect(file.missing).toEqual([{ kind: 'resourceType', subscriptionId: sub0, resourceType: 'Microsoft.Network/networkSecurityGroups', reason: expect.stringContaining('malformed page') }]);
    // the first page was good and is kept; the other subscriptions are whole
    expect(ofType(file, 'Microsoft.Network/networkSecurityGroups', sub0)).toHaveLength(3);
    expect(ids(ofType(file, 'Microsoft.Network/networkSecurityGroups', sub1))).toEqual(expected('Microsoft.Network/networkSecurityGroups', sub1));
  });

  it('cuts a list whose nextLink never ends after the page cap, with a warning', async () => {
    server.faults.set([{ kind: 'endlessPaging', url: '/networkInterfaces', subscriptionId: sub0 }]);
    const file = await harvest(requestFor(server, subs), depsFor(server, { maxPages: 6 }));
    const w = file.warnings.find((x) => x.code === 'pagingCut');
    expect(w?.message).toContain('Microsoft.Network/networkInterfaces');
    expect(w?.message).toContain(sub0);
    expect(server.requests.filter((r) => r.path.includes(`${sub0}/providers/Microsoft.Network/networkInterfaces`)).length).toBeLessThanOrEqual(6 * 2);
    expect(ids(ofType(file, 'Microsoft.Network/networkInterfaces', sub0))).toEqual(expected('Microsoft.Network/networkInterfaces', sub0));
  });

  it('slows a subscription down when its read budget runs low', async () => {
    server.faults.set([{ kind: 'lowRateLimit', remaining: 5, subscriptionId: sub2, times: 1, url: '/virtualNetworks?' }]);
    const file = await harvest(requestFor(server, [sub2]), depsFor(server, { rateLimit: { lowWater: 50, slowDownMs: 300 } }));
    expect(file.warnings.find((w) => w.code === 'rateLimitLow')?.message).toContain('5 reads left');
  });

  it('keeps requests in flight within the overall and per-subscription bounds', async () => {
    server.peak.overall = 0;
    server.peak.perSubscription.clear();
    server.faults.set([{ kind: 'latency', ms: 15 }]);
    await harvest(requestFor(server, subs), depsFor(server, { concurrency: { overall: 5, perSubscription: 2 } }));
    expect(server.peak.overall).toBeLessThanOrEqual(5);
    expect(server.peak.overall).toBeGreaterThanOrEqual(4);
    expect(Math.max(...server.peak.perSubscription.values())).toBe(2);
  });

  it('stops on cancel with a cancelled error', async () => {
    server.faults.set([{ kind: 'latency', ms: 50 }]);
    const ac = new AbortController();
    const run = harvest(requestFor(server, subs), depsFor(server, { signal: ac.signal, onProgress: (p) => p.state === 'done' && ac.abort() }));
    await expect(run).rejects.toMatchObject({ name: 'HarvestError', kind: 'cancelled' });
  });

  it('fails with noSubscription when nothing is readable, and never leaks the token', async () => {
    server.faults.set([{ kind: 'forbidden', url: '/subscriptions/' }]);
    const err = await harvest(requestFor(server, subs), depsFor(server)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HarvestError);
    expect((err as HarvestError).kind).toBe('noSubscription');
    expect((err as HarvestError).message).not.toContain(server.token);
    const wrong = await harvest(requestFor(server, subs), { ...depsFor(server), credential: staticTokenCredential('not-the-token') }).catch((e: unknown) => e);
    expect((wrong as HarvestError).message).toContain('401');
    expect((wrong as HarvestError).message).not.toContain('not-the-token');
  });

  it('never writes the token into the snapshot', async () => {
    server.faults.set([{ kind: 'forbidden', subscriptionId: sub1 }, { kind: 'serverError', url: '/ipGroups' }]);
    const from = server.requests.length;
    const file = await harvest(requestFor(server, subs), depsFor(server));
    expect(JSON.stringify(file)).not.toContain(server.token);
    expect(server.requests.slice(from).every((r) => r.authorization === `Bearer ${server.token}`)).toBe(true);
  });
});
