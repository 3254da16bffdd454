/**
 * Builds one FlowVerdict: steps are appended in the order the packet meets them, and the first step
 * that blocks (or cannot tell) ends the flow — AWS Reachability Analyzer style, the first blocking
 * component is named and later ones are not evaluated.
 */
import type { NsgChainResult, NsgDecision } from './nsg/evaluateNsg';
import type { DecidedBy, FlowStatus, FlowVerdict, Layer, Protocol, TraceStep } from './verdict';

/** What a flow is before it is evaluated. */
export interface FlowSpec {
  readonly requirement: string;
  readonly direction: 'Inbound' | 'Outbound';
  readonly protocol: Protocol;
  readonly port: number;
  readonly peer: string;
  readonly required: boolean;
  readonly peerResourceId?: string;
}

/** Thrown-free early exit: a step that ends the flow. */
export interface Ending {
  readonly status: Exclude<FlowStatus, 'allowed'>;
  readonly decidedBy: DecidedBy;
  readonly explanation: string;
}

export class FlowBuilder {
  readonly trace: TraceStep[] = [];
  /** The most specific allowing rule seen so far: decides a green flow. */
  private allowedBy: DecidedBy | undefined;
  private allowedWhy = '';

  constructor(readonly spec: FlowSpec) {}

  info(layer: Layer, detail: string, ref?: StepRef): void {
    this.trace.push(step(layer, 'info', detail, ref));
  }

  /** A step that lets the flow on; `decides` marks it as the allowing rule to report. */
  pass(layer: Layer, detail: string, ref?: StepRef, decides = false): void {
    this.trace.push(step(layer, 'pass', detail, ref));
    if (decides || !this.allowedBy) {
      this.allowedBy = decided(layer, ref);
      this.allowedWhy = detail;
    }
  }

  /**
   * `pass` for a step fully determined by `owner` (a memoized route decision, DNS answer, peering
   * status, outbound method) and `key` (e.g. the subnet, when the step points at it): the step and
   * its decidedBy are made once and shared by every flow that passes the same way (thousands per
   * estate), instead of being rebuilt and kept once per flow.
   */
  passFor(owner: object, key: string | object, layer: Layer, detail: string | (() => string), ref?: StepRef): void {
    const shared = sharedStep(owner, key, 'pass', layer, detail, ref);
    this.trace.push(shared.step);
    if (!this.allowedBy) {
      this.allowedBy = shared.decidedBy;
      this.allowedWhy = shared.step.detail;
    }
  }

  /** `info` for a step fully determined by `owner` and `key` (see passFor); `detail` may be a thunk, called once. */
  infoFor(owner: object, key: string | object, layer: Layer, detail: string | (() => string), ref?: StepRef): void {
    this.trace.push(sharedStep(owner, key, 'info', layer, detail, ref).step);
  }

  /** A step that stops the flow; returns the ending to return from the evaluator. */
  block(layer: Layer, detail: string, ref?: StepRef, extra?: Partial<DecidedBy>): Ending {
    this.trace.push(step(layer, 'block', detail, ref));
    return { status: 'blocked', decidedBy: extra ? { ...decided(layer, ref), ...extra } : decided(layer, ref), explanation: detail };
  }

  unknown(layer: Layer, detail: string, ref?: StepRef): Ending {
    this.trace.push(step(layer, 'unknown', detail, ref));
    return { status: 'unknown', decidedBy: decided(layer, ref), explanation: detail };
  }

  /** Record an NSG chain: a step per NSG decision; returns an ending unless every NSG allowed. */
  nsgChain(result: NsgChainResult, protocolNote = ''): Ending | undefined {
    for (const d of result.decisions) this.trace.push(nsgStep(d, protocolNote));
    if (result.access === 'Allow') {
      const d = result.deciding;
      if (d?.rule) {
        // Shared per sentence (same NSG record, rule and kind of flow), as the step is.
        this.allowedBy = d.sentence ? (d.sentence.decidedBy ??= nsgDecidedBy(d)) : nsgDecidedBy(d);
        this.allowedWhy = d.explanation;
      }
      return undefined;
    }
    const d = result.deciding ?? result.decisions[result.decisions.length - 1];
    const ref = d ? { resourceId: d.nsgId, name: d.rule?.name, priority: d.rule?.priority } : undefined;
    const why = d?.explanation ?? 'An NSG on the path could not be evaluated.';
    return { status: result.access === 'Deny' ? 'blocked' : 'unknown', decidedBy: decided('nsg', ref), explanation: why + protocolNote };
  }

  /** Adopt an external decision (firewall) as the allowing rule. */
  allowedByDecision(decidedBy: DecidedBy, why: string): void {
    this.allowedBy = decidedBy;
    this.allowedWhy = why;
  }

  finish(ending: Ending | undefined): FlowVerdict {
    // A right-sized copy: the builder's array grew by push to 17 slots for ~3 steps, and the verdict
    // keeps its trace (every slot is copied by the young-generation GC, then held in the old one).
    const trace = this.trace.slice();
    const status = ending ? ending.status : 'allowed';
    const decidedBy = ending ? ending.decidedBy : this.allowedBy ?? { layer: 'route' as const };
    const explanation = ending ? ending.explanation : this.allowedWhy || 'Nothing on the path blocks this flow.';
    return verdict(this.spec, trace, status, decidedBy, explanation);
  }
}

