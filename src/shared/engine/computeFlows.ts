/**
 * One compute's verdict: the catalogue rows that apply to its kind and public-IP mode become flows
 * (one per port, per FQDN for F rows, per dependency for O12), evaluated by the path evaluators;
 * then the checks. Computes with the same profile in the same subnet share their flows (memo), and
 * so do alike subnets of a VNet (subnetClass) unless the flows matched the subnet's own addresses;
 * shared flows are pointed at the compute's own subnet (forSubnet) and, for a public-IP managed
 * compute, at its own auto NSG (forCompute).
 */
import { idKey, lastSegment } from '../model/armId';
import { tagSet } from '../net/addressSet';
import type { Subnet } from '../model/resources';
import { DEPENDENCIES, withRegion } from '../requirements/dependencies';
import { REQUIREMENTS } from '../requirements/catalogue';
import type { Requirement } from '../requirements/types';
import { computeChecks, type LabelledFlow } from './checks';
import { ComputeSide } from './computeSide';
import type { ComputeTarget } from './computeTargets';
import type { EvalContext } from './context';
import { scanCollection } from './dependencyLog';
import { endpointsFor, evaluateDependencyFlow } from './dependencyFlows';
import { FlowBuilder, retraced, type FlowSpec } from './flowBuilder';
import { firewallsByPrivateIp } from './indexes';
import { isUnreadable } from './missing';
import { hasAutoNsg } from './nsgChains';
import { autoNsgId } from './nsg/amlAutoNsg';
import { evaluatePublicInbound, evaluatePublicOutbound } from './publicFlows';
import { routesOf } from './routing';
import { subnetClass } from './subnetClass';
import { lookupRoute } from './routes/effectiveRoutes';
import type { ComputeVerdict, FlowVerdict } from './verdict';

interface FlowSet {
  readonly flows: readonly FlowVerdict[];
  readonly dependencyFlows: readonly LabelledFlow[];
  readonly zones: readonly string[];
  /** The auto NSG these flows name (a public-IP managed compute's own; see forCompute). */
  readonly autoNsgId?: string;
  /** The flows matched the subnet's own addresses: other subnets of its class cannot share them (subnetClass). */
  readonly addressSensitive: boolean;
}

/** Evaluate one compute target. */
export function evaluateCompute(ctx: EvalContext, target: ComputeTarget): ComputeVerdict {
  const subnet = target.subnetId ? ctx.snap.subnets.get(idKey(target.subnetId)) : undefined;
  let set: FlowSet;
  if (subnet) {
    // Everything the flows depend on besides the subnet: kind, IP mode, workspace (its region names
    // the service tags; without it, the compute's own region does), NICs, and whether Azure ML's auto
    // NSG is on the path. That NSG is one per compute and its id names the compute, so a compute
    // that shares another's flows gets them pointed at its own auto NSG (forCompute).
    // (Keyed by the subnet record, then by the rest; the workspace record's own id, not the
    // compute's copy of it, so its key is computed once per workspace.)
    const autoId = hasAutoNsg(ctx, target) ? autoNsgId(target.id) : undefined;
    const profile = [target.kind, target.publicIp, idKey(target.workspace?.id ?? target.workspaceId), target.workspace ? '' : target.location,
      autoId ? 'autoNsg' : '', ...target.nics.map((n) => idKey(n.id))].join('|');
    const shared = ctx.memo('flows', subnet, () => flowSetOf(ctx, target, subnet, autoId, profile), profile);
    set = autoId && shared.autoNsgId !== autoId ? forCompute(shared, autoId) : shared;
  } else {
    set = { flows: unreachableFlows(ctx, target), dependencyFlows: [], zones: [], addressSensitive: true };
  }
  return {
    id: target.id, name: target.name, kind: target.kind, publicIp: target.publicIp, subnetId: subnet?.id ?? target.subnetId,
    workspaceId: target.workspaceId, region: target.location,
    flows: set.flows,
    checks: computeChecks(ctx, target, subnet, set.dependencyFlows, set.zones),
  };
}

/**
 * The flow set of a compute in `subnet`: the one its subnet class already has, retargeted, when that
 * one did not depend on its subnet's own addresses (subnetClass); else evaluated here.
 */
