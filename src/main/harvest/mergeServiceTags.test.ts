import { describe, expect, it } from 'vitest';
import { mergeServiceTags } from './mergeServiceTags';

const tag = (name: string, prefix: string) => ({ name, id: name, properties: { addressPrefixes: [prefix] } });

describe('mergeServiceTags', () => {
  it('dedupes tags by name (first wins), keeps the highest change number and the first cloud', () => {
    const merged = mergeServiceTags([
      { changeNumber: 10, cloud: 'Public', values: [tag('Storage', '1.0.0.0/8'), tag('AzureMachineLearning', '2.0.0.0/8')] },
      { changeNumber: 12, cloud: 'Other', values: [tag('storage', '9.0.0.0/8'), tag('Storage.WestEurope', '3.0.0.0/8')] },
    ]);
    expect(merged).toEqual({ changeNumber: 12, cloud: 'Public', values: [tag('Storage', '1.0.0.0/8'), tag('AzureMachineLearning', '2.0.0.0/8'), tag('Storage.WestEurope', '3.0.0.0/8')] });
  });

  it('is undefined with no answer', () => {
    expect(mergeServiceTags([])).toBeUndefined();
  });
});
