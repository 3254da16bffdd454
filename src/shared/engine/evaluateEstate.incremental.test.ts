/**
 * The incremental evaluator must give exactly what a fresh evaluation gives, while re-evaluating
 * only the computes whose inputs changed.
 */
import { describe, expect, it } from 'vitest';
import { idKey } from '../model/armId';
import type { Snapshot } from '../model/snapshot';
import { createEvaluator, evaluateEstate } from './evaluateEstate';
import { amlEstate } from './testing/amlEstate';
import { buildSnapshot, compute, nsg, rule, subnet, vnet, workspace } from './testing/snapshotBuilder';
import { buildSnapshot as ingest, toSnapshotFile } from '../ingest';
import { syntheticEstate } from '../testing/syntheticEstate';

/** Two independent VNets, each with a cluster behind its own NSG. */
function twoVnets(): Snapshot {
  const ws = workspace('mlw');
  const va = vnet('vnet-a', ['10.10.0.0/16']);
  const vb = vnet('vnet-b', ['10.20.0.0/16']);
  const na = nsg('nsg-a', [rule('AllowAml', { priority: 100, direction: 'Outbound', access: 'Allow', destination: 'AzureMachineLearning' })]);
  const nb = nsg('nsg-b', [rule('AllowAml', { priority: 100, direction: 'Outbound', access: 'Allow', destination: 'AzureMachineLearning' })]);
  const sa = subnet(va, 's', '10.10.0.0/24', { nsgId: na.id });
  const sb = subnet(vb, 's', '10.20.0.0/24', { nsgId: nb.id });
  return buildSnapshot({
    vnets: [va, vb], subnets: [sa, sb], nsgs: [na, nb], workspaces: [ws],
    computes: [compute(ws, 'ca', { subnetId: sa.id }), compute(ws, 'cb', { subnetId: sb.id })],
  });
}

function replaceNsg(s: Snapshot, name: string, f: (n: NonNullable<ReturnType<Snapshot['nsgs']['get']>>) => NonNullable<ReturnType<Snapshot['nsgs']['get']>>): Snapshot {
  const entry = [...s.nsgs.entries()].find(([, n]) => n.name === name);
  if (!entry) throw new Error(name);
  const nsgs = new Map(s.nsgs);
  nsgs.set(entry[0], f(entry[1]));
  return { ...s, nsgs };
}

describe('createEvaluator', () => {
  it('re-evaluates only the compute behind the edited NSG, and agrees with a fresh evaluation', () => {
    const base = twoVnets();
    const ev = createEvaluator();
    ev.evaluate(base);
    expect(ev.lastRecomputed).toBe(2);

    const edited = replaceNsg(base, 'nsg-a', (n) => ({
      ...n,
      securityRules: [...n.securityRules, { ...rule('DenyUdp', { priority: 90, direction: 'Outbound', access: 'Deny', protocol: 'Udp' }), id: `${n.id}/securityRules/DenyUdp` }],
    }));
    const inc = ev.evaluate(edited);
    expect(ev.lastRecomputed).toBe(1);
    expect(inc).toEqual(evaluateEstate(edited));
    const ca = inc.computes.find((c) => c.name === 'ca');
    expect(ca?.flows.find((f) => f.port === 5831)?.status).toBe('blocked');
    expect(inc.computes.find((c) => c.name === 'cb')?.flows.find((f) => f.port === 5831)?.status).toBe('allowed');
  });

  it('reuses everything when nothing changed', () => {
    const s = twoVnets();
    const ev = createEvaluator();
    const a = ev.evaluate(s);
    const b = ev.evaluate({ ...s });
    expect(ev.lastRecomputed).toBe(0);
    expect(b.computes[0]).toBe(a.computes[0]);
  });

  it('a change to a private endpoint subnet NSG reaches computes in a peered VNet', () => {
    const e = amlEstate();
    const deny = nsg('nsg-pe', [rule('Deny445', { priority: 100, direction: 'Inbound', access: 'Deny', port: 445 })]);
    const s = buildSnapshot({ ...e.parts, nsgs: [deny], subnets: [{ ...e.peSubnet, nsgId: deny.id }, e.wsSubnet, e.computeSubnet] });
    const ev = createEvaluator();
    expect(ev.evaluate(s).computes[0]?.flows.find((f) => f.requirement === 'P9')?.status).toBe('allowed');
    // Turning the endpoint subnet's network policies on must re-evaluate the compute in VNet-C.
    const subnets = new Map(s.subnets);
    subnets.set(idKey(e.peSubnet.id), { ...(s.subnets.get(idKey(e.peSubnet.id)) ?? e.peSubnet), privateEndpointNetworkPolicies: 'Enabled' });
    const next = { ...s, subnets };
    const v = ev.evaluate(next);
    expect(ev.lastRecomputed).toBe(1);
    expect(v.computes[0]?.flows.find((f) => f.requirement === 'P9')?.status).toBe('blocked');
    expect(v).toEqual(evaluateEstate(next));
  });
});

