import { describe, expect, it } from 'vitest';
import ipaddr from 'ipaddr.js';
import { idKey } from '../model/armId';
import type { ArmResource } from '../model/snapshotFile';
import { ingest } from '../ingest';
import { countByType, syntheticEstate, type SyntheticEstateOptions } from './syntheticEstate';

type Json = Record<string, unknown>;
const props = (r: Json) => (r.properties ?? {}) as Json;
const refId = (v: unknown) => (v as { id?: string } | undefined)?.id;
const list = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);

const BENCH: SyntheticEstateOptions = { computes: 1000, vnets: 300, nsgRules: 200, subscriptions: 10, withFirewall: true, seed: 7 };

/** Every id in the estate (top-level and nested children) → its object. */
function index(resources: readonly ArmResource[]): Map<string, Json> {
  const ids = new Map<string, Json>();
  for (const r of resources) {
    ids.set(idKey(r.id), r);
    for (const key of ['subnets', 'virtualNetworkPeerings', 'securityRules', 'routes']) {
      for (const child of list(props(r)[key])) ids.set(idKey(String(child.id)), child);
    }
  }
  return ids;
}

describe('syntheticEstate', () => {
  const estate = syntheticEstate(BENCH);
  const counts = countByType(estate);
  const ids = index(estate);
  const ofType = (t: string) => estate.filter((r) => r.type.toLowerCase() === t.toLowerCase());

  it('has the asked-for counts', () => {
    expect(counts['microsoft.machinelearningservices/workspaces/computes']).toBe(1000);
    expect(counts['microsoft.network/virtualnetworks']).toBe(300);
    expect(counts['microsoft.machinelearningservices/workspaces']).toBe(10);
    expect(counts['microsoft.network/networksecuritygroups']).toBe(299); // every VNet but the hub
    expect(counts['microsoft.network/routetables']).toBe(289); // every compute VNet
    expect(counts['microsoft.network/privateendpoints']).toBe(50);
    expect(counts['microsoft.network/azurefirewalls']).toBe(1);
    for (const nsg of ofType('Microsoft.Network/networkSecurityGroups')) expect(list(props(nsg).securityRules)).toHaveLength(200);
    const subs = new Set(estate.map((r) => r.id.split('/')[2]));
    expect(subs.size).toBe(10);
  });

  it('is deterministic from the seed, and another seed gives another estate', () => {
    expect(syntheticEstate(BENCH)).toEqual(estate);
    expect(JSON.stringify(syntheticEstate({ ...BENCH, seed: 8 }))).not.toBe(JSON.stringify(estate));
  });

  it('has unique ids and every reference points at something in the estate', () => {
    expect(ids.size).toBe(estate.length + [...ids.values()].filter((o) => !('type' in o)).length);
    const must = (id: string | undefined, what: string) => expect(id && ids.has(idKey(id)), `${what} → ${id}`).toBe(true);
    for (const c of ofType('Microsoft.MachineLearningServices/workspaces/computes')) {
      must(refId((props(c).properties as Json).subnet), `subnet of ${c.name}`);
      must(c.id.split('/computes/')[0], `workspace of ${c.name}`);
    }
    for (const v of ofType('Microsoft.Network/virtualNetworks')) {
      for (const s of list(props(v).subnets)) {
        if (props(s).networkSecurityGroup) must(refId(props(s).networkSecurityGroup), `nsg of ${String(s.id)}`);
        if (props(s).routeTable) must(refId(props(s).routeTable), `route table of ${String(s.id)}`);
      }
      for (const p of list(props(v).virtualNetworkPeerings)) {
        const remote = refId(props(p).remoteVirtualNetwork);
        must(remote, `peering ${String(p.id)}`);
        // Both sides exist.
        const back = list(props(ids.get(idKey(remote ?? '')) ?? {}).virtualNetworkPeerings).find((q) => idKey(refId(props(q).remoteVirtualNetwork) ?? '') === idKey(v.id));
        expect(back, `reverse of ${String(p.id)}`).toBeDefined();
      }
    }
    for (const w of ofType('Microsoft.MachineLearningServices/workspaces')) {
      for (const k of ['storageAccount', 'keyVault', 'containerRegistry']) must(props(w)[k] as string, `${k} of ${w.name}`);
    }
    for (const pe of ofType('Microsoft.Network/privateEndpoints')) {
      must(refId(props(pe).subnet), `subnet of ${pe.name}`);
      for (const c of list(props(pe).privateLinkServiceConnections)) must(props(c).privateLinkServiceId as string, `target of ${pe.name}`);
    }
    for (const l of ofType('Microsoft.Network/privateDnsZones/virtualNetworkLinks')) {
      must(refId(props(l).virtualNetwork), `vnet of ${l.id}`);
      must(l.id.split('/virtualNetworkLinks/')[0], `zone of ${l.id}`);
    }
    const fw = ofType('Microsoft.Network/azureFirewalls')[0];
    must(refId(props(fw ?? {}).firewallPolicy), 'firewall policy');
    const fwIp = props(list(props(fw ?? {}).ipConfigurations)[0] ?? {}).privateIPAddress;
    for (const rt of ofType('Microsoft.Network/routeTables')) {
      expect(list(props(rt).routes).map((r) => props(r).nextHopIpAddress)).toEqual([fwIp]);
    }
  });

  it('gives VNets disjoint address spaces and keeps subnets inside their VNet', () => {
    const spaces = ofType('Microsoft.Network/virtualNetworks').map((v) => ipaddr.parseCIDR(((props(v).addressSpace as Json).addressPrefixes as string[])[0] ?? ''));
    const starts = new Set(spaces.map(([a]) => a.toString()));
    expect(starts.size).toBe(spaces.length); // equal-sized, aligned /20s: distinct starts ⇒ disjoint
    for (const v of ofType('Microsoft.Network/virtualNetworks')) {
      const space = ipaddr.parseCIDR(((props(v).addressSpace as Json).addressPrefixes as string[])[0] ?? '');
      for (const s of list(props(v).subnets)) {
        const [addr] = ipaddr.parseCIDR(props(s).addressPrefix as string);
        expect(addr.match(space), String(s.id)).toBe(true);
      }
    }
  });

  it('gives each NSG unique, valid priorities', () => {
    for (const nsg of ofType('Microsoft.Network/networkSecurityGroups')) {
      const prios = list(props(nsg).securityRules).map((r) => props(r).priority as number);
      expect(new Set(prios).size).toBe(prios.length);
      for (const p of prios) expect(p >= 100 && p <= 4096).toBe(true);
    }
  });

  it('ingests into a snapshot without dangling references', () => {
    const snap = ingest(estate, { fileName: 'synthetic.json' });
    expect(snap.computes.size).toBe(1000);
    expect(snap.vnets.size).toBe(300);
    expect(snap.subnets.size).toBe(ofType('Microsoft.Network/virtualNetworks').reduce((n, r) => n + list(props(r).subnets).length, 0));
    expect(snap.warnings.filter((w) => /dangling|duplicate|conflicting/i.test(w.code))).toEqual([]);
    for (const n of snap.nsgs.values()) expect(n.subnetIds.length).toBeGreaterThan(0);
  });

  it('scales down and up, and refuses knobs it cannot honour', () => {
    const small = syntheticEstate({ computes: 20, vnets: 6, nsgRules: 10, subscriptions: 2, seed: 1 });
    expect(countByType(small)['microsoft.network/virtualnetworks']).toBe(6);
    expect(countByType(small)['microsoft.network/azurefirewalls']).toBeUndefined();
    const one = syntheticEstate({ computes: 5, vnets: 1, nsgRules: 0, subscriptions: 1, seed: 1 });
    expect(countByType(one)['microsoft.machinelearningservices/workspaces/computes']).toBe(5);
    expect(() => syntheticEstate({ ...BENCH, vnets: 10 })).toThrow(RangeError);
    expect(() => syntheticEstate({ ...BENCH, vnets: 5000 })).toThrow(RangeError);
    const big = syntheticEstate({ computes: 3000, vnets: 1000, nsgRules: 20, subscriptions: 20, withFirewall: true, seed: 3 });
    expect(big.length).toBeGreaterThan(10_000);
  });
});
