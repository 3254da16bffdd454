/**
 * Firewall rule edits in the exports (issue 6): the whole rule collection group as
 * `Microsoft.Network/firewallPolicies/ruleCollectionGroups` at 2025-07-01, groups of one policy
 * chained, Bicep, validation against the official schema (and a wrong group rejected), and the
 * round trip edit → template → deploy → ingest → the what-if verdicts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateEstate } from '../../src/shared/engine/evaluateEstate';
import { exportEdits } from '../../src/shared/export/exportEdits';
import { templateToArmResources } from '../../src/shared/export/templateToArmResources';
import { buildSnapshot, toSnapshotFile } from '../../src/shared/ingest';
import type { SnapshotFile } from '../../src/shared/model';
import { diffVerdicts, flowKey } from '../../src/shared/whatif/diffVerdicts';
import type { Edit } from '../../src/shared/whatif/edits';
import { suggestFixes } from '../../src/shared/whatif/suggestFixes';
import { describeWithShared, missingShared } from '../support/sharedReference';
import { SCHEMA_FILES, schemaErrors } from './armSchemas';
import { simulateDeployment } from './deploySimulation';

const file: SnapshotFile = toSnapshotFile(JSON.parse(readFileSync('samples/sample-estate.json', 'utf8')), { fileName: 'sample-estate.json' });
const base = buildSnapshot(file);
const policy = (name: string) => [...base.firewallPolicies.values()].find((p) => p.name === name)!;
const HUB = policy('afwp-hub');
const BASE = policy('afwp-base');
const RCG = 'Microsoft.Network/firewallPolicies/ruleCollectionGroups';
const scope = { subscriptionId: HUB.subscriptionId, resourceGroup: HUB.resourceGroup };

const EDITS: readonly Edit[] = [
  {
    kind: 'firewallRule.add', policyId: HUB.id, groupName: 'rcg-monitor', groupPriority: 250, collectionName: 'net-monitor', collection: { action: 'Allow', priority: 100 },
    rule: { ruleType: 'NetworkRule', name: 'monitor', ipProtocols: ['TCP'], sourceAddresses: ['10.20.0.0/16'], destinationAddresses: ['AzureMonitor'], destinationPorts: ['443'] },
  },
  {
    kind: 'firewallRule.add', policyId: HUB.id, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns',
    rule: { ruleType: 'ApplicationRule', name: 'mcr', protocols: [{ protocolType: 'Https', port: 443 }], sourceAddresses: ['10.20.0.0/16'], targetFqdns: ['mcr.microsoft.com', '*.data.mcr.microsoft.com'] },
  },
  { kind: 'firewallRule.update', policyId: BASE.id, groupName: 'rcg-platform', collectionName: 'net-aml-service-tags', ruleName: 'aml-service', changes: { destinationPorts: ['443', '18881'] } },
  { kind: 'firewallRule.delete', policyId: HUB.id, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', ruleName: 'studio' },
];

function exported(edits: readonly Edit[]) {
  const r = exportEdits(file, base, edits);
  if ('error' in r) throw new Error(`edit ${r.index}: ${r.error.field}: ${r.error.message}`);
  return r;
}

/** Deploy the template over the sample and ingest the result. */
function deployed(template: ReturnType<typeof exported>['template']) {
  return buildSnapshot({ ...file, resources: simulateDeployment(file.resources, templateToArmResources(template, scope)) });
}

