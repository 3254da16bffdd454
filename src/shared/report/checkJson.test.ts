import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DecidedBy, EstateVerdict, Layer } from '../engine/verdict';
import { toCheckJson } from './checkJson';
import { FIXTURE_IDS, FIXTURE_VERDICT } from './verdictFixture';

// The contract of issue 2 §5, key order included.
const TOP = ['schemaVersion', 'computes', 'assumptions', 'summary'];
const COMPUTE = ['id', 'name', 'kind', 'publicIp', 'subnetId', 'flows', 'checks'];
const FLOW = ['requirement', 'direction', 'protocol', 'port', 'peer', 'required', 'status', 'decidedBy', 'explanation'];
const CHECK = ['id', 'status', 'message'];
const SUMMARY = ['allowed', 'blocked', 'unknown', 'failedChecks'];
const DECIDED = ['layer', 'resourceId', 'name', 'priority', 'policyId', 'ruleCollectionGroup', 'ruleCollectionGroupPriority', 'ruleCollection', 'ruleCollectionPriority'];

describe('toCheckJson', () => {
  const json = toCheckJson(FIXTURE_VERDICT);

  it('has exactly the contract keys, in the contract order, at every level', () => {
    expect(Object.keys(json)).toEqual(TOP);
    expect(Object.keys(json.summary)).toEqual(SUMMARY);
    for (const a of json.assumptions) expect(Object.keys(a)).toEqual(['id', 'value']);
    for (const c of json.computes) {
      expect(Object.keys(c)).toEqual(COMPUTE);
      for (const f of c.flows) expect(Object.keys(f)).toEqual(FLOW);
      for (const k of c.checks) expect(Object.keys(k)).toEqual(CHECK);
    }
  });

  it('drops what the engine knows beyond the contract (traces, workspace, region, fault ids, descriptions)', () => {
    const text = JSON.stringify(json);
    expect(text).not.toContain('"trace"');
    expect(text).not.toContain('"workspaceId"');
    expect(text).not.toContain('"region"');
    expect(text).not.toContain('"peerResourceId"');
    expect(text).not.toContain('"description"');
    // The check's resourceId (the zone at fault) is not part of the check contract.
    expect(json.computes[0]?.checks.find((k) => k.id.startsWith('dns-zone-linked'))).toEqual({
      id: 'dns-zone-linked:privatelink.vaultcore.azure.net',
      status: 'fail',
      message: 'privatelink.vaultcore.azure.net is not linked to vnet-compute-northeurope.',
    });
  });

  it('keeps the values: the red NSG flow, the firewall flow with its policy fields, the unknown flow', () => {
    const flows = json.computes[0]?.flows ?? [];
    expect(flows.find((f) => f.protocol === 'Udp')).toEqual({
      requirement: 'O1', direction: 'Outbound', protocol: 'Udp', port: 5831, peer: 'AzureMachineLearning', required: true,
      status: 'blocked',
      decidedBy: { layer: 'nsg', resourceId: FIXTURE_IDS.denyInternet, name: 'Deny-Internet-Out', priority: 4000 },
      explanation: FIXTURE_VERDICT.computes[0]?.flows[1]?.explanation,
    });
    const fw = flows.find((f) => f.requirement === 'F3');
    expect(Object.keys(fw?.decidedBy ?? {})).toEqual(['layer', 'resourceId', 'name', 'policyId', 'ruleCollectionGroup', 'ruleCollectionGroupPriority', 'ruleCollection', 'ruleCollectionPriority']);
    expect(fw?.decidedBy.ruleCollectionGroupPriority).toBe(300);
    // A decision with only a layer (DNS) carries only the layer: no nulls invented.
    expect(flows.find((f) => f.requirement === 'O12')?.decidedBy).toEqual({ layer: 'dns' });
  });

  it('copies the summary and the assumption values, and survives a JSON round trip unchanged', () => {
    expect(json.summary).toEqual({ allowed: 2, blocked: 3, unknown: 1, failedChecks: 1 });
    expect(json.assumptions.map((a) => a.id)).toEqual(FIXTURE_VERDICT.assumptions.map((a) => a.id));
    expect(json.assumptions.find((a) => a.id === 'peeringAccess')?.value).toBe('bothSides');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('an empty estate is still a complete document', () => {
    const empty: EstateVerdict = { schemaVersion: 1, computes: [], assumptions: [], summary: { allowed: 0, blocked: 0, unknown: 0, failedChecks: 0 } };
    expect(toCheckJson(empty)).toEqual({ schemaVersion: 1, computes: [], assumptions: [], summary: { allowed: 0, blocked: 0, unknown: 0, failedChecks: 0 } });
  });

  it('decidedBy keeps exactly the fields that are set, in contract order (property)', () => {
    const layers: Layer[] = ['nsg', 'route', 'peering', 'dns', 'outbound', 'asymmetry', 'privateEndpoint', 'prerequisite', 'firewall', 'adminRule'];
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const decided = fc.record({
      layer: fc.constantFrom(...layers),
      resourceId: maybe(fc.string()), name: maybe(fc.string()), priority: maybe(fc.integer()),
      policyId: maybe(fc.string()), ruleCollectionGroup: maybe(fc.string()), ruleCollectionGroupPriority: maybe(fc.integer()),
      ruleCollection: maybe(fc.string()), ruleCollectionPriority: maybe(fc.integer()),
    });
    fc.assert(fc.property(decided, (d: DecidedBy) => {
      const base = FIXTURE_VERDICT.computes[0];
      if (!base) throw new Error('fixture');
      const v: EstateVerdict = { ...FIXTURE_VERDICT, computes: [{ ...base, flows: [{ ...base.flows[0]!, decidedBy: d }] }] };
      const out = toCheckJson(v).computes[0]?.flows[0]?.decidedBy ?? {};
      const expected = DECIDED.filter((k) => (d as unknown as Record<string, unknown>)[k] !== undefined);
      expect(Object.keys(out)).toEqual(expected);
      for (const k of expected) expect((out as Record<string, unknown>)[k]).toBe((d as unknown as Record<string, unknown>)[k]);
    }));
  });
});