describe('createEvaluator with subnets that share flow sets (subnetClass)', () => {
  it('agrees with a fresh evaluation when an edit makes an NSG tell its subnets apart, and back', () => {
    // 48 clusters over 11 compute VNets of 4 subnets each: alike subnets share flow sets.
    const base = ingest(toSnapshotFile(syntheticEstate({ computes: 60, vnets: 14, nsgRules: 40, subscriptions: 3, seed: 9 }), { fileName: 'synthetic' }));
    const cluster = [...base.computes.values()].find((c) => c.name.startsWith('cluster') && c.subnetId?.endsWith('snet-compute-1'));
    const sub = cluster?.subnetId ? base.subnets.get(idKey(cluster.subnetId)) : undefined;
    const guard = sub?.nsgId ? base.nsgs.get(idKey(sub.nsgId)) : undefined;
    if (!sub || !guard) throw new Error('no cluster in snet-compute-1 behind an NSG');
    const ev = createEvaluator();
    expect(ev.evaluate(base)).toEqual(evaluateEstate(base));
    // Deny Azure ML to that one subnet's prefix: its flows must stop being shared with its VNet's other subnets.
    const deny = { ...rule('DenyOneSubnet', { priority: 99, direction: 'Outbound', access: 'Deny', source: sub.addressPrefixes[0], destination: 'AzureMachineLearning' }), id: `${guard.id}/securityRules/DenyOneSubnet` };
    const edited = replaceNsg(base, guard.name, (n) => ({ ...n, securityRules: [deny, ...n.securityRules] }));
    const inc = ev.evaluate(edited);
    expect(inc).toEqual(evaluateEstate(edited));
    const o1 = (name: string | undefined) => inc.computes.find((c) => c.name === name)?.flows.find((f) => f.requirement === 'O1' && f.port === 443);
    expect(o1(cluster?.name)?.decidedBy.name).toBe('DenyOneSubnet');
    const neighbour = inc.computes.find((c) => c.name.startsWith('cluster') && c.subnetId !== sub.id && idKey(c.subnetId).startsWith(idKey(sub.vnetId)));
    expect(neighbour).toBeDefined();
    expect(o1(neighbour?.name)?.decidedBy.name).not.toBe('DenyOneSubnet');
    expect(ev.evaluate(base)).toEqual(evaluateEstate(base));
  });
});

describe('evaluateEstate (one-shot, records nothing)', () => {
  it.each([false, true])('equals the recording evaluator on a synthetic estate (firewall: %s)', (withFirewall) => {
    const s = ingest(toSnapshotFile(syntheticEstate({ computes: 60, vnets: 14, nsgRules: 40, subscriptions: 2, seed: 5, withFirewall }), { fileName: 'synthetic' }));
    const oneShot = evaluateEstate(s);
    expect(oneShot.summary.blocked + oneShot.summary.unknown).toBeGreaterThan(0);
    expect(oneShot).toEqual(createEvaluator().evaluate(s));
  });
});

