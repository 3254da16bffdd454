import { describe, expect, it } from 'vitest';
import { TagIndex } from '../../servicetags/tagIndex';
import { nsg, rule } from '../testing/snapshotBuilder';
import { nsgConfigIssues } from './nsgConfigIssues';

const tags = TagIndex.empty();
const codes = (...rules: ReturnType<typeof rule>[]) => nsgConfigIssues(nsg('n', rules), tags).map((i) => i.code);

describe('nsgConfigIssues', () => {
  it('N15: two custom rules with the same priority and direction', () => {
    expect(codes(rule('a', { priority: 100, direction: 'Inbound', access: 'Allow' }), rule('b', { priority: 100, direction: 'Inbound', access: 'Deny' })))
      .toEqual(['nsg-duplicate-priority']);
    expect(codes(rule('a', { priority: 100, direction: 'Inbound', access: 'Allow' }), rule('b', { priority: 100, direction: 'Outbound', access: 'Deny' })))
      .toEqual([]);
  });

  it('N16: priority 99 or 4097', () => {
    expect(codes(rule('low', { priority: 99, direction: 'Inbound', access: 'Allow' }))).toEqual(['nsg-priority-range']);
    expect(codes(rule('high', { priority: 4097, direction: 'Inbound', access: 'Allow' }))).toEqual(['nsg-priority-range']);
    expect(codes(rule('ok', { priority: 4096, direction: 'Inbound', access: 'Allow' }))).toEqual([]);
  });

  it('N17: two service tags in one field', () => {
    expect(codes(rule('two', { priority: 100, direction: 'Inbound', access: 'Allow', sourceAddressPrefixes: ['Storage', 'AzureMachineLearning'] })))
      .toEqual(['nsg-multiple-tags']);
    expect(codes(rule('mix', { priority: 100, direction: 'Inbound', access: 'Allow', sourceAddressPrefixes: ['Storage', '10.0.0.0/8'] })))
      .toEqual(['nsg-multiple-tags']);
    expect(codes(rule('list', { priority: 100, direction: 'Inbound', access: 'Allow', sourceAddressPrefixes: ['10.0.0.0/8', '192.168.1.4'] })))
      .toEqual([]);
  });

  it('unreadable ports and unknown names', () => {
    expect(codes(rule('p', { priority: 100, direction: 'Inbound', access: 'Allow', port: '70000' }))).toEqual(['nsg-invalid-field']);
    expect(codes(rule('t', { priority: 100, direction: 'Inbound', access: 'Allow', destination: 'NotATag' }))).toEqual(['nsg-invalid-field']);
  });
});
