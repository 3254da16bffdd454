import { describe, expect, it } from 'vitest';
import { TagIndex } from '../../servicetags/tagIndex';
import { DEFAULT_ASSUMPTIONS } from '../assumptions';
import { SAMPLE_TAGS } from '../testing/sampleTags';
import { lookupRoute, tagRank } from './lookupRoute';
import type { EffectiveRoute } from './routeTypes';

const sym = { tags: TagIndex.empty(), assumptions: DEFAULT_ASSUMPTIONS };
const data = { tags: TagIndex.from(SAMPLE_TAGS), assumptions: DEFAULT_ASSUMPTIONS };
const sys = (addressPrefix: string, nextHopType: EffectiveRoute['nextHopType']): EffectiveRoute => ({ source: 'Default', addressPrefix, nextHopType, state: 'Active' });
const udr = (addressPrefix: string, nextHopType: EffectiveRoute['nextHopType'], nextHopIp?: string): EffectiveRoute => ({
  source: 'User', addressPrefix, nextHopType, state: 'Active', routeName: addressPrefix,
  ...(nextHopIp ? { nextHopIp } : {}), ...(/^[A-Za-z]/.test(addressPrefix) ? { tag: addressPrefix } : {}),
});
const BASE = [sys('10.0.0.0/16', 'VnetLocal'), sys('0.0.0.0/0', 'Internet'), sys('10.0.0.0/8', 'None')];

describe('lookupRoute: service-tag destinations without prefix data', () => {
  it('a tag route containing the destination beats 0.0.0.0/0 (M4: AzureMachineLearning → Internet)', () => {
    const routes = [...BASE, udr('0.0.0.0/0', 'VirtualAppliance', '10.0.100.4'), udr('AzureMachineLearning', 'Internet')];
    const d = lookupRoute(routes, { kind: 'tag', tag: 'AzureMachineLearning' }, sym);
    expect(d).toMatchObject({ status: 'resolved', nextHopType: 'Internet' });
    expect(d.route?.tag).toBe('AzureMachineLearning');
  });

  it('M5: a route for another tag does not apply; 0.0.0.0/0 to the firewall wins', () => {
    const routes = [...BASE, udr('0.0.0.0/0', 'VirtualAppliance', '10.0.100.4'), udr('BatchNodeManagement.westeurope', 'Internet')];
    const d = lookupRoute(routes, { kind: 'tag', tag: 'AzureMachineLearning' }, sym);
    expect(d).toMatchObject({ status: 'resolved', nextHopType: 'VirtualAppliance', nextHopIp: '10.0.100.4' });
  });

  it('a public CIDR route of unknown relation makes it unknown only if it leads elsewhere', () => {
    const elsewhere = [...BASE, udr('20.0.0.0/8', 'None')];
    const d = lookupRoute(elsewhere, { kind: 'tag', tag: 'Storage.westeurope' }, sym);
    expect(d.status).toBe('unknown');
    expect(d.route?.addressPrefix).toBe('20.0.0.0/8');
    const same = [...BASE, udr('20.0.0.0/8', 'Internet')];
    expect(lookupRoute(same, { kind: 'tag', tag: 'Storage.westeurope' }, sym).status).toBe('resolved');
    // Private prefixes never hold a public service tag.
    expect(lookupRoute([...BASE, udr('192.168.0.0/16', 'None')], { kind: 'tag', tag: 'Storage' }, sym).nextHopType).toBe('Internet');
  });

  it('with prefix data the same case is exact, and split when parts differ', () => {
    const routes = [...BASE, udr('20.38.0.0/17', 'None')];
    const d = lookupRoute(routes, { kind: 'tag', tag: 'Storage.WestEurope' }, data);
    expect(d.status).toBe('resolved');
    expect(d.split?.map((s) => [s.route.nextHopType, s.prefixes])).toEqual(
      expect.arrayContaining([['None', ['20.38.0.0/17']], ['Internet', ['20.38.128.0/17']]]),
    );
    expect(d.nextHopType).toBeUndefined();
    expect(lookupRoute(routes, { kind: 'tag', tag: 'Storage.NorthEurope' }, data).nextHopType).toBe('Internet');
  });

  it('tag routes the data lacks are doubtful for public IPs, irrelevant for private ones', () => {
    const routes = [...BASE, udr('AzureFrontDoor.Frontend', 'VirtualAppliance', '10.0.100.4')];
    expect(lookupRoute(routes, { kind: 'ip', ip: '20.38.1.1' }, data).status).toBe('unknown');
    expect(lookupRoute(routes, { kind: 'ip', ip: '10.0.3.3' }, data).nextHopType).toBe('VnetLocal');
  });

  it('subnet destinations are painted per prefix', () => {
    const routes = [...BASE, udr('10.0.1.0/25', 'VirtualAppliance', '10.0.100.4')];
    const d = lookupRoute(routes, { kind: 'cidrs', cidrs: ['10.0.1.0/24'] }, sym);
    expect(d.split).toHaveLength(2);
    expect(lookupRoute(routes, { kind: 'cidrs', cidrs: ['10.0.1.0/25'] }, sym).nextHopType).toBe('VirtualAppliance');
  });

  it('IPv6 destinations are unknown, not a crash', () => {
    expect(lookupRoute(BASE, { kind: 'ip', ip: '2001:db8::1' }, sym).status).toBe('unknown');
  });

  it('tag rank: regional > top-level > AzureCloud.<r> > AzureCloud', () => {
    expect(['Storage.WestEurope', 'Storage', 'AzureCloud.westeurope', 'AzureCloud'].map(tagRank)).toEqual([0, 1, 2, 3]);
  });
});