/** A flow verdict with another trace and decidedBy (a shared flow pointed at another resource). */
export function retraced(f: FlowVerdict, trace: readonly TraceStep[], decidedBy: DecidedBy): FlowVerdict {
  return verdict(f, trace, f.status, decidedBy, f.explanation);
}

/**
 * Built field by field, not by spreads: ~17,000 of these per estate, and spreads are slow in V8.
 * One field order for every verdict (it is the JSON's).
 */
function verdict(s: FlowSpec, trace: readonly TraceStep[], status: FlowStatus, decidedBy: DecidedBy, explanation: string): FlowVerdict {
  return s.peerResourceId
    ? { requirement: s.requirement, direction: s.direction, protocol: s.protocol, port: s.port, peer: s.peer, required: s.required,
      trace, peerResourceId: s.peerResourceId, status, decidedBy, explanation }
    : { requirement: s.requirement, direction: s.direction, protocol: s.protocol, port: s.port, peer: s.peer, required: s.required,
      trace, status, decidedBy, explanation };
}

function nsgStep(d: NsgDecision, note: string): TraceStep {
  const sentence = d.sentence;
  // A rule's sentence belongs to one NSG record, rule and kind of flow: its step is the same for
  // every flow that rule decides, per attachment kind. Made on first use, kept on the sentence.
  if (!note && sentence) return d.appliedTo === 'nic' ? (sentence.nicStep ??= makeNsgStep(d, '')) : (sentence.subnetStep ??= makeNsgStep(d, ''));
  return makeNsgStep(d, note);
}

function makeNsgStep(d: NsgDecision, note: string): TraceStep {
  const outcome = d.access === 'Allow' ? 'pass' : d.access === 'Deny' ? 'block' : 'unknown';
  const detail = `${d.appliedTo === 'nic' ? 'NIC' : 'Subnet'} NSG: ${d.explanation}${note}`;
  return d.rule
    ? { layer: 'nsg', outcome, resourceId: d.nsgId, name: d.rule.name, priority: d.rule.priority, detail }
    : { layer: 'nsg', outcome, resourceId: d.nsgId, detail };
}

/** The decidedBy of a flow an NSG rule allowed. */
function nsgDecidedBy(d: NsgDecision): DecidedBy {
  return { layer: 'nsg', resourceId: d.nsgId, name: d.rule?.name, priority: d.rule?.priority };
}

interface SharedPass { readonly step: TraceStep; readonly decidedBy: DecidedBy }
/** owner → key → its shared step, one map per outcome (see FlowBuilder.passFor). Keys are strings or records. */
const sharedSteps = { pass: new WeakMap<object, Map<string | object, SharedPass>>(), info: new WeakMap<object, Map<string | object, SharedPass>>() };
/** The same for the empty key (most callers): one lookup instead of two. */
const ownSteps = { pass: new WeakMap<object, SharedPass>(), info: new WeakMap<object, SharedPass>() };

function sharedStep(owner: object, key: string | object, outcome: 'pass' | 'info', layer: Layer, detail: string | (() => string), ref: StepRef | undefined): SharedPass {
  if (key === '') {
    const own = ownSteps[outcome];
    let shared = own.get(owner);
    if (!shared) own.set(owner, (shared = sharedPass(outcome, layer, detail, ref)));
    return shared;
  }
  const byOwner = sharedSteps[outcome];
  let byKey = byOwner.get(owner);
  if (!byKey) byOwner.set(owner, (byKey = new Map()));
  let shared = byKey.get(key);
  if (!shared) byKey.set(key, (shared = sharedPass(outcome, layer, detail, ref)));
  return shared;
}

function sharedPass(outcome: 'pass' | 'info', layer: Layer, detail: string | (() => string), ref: StepRef | undefined): SharedPass {
  return { step: step(layer, outcome, typeof detail === 'string' ? detail : detail(), ref), decidedBy: decided(layer, ref) };
}

/** Where a step points: the resource, and the rule or route name and priority. */
export interface StepRef { readonly resourceId?: string | undefined; readonly name?: string | undefined; readonly priority?: number | undefined }

/** A trace step with only the ref fields that are set (the JSON stays free of undefined keys). */
function step(layer: Layer, outcome: TraceStep['outcome'], detail: string, ref: StepRef | undefined): TraceStep {
  const out: { -readonly [K in keyof TraceStep]: TraceStep[K] } = { layer, outcome, detail };
  if (ref) {
    if (ref.resourceId !== undefined) out.resourceId = ref.resourceId;
    if (ref.name !== undefined) out.name = ref.name;
    if (ref.priority !== undefined) out.priority = ref.priority;
  }
  return out;
}

function decided(layer: Layer, ref: StepRef | undefined): DecidedBy {
  const out: { -readonly [K in keyof DecidedBy]: DecidedBy[K] } = { layer };
  if (ref) {
    if (ref.resourceId !== undefined) out.resourceId = ref.resourceId;
    if (ref.name !== undefined) out.name = ref.name;
    if (ref.priority !== undefined) out.priority = ref.priority;
  }
  return out;
}
