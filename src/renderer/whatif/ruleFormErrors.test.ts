import { describe, expect, it } from 'vitest';
import type { NetworkSecurityGroup, SecurityRule } from '../../shared/model';
import type { RuleSpec } from '../../shared/whatif/edits';
import { freePriority, ruleFieldErrors } from './ruleFormErrors';

const rule = (name: string, priority: number, direction: 'Inbound' | 'Outbound' = 'Outbound'): SecurityRule => ({
  id: `/n/securityRules/${name}`, name, priority, direction, access: 'Deny', protocol: '*',
  sourceAddressPrefixes: ['*'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['*'], destinationPortRanges: ['*'],
  sourceAsgIds: [], destinationAsgIds: [],
} as unknown as SecurityRule);
const nsg = { id: '/n', name: 'nsg-a', securityRules: [rule('deny-all', 4000), rule('x', 3999)], defaultSecurityRules: [] } as unknown as NetworkSecurityGroup;
const good: RuleSpec = {
  name: 'allow-kv', priority: 200, direction: 'Outbound', access: 'Allow', protocol: 'Tcp',
  sourceAddressPrefixes: ['VirtualNetwork'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['10.0.0.0/24'], destinationPortRanges: ['443'],
};

describe('rule form errors', () => {
  it('a valid rule has none', () => {
    expect(ruleFieldErrors(good, nsg, undefined)).toEqual({});
  });
  it('reports every bad field at once, each in its own slot', () => {
    const errors = ruleFieldErrors({ ...good, name: '-bad', priority: 3999, destinationAddressPrefixes: ['10.0.0.300/24'], destinationPortRanges: ['70000'] }, nsg, undefined);
    expect(Object.keys(errors).sort()).toEqual(['destinationAddressPrefixes', 'destinationPortRanges', 'name', 'priority']);
    expect(errors.priority).toMatch(/already used by outbound rule "x"/);
    expect(errors.destinationPortRanges).toMatch(/70000/);
  });
  it('free priority: the largest below the deny, skipping used ones', () => {
    expect(freePriority(nsg, 'Outbound', 4000)).toBe(3998);
    expect(freePriority(nsg, 'Inbound', 4000)).toBe(3999);
  });
});
