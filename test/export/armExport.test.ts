import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/shared/model';
import { applyEdits } from '../../src/shared/whatif/applyEdit';
import type { Edit } from '../../src/shared/whatif/edits';
import { planDeployment } from '../../src/shared/export/planDeployment';
import { armTemplate } from '../../src/shared/export/armTemplate';
import { bicepFiles } from '../../src/shared/export/bicep';
import { templateToArmResources } from '../../src/shared/export/templateToArmResources';
import { IDS, SUB, fixtureSnapshot } from '../whatif/fixtureSnapshot';
import { ALL_EDITS, place, zoneNb } from './allEdits';
import { describeWithShared } from '../support/sharedReference';
import { SCHEMA_FILES, schemaErrors } from './armSchemas';

function exportOf(edits: readonly Edit[], base: Snapshot = fixtureSnapshot()) {
  const r = applyEdits(base, edits);
  if ('error' in r) throw new Error(`edit ${r.index}: ${r.error.message}`);
  const plan = planDeployment(r.snapshot, r.changes);
  return { plan, template: armTemplate(plan), bicep: bicepFiles(plan), snapshot: r.snapshot };
}

describe('ARM export', () => {
  it('exports exactly the touched resources of a one-group edit list, with dependsOn', () => {
    const { template } = exportOf([
      { kind: 'routeTable.create', place: place('rt-pe') },
      { kind: 'route.add', routeTableId: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-pe`, route: { name: 'x', addressPrefix: '10.9.0.0/16', nextHopType: 'None' } },
      { kind: 'routeTable.associateSubnet', subnetId: IDS.snetPe, routeTableId: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-pe` },
    ]);
    expect(template.resources.map((r) => [r.type, r.name])).toEqual([
      ['Microsoft.Network/routeTables', 'rt-pe'],
      ['Microsoft.Network/virtualNetworks/subnets', 'vnet-w/snet-pe'],
    ]);
    expect(template.resources[0]!.properties).toEqual({ disableBgpRoutePropagation: false, routes: [{ name: 'x', properties: { addressPrefix: '10.9.0.0/16', nextHopType: 'None' } }] });
    expect(template.resources[0]!.location).toBe("[parameters('location')]");
    expect(template.parameters.location).toMatchObject({ type: 'string', defaultValue: 'westeurope' });
    expect(template.resources[1]!.dependsOn).toEqual(["[resourceId('Microsoft.Network/routeTables', 'rt-pe')]"]);
    expect(template.resources.every((r) => r.apiVersion === '2025-07-01')).toBe(true);
  });

  it('a rule deletion redeploys the NSG with its remaining rules', () => {
    const { template, plan } = exportOf([{ kind: 'nsgRule.delete', nsgId: IDS.nsg, ruleName: 'deny-internet-out' }]);
    expect(template.resources).toHaveLength(1);
    const props = template.resources[0]!.properties as { securityRules: { name: string }[] };
    expect(props.securityRules.map((r) => r.name)).toEqual(['allow-aml-out', 'allow-ssh-in']);
    expect(plan.notes.join(' ')).toMatch(/deny-internet-out/);
  });

  it('spans resource groups with nested deployments ordered by references', () => {
    const { template } = exportOf(ALL_EDITS);
    const deployments = template.resources;
    expect(deployments.every((d) => d.type === 'Microsoft.Resources/deployments')).toBe(true);
    expect(deployments.map((d) => d.resourceGroup).sort()).toEqual(['rg-dns', 'rg-ml', 'rg-net']);
    const net = deployments.find((d) => d.resourceGroup === 'rg-net')!;
    // zone links are children of the zone, so they deploy with it in rg-dns
    const dns = deployments.find((d) => d.resourceGroup === 'rg-dns')!;
    const inner = (d: typeof net) => (d.properties as { template: { resources: { type: string; name: string }[] } }).template.resources;
    expect(inner(dns).map((r) => r.type)).toEqual(expect.arrayContaining(['Microsoft.Network/privateDnsZones', 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', 'Microsoft.Network/privateDnsZones/A']));
    expect(inner(net).map((r) => r.name)).toEqual(expect.arrayContaining(['nsg-compute/allow-storage', 'vnet-c/vnet-c-to-vnet-w', 'nat-c', 'nat-c-pip', 'rt-compute/aml-internet']));
    expect(net.subscriptionId).toBe(SUB);
  });

  it('reads its own template back into ARM resources with ids from names', () => {
    const { template } = exportOf(ALL_EDITS);
    const resources = templateToArmResources(template, { subscriptionId: SUB, resourceGroup: 'rg-net' });
    const rule = resources.find((r) => r.type === 'Microsoft.Network/networkSecurityGroups/securityRules' && r.name === 'allow-storage');
    expect(rule?.id).toBe(`${IDS.nsg}/securityRules/allow-storage`);
    const zone = resources.find((r) => r.type === 'Microsoft.Network/privateDnsZones');
    expect(zone?.id).toBe(zoneNb);
    expect(resources.find((r) => r.name === 'nat-c')?.location).toBe('westeurope');
  });

  it('writes Bicep with one module per resource group', () => {
    const { bicep } = exportOf(ALL_EDITS);
    expect(Object.keys(bicep).sort()).toEqual(['main.bicep', 'module-rgDns.bicep', 'module-rgMl.bicep', 'module-rgNet.bicep']);
    expect(bicep['main.bicep']).toContain(`module rgNet 'module-rgNet.bicep' = {\n  name: 'vnetlens-rg-net'\n  scope: resourceGroup('${SUB}', 'rg-net')`);
    expect(bicep['module-rgNet.bicep']).toContain('resource nsgCompute_allowStorage ');
    expect(bicep['module-rgNet.bicep']).toContain("'Microsoft.Network/networkSecurityGroups/securityRules@2025-07-01'");
    expect(bicep['module-rgDns.bicep']).toMatch(/location: 'global'/);
    const single = exportOf([ALL_EDITS[0]!]).bicep;
    expect(Object.keys(single)).toEqual(['main.bicep']);
    expect(single['main.bicep']).toContain("destinationPortRanges: [\n      '443'\n      '445'\n    ]");
  });
});

describeWithShared('exported templates validate against the official ARM schemas', SCHEMA_FILES, () => {
  it.each(ALL_EDITS.map((e, i) => [i, e.kind, e] as const))('edit %i (%s) alone', (i, _kind, _e) => {
    // edits that need an earlier one (an association to a created NSG, a route in a created table) carry their prerequisite
    const needs: Record<number, number[]> = { 3: [2], 6: [5], 8: [5], 12: [11] };
    const list = [...(needs[i] ?? []).map((j) => ALL_EDITS[j]!), ALL_EDITS[i]!];
    expect(schemaErrors(exportOf(list).template)).toEqual([]);
  });

  it('the whole cross-group edit list (nested deployments)', () => {
    expect(schemaErrors(exportOf(ALL_EDITS).template)).toEqual([]);
  });

  it('rejects a deliberately wrong template', () => {
    const { template } = exportOf([ALL_EDITS[0]!]);
    const badApi = { ...template, resources: template.resources.map((r) => ({ ...r, apiVersion: '2019-01-01' })) };
    expect(schemaErrors(badApi).length).toBeGreaterThan(0);
    const badProtocol = { ...template, resources: template.resources.map((r) => ({ ...r, properties: { ...r.properties, protocol: 'TCP' } })) };
    expect(schemaErrors(badProtocol).length).toBeGreaterThan(0);
    const badVersion = { ...template, contentVersion: '1.0' };
    expect(schemaErrors(badVersion).length).toBeGreaterThan(0);
  });
});
