import { describe, expect, it } from 'vitest';
import { idKey } from '../model';
import { IDS, fixtureSnapshot } from '../../../test/whatif/fixtureSnapshot';
import { applyEdit } from './applyEdit';
import type { RuleSpec } from './edits';

const allowStorage: RuleSpec = {
  name: 'allow-storage-out', priority: 150, direction: 'Outbound', access: 'Allow', protocol: 'Tcp',
  sourceAddressPrefixes: ['VirtualNetwork'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['Storage.westeurope'], destinationPortRanges: ['443'],
};

function rulesOf(s: ReturnType<typeof fixtureSnapshot>) {
  return s.nsgs.get(idKey(IDS.nsg))!.securityRules;
}

describe('nsgRule edits', () => {
  it('adds a rule and records the ARM child resource it creates', () => {
    const before = fixtureSnapshot();
    const r = applyEdit(before, { kind: 'nsgRule.add', nsgId: IDS.nsg, rule: allowStorage });
    if (!('snapshot' in r)) throw new Error(r.error.message);
    expect(rulesOf(r.snapshot).map((x) => x.name)).toContain('allow-storage-out');
    expect(rulesOf(before)).toHaveLength(3);
    expect(r.changes).toEqual([{ action: 'create', resourceId: `${IDS.nsg}/securityRules/allow-storage-out`, type: 'Microsoft.Network/networkSecurityGroups/securityRules' }]);
  });

  it.each([
    [{ priority: 99 }, 'rule.priority', /100–4096/],
    [{ priority: 4097 }, 'rule.priority', /100–4096/],
    [{ priority: 200 }, 'rule.priority', /deny-internet-out/],
    [{ name: 'Deny-Internet-Out' }, 'rule.name', /already has a rule/],
    [{ name: '-bad' }, 'rule.name', /invalid/],
    [{ name: 'x'.repeat(81) }, 'rule.name', /invalid/],
    [{ name: 'ends-with-dot.' }, 'rule.name', /invalid/],
    [{ destinationAddressPrefixes: ['Storage', 'AzureMachineLearning'] }, 'rule.destinationAddressPrefixes', /one service tag/],
    [{ destinationAddressPrefixes: ['Storage', '10.0.0.0/8'] }, 'rule.destinationAddressPrefixes', /only destination prefix/],
    [{ destinationAddressPrefixes: ['not a tag!'] }, 'rule.destinationAddressPrefixes', /neither an IP/],
    [{ destinationPortRanges: ['70000'] }, 'rule.destinationPortRanges', /not a port/],
    [{ destinationPortRanges: ['500-400'] }, 'rule.destinationPortRanges', /not a port/],
    [{ protocol: 'TCP' as never }, 'rule.protocol', /Protocol/],
    [{ sourceAsgIds: ['/x/asg1', '/x/asg2'] }, 'rule.sourceAddressPrefixes', /one application security group/],
  ])('rejects %j with field %s', (patch, field, message) => {
    const r = applyEdit(fixtureSnapshot(), { kind: 'nsgRule.add', nsgId: IDS.nsg, rule: { ...allowStorage, ...patch } });
    expect('error' in r && r.error.field).toBe(field);
    expect('error' in r && r.error.message).toMatch(message);
  });

  it('allows the same priority in the other direction', () => {
    const r = applyEdit(fixtureSnapshot(), { kind: 'nsgRule.add', nsgId: IDS.nsg, rule: { ...allowStorage, direction: 'Inbound', priority: 200 } });
    expect('snapshot' in r).toBe(true);
  });

  it('checks a service tag against the snapshot tag data when it has some', () => {
    const s = { ...fixtureSnapshot(), serviceTags: { cloud: 'AzureCloud', source: 't', tags: [{ name: 'Storage.WestEurope', region: 'westeurope', systemService: 'AzureStorage', addressPrefixes: ['20.1.0.0/16'] }] } };
    expect('snapshot' in applyEdit(s, { kind: 'nsgRule.add', nsgId: IDS.nsg, rule: allowStorage })).toBe(true);
    const bad = applyEdit(s, { kind: 'nsgRule.add', nsgId: IDS.nsg, rule: { ...allowStorage, destinationAddressPrefixes: ['Storage.Mars'] } });
    expect('error' in bad && bad.error.message).toMatch(/Storage.Mars/);
  });

  it('updates, reprioritizes and deletes a rule, keeping its id', () => {
    const s = fixtureSnapshot();
    const up = applyEdit(s, { kind: 'nsgRule.update', nsgId: IDS.nsg, ruleName: 'allow-aml-out', changes: { destinationPortRanges: ['443', '8787'] } });
    if (!('snapshot' in up)) throw new Error(up.error.message);
    const rule = rulesOf(up.snapshot).find((x) => x.name === 'allow-aml-out')!;
    expect(rule.destinationPortRanges).toEqual(['443', '8787']);
    expect(rule.id).toBe(`${IDS.nsg}/securityRules/allow-aml-out`);
    expect(up.changes[0]?.action).toBe('update');

    const re = applyEdit(up.snapshot, { kind: 'nsgRule.reprioritize', nsgId: IDS.nsg, ruleName: 'ALLOW-AML-OUT', priority: 150 });
    if (!('snapshot' in re)) throw new Error(re.error.message);
    expect(rulesOf(re.snapshot).find((x) => x.name === 'allow-aml-out')!.priority).toBe(150);
    // its own old priority is not a clash
    expect('snapshot' in applyEdit(s, { kind: 'nsgRule.reprioritize', nsgId: IDS.nsg, ruleName: 'allow-aml-out', priority: 4000 })).toBe(true);
    const clash = applyEdit(s, { kind: 'nsgRule.reprioritize', nsgId: IDS.nsg, ruleName: 'allow-aml-out', priority: 200 });
    expect('error' in clash && clash.error.field).toBe('rule.priority');

    const del = applyEdit(re.snapshot, { kind: 'nsgRule.delete', nsgId: IDS.nsg, ruleName: 'deny-internet-out' });
    if (!('snapshot' in del)) throw new Error(del.error.message);
    expect(rulesOf(del.snapshot).map((x) => x.name)).not.toContain('deny-internet-out');
    expect(del.changes[0]).toMatchObject({ action: 'delete', resourceId: `${IDS.nsg}/securityRules/deny-internet-out` });
  });

  it('refuses to touch default rules or unknown NSGs', () => {
    const s = fixtureSnapshot();
    const d = applyEdit(s, { kind: 'nsgRule.delete', nsgId: IDS.nsg, ruleName: 'DenyAllOutBound' });
    expect('error' in d && d.error.message).toMatch(/default rules cannot be deleted/);
    const n = applyEdit(s, { kind: 'nsgRule.add', nsgId: `${IDS.nsg}-nope`, rule: allowStorage });
    expect('error' in n && n.error.field).toBe('nsgId');
  });
});