describe('ARM export of firewall rule edits', () => {
  const out = exported(EDITS);

  it('writes each touched group once, whole, at 2025-07-01, without location', () => {
    const rs = out.template.resources;
    expect(rs.map((r) => [r.type, r.name])).toEqual(expect.arrayContaining([[RCG, 'afwp-hub/rcg-monitor'], [RCG, 'afwp-hub/rcg-aml'], [RCG, 'afwp-base/rcg-platform']]));
    expect(rs).toHaveLength(3);
    for (const r of rs) {
      expect(r.apiVersion).toBe('2025-07-01');
      expect(r.location).toBeUndefined();
    }
    const monitor = rs.find((r) => r.name === 'afwp-hub/rcg-monitor')!;
    expect(monitor.properties).toEqual({
      priority: 250,
      ruleCollections: [{
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'net-monitor', priority: 100, action: { type: 'Allow' },
        rules: [{ ruleType: 'NetworkRule', name: 'monitor', ipProtocols: ['TCP'], sourceAddresses: ['10.20.0.0/16'], sourceIpGroups: [], destinationAddresses: ['AzureMonitor'], destinationIpGroups: [], destinationFqdns: [], destinationPorts: ['443'] }],
      }],
    });
    const aml = rs.find((r) => r.name === 'afwp-hub/rcg-aml')!.properties as { priority: number; ruleCollections: { rules: { name: string }[] }[] };
    expect(aml.priority).toBe(300);
    const names = aml.ruleCollections[0]!.rules.map((x) => x.name);
    expect(names).toContain('mcr');
    expect(names).not.toContain('studio');
    expect(names).toContain('aml-instances');
    const platform = rs.find((r) => r.name === 'afwp-base/rcg-platform')!.properties as { ruleCollections: { rules: { name: string; destinationPorts: string[] }[] }[] };
    expect(platform.ruleCollections[0]!.rules.find((x) => x.name === 'aml-service')!.destinationPorts).toEqual(['443', '18881']);
    expect(JSON.stringify(out.template)).not.toMatch(/provisioningState/);
  });

  it('chains groups of one policy (a policy takes one write at a time), not groups of different policies', () => {
    const rs = out.template.resources;
    const monitor = rs.find((r) => r.name === 'afwp-hub/rcg-monitor')!;
    const aml = rs.find((r) => r.name === 'afwp-hub/rcg-aml')!;
    const platform = rs.find((r) => r.name === 'afwp-base/rcg-platform')!;
    const first = rs.indexOf(monitor) < rs.indexOf(aml) ? monitor : aml;
    const second = first === monitor ? aml : monitor;
    expect(second.dependsOn).toEqual([`[resourceId('${RCG}', 'afwp-hub', '${first.name.split('/')[1]}')]`]);
    expect(first.dependsOn).toBeUndefined();
    expect(platform.dependsOn).toBeUndefined();
  });

  it('Bicep declares the same groups', () => {
    const bicep = out.bicep['main.bicep']!;
    expect(bicep.match(new RegExp(`'${RCG}@2025-07-01'`, 'g'))).toHaveLength(3);
    expect(bicep).toContain("name: 'afwp-hub/rcg-monitor'");
    expect(bicep).toContain('priority: 250');
    expect(bicep).toContain("'*.data.mcr.microsoft.com'");
    expect(bicep).toMatch(/dependsOn: \[\n\s+\w+\n\s+\]/);
  });

  it('round trip: deployed state gives exactly the what-if verdicts, and they changed', () => {
    const before = evaluateEstate(base);
    const whatIf = evaluateEstate(out.snapshot);
    expect(diffVerdicts(before, whatIf).flows.length).toBeGreaterThan(0);
    const real = evaluateEstate(deployed(out.template));
    expect(diffVerdicts(whatIf, real).flows.map((f) => `${f.computeName} ${f.requirement} ${f.before}→${f.after}`)).toEqual([]);
    expect(real).toEqual(whatIf);
    expect(schemaErrorsIfShared(out.template)).toEqual([]);
  });

  it('round trip of a suggested fix: the exported fix turns O10 green after deployment', () => {
    const verdict = evaluateEstate(base);
    const cluster = verdict.computes.find((c) => c.name === 'cpu-cluster')!;
    const o10 = cluster.flows.find((f) => f.requirement === 'O10')!;
    const fix = suggestFixes(base, verdict, flowKey(cluster.id, o10))[0]!;
    const e = exported(fix.edits);
    const after = evaluateEstate(deployed(e.template));
    expect(after.computes.find((c) => c.id === cluster.id)!.flows.find((f) => flowKey(cluster.id, f) === flowKey(cluster.id, o10))!.status).toBe('allowed');
    expect(after).toEqual(fix.verdict);
    expect(schemaErrorsIfShared(e.template)).toEqual([]);
  });
});

function schemaErrorsIfShared(template: unknown): string[] {
  return missingShared(...SCHEMA_FILES) ? [] : schemaErrors(template);
}

describeWithShared('rule collection groups against the official schema', SCHEMA_FILES, () => {
  it('every exported group validates', () => {
    expect(schemaErrors(exported(EDITS).template)).toEqual([]);
  });

  it('a wrong group is rejected (priority below 100, Mssql protocol, unknown ipProtocol)', () => {
    const good = exported(EDITS).template;
    const broken = (mutate: (props: { priority: number; ruleCollections: { priority: number; rules: Record<string, unknown>[] }[] }) => void) => {
      const t = structuredClone(good) as unknown as { resources: { name: string; properties: Parameters<typeof mutate>[0] }[] };
      mutate(t.resources.find((r) => r.name === 'afwp-hub/rcg-monitor')!.properties);
      return schemaErrors(t);
    };
    expect(broken((p) => { p.priority = 99; })).not.toEqual([]);
    expect(broken((p) => { p.ruleCollections[0]!.priority = 70000; })).not.toEqual([]);
    expect(broken((p) => { p.ruleCollections[0]!.rules[0]!.ipProtocols = ['SCTP']; })).not.toEqual([]);
    expect(broken((p) => { p.ruleCollections[0]!.rules[0] = { ruleType: 'ApplicationRule', name: 'x', protocols: [{ protocolType: 'Mssql', port: 1433 }], targetFqdns: ['x.com'] }; })).not.toEqual([]);
  });

  it('the sample estate\'s own groups validate as exported (raw collections pass through)', () => {
    const touch: Edit[] = [
      { kind: 'firewallRule.update', policyId: BASE.id, groupName: 'rcg-platform', collectionName: 'net-aml-service-tags', ruleName: 'arm', changes: { description: 'O5' } },
      { kind: 'firewallRule.update', policyId: HUB.id, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', ruleName: 'arm', changes: { description: 'F12' } },
    ];
    const t = exported(touch).template;
    expect(t.resources.map((r) => r.name).sort()).toEqual(['afwp-base/rcg-platform', 'afwp-hub/rcg-aml']);
    expect(schemaErrors(t)).toEqual([]);
  });
});
