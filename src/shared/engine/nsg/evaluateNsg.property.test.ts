import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityRule } from '../../model/resources';
import { TagIndex } from '../../servicetags/tagIndex';
import { DEFAULT_ASSUMPTIONS } from '../assumptions';
import { SAMPLE_TAGS } from '../testing/sampleTags';
import { nsg, rule } from '../testing/snapshotBuilder';
import { evaluateNsg, type NsgContext, type NsgFlow } from './evaluateNsg';

const ctxs: NsgContext[] = [TagIndex.empty(), TagIndex.from(SAMPLE_TAGS)].map((tags) => ({
  tags, virtualNetworkPrefixes: ['10.1.0.0/16', '168.63.129.16/32'], asgIds: [], assumptions: DEFAULT_ASSUMPTIONS,
}));

const addresses = ['*', 'Internet', 'VirtualNetwork', 'Storage', 'Storage.WestEurope', 'Storage.NorthEurope', '20.38.0.0/16', '20.0.0.0/8', '10.0.0.0/8', '10.1.0.0/25', '203.0.113.0/24'];
const ports = ['*', '443', '80', '400-500', '80,443', '1-1000'];

const ruleSpec = fc.record({
  direction: fc.constantFrom('Inbound' as const, 'Outbound' as const),
  access: fc.constantFrom('Allow' as const, 'Deny' as const),
  protocol: fc.constantFrom('Tcp' as const, 'Udp' as const, '*' as const),
  source: fc.constantFrom(...addresses),
  destination: fc.constantFrom(...addresses),
  port: fc.constantFrom(...ports),
});

/** Rules with distinct priorities (equal priorities are a config error, N15). */
const rulesArb = fc.uniqueArray(fc.integer({ min: 100, max: 4000 }), { maxLength: 12 })
  .chain((prios) => fc.tuple(...prios.map((p) => ruleSpec.map((s) => rule(`r${p}`, { priority: p, ...s })))))
  .map((rs) => rs as SecurityRule[]);

const endpoints: NsgFlow['destination'][] = [
  { kind: 'tag', tag: 'Storage.WestEurope' }, { kind: 'tag', tag: 'AzureMachineLearning' }, { kind: 'ip', ip: '203.0.113.9' },
  { kind: 'ip', ip: '20.38.1.1' }, { kind: 'cidrs', cidrs: ['10.1.0.0/24'] }, { kind: 'ip', ip: '10.1.0.4' },
];
const flowArb = fc.record({
  direction: fc.constantFrom('Inbound' as const, 'Outbound' as const),
  protocol: fc.constantFrom('Tcp' as const, 'Udp' as const),
  source: fc.constantFrom(...endpoints),
  destination: fc.constantFrom(...endpoints),
  destinationPort: fc.constantFrom(443, 80, 8787),
});
const ctxArb = fc.constantFrom(...ctxs);

const verdict = (rules: SecurityRule[], flow: NsgFlow, ctx: NsgContext) => {
  const d = evaluateNsg(nsg('p', rules), 'subnet', 's', flow, ctx);
  return { access: d.access, rule: d.rule?.name };
};

describe('evaluateNsg properties', () => {
  it('the verdict does not depend on the order rules are listed in', () => {
    fc.assert(fc.property(rulesArb, flowArb, ctxArb, fc.infiniteStream(fc.nat()), (rules, flow, ctx, seeds) => {
      const shuffled = [...rules].sort(() => (seeds.next().value % 3) - 1);
      expect(verdict(shuffled, flow, ctx)).toEqual(verdict(rules, flow, ctx));
    }));
  });

  it('adding a custom rule after the deciding custom rule never changes the verdict', () => {
    fc.assert(fc.property(rulesArb, flowArb, ctxArb, ruleSpec, fc.integer({ min: 1, max: 90 }), (rules, flow, ctx, extra, gap) => {
      const d = evaluateNsg(nsg('p', rules), 'subnet', 's', flow, ctx);
      fc.pre(d.rule !== undefined && !d.rule.isDefault && d.access !== 'Unknown');
      const prio = (d.rule as SecurityRule).priority + gap;
      fc.pre(prio <= 4096 && !rules.some((r) => r.priority === prio));
      const after = [...rules, rule('extra', { priority: prio, ...extra })];
      expect(verdict(after, flow, ctx)).toEqual({ access: d.access, rule: d.rule?.name });
    }));
  });

  it('a rule that matches the whole flow, placed first, decides it', () => {
    fc.assert(fc.property(rulesArb, flowArb, ctxArb, fc.constantFrom('Allow' as const, 'Deny' as const), (rules, flow, ctx, access) => {
      const first = rule('first', { priority: 99, direction: flow.direction, access });
      expect(verdict([...rules, first], flow, ctx)).toEqual({ access, rule: 'first' });
    }));
  });

  it('with prefix data, a decided tag verdict holds for every address of the tag', () => {
    const data = ctxs[1] as NsgContext;
    const probes = ['20.38.0.1', '20.38.200.9', '20.60.0.1', '20.60.77.7'];
    fc.assert(fc.property(rulesArb, fc.constantFrom(443, 80), (rules, port) => {
      const flow = (destination: NsgFlow['destination']): NsgFlow => ({ direction: 'Outbound', protocol: 'Tcp', source: { kind: 'ip', ip: '10.1.0.4' }, destination, destinationPort: port });
      const set = verdict(rules, flow({ kind: 'tag', tag: 'Storage' }), data).access;
      const points = new Set(probes.map((ip) => verdict(rules, flow({ kind: 'ip', ip }), data).access));
      if (set !== 'Unknown') expect([...points]).toEqual([set]);
      if (points.size > 1) expect(set).toBe('Unknown');
    }));
  });

  it('with prefix data, an IP destination is never Unknown for lack of data', () => {
    const data = ctxs[1] as NsgContext;
    fc.assert(fc.property(rulesArb, flowArb, (rules, flow) => {
      const exact: NsgFlow = { ...flow, direction: 'Outbound', source: { kind: 'ip', ip: '10.1.0.4' }, destination: { kind: 'ip', ip: '20.38.1.1' } };
      expect(verdict(rules, exact, data).access).not.toBe('Unknown');
    }));
  });
});
