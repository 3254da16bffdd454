/** Service tag files → ServiceTagData: the published shape, cloud names, and bad shapes. */
import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedJson } from '../support/sharedReference';
import { IngestError } from '../../src/shared/ingest';
import { parseServiceTags } from '../../src/shared/servicetags/serviceTagData';

const TRIMMED = 'reference/service-tags/ServiceTags_Public_20251028.trimmed.json';

describeWithShared('the public download (trimmed copy)', [TRIMMED], () => {
  const data = parseServiceTags(readSharedJson(TRIMMED), 'ServiceTags_Public_20251028.trimmed.json');

  it('reads every tag with region, system service and prefixes', () => {
    expect(data).toMatchObject({ cloud: 'AzureCloud', changeNumber: 375, source: 'ServiceTags_Public_20251028.trimmed.json' });
    expect(data.tags).toHaveLength(355);
    const aml = data.tags.find((t) => t.name === 'AzureMachineLearning');
    expect(aml).toMatchObject({ region: '', systemService: 'AzureMachineLearning' });
    expect(aml?.addressPrefixes.length).toBeGreaterThan(10);
    const weu = data.tags.find((t) => t.name === 'Storage.WestEurope');
    expect(weu).toMatchObject({ region: 'westeurope', systemService: 'AzureStorage' });
    expect(data.tags.find((t) => t.name === 'AzureFrontDoor.Frontend')).toBeDefined();
  });
});

describe('parseServiceTags', () => {
  const doc = (cloud?: string) => ({ changeNumber: 1, ...(cloud ? { cloud } : {}), values: [{ name: 'Sql', id: 'Sql', properties: { addressPrefixes: ['1.2.3.0/24'] } }] });

  it('maps the download\'s cloud names to the ARM cloud names', () => {
    expect(parseServiceTags(doc('Public'), 'f').cloud).toBe('AzureCloud');
    expect(parseServiceTags(doc('China'), 'f').cloud).toBe('AzureChinaCloud');
    expect(parseServiceTags(doc('AzureGovernment'), 'f').cloud).toBe('AzureUSGovernment');
    expect(parseServiceTags(doc(), 'f').cloud).toBe('AzureCloud');
    expect(parseServiceTags(doc('SomethingNew'), 'f').cloud).toBe('SomethingNew');
  });

  it('defaults region and system service to empty, and records the source', () => {
    expect(parseServiceTags(doc(), 'tags.json', 'harvest')).toEqual({
      cloud: 'AzureCloud', changeNumber: 1, source: 'harvest', tags: [{ name: 'Sql', region: '', systemService: '', addressPrefixes: ['1.2.3.0/24'] }],
    });
  });

  it('rejects a bad shape with the file and JSON path', () => {
    const bad = { values: [{ name: 'Sql', properties: { addressPrefixes: '1.2.3.0/24' } }] };
    expect(() => parseServiceTags(bad, 'tags.json')).toThrow(IngestError);
    expect(() => parseServiceTags(bad, 'tags.json')).toThrow('tags.json: $.values[0].properties.addressPrefixes: expected array, got string');
    expect(() => parseServiceTags([], 'tags.json')).toThrow('tags.json: $: expected object, got array');
  });
});
