/**
 * Firewall policy rule edits on the sample estate (hub firewall afw-hub, policy afwp-hub with base
 * afwp-base): add / update / delete, group and collection creation, structural sharing, the
 * evaluator seeing the change, and every validation error naming its field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateEstate } from '../../src/shared/engine/evaluateEstate';
import type { EstateVerdict } from '../../src/shared/engine/verdict';
import { planDeployment } from '../../src/shared/export/planDeployment';
import { buildSnapshot, toSnapshotFile } from '../../src/shared/ingest';
import type { Snapshot } from '../../src/shared/model';
import { idKey } from '../../src/shared/model';
import { applyEdit, applyEdits } from '../../src/shared/whatif/applyEdit';
import { describeEdit } from '../../src/shared/whatif/describeEdit';
import { editSchema } from '../../src/shared/whatif/editSchema';
import type { Edit, FirewallNetworkRuleSpec, FirewallApplicationRuleSpec } from '../../src/shared/whatif/edits';

const file = toSnapshotFile(JSON.parse(readFileSync('samples/sample-estate.json', 'utf8')), { fileName: 'sample-estate.json' });
const base = buildSnapshot(file);
const policyOf = (name: string) => [...base.firewallPolicies.values()].find((p) => p.name === name)!.id;
const HUB = policyOf('afwp-hub');
const BASE = policyOf('afwp-base');
const RCG = 'Microsoft.Network/firewallPolicies/ruleCollectionGroups';

const netRule = (over: Partial<FirewallNetworkRuleSpec> = {}): FirewallNetworkRuleSpec => ({
  ruleType: 'NetworkRule', name: 'monitor', ipProtocols: ['TCP'], sourceAddresses: ['10.20.0.0/16'],
  destinationAddresses: ['AzureMonitor'], destinationPorts: ['443'], ...over,
});
const appRule = (over: Partial<FirewallApplicationRuleSpec> = {}): FirewallApplicationRuleSpec => ({
  ruleType: 'ApplicationRule', name: 'mcr', protocols: [{ protocolType: 'Https', port: 443 }], sourceAddresses: ['10.20.0.0/16'],
  targetFqdns: ['mcr.microsoft.com', '*.data.mcr.microsoft.com'], ...over,
});

function applied(s: Snapshot, edit: Edit) {
  const r = applyEdit(s, edit);
  if ('error' in r) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r;
}

function status(v: EstateVerdict, requirement: string, peer: string, port?: number): string | undefined {
  const f = v.computes.find((c) => c.name === 'cpu-cluster')!.flows.find((x) => x.requirement === requirement && x.peer === peer && (port === undefined || x.port === port));
  return f?.status;
}

const group = (s: Snapshot, policyId: string, name: string) => s.ruleCollectionGroups.get(idKey(`${policyId}/ruleCollectionGroups/${name}`))!;
type RawCollection = { name: string; priority: number; action: { type: string }; ruleCollectionType: string; rules: Record<string, unknown>[] };
const collections = (s: Snapshot, policyId: string, name: string) => group(s, policyId, name).ruleCollections as RawCollection[];

describe('firewallRule.add', () => {
  it('adds a network rule in a new Allow collection of an existing group; O10 turns green', () => {
    const r = applied(base, { kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'net-monitor', collection: { action: 'Allow', priority: 150 }, rule: netRule() });
    expect(r.changes).toEqual([{ action: 'update', resourceId: group(base, HUB, 'rcg-aml').id, type: RCG }]);
    const cols = collections(r.snapshot, HUB, 'rcg-aml');
    expect(cols.map((c) => [c.name, c.priority, c.action.type])).toEqual([['app-aml-fqdns', 200, 'Allow'], ['net-monitor', 150, 'Allow']]);
    expect(cols[1]).toEqual({
      ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'net-monitor', priority: 150, action: { type: 'Allow' },
      rules: [{ ruleType: 'NetworkRule', name: 'monitor', ipProtocols: ['TCP'], sourceAddresses: ['10.20.0.0/16'], sourceIpGroups: [], destinationAddresses: ['AzureMonitor'], destinationIpGroups: [], destinationFqdns: [], destinationPorts: ['443'] }],
    });
    // untouched collection objects and unrelated collections stay the same objects
    expect(cols[0]).toBe(collections(base, HUB, 'rcg-aml')[0]);
    expect(r.snapshot.nsgs).toBe(base.nsgs);
    expect(r.snapshot.firewallPolicies).toBe(base.firewallPolicies);
    expect(collections(base, HUB, 'rcg-aml')).toHaveLength(1);
    expect(status(evaluateEstate(base), 'O10', 'AzureMonitor')).toBe('blocked');
    expect(status(evaluateEstate(r.snapshot), 'O10', 'AzureMonitor')).toBe('allowed');
  });

  it('appends an application rule to an existing collection; F14 mcr turns green', () => {
    const r = applied(base, { kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', rule: appRule() });
    const rules = collections(r.snapshot, HUB, 'rcg-aml')[0]!.rules;
    expect(rules.at(-1)).toEqual({ ruleType: 'ApplicationRule', name: 'mcr', protocols: [{ protocolType: 'Https', port: 443 }], sourceAddresses: ['10.20.0.0/16'], sourceIpGroups: [], targetFqdns: ['mcr.microsoft.com', '*.data.mcr.microsoft.com'], fqdnTags: [] });
    expect(rules.slice(0, -1)).toEqual(collections(base, HUB, 'rcg-aml')[0]!.rules);
    const after = evaluateEstate(r.snapshot);
    expect(status(after, 'F14', 'mcr.microsoft.com')).toBe('allowed');
    expect(status(after, 'F14', '*.data.mcr.microsoft.com')).toBe('allowed');
  });

  it('creates a group (listed on the policy) when given a priority', () => {
    const r = applied(base, { kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-new', groupPriority: 250, collectionName: 'c1', collection: { action: 'Deny', priority: 100 }, rule: netRule({ destinationAddresses: ['203.0.113.0/24', '198.51.100.1-198.51.100.9'] }) });
    const g = group(r.snapshot, HUB, 'rcg-new');
    expect(g).toMatchObject({ name: 'rcg-new', priority: 250, policyId: HUB, type: RCG, resourceGroup: 'rg-hub' });
    expect(r.changes).toEqual([{ action: 'create', resourceId: g.id, type: RCG }]);
    expect(r.snapshot.firewallPolicies.get(idKey(HUB))!.ruleCollectionGroupIds).toContain(g.id);
    expect(base.firewallPolicies.get(idKey(HUB))!.ruleCollectionGroupIds).not.toContain(g.id);
  });

  it('a rule in the base policy wins over the child (parent first)', () => {
    const deny = applied(base, { kind: 'firewallRule.add', policyId: BASE, groupName: 'rcg-platform', collectionName: 'deny-monitor', collection: { action: 'Deny', priority: 300 }, rule: netRule() });
    const allow = applied(deny.snapshot, { kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'net-monitor', collection: { action: 'Allow', priority: 100 }, rule: netRule() });
    const f = evaluateEstate(allow.snapshot).computes.find((c) => c.name === 'cpu-cluster')!.flows.find((x) => x.requirement === 'O10')!;
    expect(f).toMatchObject({ status: 'blocked', decidedBy: { layer: 'firewall', ruleCollection: 'deny-monitor', policyId: BASE } });
  });
});

describe('firewallRule.update and .delete', () => {
  it('update changes the named fields and keeps the rest (description, other keys)', () => {
    const r = applied(base, { kind: 'firewallRule.update', policyId: BASE, groupName: 'rcg-platform', collectionName: 'net-aml-service-tags', ruleName: 'aml-service', changes: { destinationPorts: ['443', '18881'] } });
    const rule = collections(r.snapshot, BASE, 'rcg-platform')[0]!.rules.find((x) => x.name === 'aml-service')!;
    expect(rule).toMatchObject({ description: 'O1 without UDP 5831', destinationPorts: ['443', '18881'], destinationAddresses: ['AzureMachineLearning'], ipProtocols: ['TCP'] });
    expect(r.changes).toEqual([{ action: 'update', resourceId: group(base, BASE, 'rcg-platform').id, type: RCG }]);
    const after = evaluateEstate(r.snapshot);
    expect(status(after, 'O1', 'AzureMachineLearning', 8787)).not.toBe('allowed');
    expect(status(after, 'O1', 'AzureMachineLearning', 443)).toBe('allowed');
  });

  it('delete removes the rule; the last rule takes its collection with it', () => {
    const r = applyEdits(base, [
      { kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'net-monitor', collection: { action: 'Allow', priority: 150 }, rule: netRule() },
      { kind: 'firewallRule.delete', policyId: HUB, groupName: 'rcg-aml', collectionName: 'net-monitor', ruleName: 'monitor' },
      { kind: 'firewallRule.delete', policyId: HUB, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', ruleName: 'studio' },
    ]);
    if ('error' in r) throw new Error(r.error.message);
    const cols = collections(r.snapshot, HUB, 'rcg-aml');
    expect(cols.map((c) => c.name)).toEqual(['app-aml-fqdns']);
    expect(cols[0]!.rules.map((x) => x.name)).not.toContain('studio');
    expect(status(evaluateEstate(base), 'F13', 'ml.azure.com')).toBe('allowed');
    expect(status(evaluateEstate(r.snapshot), 'F13', 'ml.azure.com')).not.toBe('allowed');
  });
});

describe('validation: each error names its field', () => {
  const add = (over: Partial<Extract<Edit, { kind: 'firewallRule.add' }>>): Edit => ({ kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', rule: appRule(), ...over });
  const newNet = (rule: FirewallNetworkRuleSpec): Edit => add({ collectionName: 'net-x', collection: { action: 'Allow', priority: 150 }, rule });
  const cases: [string, Edit, string][] = [
    ['unknown policy', add({ policyId: `${HUB}-nope` }), 'policyId'],
    ['new group without priority', add({ groupName: 'rcg-x' }), 'groupPriority'],
    ['group priority below 100', add({ groupName: 'rcg-x', groupPriority: 99, collection: { action: 'Allow', priority: 100 } }), 'groupPriority'],
    ['group priority above 65000', add({ groupName: 'rcg-x', groupPriority: 65001, collection: { action: 'Allow', priority: 100 } }), 'groupPriority'],
    ['group priority taken', add({ groupName: 'rcg-x', groupPriority: 300, collection: { action: 'Allow', priority: 100 } }), 'groupPriority'],
    ['bad group name', add({ groupName: '-rcg', groupPriority: 400, collection: { action: 'Allow', priority: 100 } }), 'groupName'],
    ['existing group, other priority', add({ groupPriority: 400 }), 'groupPriority'],
    ['new collection without action/priority', add({ collectionName: 'net-x', rule: netRule() }), 'collection'],
    ['collection priority above 65000', add({ collectionName: 'net-x', collection: { action: 'Allow', priority: 70000 }, rule: netRule() }), 'collection.priority'],
    ['collection priority taken in the group', add({ collectionName: 'net-x', collection: { action: 'Allow', priority: 200 }, rule: netRule() }), 'collection.priority'],
    ['existing collection, other action', add({ collection: { action: 'Deny', priority: 200 } }), 'collection'],
    ['network rule in an application collection', add({ rule: netRule() }), 'rule.ruleType'],
    ['rule name taken in the collection', add({ rule: appRule({ name: 'Batch' }) }), 'rule.name'],
    ['bad rule name', add({ rule: appRule({ name: 'bad name!' }) }), 'rule.name'],
    ['protocol not in the schema', newNet(netRule({ ipProtocols: ['SCTP' as 'TCP'] })), 'rule.ipProtocols'],
    ['protocol in the wrong case', newNet(netRule({ ipProtocols: ['tcp' as 'TCP'] })), 'rule.ipProtocols'],
    ['no protocol', newNet(netRule({ ipProtocols: [] })), 'rule.ipProtocols'],
    ['port out of range', newNet(netRule({ destinationPorts: ['70000'] })), 'rule.destinationPorts'],
    ['reversed port range', newNet(netRule({ destinationPorts: ['443-80'] })), 'rule.destinationPorts'],
    ['port text', newNet(netRule({ destinationPorts: ['https'] })), 'rule.destinationPorts'],
    ['no destination', newNet(netRule({ destinationAddresses: [] })), 'rule.destinationAddresses'],
    ['bad destination address', newNet(netRule({ destinationAddresses: ['10.0.0.300'] })), 'rule.destinationAddresses'],
    ['wildcard FQDN in a network rule', newNet(netRule({ destinationAddresses: [], destinationFqdns: ['*.tundra.azureml.ms'] })), 'rule.destinationFqdns'],
    ['service tag as source', newNet(netRule({ sourceAddresses: ['VirtualNetwork'] })), 'rule.sourceAddresses'],
    ['no source', newNet(netRule({ sourceAddresses: [] })), 'rule.sourceAddresses'],
    ['unknown source IP group', newNet(netRule({ sourceIpGroups: [`${HUB.replace(/firewallPolicies\/.*/, 'ipGroups/ipg-none')}`] })), 'rule.sourceIpGroups'],
    ['unknown destination IP group', newNet(netRule({ destinationIpGroups: ['/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/ipGroups/z'] })), 'rule.destinationIpGroups'],
    ['wildcard in the middle', add({ rule: appRule({ name: 'x', targetFqdns: ['www.*.com'] }) }), 'rule.targetFqdns'],
    ['wildcard at the end', add({ rule: appRule({ name: 'x', targetFqdns: ['www.contoso.*'] }) }), 'rule.targetFqdns'],
    ['empty label', add({ rule: appRule({ name: 'x', targetFqdns: ['foo..com'] }) }), 'rule.targetFqdns'],
    ['no target', add({ rule: appRule({ name: 'x', targetFqdns: [] }) }), 'rule.targetFqdns'],
    ['application port above 64000', add({ rule: appRule({ name: 'x', protocols: [{ protocolType: 'Https', port: 64001 }] }) }), 'rule.protocols'],
    ['Mssql in a policy rule', add({ rule: appRule({ name: 'x', protocols: [{ protocolType: 'Mssql' as 'Https', port: 1433 }] }) }), 'rule.protocols'],
    ['unknown group (update)', { kind: 'firewallRule.update', policyId: HUB, groupName: 'nope', collectionName: 'x', ruleName: 'y', changes: {} }, 'groupName'],
    ['unknown collection (delete)', { kind: 'firewallRule.delete', policyId: HUB, groupName: 'rcg-aml', collectionName: 'nope', ruleName: 'y' }, 'collectionName'],
    ['unknown rule (delete)', { kind: 'firewallRule.delete', policyId: HUB, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', ruleName: 'nope' }, 'ruleName'],
    ['field of the other rule type (update)', { kind: 'firewallRule.update', policyId: BASE, groupName: 'rcg-platform', collectionName: 'net-aml-service-tags', ruleName: 'arm', changes: { protocols: [{ protocolType: 'Https', port: 443 }] } }, 'changes.protocols'],
    ['bad value (update)', { kind: 'firewallRule.update', policyId: BASE, groupName: 'rcg-platform', collectionName: 'net-aml-service-tags', ruleName: 'arm', changes: { destinationPorts: ['0-99999'] } }, 'changes.destinationPorts'],
  ];
  it.each(cases)('%s', (_name, edit, field) => {
    const r = applyEdit(base, edit);
    expect('error' in r ? r.error.field : 'applied').toBe(field);
    if ('error' in r) expect(r.error.message.length).toBeGreaterThan(10);
  });

  it('the valid forms pass: ranges, *, IPv4 range addresses, Any, wildcard application FQDNs, FQDN tags', () => {
    const r = applyEdits(base, [
      { kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'net-x', collection: { action: 'Deny', priority: 100 }, rule: netRule({ ipProtocols: ['Any', 'ICMP'], sourceAddresses: ['*'], destinationAddresses: ['10.1.0.0/16', '10.2.0.1-10.2.0.9', '*'], destinationPorts: ['*', '8000-8100'] }) },
      { kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', rule: appRule({ name: 'tags', targetFqdns: ['*contoso.com', '*'], fqdnTags: ['WindowsUpdate'], protocols: [{ protocolType: 'Http', port: 8080 }] }) },
    ]);
    expect('error' in r ? r.error.message : 'ok').toBe('ok');
  });

  it('unknown service tags are refused when the snapshot has tag data', () => {
    const withTags: Snapshot = { ...base, serviceTags: { changeNumber: 1, cloud: 'AzureCloud', tags: [{ name: 'AzureMonitor', addressPrefixes: ['20.0.0.0/24'] }] } as unknown as Snapshot['serviceTags'] };
    const edit = (tag: string): Edit => ({ kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'net-x', collection: { action: 'Allow', priority: 100 }, rule: netRule({ destinationAddresses: [tag] }) });
    expect('error' in applyEdit(withTags, edit('AzureMonitor'))).toBe(false);
    const r = applyEdit(withTags, edit('AzureMonitr'));
    expect('error' in r && r.error.field).toBe('rule.destinationAddresses');
  });
});

describe('firewall edits: schema and description', () => {
  const edits: Edit[] = [
    { kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'net-monitor', collection: { action: 'Allow', priority: 150 }, rule: netRule() },
    { kind: 'firewallRule.add', policyId: HUB, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', rule: appRule() },
    { kind: 'firewallRule.update', policyId: BASE, groupName: 'rcg-platform', collectionName: 'net-aml-service-tags', ruleName: 'arm', changes: { destinationPorts: ['443'] } },
    { kind: 'firewallRule.delete', policyId: HUB, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', ruleName: 'studio' },
  ];
  it('round-trips through editSchema (project files, IPC)', () => {
    for (const e of edits) expect(editSchema.parse(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });
  it('editSchema rejects a NAT rule, an unknown protocol and an unknown change field', () => {
    const bad = [
      { ...edits[0], rule: { ...netRule(), ruleType: 'NatRule' } },
      { ...edits[0], rule: { ...netRule(), ipProtocols: ['SCTP'] } },
      { ...edits[2], changes: { translatedPort: '80' } },
    ];
    for (const b of bad) expect(editSchema.safeParse(b).success).toBe(false);
  });
  it('describes each edit in one line', () => {
    expect(edits.map(describeEdit)).toEqual([
      'firewall policy afwp-hub: add network rule monitor to rcg-aml/net-monitor (new Allow collection at 150)',
      'firewall policy afwp-hub: add application rule mcr to rcg-aml/app-aml-fqdns',
      'firewall policy afwp-base: change rule rcg-platform/net-aml-service-tags/arm (destinationPorts)',
      'firewall policy afwp-hub: delete rule rcg-aml/app-aml-fqdns/studio',
    ]);
  });
});

describe('groups nested in their policy (template-style dumps)', () => {
  it('an edit of a nested group writes a separate record that the evaluator and the export use', () => {
    const nestedGroup = group(base, HUB, 'rcg-aml');
    const policy = base.firewallPolicies.get(idKey(HUB))!;
    const groups = new Map(base.ruleCollectionGroups);
    groups.delete(idKey(nestedGroup.id));
    const nested: Snapshot = {
      ...base, ruleCollectionGroups: groups,
      firewallPolicies: new Map(base.firewallPolicies).set(idKey(HUB), { ...policy, inlineRuleCollectionGroups: [nestedGroup] }),
    };
    expect(status(evaluateEstate(nested), 'F13', 'ml.azure.com')).toBe('allowed');
    const r = applied(nested, { kind: 'firewallRule.delete', policyId: HUB, groupName: 'rcg-aml', collectionName: 'app-aml-fqdns', ruleName: 'studio' });
    expect(r.snapshot.ruleCollectionGroups.get(idKey(nestedGroup.id))).toBeDefined();
    expect(status(evaluateEstate(r.snapshot), 'F13', 'ml.azure.com')).not.toBe('allowed');
    const plan = planDeployment(r.snapshot, r.changes);
    expect(plan.resources.map((p) => p.names)).toEqual([['afwp-hub', 'rcg-aml']]);
  });
});