function flowSetOf(ctx: EvalContext, target: ComputeTarget, subnet: Subnet, autoId: string | undefined, profile: string): FlowSet {
  const evaluate = (): FlowSet => ({ ...computeFlowSet(ctx, target, subnet), ...(autoId ? { autoNsgId: autoId } : {}) });
  // A compute with NICs has its own addresses (and NSGs): its flows are never another subnet's.
  const cls = target.nics.length ? undefined : subnetClass(ctx, subnet);
  if (cls === undefined) return evaluate();
  const first = ctx.memo('classFlows', cls, () => ({ subnet, set: evaluate() }), profile);
  if (first.subnet === subnet) return first.set;
  return first.set.addressSensitive ? evaluate() : forSubnet(first.set, first.subnet, subnet);
}

/**
 * The flows of `set` as the compute whose auto NSG is `autoId` has them: every step and decidedBy
 * naming the first compute's auto NSG names this one's instead (the modelled rules are the same for
 * every compute; only the id differs). Flows that do not name it are shared as they are.
 */
function forCompute(set: FlowSet, autoId: string): FlowSet {
  return { ...repoint(set, set.autoNsgId ?? '', { resourceId: autoId }), autoNsgId: autoId };
}

/** The flows of `set`, evaluated in subnet `from`, as subnet `to` of the same class has them: steps and decidedBy pointing at `from` point at `to`. */
function forSubnet(set: FlowSet, from: Subnet, to: Subnet): FlowSet {
  return repoint(set, from.id, { resourceId: to.id, name: to.name }, from.name);
}

/**
 * `set` with every trace step and decidedBy whose resourceId is `from` pointed at `to.resourceId`
 * (and, where it carried the name `fromName`, named `to.name`). Flows that do not point at `from`
 * are shared as they are.
 */
function repoint(set: FlowSet, from: string, to: { resourceId: string; name?: string }, fromName?: string): FlowSet {
  const repointed = new Map<FlowVerdict, FlowVerdict>();
  // Steps and decidedBy objects are shared by many flows (FlowBuilder.passFor): one copy each.
  const copies = new Map<object, object>();
  const moved = <T extends { readonly resourceId?: string; readonly name?: string }>(x: T): T => {
    if (x.resourceId !== from) return x;
    let c = copies.get(x) as T | undefined;
    if (!c) {
      c = to.name !== undefined && x.name === fromName ? { ...x, resourceId: to.resourceId, name: to.name } : { ...x, resourceId: to.resourceId };
      copies.set(x, c);
    }
    return c;
  };
  const flowFor = (f: FlowVerdict): FlowVerdict => {
    let out = repointed.get(f);
    if (!out) {
      const names = f.trace.some((s) => s.resourceId === from);
      const trace = names ? f.trace.map(moved) : f.trace;
      const decidedBy = moved(f.decidedBy);
      out = trace === f.trace && decidedBy === f.decidedBy ? f : retraced(f, trace, decidedBy);
      repointed.set(f, out);
    }
    return out;
  };
  return {
    flows: set.flows.map(flowFor),
    dependencyFlows: set.dependencyFlows.map((d) => ({ label: d.label, flow: flowFor(d.flow) })),
    zones: set.zones,
    ...(set.autoNsgId !== undefined ? { autoNsgId: set.autoNsgId } : {}),
    addressSensitive: set.addressSensitive,
  };
}

/** The catalogue rows that produce flows for this compute. */
function applicableRows(ctx: EvalContext, target: ComputeTarget, subnet: Subnet | undefined): readonly Requirement[] {
  const mode = target.publicIp ? 'public' : 'noPublic';
  const fwOnPath = subnet ? firewallOnPath(ctx, subnet) : false;
  const hbi = target.workspace?.hbiWorkspace ?? false;
  // A handful of distinct answers (kind × IP mode × firewall × HBI): filter the catalogue once for each.
  const key = `${target.kind}|${mode}|${fwOnPath}|${hbi}`;
  let rows = rowsCache.get(key);
  if (!rows) {
    rows = REQUIREMENTS.filter((r) => r.kind === 'flow' && r.ports.length > 0 && r.appliesTo.includes(target.kind) && r.ipModes.includes(mode) && (
      r.condition === 'always' || r.condition === 'dependencyHasPrivateEndpoint'
      || (r.condition === 'hbiWorkspace' && hbi && (r.peer.type !== 'fqdn' || fwOnPath))
      || (r.condition === 'firewallOnPath' && fwOnPath)));
    rowsCache.set(key, rows);
  }
  return rows;
}

const rowsCache = new Map<string, readonly Requirement[]>();

