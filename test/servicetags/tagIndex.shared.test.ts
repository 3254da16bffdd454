import { expect, it } from 'vitest';
import { describeWithShared, readSharedJson } from '../support/sharedReference';
import type { ServiceTagData } from '../../src/shared/model/serviceTags';
import type { ServiceTagsDocument } from '../../src/shared/model/snapshotFile';
import { TagIndex } from '../../src/shared/servicetags/tagIndex';

const FILE = 'reference/service-tags/ServiceTags_Public_20251028.trimmed.json';

/** Minimal local adapter (the project's parser lives in serviceTagData.ts, owned elsewhere). */
function toData(doc: ServiceTagsDocument): ServiceTagData {
  return {
    cloud: doc.cloud ?? 'Public',
    source: FILE,
    tags: doc.values.map((v) => ({
      name: v.name,
      region: v.properties.region ?? '',
      systemService: v.properties.systemService ?? '',
      addressPrefixes: v.properties.addressPrefixes,
    })),
  };
}

describeWithShared('TagIndex on the published service tags', [FILE], () => {
  const tags = TagIndex.from(toData(readSharedJson<ServiceTagsDocument>(FILE)));

  it('regional storage is inside global storage and disjoint from another region', () => {
    expect(tags.contains('Storage', 'Storage.WestEurope')).toBe('yes');
    expect(tags.overlaps('Storage.WestEurope', 'Storage.NorthEurope')).toBe('no');
    expect(tags.contains('Storage.WestEurope', 'Storage')).toBe('no');
  });

  it('finds region spellings the file abbreviates', () => {
    expect(tags.prefixes('Storage.germanywestcentral')?.length).toBeGreaterThan(0);
    expect(tags.prefixes('BatchNodeManagement.WestEurope')?.length).toBeGreaterThan(0);
  });

  it('AzureMachineLearning regional tags sit inside the global one', () => {
    expect(tags.contains('AzureMachineLearning', 'AzureMachineLearning.WestEurope')).toBe('yes');
    expect(tags.contains('Internet', 'AzureMachineLearning')).toBe('yes');
  });
});
