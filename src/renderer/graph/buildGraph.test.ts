import { describe, expect, it } from 'vitest';
import { idKey } from '../../shared/model/armId';
import { buildGraph, buildTree } from './buildGraph';
import { externalId, laneId } from './ids';
import { fixtureSnapshot, fixtureVerdict, ID, SUB } from './testing/fixture';
import { NO_FILTERS, type GraphModel, type ViewState } from './types';

const snapshot = fixtureSnapshot();
const verdict = fixtureVerdict();
const tree = buildTree(snapshot, verdict);
const view = (over: Partial<ViewState> = {}): ViewState => ({ expanded: new Set(), collapsed: new Set(), defaultExpanded: true, onlyRelevant: false, filters: NO_FILTERS, ...over });
const node = (g: GraphModel, id: string) => g.nodes.find((n) => n.id === idKey(id) || n.id === id);
const cluster = idKey(ID.cluster);

describe('topology', () => {
  const g = buildGraph(tree, snapshot, verdict, view());
  it('nests resources: lane ⊃ VNet ⊃ subnet ⊃ compute / private endpoint', () => {
    expect(node(g, ID.spoke)?.parent).toBe(laneId(SUB, 'westeurope'));
    expect(node(g, ID.other)?.parent).toBe(laneId(SUB, 'northeurope'));
    expect(node(g, ID.computeSubnet)?.parent).toBe(idKey(ID.spoke));
    expect(node(g, ID.cluster)?.parent).toBe(idKey(ID.computeSubnet));
    expect(node(g, ID.pe)?.parent).toBe(idKey(ID.peSubnet));
    expect(node(g, ID.fw)?.parent).toBe(idKey(ID.hubSubnet));
    expect(node(g, ID.zone)?.parent).toBe(laneId(SUB, 'global'));
  });
  it('lists parents before children', () => {
    const seen = new Set<string>();
    for (const n of g.nodes) {
      if (n.parent) expect(seen.has(n.parent), `${n.id} before its parent`).toBe(true);
      seen.add(n.id);
    }
  });
  it('badges a subnet with NSG, route table, NAT and free addresses (/24 − 5 reserved − 3 used)', () => {
    expect(node(g, ID.computeSubnet)?.badges.map((b) => b.text)).toEqual(['NSG', 'UDR', 'NAT', '248 free']);
    expect(node(g, ID.peSubnet)?.badges.map((b) => b.text)).toEqual(['24 free']);
  });
  it('draws one peering edge per VNet pair with the worse state, and the structural links', () => {
    const peerings = g.edges.filter((e) => e.kind === 'peering');
    expect(peerings).toHaveLength(1);
    expect(peerings[0]?.state).toBe('Initiated');
    expect(g.edges.some((e) => e.kind === 'privateLink' && e.source === idKey(ID.pe) && e.target === idKey(ID.workspace))).toBe(true);
    expect(g.edges.some((e) => e.kind === 'dnsLink' && e.target === idKey(ID.hub))).toBe(true);
    expect(g.edges.some((e) => e.kind === 'natLink' && e.target === idKey(ID.computeSubnet))).toBe(true);
  });
  it('puts failed checks on the compute and on the resource at fault', () => {
    expect(node(g, ID.cluster)?.faults).toBe(1);
    expect(node(g, ID.zone)?.faults).toBe(1);
    expect(node(g, ID.cluster)?.verdicts).toEqual({ allowed: 2, blocked: 1, unknown: 1, failedChecks: 1 });
  });
});

describe('flow overlay', () => {
  it('draws nothing without a focus', () => {
    expect(buildGraph(tree, snapshot, verdict, view()).edges.filter((e) => e.kind === 'flow')).toHaveLength(0);
  });
  it('draws one edge per peer with its status, icon and port; inbound flows point at the compute', () => {
    const g = buildGraph(tree, snapshot, verdict, view({ focus: cluster }));
    const flows = g.edges.filter((e) => e.kind === 'flow');
    const aml = flows.find((e) => e.target === externalId('tag', 'AzureMachineLearning'));
    expect(aml).toMatchObject({ source: cluster, status: 'blocked', label: '✕ 443' });
    expect(flows.find((e) => e.target === externalId('tag', 'Storage.westeurope'))?.status).toBe('allowed');
    expect(flows.find((e) => e.target === idKey(ID.workspace))?.status).toBe('unknown');
    expect(flows.find((e) => e.source === externalId('tag', 'BatchNodeManagement'))?.target).toBe(cluster);
    expect(node(g, externalId('tag', 'AzureMachineLearning'))?.kind).toBe('external');
  });
  it('bundles flows to the same peer under the worst status', () => {
    const v = fixtureVerdict();
    const c = v.computes[0]!;
    const extra = { ...c.flows[1]!, port: 445, status: 'blocked' as const };
    const v2 = { ...v, computes: [{ ...c, flows: [...c.flows, extra] }] };
    const g = buildGraph(buildTree(snapshot, v2), snapshot, v2, view({ focus: 'all' }));
    const storage = g.edges.find((e) => e.target === externalId('tag', 'Storage.westeurope'));
    expect(storage?.status).toBe('blocked');
    expect(storage?.flows).toHaveLength(2);
  });
});