/** Does internet-bound traffic from this subnet reach an Azure Firewall? (FQDN rows then apply.) */
function firewallOnPath(ctx: EvalContext, subnet: Subnet): boolean {
  return ctx.memo('fwOnPath', subnet, () => {
    const routes = routesOf(ctx, subnet);
    if (routes.unknown) return false;
    const d = lookupRoute(routes.routes, tagSet('Internet'), { tags: ctx.tags, assumptions: ctx.assumptions });
    return d.nextHopType === 'VirtualAppliance' && !!d.nextHopIp && firewallsByPrivateIp(scanCollection(ctx.snap.firewalls)).has(d.nextHopIp);
  });
}

function specOf(r: Requirement, protocol: FlowSpec['protocol'], port: number, peer: string): FlowSpec {
  return { requirement: r.id, direction: r.direction ?? 'Outbound', protocol, port, peer, required: r.necessity === 'required' };
}

function computeFlowSet(ctx: EvalContext, target: ComputeTarget, subnet: Subnet): FlowSet {
  const flows: FlowVerdict[] = [];
  const dependencyFlows: LabelledFlow[] = [];
  const zones: string[] = [];
  const region = target.workspace?.location ?? target.location;
  // What every flow of this compute reads about its own side, looked up once.
  const side = new ComputeSide(ctx, target, subnet);
  const storage = target.workspace?.storageAccountId ? lastSegment(target.workspace.storageAccountId) : undefined;
  for (const r of applicableRows(ctx, target, subnet)) {
    const peer = r.peer;
    if (peer.type === 'serviceTag') {
      const tag = withRegion(peer.tag, region);
      for (const p of r.ports) {
        const spec = specOf(r, p.protocol, p.port, tag);
        flows.push(r.direction === 'Inbound'
          ? evaluatePublicInbound(side, spec, tag)
          : evaluatePublicOutbound(side, spec, { tag }));
      }
    } else if (peer.type === 'fqdn') {
      for (const raw of peer.fqdns) {
        if (raw.includes('{storage}') && (!storage || storageHasEndpoint(ctx, target, subnet, raw))) continue;
        const fqdn = raw.replace('{region}', region).replace('{storage}', storage ?? '');
        for (const p of r.ports) flows.push(evaluatePublicOutbound(side, specOf(r, p.protocol, p.port, fqdn), { fqdn }));
      }
    } else if (peer.type === 'dependency') {
      for (const dep of peer.dependencies) {
        for (const p of r.ports) {
          const spec = { requirement: r.id, direction: r.direction ?? 'Outbound', protocol: p.protocol, port: p.port, required: r.necessity === 'required' } as const;
          const res = evaluateDependencyFlow(side, spec, dep, r.condition);
          zones.push(...res.zones);
          if (res.flow) {
            flows.push(res.flow);
            dependencyFlows.push({ label: DEPENDENCIES[dep].label, flow: res.flow });
          }
        }
      }
    }
  }
  return { flows, dependencyFlows, zones, addressSensitive: side.addressSensitive };
}

/**
 * F8/F9/F13 name the workspace's own storage. When it has a private endpoint for that service the
 * name resolves privately and the flow is the dependency flow (O12/P9), not a firewall flow.
 */
function storageHasEndpoint(ctx: EvalContext, target: ComputeTarget, subnet: Subnet, fqdn: string): boolean {
  const storageId = target.workspace?.storageAccountId;
  const service = /\{storage\}\.(blob|file|dfs|queue|table)\./.exec(fqdn)?.[1];
  if (!storageId || !service) return false;
  const info = { ...DEPENDENCIES['storage-blob'], groupId: service };
  return endpointsFor(ctx, info, storageId, subnet.vnetId).length > 0;
}

/** The compute's subnet is not in the snapshot: every flow is unknown (unreadable) or blocked (dangling). */
function unreachableFlows(ctx: EvalContext, target: ComputeTarget): FlowVerdict[] {
  if (!target.subnetId) return [];
  const unreadable = isUnreadable(ctx.snap, target.subnetId);
  const out: FlowVerdict[] = [];
  const region = target.workspace?.location ?? target.location;
  for (const r of applicableRows(ctx, target, undefined)) {
    if (r.peer.type !== 'serviceTag') continue;
    for (const p of r.ports) {
      const b = new FlowBuilder(specOf(r, p.protocol, p.port, withRegion(r.peer.tag, region)));
      const why = unreadable
        ? `Subnet ${target.subnetId} could not be read (see the snapshot's missing scopes).`
        : `Subnet ${target.subnetId} is referenced by the compute but is not in the snapshot.`;
      out.push(b.finish(b.unknown('prerequisite', why, { resourceId: target.subnetId })));
    }
  }
  return out;
}
