import { describe, expect, it } from 'vitest';
import { lastSegment } from './armId';

describe('lastSegment', () => {
  it('is the name at the end of an id, ignoring trailing slashes', () => {
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-c/subnets/snet-compute';
    expect(lastSegment(id)).toBe('snet-compute');
    expect(lastSegment(`${id}//`)).toBe('snet-compute');
    expect(lastSegment('vnet-c')).toBe('vnet-c');
    expect(lastSegment('')).toBe('');
    expect(lastSegment('///')).toBe('');
    expect(lastSegment('/a')).toBe('a');
  });
});
