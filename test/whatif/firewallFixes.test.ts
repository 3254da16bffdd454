/**
 * Issue 6 what-if: suggested fixes for flows the hub firewall of the sample estate blocks (O10
 * AzureMonitor, default deny) or cannot decide (F14 mcr.microsoft.com, partial tag overlap): the
 * smallest policy rule, verified by re-evaluation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateEstate } from '../../src/shared/engine/evaluateEstate';
import type { FlowVerdict } from '../../src/shared/engine/verdict';
import { buildSnapshot, toSnapshotFile } from '../../src/shared/ingest';
import { applyEdit } from '../../src/shared/whatif/applyEdit';
import { flowKey } from '../../src/shared/whatif/diffVerdicts';
import { suggestFixes } from '../../src/shared/whatif/suggestFixes';

const file = toSnapshotFile(JSON.parse(readFileSync('samples/sample-estate.json', 'utf8')), { fileName: 'sample-estate.json' });
const base = buildSnapshot(file);
const verdict = evaluateEstate(base);
const cluster = verdict.computes.find((c) => c.name === 'cpu-cluster')!;

function flow(pred: (f: FlowVerdict) => boolean): { key: string; flow: FlowVerdict } {
  const f = cluster.flows.find(pred);
  if (!f) throw new Error('sample flow not found');
  return { key: flowKey(cluster.id, f), flow: f };
}

describe('firewall fixes on the sample estate', () => {
  it('O10 AzureMonitor (default deny): a network rule for the tag in the child policy turns it green', () => {
    const o10 = flow((f) => f.requirement === 'O10' && f.peer === 'AzureMonitor');
    expect(o10.flow).toMatchObject({ status: 'blocked', decidedBy: { layer: 'firewall', name: 'DefaultDeny' } });
    const fixes = suggestFixes(base, verdict, o10.key);
    expect(fixes.length).toBeGreaterThan(0);
    const fix = fixes[0]!;
    expect(fix.edits).toHaveLength(1);
    expect(fix.edits[0]).toMatchObject({
      kind: 'firewallRule.add', policyId: expect.stringMatching(/firewallPolicies\/afwp-hub$/),
      rule: { ruleType: 'NetworkRule', ipProtocols: ['TCP'], destinationAddresses: ['AzureMonitor'], destinationPorts: ['443'] },
    });
    // the child's only collection holds application rules: the network rule needs its own collection
    expect(fix.edits[0]).toMatchObject({ groupName: 'rcg-aml', collection: { action: 'Allow' } });
    const after = fix.verdict.computes.find((c) => c.id === cluster.id)!.flows.find((f) => flowKey(cluster.id, f) === o10.key)!;
    expect(after.status).toBe('allowed');
    expect(after.decidedBy).toMatchObject({ layer: 'firewall', policyId: expect.stringMatching(/afwp-hub$/), ruleCollectionGroup: 'rcg-aml' });
    expect(fix.diff.flows.filter((f) => f.after === 'blocked' && f.before !== 'blocked')).toEqual([]);
    expect(fix.changes).toEqual([{ action: 'update', resourceId: expect.stringMatching(/ruleCollectionGroups\/rcg-aml$/), type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups' }]);
  });

  it('F14 mcr.microsoft.com (unknown): an Https application rule in the child policy\'s Allow collection turns it green', () => {
    const f14 = flow((f) => f.requirement === 'F14' && f.peer === 'mcr.microsoft.com');
    expect(f14.flow.status).toBe('unknown');
    const fixes = suggestFixes(base, verdict, f14.key);
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes[0]!.edits).toEqual([{
      kind: 'firewallRule.add', policyId: expect.stringMatching(/afwp-hub$/), groupName: 'rcg-aml', collectionName: 'app-aml-fqdns',
      rule: {
        ruleType: 'ApplicationRule', name: 'allow-F14-Tcp-443', description: expect.stringContaining('F14'),
        sourceAddresses: expect.any(Array), protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['mcr.microsoft.com'],
      },
    }]);
    const after = fixes[0]!.verdict.computes.find((c) => c.id === cluster.id)!.flows.find((f) => flowKey(cluster.id, f) === f14.key)!;
    expect(after.status).toBe('allowed');
    expect(after.decidedBy).toMatchObject({ layer: 'firewall', ruleCollection: 'app-aml-fqdns', name: 'allow-F14-Tcp-443' });
  });

  it('the wildcard F14 row gets a wildcard application rule', () => {
    const data = flow((f) => f.requirement === 'F14' && f.peer.startsWith('*.'));
    const fixes = suggestFixes(base, verdict, data.key);
    expect(fixes[0]?.edits[0]).toMatchObject({ kind: 'firewallRule.add', rule: { ruleType: 'ApplicationRule', targetFqdns: [data.flow.peer] } });
  });

  it('allowed flows get no firewall fix', () => {
    const o1 = flow((f) => f.requirement === 'O1' && f.status === 'allowed' && f.decidedBy.layer === 'firewall');
    expect(suggestFixes(base, verdict, o1.key)).toEqual([]);
  });
});

describe('firewall fixes around a Deny in the child policy', () => {
  it('an Allow evaluated before the blocking Deny collection', () => {
    const hub = [...base.firewallPolicies.values()].find((p) => p.name === 'afwp-hub')!;
    // a child Deny for everything to AzureMonitor, in the child's only group ahead of its Allow collection
    const denied = applyEdit(base, {
      kind: 'firewallRule.add', policyId: hub.id, groupName: 'rcg-aml', collectionName: 'deny-monitor', collection: { action: 'Deny', priority: 100 },
      rule: { ruleType: 'NetworkRule', name: 'deny-monitor', ipProtocols: ['Any'], sourceAddresses: ['*'], destinationAddresses: ['AzureMonitor'], destinationPorts: ['*'] },
    });
    if ('error' in denied) throw new Error(denied.error.message);
    const v = evaluateEstate(denied.snapshot);
    const c = v.computes.find((x) => x.name === 'cpu-cluster')!;
    const o10 = c.flows.find((f) => f.requirement === 'O10')!;
    expect(o10.decidedBy).toMatchObject({ layer: 'firewall', ruleCollection: 'deny-monitor' });
    const fixes = suggestFixes(denied.snapshot, v, flowKey(c.id, o10));
    expect(fixes.length).toBeGreaterThan(0);
    // the collection slot 100 of rcg-aml is taken by the Deny: the verified fix is a new group evaluated first
    expect(fixes[0]!.edits[0]).toMatchObject({ kind: 'firewallRule.add', groupName: 'rcg-vnetlens', groupPriority: 100, collection: { action: 'Allow', priority: 100 } });
    const after = fixes[0]!.verdict.computes.find((x) => x.id === c.id)!.flows.find((f) => f.requirement === 'O10')!;
    expect(after.status).toBe('allowed');
  });
});
