import { describe, expect, it } from 'vitest';
import { SAMPLE_TAGS } from '../engine/testing/sampleTags';
import { TagIndex } from './tagIndex';
import { parseTagName } from './tagNames';

describe('TagIndex (symbolic)', () => {
  const t = TagIndex.empty();

  it('knows tag names and tells them from addresses', () => {
    expect(t.hasPrefixData).toBe(false);
    expect(t.isTag('Storage.WestEurope')).toBe(true);
    expect(t.isTag('internet')).toBe(true);
    expect(t.isTag('AzureFrontDoor.Frontend')).toBe(true);
    expect(t.isTag('10.0.0.0/16')).toBe(false);
    expect(t.isTag('*')).toBe(false);
    expect(t.isTag('NotATag')).toBe(false);
    expect(t.prefixes('Storage')).toBeUndefined();
    expect(t.prefixes('AzureLoadBalancer')).toEqual(['168.63.129.16/32']);
  });

  it('splits regional names, dots in service names stay services', () => {
    expect(parseTagName('Storage.WestEurope')).toEqual({ key: 'storage.westeurope', service: 'storage', region: 'westeurope' });
    expect(parseTagName('AzureFrontDoor.Frontend').region).toBeUndefined();
    expect(parseTagName('AzureCloud.germanywc').region).toBe('germanywestcentral');
  });

  it('Internet contains public service tags, not VNet/platform tags (N6, N7)', () => {
    expect(t.contains('Internet', 'Storage.WestEurope')).toBe('yes');
    expect(t.contains('Internet', 'AzureMachineLearning')).toBe('yes');
    expect(t.contains('internet', 'AzureCloud')).toBe('yes');
    expect(t.contains('Internet', 'VirtualNetwork')).toBe('no');
    expect(t.contains('Internet', 'AzureLoadBalancer')).toBe('no');
    expect(t.contains('Internet', 'AzurePlatformDNS')).toBe('no');
    expect(t.contains('Storage', 'Internet')).toBe('no');
  });

  it('X contains X.region; regions are disjoint (N8)', () => {
    expect(t.contains('Storage', 'storage.westeurope')).toBe('yes');
    expect(t.contains('Storage.WestEurope', 'Storage')).toBe('no');
    expect(t.overlaps('Storage.WestEurope', 'Storage')).toBe('yes');
    expect(t.contains('Storage.WestEurope', 'Storage.NorthEurope')).toBe('no');
    expect(t.overlaps('Storage.WestEurope', 'Storage.NorthEurope')).toBe('no');
  });

  it('AzureCloud contains services; AzureCloud.<r> only the same region', () => {
    expect(t.contains('AzureCloud', 'Storage.WestEurope')).toBe('yes');
    expect(t.contains('AzureCloud.westeurope', 'Storage.WestEurope')).toBe('yes');
    expect(t.contains('AzureCloud.northeurope', 'Storage.WestEurope')).toBe('no');
    expect(t.contains('AzureCloud.westeurope', 'AzureMachineLearning')).toBe('unknown');
    expect(t.overlaps('AzureCloud.westeurope', 'AzureMachineLearning')).toBe('unknown');
    expect(t.contains('Storage', 'AzureCloud')).toBe('no');
  });

  it('different services are disjoint; unknown names are unknown', () => {
    expect(t.contains('Storage', 'AzureMachineLearning')).toBe('no');
    expect(t.overlaps('Storage', 'AzureMachineLearning')).toBe('no');
    expect(t.contains('Storage', 'SomethingNew')).toBe('unknown');
    expect(t.contains('AzureLoadBalancer', 'AzurePlatformDNS')).toBe('yes');
    expect(t.overlaps('AzurePlatformIMDS', 'AzurePlatformDNS')).toBe('no');
  });
});

describe('TagIndex (with prefix data)', () => {
  const t = TagIndex.from(SAMPLE_TAGS);

  it('returns prefixes case-insensitively and decides by CIDR', () => {
    expect(t.hasPrefixData).toBe(true);
    expect(t.prefixes('storage.westeurope')).toEqual(['20.38.0.0/16']);
    expect(t.contains('Storage', 'Storage.WestEurope')).toBe('yes');
    expect(t.contains('AzureCloud', 'Storage')).toBe('yes');
    expect(t.contains('Storage', 'AzureCloud')).toBe('no');
    expect(t.overlaps('Storage', 'AzureMachineLearning')).toBe('no');
    expect(t.isTag('AzureMachineLearning')).toBe(true);
  });

  it('falls back to symbolic rules for a tag the data lacks', () => {
    expect(t.contains('AzureCloud.westeurope', 'Storage.WestEurope')).toBe('yes');
    expect(t.contains('Internet', 'Storage')).toBe('yes');
  });

  it('exact data can disagree with the symbolic guess', () => {
    const odd = TagIndex.from({
      cloud: 'AzureCloud', source: 't',
      tags: [
        { name: 'Storage', region: '', systemService: '', addressPrefixes: ['20.38.0.0/16'] },
        { name: 'AzureMachineLearning', region: '', systemService: '', addressPrefixes: ['20.38.5.0/24'] },
      ],
    });
    expect(odd.contains('Storage', 'AzureMachineLearning')).toBe('yes');
  });
});
