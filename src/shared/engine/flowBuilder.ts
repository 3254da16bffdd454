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

  info(layer: Layer, detail: string, ref: { resourceId?: string; name?: string; priority?: number } = {}): void {
    this.trace.push({ layer, outcome: 'info', detail, ...ref });
  }

  /** A step that lets the flow on; `decides` marks it as the allowing rule to report. */
  pass(layer: Layer, detail: string, ref: { resourceId?: string; name?: string; priority?: number } = {}, decides = false): void {
    this.trace.push({ layer, outcome: 'pass', detail, ...ref });
    if (decides || !this.allowedBy) {
      this.allowedBy = { layer, ...ref };
      this.allowedWhy = detail;
    }
  }

  /** A step that stops the flow; returns the ending to return from the evaluator. */
  block(layer: Layer, detail: string, ref: { resourceId?: string; name?: string; priority?: number } = {}, extra: Partial<DecidedBy> = {}): Ending {
    this.trace.push({ layer, outcome: 'block', detail, ...ref });
    return { status: 'blocked', decidedBy: { layer, ...ref, ...extra }, explanation: detail };
  }

  unknown(layer: Layer, detail: string, ref: { resourceId?: string; name?: string; priority?: number } = {}): Ending {
    this.trace.push({ layer, outcome: 'unknown', detail, ...ref });
    return { status: 'unknown', decidedBy: { layer, ...ref }, explanation: detail };
  }

  /** Record an NSG chain: a step per NSG decision; returns an ending unless every NSG allowed. */
  nsgChain(result: NsgChainResult, protocolNote = ''): Ending | undefined {
    for (const d of result.decisions) this.trace.push(nsgStep(d, protocolNote));
    if (result.access === 'Allow') {
      const d = result.deciding;
      if (d?.rule) {
        this.allowedBy = { layer: 'nsg', resourceId: d.nsgId, name: d.rule.name, priority: d.rule.priority };
        this.allowedWhy = d.explanation;
      }
      return undefined;
    }
    const d = result.deciding ?? result.decisions[result.decisions.length - 1];
    const ref = d ? { resourceId: d.nsgId, name: d.rule?.name, priority: d.rule?.priority } : {};
    const why = d?.explanation ?? 'An NSG on the path could not be evaluated.';
    return result.access === 'Deny'
      ? { status: 'blocked', decidedBy: { layer: 'nsg', ...ref }, explanation: why + protocolNote }
      : { status: 'unknown', decidedBy: { layer: 'nsg', ...ref }, explanation: why + protocolNote };
  }

  /** Adopt an external decision (firewall) as the allowing rule. */
  allowedByDecision(decidedBy: DecidedBy, why: string): void {
    this.allowedBy = decidedBy;
    this.allowedWhy = why;
  }

  finish(ending: Ending | undefined): FlowVerdict {
    const s = this.spec;
    const base = {
      requirement: s.requirement, direction: s.direction, protocol: s.protocol, port: s.port, peer: s.peer,
      required: s.required, trace: this.trace, ...(s.peerResourceId ? { peerResourceId: s.peerResourceId } : {}),
    };
    if (ending) return { ...base, status: ending.status, decidedBy: ending.decidedBy, explanation: ending.explanation };
    return {
      ...base,
      status: 'allowed',
      decidedBy: this.allowedBy ?? { layer: 'route' },
      explanation: this.allowedWhy || 'Nothing on the path blocks this flow.',
    };
  }
}

function nsgStep(d: NsgDecision, note: string): TraceStep {
  return {
    layer: 'nsg',
    outcome: d.access === 'Allow' ? 'pass' : d.access === 'Deny' ? 'block' : 'unknown',
    resourceId: d.nsgId,
    ...(d.rule ? { name: d.rule.name, priority: d.rule.priority } : {}),
    detail: `${d.appliedTo === 'nic' ? 'NIC' : 'Subnet'} NSG: ${d.explanation}${note}`,
  };
}
