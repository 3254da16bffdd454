/**
 * Suggested fixes against the real engine: each red flow of a worked case gets a verified edit that
 * turns it green without turning anything else red.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateEstate } from '../../src/shared/engine/evaluateEstate';
import { amlEstate, snapshotOf } from '../../src/shared/engine/testing/amlEstate';
import { compute, nsg, route, routeTable, rule } from '../../src/shared/engine/testing/snapshotBuilder';
import type { EstateVerdict } from '../../src/shared/engine/verdict';
import { ingest } from '../../src/shared/ingest';
import type { Snapshot } from '../../src/shared/model';
import { applyEdits } from '../../src/shared/whatif/applyEdit';
import { diffVerdicts, flowKey } from '../../src/shared/whatif/diffVerdicts';
import { suggestFixes } from '../../src/shared/whatif/suggestFixes';

function redFlow(v: EstateVerdict, pred: (f: EstateVerdict['computes'][number]['flows'][number]) => boolean) {
  for (const c of v.computes) for (const f of c.flows) if (f.status !== 'allowed' && pred(f)) return { compute: c, flow: f, key: flowKey(c.id, f) };
  throw new Error('no such red flow');
}

function expectVerified(snapshot: Snapshot, before: EstateVerdict, key: string, edits: Parameters<typeof applyEdits>[1]) {
  const r = applyEdits(snapshot, edits);
  if ('error' in r) throw new Error(r.error.message);
  const diff = diffVerdicts(before, evaluateEstate(r.snapshot));
  expect(diff.flows.find((f) => f.key === key)?.after).toBe('allowed');
  expect(diff.greenToRed).toBe(0);
  return diff;
}

describe('suggestFixes', () => {
  const sample = ingest(JSON.parse(readFileSync('samples/sample-estate.json', 'utf8')), { fileName: 'sample-estate.json' });
  const sampleVerdict = evaluateEstate(sample);

  it('NSG deny: an allow rule at the next free priority below the deny, right direction/protocol/port/tag', () => {
    const e = amlEstate();
    const n = nsg('nsg-c', [
      rule('deny-internet-out', { priority: 4000, direction: 'Outbound', access: 'Deny', destination: 'Internet' }),
      rule('taken-3999', { priority: 3999, direction: 'Outbound', access: 'Deny', destination: '192.0.2.0/24' }),
      rule('inbound-3998', { priority: 3998, direction: 'Inbound', access: 'Deny', source: '192.0.2.0/24' }),
    ]);
    const subnets = e.parts.subnets!.map((sn) => (sn.id === e.computeSubnet.id ? { ...sn, nsgId: n.id } : sn));
    const s = snapshotOf(e.parts, { subnets, nsgs: [{ ...n, subnetIds: [e.computeSubnet.id] }] });
    const v = evaluateEstate(s);
    const red = redFlow(v, (f) => f.decidedBy.layer === 'nsg' && f.requirement === 'O1' && f.protocol === 'Udp');
    const fixes = suggestFixes(s, v, red.key);
    expect(fixes.length).toBeGreaterThan(0);
    const edit = fixes[0]!.edits[0]!;
    if (edit.kind !== 'nsgRule.add') throw new Error(`unexpected ${edit.kind}`);
    expect(edit.nsgId).toBe(n.id);
    // 3999 is taken outbound; 3998 is only taken inbound
    expect(edit.rule).toMatchObject({ priority: 3998, direction: 'Outbound', access: 'Allow', protocol: 'Udp', destinationAddressPrefixes: ['AzureMachineLearning'], destinationPortRanges: ['5831'] });
    expect(fixes[0]!.diff.summary).toMatch(/^turns \d+ red flows? green, 0 green red/);
    expectVerified(s, v, red.key, fixes[0]!.edits);
  });

  it('offers nothing when the NSG fix alone would not turn the flow green (a firewall also denies)', () => {
    const red = redFlow(sampleVerdict, (f) => f.decidedBy.layer === 'nsg' && f.requirement === 'O1' && f.protocol === 'Udp');
    expect(suggestFixes(sample, sampleVerdict, red.key)).toEqual([]);
  });

  it('returns nothing for a green flow or an unknown key', () => {
    const c = sampleVerdict.computes.find((x) => x.flows.some((f) => f.status === 'allowed'))!;
    const green = c.flows.find((f) => f.status === 'allowed')!;
    expect(suggestFixes(sample, sampleVerdict, { computeId: c.id, flow: green })).toEqual([]);
    expect(suggestFixes(sample, sampleVerdict, 'nope|O1|Tcp|443|x')).toEqual([]);
  });

  it('DNS zone not linked to the compute VNet: the missing VNet link', () => {
    const e = amlEstate({ linkCompute: false });
    const s = snapshotOf(e.parts);
    const v = evaluateEstate(s);
    const red = redFlow(v, (f) => f.decidedBy.layer === 'dns');
    const fixes = suggestFixes(s, v, red.key);
    // the workspace needs both of its zones linked: the one that decided and its sibling
    expect(fixes[0]?.edits).toEqual([
      { kind: 'dnsZone.link', zoneId: expect.stringContaining('privatelink.api.azureml.ms'), vnetId: e.vnetC.id },
      { kind: 'dnsZone.link', zoneId: expect.stringContaining('privatelink.notebooks.azure.net'), vnetId: e.vnetC.id },
    ]);
    const blob = redFlow(v, (f) => f.decidedBy.name === 'privatelink.blob.core.windows.net');
    expect(suggestFixes(s, v, blob.key)[0]?.edits).toEqual([{ kind: 'dnsZone.link', zoneId: expect.stringContaining('privatelink.blob.core.windows.net'), vnetId: e.vnetC.id }]);
  });

  it('missing zone: zone + link + the endpoint A records', () => {
    const e = amlEstate();
    const s = snapshotOf(e.parts, { dnsZones: e.zones.filter((z) => z.zoneName !== 'privatelink.vaultcore.azure.net') });
    const v = evaluateEstate(s);
    const red = redFlow(v, (f) => f.decidedBy.layer === 'dns' && f.decidedBy.name === 'privatelink.vaultcore.azure.net');
    const fixes = suggestFixes(s, v, red.key);
    expect(fixes[0]!.edits.map((x) => x.kind)).toEqual(['dnsZone.create', 'dnsZone.link', 'dnsRecord.addA']);
    expect(fixes[0]!.edits.find((x) => x.kind === 'dnsRecord.addA')).toMatchObject({ recordName: 'kv-ml', ipv4Addresses: ['10.0.1.9'] });
  });

  it('peering not connected: peering.create', () => {
    const e = amlEstate({ peered: false });
    const s = snapshotOf(e.parts);
    const v = evaluateEstate(s);
    const red = redFlow(v, (f) => f.decidedBy.layer === 'peering');
    const fixes = suggestFixes(s, v, red.key);
    expect(fixes[0]?.edits).toEqual([{ kind: 'peering.create', vnetId: e.vnetC.id, remoteVnetId: e.vnetW.id }]);
  });

  it('no workspace private endpoint reachable: privateEndpoint.add in the compute VNet', () => {
    const e = amlEstate({ peered: false });
    const s = snapshotOf(e.parts, { privateEndpoints: e.pes.filter((p) => p.name !== 'pe-ws') });
    const v = evaluateEstate(s);
    const red = redFlow(v, (f) => f.decidedBy.layer === 'privateEndpoint');
    const fixes = suggestFixes(s, v, red.key);
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes[0]!.edits[0]).toMatchObject({ kind: 'privateEndpoint.add', subnetId: e.computeSubnet.id, targetId: e.ws.id, groupId: 'amlworkspace' });
  });

  it('asymmetric 44224: route AzureMachineLearning → Internet', () => {
    const e = amlEstate({ computes: (ws, sn) => [compute(ws, 'pub', { subnetId: sn.id, enableNodePublicIp: true })] });
    const rt = routeTable('rt-c', [route('default', '0.0.0.0/0', 'VirtualAppliance', '10.0.9.4')]);
    const subnets = e.parts.subnets!.map((sn) => (sn.id === e.computeSubnet.id ? { ...sn, routeTableId: rt.id } : sn));
    const s = snapshotOf(e.parts, { subnets, routeTables: [{ ...rt, subnetIds: [e.computeSubnet.id] }], dnsZones: e.zones });
    const v = evaluateEstate(s);
    const red = redFlow(v, (f) => f.decidedBy.layer === 'asymmetry');
    const fixes = suggestFixes(s, v, red.key);
    expect(fixes[0]?.edits).toEqual([{ kind: 'route.add', routeTableId: rt.id, route: { name: 'AzureMachineLearning-Internet', addressPrefix: 'AzureMachineLearning', nextHopType: 'Internet' } }]);
  });

  it('no outbound connectivity: natGateway.attach', () => {
    const e = amlEstate();
    const subnets = e.parts.subnets!.map((sn) => (sn.id === e.computeSubnet.id ? { ...sn, defaultOutboundAccess: false } : sn));
    const s = snapshotOf(e.parts, { subnets });
    const v = evaluateEstate(s);
    const red = redFlow(v, (f) => f.decidedBy.layer === 'outbound');
    const fixes = suggestFixes(s, v, red.key);
    expect(fixes[0]?.edits[0]).toMatchObject({ kind: 'natGateway.attach', subnetId: e.computeSubnet.id, create: { name: 'nat-snet-compute' } });
  });
});
