/**
 * Which NSGs a compute's flow crosses, in Azure's order (semantics §1.3): outbound NIC → subnet,
 * inbound subnet → NIC. AML-managed nodes have no NIC in the customer's snapshot; for public-IP
 * compute Azure ML adds its own NSG (modelled by `amlAutoNsg`, per the autoNsgAttachment assumption).
 */
import { idKey } from '../model/armId';
import type { NetworkSecurityGroup, Subnet } from '../model/resources';
import type { AddressSet } from '../net/addressSet';
import type { ComputeTarget } from './computeTargets';
import type { EvalContext } from './context';
import { amlAutoNsg, chainSimpleSides, evaluateNsgChain, type NsgAttachment, type NsgChainResult, type NsgContext } from './nsg/evaluateNsg';
import type { Protocol } from './verdict';
import { virtualNetworkPrefixes } from './vnetScope';

const AML_MANAGED = new Set(['ComputeCluster', 'ComputeInstance', 'Serverless']);

/** One auto NSG object per compute and assumption set, so its parsed rules are cached across passes. */
const autoNsgs = new WeakMap<object, Map<string, NetworkSecurityGroup>>();
function autoNsgFor(ctx: EvalContext, computeId: string): NetworkSecurityGroup {
  let byCompute = autoNsgs.get(ctx.assumptions);
  if (!byCompute) autoNsgs.set(ctx.assumptions, (byCompute = new Map()));
  let n = byCompute.get(computeId);
  if (!n) byCompute.set(computeId, (n = amlAutoNsg(computeId, ctx.assumptions)));
  return n;
}

function attachment(ctx: EvalContext, nsgId: string, appliedTo: 'subnet' | 'nic', appliedToId: string): NsgAttachment {
  return { nsgId, nsg: ctx.snap.nsgs.get(idKey(nsgId)), appliedTo, appliedToId };
}

/** Does Azure ML's own NSG (one per compute, named after it) sit on this compute's path? */
export function hasAutoNsg(ctx: EvalContext, target: ComputeTarget): boolean {
  return AML_MANAGED.has(target.kind) && target.publicIp && ctx.assumptions.autoNsgAttachment === 'nic';
}

/** NIC-level NSGs of a compute (its NICs' NSGs, or AML's auto NSG for public-IP managed compute). */
export function nicAttachments(ctx: EvalContext, target: ComputeTarget): NsgAttachment[] {
  const out: NsgAttachment[] = [];
  for (const nic of target.nics) if (nic.nsgId) out.push(attachment(ctx, nic.nsgId, 'nic', nic.id));
  if (hasAutoNsg(ctx, target)) {
    const auto = autoNsgFor(ctx, target.id);
    out.push({ nsgId: auto.id, nsg: auto, appliedTo: 'nic', appliedToId: target.id });
  }
  return out;
}

/** The subnet-level attachment, if the subnet has an NSG. */
export function subnetAttachments(ctx: EvalContext, subnet: Subnet): NsgAttachment[] {
  return subnet.nsgId ? [attachment(ctx, subnet.nsgId, 'subnet', subnet.id)] : [];
}

/** A compute's NSGs in Azure's order for its outbound (NIC → subnet) and inbound (subnet → NIC) flows, once per pass. */
export function computeChains(ctx: EvalContext, target: ComputeTarget, subnet: Subnet): { readonly outbound: readonly NsgAttachment[]; readonly inbound: readonly NsgAttachment[]; readonly asgIds: readonly string[] } {
  return ctx.memo('chains', target, () => {
    const nic = nicAttachments(ctx, target);
    const sub = subnetAttachments(ctx, subnet);
    return { outbound: [...nic, ...sub], inbound: [...sub, ...nic], asgIds: target.nics.flatMap((n) => n.asgIds.map((a) => a.toLowerCase())) };
  }, subnet);
}

export interface NsgPathResult {
  readonly access: 'Allow' | 'Deny' | 'Unknown';
  /** The result that decides: the first deny/unknown over the protocols, else the last allow. */
  readonly result: NsgChainResult;
  readonly protocol: 'Tcp' | 'Udp';
  /** simpleSides bits shared by every decision made for this path, both protocols of `Any` included. */
  readonly simpleSides: number;
}

/** The NSG context of flows evaluated in `subnet` (its VirtualNetwork scope) for a NIC with these ASGs: one per pass. */
export function nsgContextOf(ctx: EvalContext, subnet: Subnet, asgIds: readonly string[] = []): NsgContext {
  // One NSG context per subnet and ASG list per pass, so what the matcher derives from it is reused.
  return ctx.memo('nsgCtx', subnet, () => ({ tags: ctx.tags, virtualNetworkPrefixes: virtualNetworkPrefixes(ctx, subnet), asgIds, assumptions: ctx.assumptions }), asgIds.length ? asgIds.join(',') : '');
}

/**
 * Evaluate a chain for a flow protocol, in an NSG context (nsgContextOf; a compute's flows share
 * theirs). `Any` (e.g. O2 "ANY 443") must pass for TCP and for UDP: Microsoft documents those rows as
 * protocol Any, so a TCP-only allow leaves UDP blocked.
 */
export function evaluateChainIn(
  nsgCtx: NsgContext,
  chain: readonly NsgAttachment[],
  direction: 'Inbound' | 'Outbound',
  protocol: Protocol,
  source: AddressSet,
  destination: AddressSet,
  destinationPort: number,
): NsgPathResult {
  const first: 'Tcp' | 'Udp' = protocol === 'Udp' ? 'Udp' : 'Tcp';
  const result = evaluateNsgChain(chain, { direction, protocol: first, source, destination, destinationPort }, nsgCtx);
  const simpleSides = chainSimpleSides(result);
  if (protocol !== 'Any' || result.access !== 'Allow') return { access: result.access, result, protocol: first, simpleSides };
  const udp = evaluateNsgChain(chain, { direction, protocol: 'Udp', source, destination, destinationPort }, nsgCtx);
  return { access: udp.access, result: udp, protocol: 'Udp', simpleSides: simpleSides & chainSimpleSides(udp) };
}
