import { describe, expect, it } from 'vitest';
import { decidedByText, ownerName } from './decidedByText';
import { FIXTURE_IDS } from './verdictFixture';

describe('decidedByText', () => {
  it('names the NSG that holds a rule, not the rule twice', () => {
    expect(ownerName(FIXTURE_IDS.denyInternet)).toBe('nsg-cluster');
    expect(decidedByText({ layer: 'nsg', resourceId: FIXTURE_IDS.denyInternet, name: 'Deny-Internet-Out', priority: 4000 }))
      .toBe('nsg nsg-cluster › Deny-Internet-Out @4000');
  });

  it('shows where a firewall policy rule sits, without repeating the collection priority on the rule', () => {
    expect(decidedByText({ layer: 'firewall', resourceId: FIXTURE_IDS.policy, policyId: FIXTURE_IDS.policy, name: 'mcr', priority: 100,
      ruleCollectionGroup: 'rcg-platform', ruleCollectionGroupPriority: 200, ruleCollection: 'net', ruleCollectionPriority: 100 }))
      .toBe('firewall afwp-hub › rcg-platform@200 › net@100 › mcr');
  });

  it('falls back to what is known: a route by its table, a layer alone', () => {
    expect(decidedByText({ layer: 'route', resourceId: `${FIXTURE_IDS.routeTable}/routes/default-to-afw-hub`, name: 'default-to-afw-hub' }))
      .toBe('route rt-compute › default-to-afw-hub');
    expect(decidedByText({ layer: 'outbound' })).toBe('outbound');
    expect(decidedByText({ layer: 'prerequisite', priority: 7 })).toBe('prerequisite @7');
  });
});
