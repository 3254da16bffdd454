/**
 * What every flow of one compute reads about its own side: its subnet's effective routes, its NSG
 * chains with their NSG context, and its source addresses. Looked up once per compute, not once per
 * flow: each lookup is a per-pass memo hit, but ~14,000 flows times five of them was a tenth of a
 * pass. A ComputeSide lives inside one compute's evaluation (computeFlowSet), so the recording
 * context still logs every read for that compute. It also collects whether the flows depended on the
 * compute's own addresses (addressSensitive), which decides whether alike subnets may share them.
 */
import type { Subnet } from '../model/resources';
import type { AddressSet } from '../net/addressSet';
import type { ComputeTarget } from './computeTargets';
import type { EvalContext } from './context';
import { type NsgContext, SIMPLE_DESTINATION, SIMPLE_SOURCE } from './nsg/evaluateNsg';
import { computeChains, nsgContextOf, type NsgPathResult } from './nsgChains';
import { computeAddresses } from './publicFlows';
import { routesOf, type SubnetRoutes } from './routing';

export class ComputeSide {
  #routes: SubnetRoutes | undefined;
  #chains: ReturnType<typeof computeChains> | undefined;
  #nsgCtx: NsgContext | undefined;
  #source: AddressSet | undefined;
  #addressSensitive = false;

  constructor(readonly ctx: EvalContext, readonly target: ComputeTarget, readonly subnet: Subnet) {}

  /** The subnet's effective routes. */
  get routes(): SubnetRoutes {
    return (this.#routes ??= routesOf(this.ctx, this.subnet));
  }

  /** The compute's NSGs in Azure's order, per direction, and its NIC ASGs. */
  get chains(): ReturnType<typeof computeChains> {
    return (this.#chains ??= computeChains(this.ctx, this.target, this.subnet));
  }

  /** The NSG context of the compute's own subnet and ASGs. */
  get nsgCtx(): NsgContext {
    return (this.#nsgCtx ??= nsgContextOf(this.ctx, this.subnet, this.chains.asgIds));
  }

  /** Where the compute's traffic comes from (its NIC address, else its subnet). */
  get source(): AddressSet {
    return (this.#source ??= computeAddresses(this.target, this.subnet));
  }

  /**
   * Did any verdict so far depend on the compute's own addresses beyond "somewhere in its VNet"? If
   * not, another subnet of the VNet alike in everything else gets the same flows (subnetClass). The
   * evaluators report every place the compute's addresses are matched: NSG paths (noteNsg) and
   * anything else (addressesMatter).
   */
  get addressSensitive(): boolean {
    return this.#addressSensitive;
  }

  /**
   * An NSG path where the compute's addresses were the `computeIs` endpoint. It told subnets of the
   * VNet apart unless every rule it looked at had that field `*` or `VirtualNetwork` alone and,
   * `scopeHoldsVnet`, the path's VirtualNetwork scope holds the compute's whole VNet.
   */
  noteNsg(path: NsgPathResult, computeIs: 'source' | 'destination', scopeHoldsVnet = true): void {
    if (!scopeHoldsVnet || !(path.simpleSides & (computeIs === 'source' ? SIMPLE_SOURCE : SIMPLE_DESTINATION))) this.#addressSensitive = true;
  }

  /** The compute's addresses were matched by rules not tracked finely (a firewall's). */
  addressesMatter(): void {
    this.#addressSensitive = true;
  }
}
