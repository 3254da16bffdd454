/**
 * Add an NSG rule to a given NSG (the one at fault for a flow): prefilled from the flow, checked
 * field by field with the shared validator while typing, pushed as a what-if edit.
 */
import { useMemo, useState } from 'react';
import type { FlowVerdict } from '../../shared/engine/verdict';
import type { NetworkSecurityGroup, RuleProtocol, ServiceTagData } from '../../shared/model';
import { isIpOrCidr, looksLikeTag } from '../../shared/whatif/addressSyntax';
import type { RuleSpec } from '../../shared/whatif/edits';
import { freePriority, ruleFieldErrors, type RuleField } from './ruleFormErrors';
import { pushEdits } from './whatifStore';

const PROTOCOLS: readonly RuleProtocol[] = ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*'];

interface Draft {
  name: string; priority: string; direction: RuleSpec['direction']; access: RuleSpec['access']; protocol: RuleProtocol;
  source: string; destination: string; port: string;
}

const list = (s: string): string[] => s.split(/[\s,]+/).filter(Boolean);

function initial(nsg: NetworkSecurityGroup, flow: FlowVerdict | undefined): Draft {
  const direction = flow?.direction ?? 'Outbound';
  const below = flow?.decidedBy.layer === 'nsg' && flow.decidedBy.priority !== undefined ? flow.decidedBy.priority : 4097;
  const peer = flow && (looksLikeTag(flow.peer) || isIpOrCidr(flow.peer)) ? flow.peer : '';
  const local = 'VirtualNetwork';
  return {
    name: flow ? `allow-${flow.requirement.toLowerCase()}-${flow.port}` : '',
    priority: String(freePriority(nsg, direction, below) ?? ''),
    direction, access: 'Allow', protocol: flow?.protocol && PROTOCOLS.includes(flow.protocol as RuleProtocol) ? flow.protocol as RuleProtocol : 'Tcp',
    source: direction === 'Outbound' ? local : peer || '*',
    destination: direction === 'Outbound' ? peer : local,
    port: flow ? String(flow.port) : '',
  };
}

function toRule(d: Draft): RuleSpec {
  return {
    name: d.name.trim(), priority: /^\d+$/.test(d.priority.trim()) ? Number(d.priority) : Number.NaN, direction: d.direction, access: d.access, protocol: d.protocol,
    sourceAddressPrefixes: list(d.source), sourcePortRanges: ['*'], destinationAddressPrefixes: list(d.destination), destinationPortRanges: list(d.port),
  };
}

/** The form; `onDone` closes it after a successful push. */
export function NsgRuleForm({ nsg, tags, flow, onDone }: { nsg: NetworkSecurityGroup; tags: ServiceTagData | undefined; flow?: FlowVerdict; onDone: () => void }): React.JSX.Element {
  const [d, setD] = useState<Draft>(() => initial(nsg, flow));
  const [touched, setTouched] = useState(false);
  const [applyError, setApplyError] = useState<{ field: string; message: string }>();
  const errors = useMemo(() => {
    const e = ruleFieldErrors(toRule(d), nsg, tags);
    if (!/^\d+$/.test(d.priority.trim())) e.priority = 'Priority must be a whole number from 100 to 4096.';
    return e;
  }, [d, nsg, tags]);
  const show = (f: RuleField) => (touched && errors[f]) || (applyError?.field === `rule.${f}` ? applyError.message : undefined);
  const field = (f: RuleField, label: string, input: React.JSX.Element) => (
    <label className={`wi-field${show(f) ? ' invalid' : ''}`}>
      <span>{label}</span>{input}
      {show(f) && <small className="wi-error" data-testid={`rule-error-${f}`} role="alert">{show(f)}</small>}
    </label>
  );
  const set = <K extends keyof Draft>(k: K) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => { setTouched(true); setApplyError(undefined); setD({ ...d, [k]: e.target.value }); };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length) return;
    const err = pushEdits([{ kind: 'nsgRule.add', nsgId: nsg.id, rule: toRule(d) }]);
    if (err) setApplyError(err);
    else onDone();
  };
  return (
    <form className="wi-form" data-testid="nsg-rule-form" onSubmit={submit} noValidate>
      <p className="muted small">New rule in NSG <strong>{nsg.name}</strong></p>
      {field('name', 'Name', <input data-testid="rule-name" value={d.name} onChange={set('name')} />)}
      {field('priority', 'Priority', <input data-testid="rule-priority" inputMode="numeric" value={d.priority} onChange={set('priority')} />)}
      <div className="wi-row">
        {field('direction', 'Direction', <select data-testid="rule-direction" value={d.direction} onChange={set('direction')}><option>Inbound</option><option>Outbound</option></select>)}
        {field('access', 'Access', <select data-testid="rule-access" value={d.access} onChange={set('access')}><option>Allow</option><option>Deny</option></select>)}
        {field('protocol', 'Protocol', <select data-testid="rule-protocol" value={d.protocol} onChange={set('protocol')}>{PROTOCOLS.map((p) => <option key={p}>{p}</option>)}</select>)}
      </div>
      {field('sourceAddressPrefixes', 'Source (prefix, IP or tag)', <input data-testid="rule-source" value={d.source} onChange={set('source')} />)}
      {field('destinationAddressPrefixes', 'Destination (prefix, IP or tag)', <input data-testid="rule-destination" value={d.destination} onChange={set('destination')} />)}
      {field('destinationPortRanges', 'Destination port', <input data-testid="rule-port" value={d.port} onChange={set('port')} />)}
      {applyError && !applyError.field.startsWith('rule.') && <p className="wi-error" role="alert">{applyError.message}</p>}
      <div className="wi-row">
        <button type="submit" data-testid="rule-add">Add rule</button>
        <button type="button" className="ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
