/** keyOf is a faster idKey; it must never give a different key. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idKey } from '../model';
import { keyOf } from './keys';
import { typeFromId } from './typeFromId';

describe('keyOf', () => {
  it('equals idKey on any string, including padded ids and trailing slashes', () => {
    const idLike = fc.tuple(
      fc.constantFrom('', ' ', '\t', '\n'),
      fc.array(fc.constantFrom('/', 'Subscriptions', 'a', 'B', 'resourceGroups', 'X-1', '.', ' '), { maxLength: 12 }).map((p) => p.join('')),
      fc.constantFrom('', '/', '//', ' ', '/ '),
    ).map(([a, b, c]) => a + b + c);
    fc.assert(fc.property(fc.oneof(idLike, fc.string()), (s) => keyOf(s) === idKey(s)), { numRuns: 2000 });
  });
});

describe('typeFromId', () => {
  it('reads nested types, including record sets and compute children', () => {
    const sub = '/subscriptions/s/resourceGroups/rg/providers';
    expect(typeFromId(`${sub}/Microsoft.Network/virtualNetworks/v/subnets/s`)).toBe('Microsoft.Network/virtualNetworks/subnets');
    expect(typeFromId(`${sub}/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms/A/abc/`)).toBe('Microsoft.Network/privateDnsZones/A');
    expect(typeFromId(`${sub}/Microsoft.MachineLearningServices/workspaces/w/computes/c`)).toBe('Microsoft.MachineLearningServices/workspaces/computes');
    // extension resources: the last provider segment decides
    expect(typeFromId(`${sub}/Microsoft.Network/virtualNetworks/v/providers/Microsoft.Authorization/locks/l`)).toBe('Microsoft.Authorization/locks');
  });

  it('gives undefined when the id names no type', () => {
    expect(typeFromId('/subscriptions/s')).toBeUndefined();
    expect(typeFromId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks')).toBeUndefined();
    expect(typeFromId('test-subnet-resource-id')).toBeUndefined();
  });
});
