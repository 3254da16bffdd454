/**
 * Issue 6 through the harvester: a firewall policy with a base policy, their rule collection groups,
 * an IP group and a spoke's effective admin rules come back from the fake ARM server through the real
 * SDK clients, ingest links the child policy to its base, and the engine's verdicts equal those on the
 * same estate given as a JSON dump, with flows decided by the base policy and by an admin rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvest } from '../../src/main/azure/harvest';
import { evaluateEstate } from '../../src/shared/engine/evaluateEstate';
import type { EstateVerdict, FlowVerdict } from '../../src/shared/engine/verdict';
import { buildSnapshot, ingest } from '../../src/shared/ingest';
import { idKey } from '../../src/shared/model/armId';
import type { Snapshot } from '../../src/shared/model/snapshot';
import type { SnapshotFile } from '../../src/shared/model/snapshotFile';
import { parseServiceTags } from '../../src/shared/servicetags/serviceTagData';
import { makeCert } from '../fakeArm/cert';
import { firewallChainEstate } from '../fakeArm/firewallChainEstate';
import type { FakeArmServer } from '../fakeArm/server';
import { depsFor, dumpOf, requestFor, startServer } from './fixture';

const { estate, ids } = firewallChainEstate();
const tags = parseServiceTags(estate.serviceTags, 'estate-service-tags.json', 'test');
/** The dump: every resource plus the admin-rules pseudo-resources, as an ARM list. */
const dump = dumpOf(estate);
const expected = evaluateEstate(ingest(JSON.stringify(dump), { fileName: 'dump.json', serviceTags: tags }));

let server: FakeArmServer;
let file: SnapshotFile;
let snap: Snapshot;
let got: EstateVerdict;

beforeAll(async () => {
  server = await startServer(estate, await makeCert(), { pageSize: 2 });
  file = await harvest(requestFor(server, [ids.subscriptionId]), depsFor(server));
  snap = buildSnapshot(file, { serviceTags: tags });
  got = evaluateEstate(snap);
});
afterAll(() => server.close());

const flowsOf = (v: EstateVerdict): readonly FlowVerdict[] => v.computes.find((c) => idKey(c.id) === idKey(ids.computeId))?.flows ?? [];

describe('harvest of a firewall policy chain and an admin configuration', () => {
  it('the snapshot file holds both policies, their groups, the IP group and the admin-rule pseudo-resource', () => {
    expect(file.missing).toEqual([]);
    const byKey = new Map(file.resources.map((r) => [idKey(r.id), r]));
    for (const id of [ids.basePolicyId, ids.childPolicyId, ids.baseGroupId, ids.childGroupId, ids.ipGroupId, ids.firewallId]) {
      expect(byKey.has(idKey(id)), id).toBe(true);
    }
    expect(byKey.get(idKey(ids.childPolicyId))?.properties).toMatchObject({ basePolicy: { id: ids.basePolicyId } });
    const admin = byKey.get(idKey(`${ids.spokeVnetId}/effectiveSecurityAdminRules`));
    expect(admin?.type).toBe('VNetLens.Harvest/effectiveSecurityAdminRules');
    // both rules, although the fake server pages them two at a time behind a skipToken
    expect((admin?.properties as { value?: { id: string }[] } | undefined)?.value?.map((r) => r.id)).toEqual([ids.adminDenyRuleId, ids.adminAlwaysAllowRuleId]);
  });

  it('ingest links the child policy to its base and keeps each group and the admin configuration', () => {
    expect(snap.firewallPolicies.get(idKey(ids.childPolicyId))?.basePolicyId?.toLowerCase()).toBe(idKey(ids.basePolicyId));
    expect(snap.firewallPolicies.get(idKey(ids.basePolicyId))?.basePolicyId).toBeUndefined();
    expect(snap.firewalls.get(idKey(ids.firewallId))?.firewallPolicyId?.toLowerCase()).toBe(idKey(ids.childPolicyId));
    expect(snap.ruleCollectionGroups.get(idKey(ids.baseGroupId))?.policyId.toLowerCase()).toBe(idKey(ids.basePolicyId));
    expect(snap.ruleCollectionGroups.get(idKey(ids.childGroupId))?.policyId.toLowerCase()).toBe(idKey(ids.childPolicyId));
    expect(snap.ipGroups.get(idKey(ids.ipGroupId))?.ipAddresses).toEqual(['10.40.16.0/24']);
    const rules = snap.adminRules.get(idKey(ids.spokeVnetId))?.rules ?? [];
    expect(rules.map((r) => [r.name, r.access, r.configurationId])).toEqual([
      ['deny-udp-5831', 'Deny', ids.adminConfigurationId],
      ['always-allow-arm', 'AlwaysAllow', ids.adminConfigurationId],
    ]);
  });

  it('gives the same verdicts as the JSON dump', () => {
    expect(flowsOf(expected).length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });

  it('a flow is allowed by the BASE policy through the IP group rule', () => {
    const byBase = flowsOf(got).filter((f) => f.decidedBy.layer === 'firewall' && idKey(f.decidedBy.policyId ?? '') === idKey(ids.basePolicyId));
    expect(byBase.length).toBeGreaterThan(0);
    const aml = byBase.find((f) => f.requirement === 'O1' && f.port === 443);
    expect(aml).toMatchObject({ status: 'allowed', decidedBy: { name: 'aml-from-spokes', ruleCollectionGroup: 'platform', ruleCollection: 'platform-net' } });
    // and the child policy decides others, so the chain is really walked
    expect(flowsOf(got).some((f) => idKey(f.decidedBy.policyId ?? '') === idKey(ids.childPolicyId) && f.status === 'allowed')).toBe(true);
  });

  it('UDP 5831 is blocked by the admin Deny rule before the firewall is asked', () => {
    const udp = flowsOf(got).filter((f) => f.protocol === 'Udp' && f.port === 5831);
    expect(udp.length).toBeGreaterThan(0);
    for (const f of udp) {
      expect(f).toMatchObject({ status: 'blocked', decidedBy: { layer: 'adminRule', resourceId: ids.adminDenyRuleId, name: 'deny-udp-5831' } });
      expect(f.trace.some((s) => s.layer === 'firewall')).toBe(false);
    }
  });

  it('the AlwaysAllow rule lets ARM traffic past the NSGs, but the firewall still decides it', () => {
    const arm = flowsOf(got).find((f) => f.requirement === 'O5');
    expect(arm?.trace.some((s) => s.layer === 'adminRule' && s.resourceId === ids.adminAlwaysAllowRuleId)).toBe(true);
    expect(arm?.decidedBy.layer).toBe('firewall');
  });
});
