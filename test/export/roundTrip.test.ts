/**
 * Issue 5 "done when": apply edits → export ARM → deploy the template's resources over the original
 * estate (simulated) → ingest → the verdicts equal the what-if verdicts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateEstate } from '../../src/shared/engine/evaluateEstate';
import { buildSnapshot, toSnapshotFile } from '../../src/shared/ingest';
import type { Snapshot, SnapshotFile } from '../../src/shared/model';
import { idKey } from '../../src/shared/model';
import { exportEdits } from '../../src/shared/export/exportEdits';
import { templateToArmResources } from '../../src/shared/export/templateToArmResources';
import { diffVerdicts } from '../../src/shared/whatif/diffVerdicts';
import type { Edit } from '../../src/shared/whatif/edits';
import { describeWithShared } from '../support/sharedReference';
import { SCHEMA_FILES, schemaErrors } from './armSchemas';
import { simulateDeployment } from './deploySimulation';
import { missingShared } from '../support/sharedReference';

/** Schema errors when ../shared is present, none otherwise (the verdict part still runs). */
function schemaErrorsIfShared(template: unknown): string[] {
  return missingShared(...SCHEMA_FILES) ? [] : schemaErrors(template);
}

const file: SnapshotFile = toSnapshotFile(JSON.parse(readFileSync('samples/sample-estate.json', 'utf8')), { fileName: 'sample-estate.json' });
const base = buildSnapshot(file);

function byName<T extends { name: string; id: string }>(map: ReadonlyMap<string, T>, name: string): T {
  const found = [...map.values()].find((x) => x.name === name);
  if (!found) throw new Error(`fixture has no ${name}`);
  return found;
}

