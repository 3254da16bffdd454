import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityRule } from '../../model/resources';
import { TagIndex } from '../../servicetags/tagIndex';
import { DEFAULT_ASSUMPTIONS } from '../assumptions';
import { nsg, rule } from '../testing/snapshotBuilder';
import { evaluateNsg, type NsgContext } from './evaluateNsg';
import { portsCover, ruleList, type Candidates, type RuleList } from './parsedRule';

const ctx: NsgContext = { tags: TagIndex.empty(), virtualNetworkPrefixes: ['10.1.0.0/16'], asgIds: [], assumptions: DEFAULT_ASSUMPTIONS };

/** Every candidate of a list, found the lazy way. */
function allCandidates(list: RuleList, c: Candidates): number[] {
  while (list.more(c)) { /* read on */ }
  return [...c.indices];
}

/** What parsing a rule reads (ordering reads only priority, name and direction). */
const PARSED_FIELDS = new Set<string | symbol>(['protocol', 'access', 'sourceAddressPrefixes', 'destinationAddressPrefixes', 'sourcePortRanges', 'destinationPortRanges', 'sourceAsgIds', 'destinationAsgIds']);

/** A rule whose fields count how often they are read (a rule nobody reads is never parsed). */
function watched(r: SecurityRule, reads: { n: number }): SecurityRule {
  // An id under the NSG already, so that nsg() keeps the proxy instead of copying the rule.
  return new Proxy({ ...r, id: `/nsg/securityRules/${r.name}` }, { get(target, key, receiver) {
    if (PARSED_FIELDS.has(key)) reads.n++;
    return Reflect.get(target, key, receiver);
  } });
}

describe('RuleList (lazy rule reading)', () => {
  it('never reads the rules after the first full match', () => {
    const reads = { n: 0 };
    const rules = [
      rule('allow-443', { priority: 100, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', destination: '*', port: '443' }),
      ...Array.from({ length: 50 }, (_, k) => watched(rule(`later-${k}`, { priority: 200 + k, direction: 'Outbound', access: 'Deny', port: '443' }), reads)),
    ];
    const d = evaluateNsg(nsg('n', rules), 'subnet', 's', { direction: 'Outbound', protocol: 'Tcp', source: { kind: 'cidrs', cidrs: ['10.1.0.0/24'] }, destination: { kind: 'tag', tag: 'Storage' }, destinationPort: 443 }, ctx);
    expect(d.access).toBe('Allow');
    expect(d.rule?.name).toBe('allow-443');
    expect(reads.n).toBe(0);
  });

  it('finds the same candidates, in the same order, as filtering every parsed rule', () => {
    const spec = fc.record({
      direction: fc.constantFrom('Inbound' as const, 'Outbound' as const),
      protocol: fc.constantFrom('Tcp' as const, 'Udp' as const, '*' as const, 'Icmp' as const),
      port: fc.constantFrom('*', '443', '80,443', '1000-2000', '22', 'bad-port', '70000'),
      source: fc.constantFrom('*', 'VirtualNetwork', '10.0.0.0/8', '999.1.1.1', 'Internet', ' 10.1.2.3'),
    });
    fc.assert(fc.property(fc.array(spec, { maxLength: 30 }), fc.constantFrom('Tcp', 'Udp', 'Icmp'), fc.constantFrom(22, 80, 443, 1500), (specs, protocol, port) => {
      const rules = specs.map((s, k) => rule(`r${k}`, { priority: 100 + k, access: 'Allow', ...s }));
      const list = ruleList(nsg('p', rules), 'Outbound');
      const lazy = allCandidates(list, list.candidates(protocol, port));
      const p = protocol.toLowerCase();
      const eager = list.all().flatMap((pr, i) => (protocol !== 'Tcp' && protocol !== 'Udp') || pr.invalid
        || ((pr.protocol === '*' || pr.protocolKey === p) && portsCover(pr.destinationPorts, port, port)) ? [i] : []);
      expect(lazy).toEqual(eager);
    }));
  });

  it('an edited NSG keeps the parse of the rules it shares with the previous record', () => {
    const original = nsg('same-id', Array.from({ length: 5 }, (_, k) => rule(`r${k}`, { priority: 100 + k, direction: 'Inbound', access: 'Allow' })));
    const before = ruleList(original, 'Inbound');
    const parsed = before.at(3);
    // A what-if edit: a new NSG record sharing every rule record but the edited one.
    const edited = { ...original, securityRules: original.securityRules.map((r, k) => (k === 1 ? { ...r, access: 'Deny' as const } : r)) };
    const after = ruleList(edited, 'Inbound');
    expect(after.at(3)).toBe(parsed);
    expect(after.at(1).access).toBe('Deny');
  });
});

describe('ruleList order', () => {
  it('is each direction\'s custom rules by priority (name on ties), then its default rules, whatever the listed order', () => {
    const spec = fc.record({
      priority: fc.integer({ min: 100, max: 110 }), name: fc.constantFrom('a', 'b', 'c', 'd'),
      direction: fc.constantFrom('Inbound' as const, 'Outbound' as const),
    });
    fc.assert(fc.property(fc.array(spec, { maxLength: 12 }), (specs) => {
      const rules = specs.map((r, i) => rule(`${r.name}${i % 3}`, { priority: r.priority, direction: r.direction, access: 'Allow' }));
      const n = nsg('p', rules);
      const byPriority = (a: SecurityRule, b: SecurityRule) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      for (const d of ['Inbound', 'Outbound'] as const) {
        const expected = [...n.securityRules.filter((r) => r.direction === d).sort(byPriority), ...n.defaultSecurityRules.filter((r) => r.direction === d).sort(byPriority)];
        expect(ruleList(n, d).rules).toEqual(expected);
        expect(ruleList(n, d).rules.every((r, i) => r === expected[i])).toBe(true);
      }
    }));
  });
});
