import { describe, expect, it } from 'vitest';
import sampleJson from '../../../samples/sample-estate.json?raw';
import { evaluateEstate } from '../../shared/engine/evaluateEstate';
import type { FlowVerdict } from '../../shared/engine/verdict';
import { idKey } from '../../shared/model/armId';
import { buildSnapshot, toSnapshotFile } from '../../shared/ingest';
import { buildGraph, buildTree } from './buildGraph';
import { crossesFirewall, firewallHop } from './firewallHop';
import { externalId } from './ids';
import { resolveNodeId } from './resolveNode';
import { NO_FILTERS, type GraphEdge, type ViewState } from './types';

// The sample estate: cpu-cluster's default route goes to the hub firewall afw-hub, whose policy
// afwp-hub inherits afwp-base; O1 TCP 443 to AzureMachineLearning is allowed by afwp-base.
const snapshot = buildSnapshot(toSnapshotFile(JSON.parse(sampleJson), { fileName: 'sample-estate.json' }));
const verdict = evaluateEstate(snapshot);
const tree = buildTree(snapshot, verdict);
const ci = verdict.computes.findIndex((c) => c.name === 'cpu-cluster');
const cluster = verdict.computes[ci]!;
const clusterNode = idKey(cluster.id);
const afw = idKey([...snapshot.firewalls.values()].find((f) => f.name === 'afw-hub')!.id);
const aml = externalId('tag', 'AzureMachineLearning');
const o1Tcp443 = cluster.flows.findIndex((f) => f.requirement === 'O1' && f.protocol === 'Tcp' && f.port === 443);
const o1Udp = cluster.flows.findIndex((f) => f.requirement === 'O1' && f.protocol === 'Udp');
const view = (over: Partial<ViewState> = {}): ViewState => ({ expanded: new Set(), collapsed: new Set(), defaultExpanded: true, onlyRelevant: false, filters: NO_FILTERS, focus: clusterNode, ...over });
const carries = (e: GraphEdge | undefined, fi: number) => !!e?.flows?.some((r) => r.compute === ci && r.flow === fi);

describe('firewallHop (sample estate)', () => {
  const flow = cluster.flows[o1Tcp443]!;
  it('finds afw-hub for O1 TCP 443, which the base policy allows', () => {
    expect(flow.status).toBe('allowed');
    expect(flow.decidedBy).toMatchObject({ layer: 'firewall', ruleCollectionGroup: 'rcg-platform' });
    expect(tree.get(afw)?.resourceKind).toBe('firewall');
    expect(firewallHop(flow, snapshot, tree)).toBe(afw);
  });
  it('finds it by the route next hop IP when no step names the firewall, and by the policy chain when only the policy is known', () => {
    const byIp: FlowVerdict = { ...flow, trace: flow.trace.map((t) => (t.layer === 'firewall' ? { ...t, resourceId: undefined } : t)), decidedBy: { ...flow.decidedBy, resourceId: undefined } };
    expect(firewallHop(byIp, snapshot, tree)).toBe(afw);
    const byPolicy: FlowVerdict = { ...byIp, trace: byIp.trace.filter((t) => t.layer !== 'route') };
    expect(byPolicy.decidedBy.policyId).toMatch(/afwp-base$/);
    expect(firewallHop(byPolicy, snapshot, tree)).toBe(afw); // afwp-base is the base policy of afw-hub's afwp-hub
    const nothing: FlowVerdict = { ...byPolicy, decidedBy: { layer: 'firewall' } };
    expect(firewallHop(nothing, snapshot, tree)).toBeUndefined();
  });
  it('"select the resource at fault" on a policy or its rule collection group selects the firewall applying it', () => {
    const base = [...snapshot.firewallPolicies.values()].find((p) => p.name === 'afwp-base')!;
    expect(resolveNodeId(snapshot, tree, base.id)).toBe(afw);
    expect(resolveNodeId(snapshot, tree, `${base.id}/ruleCollectionGroups/rcg-platform`)).toBe(afw);
  });
  it('flows that never reach a firewall have no hop', () => {
    const udp = cluster.flows[o1Udp]!;
    expect(udp.decidedBy.layer).toBe('nsg');
    expect(crossesFirewall(udp)).toBe(false);
    expect(firewallHop(udp, snapshot, tree)).toBeUndefined();
  });
});

describe('flow overlay through the firewall (sample estate)', () => {
  const flowEdgesOf = (v: ViewState) => buildGraph(tree, snapshot, verdict, v).edges.filter((e) => e.kind === 'flow');
  it('draws O1 TCP 443 as compute → firewall → service tag, both segments with status and ports', () => {
    const edges = flowEdgesOf(view());
    const toFw = edges.find((e) => e.source === clusterNode && e.target === afw);
    const fromFw = edges.find((e) => e.source === afw && e.target === aml);
    expect(carries(toFw, o1Tcp443)).toBe(true);
    expect(carries(fromFw, o1Tcp443)).toBe(true);
    expect(fromFw?.status).toBe('allowed');
    expect(fromFw?.label).toMatch(/^✓ .*443/);
    // Some flows through afw-hub are denied by it, so the shared first segment wears the worst status.
    expect(toFw?.status).toBe('blocked');
    expect(toFw?.label?.startsWith('✕ ')).toBe(true);
    // The UDP flow the NSG blocks never reaches the firewall: it stays a direct edge.
    const direct = edges.find((e) => e.source === clusterNode && e.target === aml);
    expect(carries(direct, o1Tcp443)).toBe(false);
    expect(carries(direct, o1Udp)).toBe(true);
    expect(direct?.status).toBe('blocked');
  });
  it('goes through the collapsed hub VNet that stands for the firewall', () => {
    const hub = tree.get(tree.get(afw)!.parent!)!.parent!;
    const edges = flowEdgesOf(view({ collapsed: new Set([hub]) }));
    expect(carries(edges.find((e) => e.source === clusterNode && e.target === hub), o1Tcp443)).toBe(true);
    expect(carries(edges.find((e) => e.source === hub && e.target === aml), o1Tcp443)).toBe(true);
  });
  it('falls back to the direct edge when the firewall is filtered out of the picture', () => {
    const edges = flowEdgesOf(view({ filters: { ...NO_FILTERS, kinds: new Set(['compute']) } }));
    expect(edges.some((e) => e.target === afw || e.source === afw)).toBe(false);
    expect(carries(edges.find((e) => e.source === clusterNode && e.target === aml), o1Tcp443)).toBe(true);
  });
});