describe('collapse, filters, relevance', () => {
  it('a collapsed VNet hides its contents, counts them, aggregates verdicts and takes over their edges', () => {
    const g = buildGraph(tree, snapshot, verdict, view({ focus: cluster, collapsed: new Set([idKey(ID.spoke)]) }));
    const spoke = node(g, ID.spoke)!;
    expect(spoke.collapsed).toBe(true);
    expect(spoke.counts).toEqual({ subnets: 2, resources: 2, computes: 1, privateEndpoints: 1 });
    expect(spoke.verdicts).toMatchObject({ blocked: 1, allowed: 2, unknown: 1 });
    expect(node(g, ID.cluster)).toBeUndefined();
    expect(node(g, ID.computeSubnet)).toBeUndefined();
    expect(g.edges.find((e) => e.target === externalId('tag', 'AzureMachineLearning'))?.source).toBe(idKey(ID.spoke));
    expect(g.edges.some((e) => e.kind === 'natLink' && e.target === idKey(ID.spoke))).toBe(true);
  });
  it('defaultExpanded=false opens every VNet collapsed unless expanded', () => {
    const g = buildGraph(tree, snapshot, verdict, view({ defaultExpanded: false, expanded: new Set([idKey(ID.hub)]) }));
    expect(node(g, ID.spoke)?.collapsed).toBe(true);
    expect(node(g, ID.hub)?.collapsed).toBeUndefined();
    expect(node(g, ID.hubSubnet)).toBeDefined();
  });
  it('filters by region and by type', () => {
    const byRegion = buildGraph(tree, snapshot, verdict, view({ filters: { ...NO_FILTERS, regions: new Set(['northeurope']) } }));
    expect(node(byRegion, ID.other)).toBeDefined();
    expect(node(byRegion, ID.spoke)).toBeUndefined();
    const byType = buildGraph(tree, snapshot, verdict, view({ filters: { ...NO_FILTERS, kinds: new Set(['compute']) } }));
    expect(node(byType, ID.cluster)).toBeDefined();
    expect(node(byType, ID.pe)).toBeUndefined();
    expect(node(byType, ID.peSubnet)).toBeDefined();
  });
  it('"only what matters" keeps the compute, its peers, the resources at fault and peered VNets', () => {
    const g = buildGraph(tree, snapshot, verdict, view({ focus: cluster, onlyRelevant: true }));
    expect(node(g, ID.cluster)).toBeDefined();
    expect(node(g, ID.computeSubnet)).toBeDefined();
    expect(node(g, ID.zone)).toBeDefined();
    expect(node(g, ID.workspace)).toBeDefined();
    expect(node(g, ID.hub)).toBeDefined();
    expect(node(g, ID.other)).toBeUndefined();
    expect(node(g, ID.peSubnet)).toBeUndefined();
    expect(node(g, ID.fw)).toBeUndefined();
  });
});

describe('sizing', () => {
  it('keeps children inside their parent and apart from their siblings', () => {
    const g = buildGraph(tree, snapshot, verdict, view());
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    for (const n of g.nodes) {
      if (n.kind !== 'lane') expect(n.width).toBeGreaterThan(0); // lanes are sized by the layout
      const p = n.parent ? byId.get(n.parent) : undefined;
      if (!p || p.kind === 'lane') continue;
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(p.width);
      expect(n.y + n.height).toBeLessThanOrEqual(p.height);
      for (const m of g.nodes) {
        if (m === n || m.parent !== n.parent) continue;
        const apart = n.x + n.width <= m.x || m.x + m.width <= n.x || n.y + n.height <= m.y || m.y + m.height <= n.y;
        expect(apart, `${n.label} overlaps ${m.label}`).toBe(true);
      }
    }
  });
});

describe('big-estate economy', () => {
  it('hides private-link targets whose endpoints are folded into a collapsed VNet, unless a flow ends there', () => {
    const collapsed = view({ collapsed: new Set([idKey(ID.spoke)]) });
    expect(node(buildGraph(tree, snapshot, verdict, view()), ID.workspace)).toBeDefined();
    const g = buildGraph(tree, snapshot, verdict, collapsed);
    expect(node(g, ID.workspace)?.resourceKind).toBe('workspace'); // workspaces always stay
    const withTarget = fixtureSnapshot();
    const storage = `${ID.workspace.split('/providers/')[0]}/providers/Microsoft.Storage/storageAccounts/st1`;
    const pe = withTarget.privateEndpoints.get(idKey(ID.pe))!;
    const snap2 = { ...withTarget, privateEndpoints: new Map([[idKey(ID.pe), { ...pe, connections: [{ ...pe.connections[0]!, targetId: storage }] }]]) };
    const tree2 = buildTree(snap2, verdict);
    expect(node(buildGraph(tree2, snap2, verdict, view()), storage)?.resourceKind).toBe('target');
    expect(node(buildGraph(tree2, snap2, verdict, collapsed), storage)).toBeUndefined();
  });
  it('a collapsed VNet draws no private-link edges for the endpoints folded inside it, and counts them', () => {
    const open = buildGraph(tree, snapshot, verdict, view());
    expect(open.edges.some((e) => e.kind === 'privateLink' && e.target === idKey(ID.workspace))).toBe(true);
    const folded = buildGraph(tree, snapshot, verdict, view({ collapsed: new Set([idKey(ID.spoke)]) }));
    expect(folded.edges.some((e) => e.kind === 'privateLink')).toBe(false);
    expect(node(folded, ID.spoke)?.counts?.privateEndpoints).toBe(1);
  });
});
