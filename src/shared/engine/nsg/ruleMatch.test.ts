import { describe, expect, it } from 'vitest';
import { TagIndex } from '../../servicetags/tagIndex';
import { DEFAULT_ASSUMPTIONS } from '../assumptions';
import { nsg, rule } from '../testing/snapshotBuilder';
import { endpointOf, vnetScope } from './addressMatch';
import { parsedRules } from './parsedRule';
import { type MatchEnv, type MatchFlow, matchRule } from './ruleMatch';

const tags = TagIndex.empty();
const scope = vnetScope(['10.1.0.0/16']);
const env = (anyProtocolMatchesEspAh: boolean): MatchEnv => ({ tags, scope, asgKeys: new Set(), assumptions: { ...DEFAULT_ASSUMPTIONS, anyProtocolMatchesEspAh } });
const flow = (protocol: MatchFlow['protocol']): MatchFlow => ({
  direction: 'Outbound', protocol, destinationPort: 0,
  source: endpointOf({ kind: 'ip', ip: '10.1.0.4' }, tags, scope), destination: endpointOf({ kind: 'ip', ip: '203.0.113.5' }, tags, scope),
});
const anyRule = parsedRules(nsg('n', [rule('any', { priority: 100, direction: 'Outbound', access: 'Deny' })]), 'Outbound')[0];

describe('matchRule: protocol `*` vs ESP/AH (§1.1, assumption anyProtocolMatchesEspAh)', () => {
  it('matches ESP and AH by default', () => {
    if (!anyRule) throw new Error('rule missing');
    expect(matchRule(anyRule, flow('Esp'), env(true)).match).toBe('yes');
    expect(matchRule(anyRule, flow('Ah'), env(true)).match).toBe('yes');
  });

  it('does not when the assumption is off, and says why', () => {
    if (!anyRule) throw new Error('rule missing');
    const m = matchRule(anyRule, flow('Esp'), env(false));
    expect(m).toEqual({ match: 'no', reason: 'protocol Esp is not *' });
    expect(matchRule(anyRule, flow('Tcp'), env(false)).match).toBe('yes');
  });
});
