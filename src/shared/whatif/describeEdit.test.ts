import { describe, expect, it } from 'vitest';
import { ALL_EDITS } from '../../../test/export/allEdits';
import { describeEdit } from './describeEdit';

describe('describeEdit', () => {
  it('gives every edit family a distinct readable line', () => {
    const lines = ALL_EDITS.map(describeEdit);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines[0]).toBe('NSG nsg-compute: add Allow Outbound rule allow-storage at 150');
    expect(lines[10]).toBe('route table rt-compute: AzureMachineLearning → Internet');
    expect(lines.every((l) => !l.includes('/subscriptions/'))).toBe(true);
  });
});