function sampleEdits(s: Snapshot): Edit[] {
  const cluster = byName(s.computes, 'cpu-cluster');
  const ci = byName(s.computes, 'ci-alice');
  const clusterSubnet = s.subnets.get(idKey(cluster.subnetId!))!;
  const clusterVnet = s.vnets.get(idKey(clusterSubnet.vnetId))!;
  const nsgCluster = byName(s.nsgs, 'nsg-cluster');
  const vault = byName(s.dnsZones, 'privatelink.vaultcore.azure.net');
  const storage = byName(s.workspaces, 'mlw-contoso').storageAccountId!;
  const fileZone = byName(s.dnsZones, 'privatelink.file.core.windows.net');
  const deny = nsgCluster.securityRules.find((r) => r.access === 'Deny' && r.direction === 'Outbound')!;
  const place = (name: string) => ({ subscriptionId: clusterVnet.subscriptionId, resourceGroup: clusterVnet.resourceGroup, name, location: clusterVnet.location });
  return [
    { kind: 'dnsZone.link', zoneId: vault.id, vnetId: clusterVnet.id },
    { kind: 'nsgRule.add', nsgId: nsgCluster.id, rule: { name: 'Allow-O1-Udp', priority: deny.priority - 1, direction: 'Outbound', access: 'Allow', protocol: 'Udp', sourceAddressPrefixes: ['*'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['AzureMachineLearning'], destinationPortRanges: ['5831'] } },
    { kind: 'nsgRule.delete', nsgId: nsgCluster.id, ruleName: deny.name },
    { kind: 'privateEndpoint.add', place: { ...place('pe-st-file-compute'), resourceGroup: 'rg-ml' }, subnetId: clusterSubnet.id, targetId: storage, groupId: 'file', dnsZoneIds: [fileZone.id] },
    { kind: 'natGateway.attach', subnetId: clusterSubnet.id, create: place('nat-cluster') },
    ...(clusterSubnet.routeTableId ? [{ kind: 'route.add' as const, routeTableId: clusterSubnet.routeTableId, route: { name: 'aml-internet', addressPrefix: 'AzureMachineLearning', nextHopType: 'Internet' as const } }] : []),
    { kind: 'compute.setPublicIp', computeId: ci.id, enabled: !ci.enableNodePublicIp },
  ];
}

describe('round trip: what-if → ARM template → deploy → ingest', () => {
  const edits = sampleEdits(base);
  const exported = exportEdits(file, base, edits);
  if ('error' in exported) throw new Error(`edit ${exported.index}: ${exported.error.message}`);

  it('the edits change verdicts (the test is not vacuous)', () => {
    const diff = diffVerdicts(evaluateEstate(base), evaluateEstate(exported.snapshot));
    expect(diff.flows.length).toBeGreaterThan(0);
  });

  it('spans resource groups, so it goes through nested deployments', () => {
    expect(exported.template.resources.map((r) => r.type)).toEqual(expect.arrayContaining(['Microsoft.Resources/deployments']));
  });

  it('deployed state gives exactly the what-if verdicts', () => {
    const deployed = templateToArmResources(exported.template, { subscriptionId: base.provenance.subscriptions[0] ?? '', resourceGroup: 'rg-network' });
    const after = buildSnapshot({ ...file, resources: simulateDeployment(file.resources, deployed) });
    const whatIf = evaluateEstate(exported.snapshot);
    const real = evaluateEstate(after);
    const diff = diffVerdicts(whatIf, real);
    expect(diff.flows.map((f) => `${f.computeName} ${f.requirement} ${f.before}→${f.after} ${f.afterFlow?.explanation ?? ''}`)).toEqual([]);
    expect(diff.checks).toEqual([]);
    expect(real).toEqual(whatIf);
  });
});

/** The families the first list does not use: new NSG / route table / zone with associations and records, a peering across subscriptions. */
function moreEdits(s: Snapshot): Edit[] {
  const ci = byName(s.computes, 'ci-alice');
  const subnet = s.subnets.get(idKey(ci.subnetId!))!;
  const vnet = s.vnets.get(idKey(subnet.vnetId))!;
  const at = { subscriptionId: vnet.subscriptionId, resourceGroup: 'rg-whatif', location: vnet.location };
  const nsgId = `/subscriptions/${at.subscriptionId}/resourceGroups/rg-whatif/providers/Microsoft.Network/networkSecurityGroups/nsg-new`;
  const rtId = `/subscriptions/${at.subscriptionId}/resourceGroups/rg-whatif/providers/Microsoft.Network/routeTables/rt-new`;
  const zoneId = `/subscriptions/${at.subscriptionId}/resourceGroups/rg-whatif/providers/Microsoft.Network/privateDnsZones/corp.internal`;
  return [
    { kind: 'nsg.create', place: { ...at, name: 'nsg-new' } },
    { kind: 'nsgRule.add', nsgId, rule: { name: 'deny-aml-in', priority: 100, direction: 'Inbound', access: 'Deny', protocol: 'Tcp', sourceAddressPrefixes: ['AzureMachineLearning'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['*'], destinationPortRanges: ['44224'] } },
    { kind: 'nsg.associateSubnet', subnetId: subnet.id, nsgId },
    { kind: 'routeTable.create', place: { ...at, name: 'rt-new' } },
    { kind: 'route.add', routeTableId: rtId, route: { name: 'drop-storage', addressPrefix: 'Storage', nextHopType: 'None' } },
    { kind: 'routeTable.associateSubnet', subnetId: subnet.id, routeTableId: rtId },
    { kind: 'dnsZone.create', subscriptionId: at.subscriptionId, resourceGroup: 'rg-whatif', zoneName: 'corp.internal' },
    { kind: 'dnsZone.link', zoneId, vnetId: vnet.id, registrationEnabled: true },
    { kind: 'dnsRecord.addA', zoneId, recordName: 'proxy', ipv4Addresses: ['10.10.0.10'] },
    { kind: 'peering.create', vnetId: vnet.id, remoteVnetId: byName(s.vnets, 'vnet-hub-westeurope').id },
  ];
}

describe('round trip with new NSG, route table and zone', () => {
  it('deployed state gives exactly the what-if verdicts', () => {
    const exported = exportEdits(file, base, moreEdits(base));
    if ('error' in exported) throw new Error(`edit ${exported.index}: ${exported.error.message}`);
    expect(diffVerdicts(evaluateEstate(base), evaluateEstate(exported.snapshot)).flows.length).toBeGreaterThan(0);
    const deployed = templateToArmResources(exported.template, { subscriptionId: base.provenance.subscriptions[0] ?? '', resourceGroup: 'rg-network' });
    const after = buildSnapshot({ ...file, resources: simulateDeployment(file.resources, deployed) });
    expect(evaluateEstate(after)).toEqual(evaluateEstate(exported.snapshot));
    expect(schemaErrorsIfShared(exported.template)).toEqual([]);
  });
});

describeWithShared('round-trip template validates against the official schemas', SCHEMA_FILES, () => {
  it('validates', () => {
    const exported = exportEdits(file, base, sampleEdits(base));
    if ('error' in exported) throw new Error(exported.error.message);
    expect(schemaErrors(exported.template)).toEqual([]);
  });
});
